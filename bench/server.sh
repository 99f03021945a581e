# Sourced by the bench scripts: builds the EAR, starts a Payara Server of its own
# (ear/target/bench) with a throw-away Derby database, deploys Portico, and stops it all on exit.
# Trusts the development token key (bench/DevToken.java, ~/.portico/dev-jwt). Needs ports 8080/4848.
cd "$(dirname "$0")/.."
mvn -q -DskipTests -Dpayara.parent="$PWD/ear/target/bench" package
java bench/DevToken.java >/dev/null 2>&1  # makes the development key pair on first use
asadmin=ear/target/bench/payara6/bin/asadmin
db=$(mktemp -d)
export STRIPE_WEBHOOK_SECRET=whsec_bench PORTICO_DB_URL="${BENCH_DB_URL:-jdbc:derby:$db/derby;create=true}"
export MP_JWT_VERIFY_PUBLICKEY_LOCATION="file://$HOME/.portico/dev-jwt/public.pem" MP_JWT_VERIFY_ISSUER=https://dev.portico.local MP_JWT_VERIFY_AUDIENCES=portico
"$asadmin" start-domain domain1 >/dev/null
trap '"$asadmin" undeploy portico >/dev/null 2>&1; "$asadmin" stop-domain domain1 >/dev/null; rm -rf "$db"' EXIT
"$asadmin" deploy --force=true --name portico ear/target/portico.ear >/dev/null
echo "Machine: $(nproc) cores; server and load generator share them."
