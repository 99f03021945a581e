#!/usr/bin/env bash
# `mvn -Pcluster`: a local cluster of two Portico nodes on one PostgreSQL, in the foreground;
# Ctrl-C or SIGTERM stops both. Each node is a Payara Server domain of its own (target/cluster/
# node-a and node-b), like two machines behind a load balancer: they share nothing but the
# database, which is all Portico needs to coordinate (claims, publications, outbox, throttle and
# the enforcement caches' refresh). Node A answers on http://localhost:18080, node B on :19080.
# PORTICO_DB_URL must name PostgreSQL (default: jdbc:postgresql://127.0.0.1:5432/test, user
# postgres); without STRIPE_API_KEY both run the demo, with one Stripe stand-in.
set -uo pipefail
homes=("$1" "$2")
ear=$3
demo_dir=$4
bases=(18000 19000)
source "$(dirname "$0")/demo.sh"
trap '' PIPE

export PORTICO_DB_URL=${PORTICO_DB_URL:-jdbc:postgresql://127.0.0.1:5432/test}
export PORTICO_DB_USER=${PORTICO_DB_USER:-postgres}
case $PORTICO_DB_URL in
  jdbc:postgresql://*) ;;
  *) echo "A cluster needs a database both nodes share: PORTICO_DB_URL must be a PostgreSQL URL, not $PORTICO_DB_URL"; exit 1 ;;
esac
db_host_port=${PORTICO_DB_URL#jdbc:postgresql://}
db_host_port=${db_host_port%%/*}
db_host=${db_host_port%%:*}
db_port=${db_host_port##*:}
[ "$db_port" = "$db_host_port" ] && db_port=5432
if ! (exec 3<>"/dev/tcp/$db_host/$db_port") 2>/dev/null; then
  echo "No PostgreSQL answers at $db_host:$db_port (PORTICO_DB_URL=$PORTICO_DB_URL): start one, or point PORTICO_DB_URL at one."
  exit 1
fi
for base in "${bases[@]}"; do
  for port in $((base + 80)) $((base + 48)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "Port $port is in use (a running mvn -Pcluster?): stop it first."
      exit 1
    fi
  done
done

pid_of() { cat "$1/glassfish/domains/domain1/config/pid" 2>/dev/null; }
running() { local pid; pid=$(pid_of "$1") && kill -0 "$pid" 2>/dev/null; }

stop() {
  trap '' INT TERM
  echo "Stopping both nodes..."
  local stopping=()
  for home in "${homes[@]}"; do
    "$home/bin/asadmin" stop-domain domain1 >/dev/null 2>&1 &
    stopping+=($!)
  done
  for job in "${stopping[@]}"; do wait "$job"; done
  for home in "${homes[@]}"; do
    running "$home" && kill -9 "$(pid_of "$home")"
  done
  [ -n "$stand_in_pid" ] && kill "$stand_in_pid" 2>/dev/null
  exit "${1:-0}"
}
trap stop INT TERM

if [ -z "${STRIPE_API_KEY:-}" ]; then
  start_demo
fi
# Both at once (each step waits for its own two jobs only: the stand-in runs on in the background).
jobs_of_step=()
for i in 0 1; do
  bash "$(dirname "$0")/set-ports.sh" "${homes[$i]}" "${bases[$i]}" >/dev/null || stop 1
  bash "$(dirname "$0")/forget-app.sh" "${homes[$i]}"
  "${homes[$i]}/bin/asadmin" start-domain domain1 >/dev/null &
  jobs_of_step+=($!)
done
for job in "${jobs_of_step[@]}"; do wait "$job" || { echo "A node did not start"; stop 1; }; done
if [ -n "$token_pid" ] && ! wait "$token_pid"; then
  echo "Making the demo sign-in key failed (bench/DevToken.java)"
  stop 1
fi
jobs_of_step=()
for i in 0 1; do
  "${homes[$i]}/bin/asadmin" --port $((bases[i] + 48)) deploy --force=true --name portico "$ear" >/dev/null &
  jobs_of_step+=($!)
done
for job in "${jobs_of_step[@]}"; do wait "$job" || { echo "Deploying $ear failed: see the nodes' server.log"; stop 1; }; done
for i in 0 1; do
  url=http://127.0.0.1:$((bases[i] + 80))
  curl -sf -o /dev/null "$url/health/ready" || { echo "Node at $url is not ready: see ${homes[$i]}/glassfish/domains/domain1/logs/server.log"; stop 1; }
done
echo
echo "Portico cluster is running: node A http://localhost:18080, node B http://localhost:19080"
echo "(one PostgreSQL: $PORTICO_DB_URL) - Ctrl-C stops both."
if [ -n "$demo_token_file" ]; then
  java "$repo/ear/src/main/demo/DemoSeed.java" http://127.0.0.1:18080/ "$STRIPE_WEBHOOK_SECRET" "$demo_workspace" \
      || echo "(seeding the demo subscription failed)"
  demo_token=$(cat "$demo_token_file")
  echo
  echo "DEMO: the billing page of $demo_workspace, signed in as its billing admin, on either node:"
  echo "  http://localhost:18080/billing/#token=$demo_token"
  echo "  http://localhost:19080/billing/#token=$demo_token"
fi
# Maven does not pass SIGTERM on to this script: follow it instead, and stop when it is gone.
maven_pid=$PPID
while running "${homes[0]}" || running "${homes[1]}"; do
  kill -0 "$maven_pid" 2>/dev/null || stop
  sleep 1
done
