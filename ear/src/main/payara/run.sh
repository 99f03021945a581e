#!/usr/bin/env bash
# `mvn -Prun`: Payara Server in the foreground with the EAR deployed; Ctrl-C or SIGTERM stops it cleanly.
# Settings reach Portico as environment variables (MicroProfile Config names, e.g. STRIPE_API_KEY).
set -uo pipefail
payara_home=$1
ear=$2
asadmin=$payara_home/bin/asadmin
domain_dir=$payara_home/glassfish/domains/domain1
pid_file=$domain_dir/config/pid

# When Maven itself is killed our stdout is a broken pipe: writing must not abort the clean-up.
trap '' PIPE

server_running() {
  [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null
}

stop() {
  trap '' INT TERM # finish the clean-up whatever else arrives
  echo "Stopping Payara Server..."
  for _ in 1 2 3; do
    "$asadmin" stop-domain domain1 >/dev/null 2>&1
    for _ in $(seq 1 20); do server_running || break; sleep 1; done
    server_running || break
  done
  server_running && kill -9 "$(cat "$pid_file")"
  exit "${1:-0}"
}

"$asadmin" start-domain --verbose domain1 &
launcher_pid=$!
trap stop INT TERM

for _ in $(seq 1 120); do
  "$asadmin" list-applications >/dev/null 2>&1 && break
  kill -0 "$launcher_pid" 2>/dev/null || { echo "Payara Server did not start"; exit 1; }
  sleep 1
done
# A Portico deployed by an earlier run loads on its own after start-up; let it finish before
# redeploying the fresh EAR over it, or the two deployments collide.
if "$asadmin" list-applications 2>/dev/null | grep -q '^portico '; then
  for _ in $(seq 1 120); do
    code=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8080/api/billing/subscription || true)
    [ "$code" = 401 ] && break
    sleep 1
  done
fi
if ! "$asadmin" deploy --force=true --name portico "$ear"; then
  echo "Deploying $ear failed: see $domain_dir/logs/server.log"
  stop 1
fi
echo
echo "Portico is running at http://localhost:8080 - Ctrl-C stops it."
# Maven does not pass SIGTERM on to this script: follow it instead, and stop when it is gone.
maven_pid=$PPID
while server_running; do
  kill -0 "$maven_pid" 2>/dev/null || stop
  sleep 1
done
