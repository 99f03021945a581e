#!/usr/bin/env bash
# Benchmark: sustained applied events per second on one node, then on two (round-robin), on the
# same PostgreSQL in one run, with the apply lag at 200 events/s. On one machine the two nodes
# share its cores: the ratio shows what coordinating through the database costs, not scaling.
# Needs PostgreSQL (BENCH_DB_URL, default the `test` database's public schema, user postgres) and
# ports 18080/18048 and 19080/19048 (the nodes of mvn -Pcluster: stop that first).
set -euo pipefail
cd "$(dirname "$0")/.."
parent=$PWD/ear/target/bench-cluster
# Two prepared Payara copies, nothing started: the cluster profile's node B copy without its run.
mvn -q -DskipTests -Dpayara.parent="$parent/node-a" -Dit.node-b.parent="$parent/node-b" -Dnode-b.skip=false package
java bench/DevToken.java >/dev/null 2>&1  # makes the development key pair on first use
homes=("$parent/node-a/payara6" "$parent/node-b/payara6")
bases=(18000 19000)
export STRIPE_WEBHOOK_SECRET=whsec_bench PORTICO_DB_URL="${BENCH_DB_URL:-jdbc:postgresql://127.0.0.1:5432/test}"
export PORTICO_DB_USER="${BENCH_DB_USER:-postgres}"
export MP_JWT_VERIFY_PUBLICKEY_LOCATION="file://$HOME/.portico/dev-jwt/public.pem" MP_JWT_VERIFY_ISSUER=https://dev.portico.local MP_JWT_VERIFY_AUDIENCES=portico
start() {
  bash ear/src/main/payara/set-ports.sh "${homes[$1]}" "${bases[$1]}" >/dev/null
  bash ear/src/main/payara/forget-app.sh "${homes[$1]}"
  "${homes[$1]}/bin/asadmin" start-domain domain1 >/dev/null
  "${homes[$1]}/bin/asadmin" --port $((bases[$1] + 48)) deploy --force=true --name portico ear/target/portico.ear >/dev/null
}
trap 'for h in "${homes[@]}"; do "$h/bin/asadmin" stop-domain domain1 >/dev/null 2>&1 || true; done' EXIT
load() {
  java -cp "$(ls billing-module/target/billing-module-*-tests.jar):ear/target/portico/lib/gson.jar" bench/LoadBench.java \
      nodes whsec_bench "$(java bench/DevToken.java --operator --minutes 60 2>/dev/null)" "$@"
}
echo "Machine: $(nproc) cores; both nodes, PostgreSQL and the load generator share them."
start 0
one=$(load http://127.0.0.1:18080/ | tee /dev/stderr | tail -1)
start 1
two=$(load http://127.0.0.1:18080/ http://127.0.0.1:19080/ | tee /dev/stderr | tail -1)
rate() { sed -E 's/.*applied ([0-9]+) events.*/\1/' <<<"$1"; }
echo "$one"
echo "$two"
echo "two nodes/one node: $(( 100 * $(rate "$two") / $(rate "$one") ))%"
