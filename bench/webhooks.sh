#!/usr/bin/env bash
# Benchmark: signed webhooks until applied vs the no-op endpoint, on one Payara Server in one run
# (bench/server.sh starts it; bench/LoadBench.java drives it with Stripe's example events from
# billing-module's test jar, which the build in server.sh makes, and watches the applier through
# the operator endpoint with a development operator token).
set -euo pipefail
source "$(dirname "$0")/server.sh"
java -cp "$(ls billing-module/target/billing-module-*-tests.jar):ear/target/portico/lib/gson.jar" \
    bench/LoadBench.java webhooks http://127.0.0.1:8080/ whsec_bench \
    "$(java bench/DevToken.java --operator --minutes 60 2>/dev/null)"
