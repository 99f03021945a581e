#!/usr/bin/env bash
# `mvn -Prun`: Payara Server in the foreground with the EAR deployed; Ctrl-C or SIGTERM stops it cleanly.
# Settings reach Portico as environment variables (MicroProfile Config names, e.g. STRIPE_API_KEY).
# Without STRIPE_API_KEY it runs the demo: a local Stripe stand-in (WireMock on 127.0.0.1:12111),
# a locally generated sign-in key, a demo workspace with a subscription, and a link to open.
set -uo pipefail
payara_home=$1
ear=$2
demo_dir=${3:-}
source "$(dirname "$0")/demo.sh"
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
  # A server still booting has written no pid file yet: end it through its launcher.
  if [ -n "${launcher_pid:-}" ] && kill -0 "$launcher_pid" 2>/dev/null; then
    pkill -KILL -P "$launcher_pid" 2>/dev/null
    kill -KILL "$launcher_pid" 2>/dev/null
  fi
  [ -n "$stand_in_pid" ] && kill "$stand_in_pid" 2>/dev/null
  exit "${1:-0}"
}

# Another server on Portico's ports (a second `mvn -Prun`, another Payara) would answer in this
# one's place: say so and start nothing.
for port in 8080 4848; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is in use (another Payara Server, or a running mvn -Prun?): stop it first."
    exit 1
  fi
done

if [ -z "${STRIPE_API_KEY:-}" ] && [ -n "$demo_dir" ]; then
  start_demo
fi

bash "$(dirname "$0")/forget-app.sh" "$payara_home"
# A local run wants a quick start more than peak speed: C1 only (the tests' and the benchmark's
# copies of Payara keep the JVM's default).
grep -q 'TieredStopAtLevel' "$domain_dir/config/domain.xml" || sed -i \
    '0,/<jvm-options>-Xmx512m<\/jvm-options>/s##&<jvm-options>-XX:TieredStopAtLevel=1</jvm-options>#' \
    "$domain_dir/config/domain.xml"
"$asadmin" start-domain --verbose domain1 &
launcher_pid=$!
trap stop INT TERM

# The admin listener answers once the server is up (curl is quicker to ask than asadmin).
for _ in $(seq 1 600); do
  curl -s -o /dev/null http://127.0.0.1:4848/management/domain 2>/dev/null && break
  kill -0 "$launcher_pid" 2>/dev/null || { echo "Payara Server did not start"; stop 1; }
  sleep 0.2
done
if [ -n "$token_pid" ] && ! wait "$token_pid"; then
  echo "Making the demo sign-in key failed (bench/DevToken.java)"
  stop 1
fi
if ! "$asadmin" deploy --force=true --name portico "$ear"; then
  echo "Deploying $ear failed: see $domain_dir/logs/server.log"
  stop 1
fi
echo
echo "Portico is running at http://localhost:8080 - Ctrl-C stops it."
if [ -n "$demo_token_file" ]; then
  demo_token=$(cat "$demo_token_file")
  java "$repo/ear/src/main/demo/DemoSeed.java" http://127.0.0.1:8080/ "$STRIPE_WEBHOOK_SECRET" "$demo_workspace" \
      || echo "(seeding the demo subscription failed: see $domain_dir/logs/server.log)"
  echo
  echo "DEMO: open the billing page, signed in as a billing admin of $demo_workspace:"
  echo "  http://localhost:8080/billing/#token=$demo_token"
fi
# Maven does not pass SIGTERM on to this script: follow it instead, and stop when it is gone.
maven_pid=$PPID
while server_running; do
  kill -0 "$maven_pid" 2>/dev/null || stop
  sleep 1
done
