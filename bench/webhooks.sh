#!/usr/bin/env bash
# Benchmark: signed webhooks vs the no-op endpoint, on one Payara Server in one run
# (bench/server.sh starts it; bench/LoadBench.java drives it).
set -euo pipefail
source "$(dirname "$0")/server.sh"
java bench/LoadBench.java webhooks http://127.0.0.1:8080/ whsec_bench ../shared
