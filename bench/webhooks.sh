#!/usr/bin/env bash
# Benchmark: signed webhooks vs the no-op endpoint, on one Payara Server in one run.
# Builds the EAR, starts a Payara Server of its own (ear/target/bench) with a throw-away Derby
# database, runs bench/WebhookBench.java against it, and stops the server. Needs ports 8080/4848.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests -Dpayara.parent="$PWD/ear/target/bench" package
asadmin=ear/target/bench/payara6/bin/asadmin
db=$(mktemp -d)
export STRIPE_WEBHOOK_SECRET=whsec_bench PORTICO_DB_URL="${BENCH_DB_URL:-jdbc:derby:$db/derby;create=true}"
"$asadmin" start-domain domain1 >/dev/null
trap '"$asadmin" undeploy portico >/dev/null 2>&1; "$asadmin" stop-domain domain1 >/dev/null; rm -rf "$db"' EXIT
"$asadmin" deploy --force=true --name portico ear/target/portico.ear >/dev/null
echo "Machine: $(nproc) cores; server and load generator share them."
java bench/WebhookBench.java http://127.0.0.1:8080/ whsec_bench ../shared
