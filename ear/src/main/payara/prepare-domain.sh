#!/usr/bin/env bash
# Prepares a freshly unpacked Payara Server once (a marker file records it):
# - every listener binds to loopback only, Hazelcast (clustering) is off: Portico runs as one node here;
# - the Derby engine joins the domain's own lib/, so an on-disk Derby database outlives redeploys
#   (Derby loaded from the EAR would boot a second engine on redeploy and fail with XSDB6);
# - an EAR's WARs share one CDI container (fish.payara.ear-combined-cdi-deployment): a product's own
#   WAR beside Portico's must see Portico's modules as the same beans, not copies of its own;
# - the HTTP listeners send no version banners (Server, X-Powered-By): they tell an attacker which
#   Payara and JDK to look up. Whatever order Payara writes the attributes in; the script fails
#   when a listener is left with its banner (an edit that matched nothing went unnoticed before).
# The HTTP thread pool keeps Payara's default (5 threads, a queue of 4096): an edit meant to raise
# it never matched either, and every figure in the README was measured with the default.
set -euo pipefail
payara_home=$1
ear_lib=$2
domain=$payara_home/glassfish/domains/domain1
marker=$domain/.portico-prepared-5
[ -f "$marker" ] && exit 0

cp "$ear_lib"/derby.jar "$ear_lib"/derbyshared.jar "$ear_lib"/derbytools.jar "$domain/lib/"

config=$domain/config/domain.xml
sed -i \
  -e 's#<network-listener port=#<network-listener address="127.0.0.1" port=#' \
  -e 's#address="0.0.0.0"#address="127.0.0.1"#g' \
  -e 's#<hazelcast-config-specific-configuration>#<hazelcast-config-specific-configuration enabled="false">#' \
  -e '/<http [^>]*default-virtual-server="server"/{/xpowered-by=/!s#<http #<http xpowered-by="false" server-header="false" #}' \
  "$config"
if grep '<http [^>]*default-virtual-server="server"' "$config" | grep -v 'xpowered-by="false"' | grep -q .; then
  echo "prepare-domain: an HTTP listener of $config still sends version banners" >&2
  exit 1
fi
grep -q 'fish.payara.ear-combined-cdi-deployment' "$config" || sed -i \
  -e '0,/<jvm-options>-Xmx512m<\/jvm-options>/s##<jvm-options>-Xmx512m</jvm-options>\n        <jvm-options>-Dfish.payara.ear-combined-cdi-deployment=true</jvm-options>#' \
  "$config"
touch "$marker"
echo "Payara domain prepared: $domain"
