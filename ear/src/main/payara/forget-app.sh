#!/usr/bin/env bash
# Forgets the Portico an earlier start deployed, while the server is down: it would otherwise load
# on its own at start-up, only to be deployed over at once, and a server killed mid-deployment (or
# with kill -9) can leave it half there, failing both that load and the next deployment. The
# domain is a copy of its own, and Portico's data lives outside it (portico.db.url).
set -euo pipefail
domain_dir=$1/glassfish/domains/domain1
sed -i -e '/<application-ref [^>]*ref="portico"/d' -e '/<application [^>]*name="portico"/,/<\/application>/d' \
    "$domain_dir/config/domain.xml"
rm -rf "$domain_dir/applications/portico" "$domain_dir/applications/__internal/portico" "$domain_dir"/generated/*/portico
