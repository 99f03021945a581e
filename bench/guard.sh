#!/usr/bin/env bash
# Benchmark: a @Guarded read vs the same read unguarded, on one Payara Server in one run
# (bench/server.sh starts it; bench/LoadBench.java drives it).
set -euo pipefail
source "$(dirname "$0")/server.sh"
workspace="ws-bench-$(date +%s)"
# LoadBench.java imports billing-module's test jar (the webhook modes): it needs it on the class path.
java -cp "$(ls billing-module/target/billing-module-*-tests.jar):ear/target/portico/lib/gson.jar" \
    bench/LoadBench.java guard http://127.0.0.1:8080/ "$workspace" \
    "$(java bench/DevToken.java --workspace "$workspace" --minutes 30 2>/dev/null)"
