#!/usr/bin/env bash
# Benchmark: the access check for services outside the EAR (GET /api/access) vs the no-op
# (GET /api/health), both with the same token, on one Payara Server in one run (bench/server.sh
# starts it; bench/LoadBench.java drives it). The workspace has no subscription: read-only, so a
# read is allowed (200), served from the guard's cache after its first call.
set -euo pipefail
source "$(dirname "$0")/server.sh"
workspace="ws-bench-$(date +%s)"
java -cp "$(ls billing-module/target/billing-module-*-tests.jar):ear/target/portico/lib/gson.jar" \
    bench/LoadBench.java access http://127.0.0.1:8080/ \
    "$(java bench/DevToken.java --workspace "$workspace" --minutes 30 2>/dev/null)"
