#!/usr/bin/env bash
# Prepares a freshly unpacked Payara Server once (a marker file records it):
# - every listener binds to loopback only, Hazelcast (clustering) is off: Portico runs as one node here;
# - the Derby engine joins the domain's own lib/, so an on-disk Derby database outlives redeploys
#   (Derby loaded from the EAR would boot a second engine on redeploy and fail with XSDB6);
# - the HTTP thread pool may grow past its default of 5 threads: a webhook waits on its database
#   commit, and 5 threads would leave the cores idle meanwhile;
# - an EAR's WARs share one CDI container (fish.payara.ear-combined-cdi-deployment): a product's own
#   WAR beside Portico's must see Portico's modules as the same beans, not copies of its own;
# - the HTTP listeners send no version banners (Server, X-Powered-By): they tell an attacker which
#   Payara and JDK to look up.
set -euo pipefail
payara_home=$1
ear_lib=$2
domain=$payara_home/glassfish/domains/domain1
marker=$domain/.portico-prepared-4
[ -f "$marker" ] && exit 0

cp "$ear_lib"/derby.jar "$ear_lib"/derbyshared.jar "$ear_lib"/derbytools.jar "$domain/lib/"

config=$domain/config/domain.xml
sed -i \
  -e 's#<network-listener port=#<network-listener address="127.0.0.1" port=#' \
  -e 's#address="0.0.0.0"#address="127.0.0.1"#g' \
  -e 's#<hazelcast-config-specific-configuration>#<hazelcast-config-specific-configuration enabled="false">#' \
  -e '0,/<thread-pool name="http-thread-pool"><\/thread-pool>/s##<thread-pool name="http-thread-pool" min-thread-pool-size="8" max-thread-pool-size="64"></thread-pool>#' \
  -e 's#<http max-connections="250" default-virtual-server="server">#<http xpowered-by="false" server-header="false" max-connections="250" default-virtual-server="server">#' \
  "$config"
grep -q 'fish.payara.ear-combined-cdi-deployment' "$config" || sed -i \
  -e '0,/<jvm-options>-Xmx512m<\/jvm-options>/s##<jvm-options>-Xmx512m</jvm-options>\n        <jvm-options>-Dfish.payara.ear-combined-cdi-deployment=true</jvm-options>#' \
  "$config"
touch "$marker"
echo "Payara domain prepared: $domain"
