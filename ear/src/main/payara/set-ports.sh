#!/usr/bin/env bash
# Moves every port of a prepared Payara Server domain to BASE + Payara's usual offsets (as
# `asadmin create-domain --portbase` would): admin BASE+48, HTTP BASE+80, HTTPS BASE+81, IIOP
# BASE+37..39, OSGi shell BASE+66, JMS BASE+76, JMX BASE+86. The EAR tests run their server this
# way (it.port.base in ear/pom.xml, 20000 unless -Dit.port.base=... says otherwise), so they can run
# beside another Payara Server, such as `mvn -Prun` on 8080/4848. Idempotent: run before every start.
set -euo pipefail
config=$1/glassfish/domains/domain1/config/domain.xml
base=$2
# server-config holds literal ports; default-config's ${...} placeholders are left alone.
sed -i -E \
  -e "s#(<network-listener [^>]*port=\")[0-9]+(\"[^>]*name=\"http-listener-1\")#\1$((base + 80))\2#" \
  -e "s#(<network-listener [^>]*port=\")[0-9]+(\"[^>]*name=\"http-listener-2\")#\1$((base + 81))\2#" \
  -e "s#(<network-listener [^>]*port=\")[0-9]+(\"[^>]*name=\"admin-listener\")#\1$((base + 48))\2#" \
  -e "s#(<iiop-listener [^>]*port=\")[0-9]+(\"[^>]*id=\"orb-listener-1\")#\1$((base + 37))\2#" \
  -e "s#(<iiop-listener [^>]*port=\")[0-9]+(\"[^>]*id=\"SSL\")#\1$((base + 38))\2#" \
  -e "s#(<iiop-listener [^>]*port=\")[0-9]+(\"[^>]*id=\"SSL_MUTUALAUTH\")#\1$((base + 39))\2#" \
  -e "s#(<jmx-connector [^>]*port=\")[0-9]+(\"[^>]*name=\"system\")#\1$((base + 86))\2#" \
  -e "0,/osgi.shell.telnet.port=[0-9]+/s#(osgi.shell.telnet.port=)[0-9]+#\1$((base + 66))#" \
  -e "0,/name=\"JMS_PROVIDER_PORT\"[^>]*value=\"[0-9]+\"/s#(name=\"JMS_PROVIDER_PORT\"[^>]*value=\")[0-9]+#\1$((base + 76))#" \
  "$config"
for port in $((base + 48)) $((base + 80)); do
  grep -q "port=\"$port\"" "$config" || { echo "set-ports: port $port did not take in $config" >&2; exit 1; }
done
echo "Payara ports: HTTP $((base + 80)), admin $((base + 48)) (base $base)"
