#!/usr/bin/env bash
# Benchmark: bounded at any size, on one Payara Server (default heap, -Xmx512m) on PostgreSQL.
# 1. Memory: 200,000 distinct workspaces, each one guarded read and one billing status read with a
#    token of its own (bench/ScaleBench.java); heap used after a full GC and p99 latency at 25k,
#    50k, 100k and 200k workspaces. Target: heap at 200k within 10% of 25k, p99 within 20%.
# 2. Storage: a month of settled events seeded into the inbox (60,000 rows of ~5 KB, received 66 to
#    36 days ago), then the retention purge (POST /api/operator/purge); the inbox's size on disk
#    before, after the purge (PostgreSQL reuses the space: plain VACUUM, as autovacuum does) and as
#    held by live rows (VACUUM FULL). The seeded table is analyzed first, as autovacuum keeps a
#    table that grew to this size.
# Needs PostgreSQL (BENCH_PG: psql connection options, default the `test` database at 127.0.0.1 as
# postgres) and ports 8080/4848; uses, and first drops, the schema portico_scale. Takes ~20 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
pg=(psql ${BENCH_PG:--h 127.0.0.1 -U postgres test} -v ON_ERROR_STOP=1 -qtA)
"${pg[@]}" -c "DROP SCHEMA IF EXISTS portico_scale CASCADE; CREATE SCHEMA portico_scale;"
export BENCH_DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=portico_scale" PORTICO_DB_USER=postgres
source bench/server.sh
classes=ear/target/bench-classes
javac -d "$classes" bench/DevToken.java bench/ScaleBench.java
pid=$(cat ear/target/bench/payara6/glassfish/domains/domain1/config/pid)

echo "== Memory: distinct workspaces (server pid $pid)"
java -cp "$classes" ScaleBench http://127.0.0.1:8080/ "$pid" | tee ear/target/scale-memory.txt

echo "== Storage: a seeded month of settled events, then the purge"
"${pg[@]}" -c "INSERT INTO portico_scale.billing_webhook_event
    (event_id, event_type, stripe_created_at, received_at, status, attempts, processed_at, payload)
  SELECT 'evt_scale' || i, 'customer.subscription.updated', now() - interval '66 days' + i * interval '43 seconds',
         now() - interval '66 days' + i * interval '43 seconds', 'APPLIED', 1, now() - interval '36 days',
         convert_to((SELECT string_agg(md5(i::text || '-' || j), '') FROM generate_series(1, 160) j), 'UTF8')
  FROM generate_series(1, 60000) i;
  ANALYZE portico_scale.billing_webhook_event;"
size() { "${pg[@]}" -c "SELECT pg_size_pretty(pg_total_relation_size('portico_scale.billing_webhook_event'))"; }
echo "inbox on disk, a month seeded:            $(size)"
operator=$(java bench/DevToken.java --operator --minutes 30 2>/dev/null)
started=$(date +%s%N)
purged=$(curl -sf -X POST -H "Authorization: Bearer $operator" http://127.0.0.1:8080/api/operator/purge)
echo "purge: $purged in $(( ($(date +%s%N) - started) / 1000000 )) ms"
"${pg[@]}" -c "VACUUM portico_scale.billing_webhook_event"
echo "inbox on disk after the purge (reusable): $(size)"
"${pg[@]}" -c "VACUUM FULL portico_scale.billing_webhook_event"
echo "inbox on disk held by live rows:          $(size)"
tail -1 ear/target/scale-memory.txt
