#!/usr/bin/env bash
# Benchmark phases of webhooks.sh alone, on a server of their own: `bash bench/webhook-phase.sh burst` sends a
# burst of signed webhooks at the same moment (every answer a 2xx or a deliberate 503 with
# Retry-After, the rest counted by kind); `... rest` the at-rest phase (lone
# events 500 ms apart, each timed from its 200). BENCH_DB_URL picks the database (server.sh).
set -euo pipefail
source "$(dirname "$0")/server.sh"
java -cp "$(ls billing-module/target/billing-module-*-tests.jar):ear/target/portico/lib/gson.jar" \
    bench/LoadBench.java "${1:?burst or rest}" http://127.0.0.1:8080/ whsec_bench \
    "$(java bench/DevToken.java --operator --minutes 60 2>/dev/null)"
