#!/usr/bin/env bash
# Bulk ingest of credit decisions (双公示) through the whole pipeline, against a plain COPY of the same rows.
#
#   bench/credit-ingest.sh [records] [max-heap] [platform]     (defaults 1000000, 512m, up)
#
# platform=down: the credit platform SIMULATOR answers 503 during the run (forwarding waits in the outbox, as in an
# outage), so the figures are the pipeline's alone; up: it takes the records, forwarding runs at the same time on the
# same 2 cores. BENCH_JAVA_OPTS adds JVM options (e.g. a JFR recording); GOVHUB_JAR runs another build (a copy of an
# older jar, to compare two builds on the same day; default gateway/target/govhub.jar).
#
# Writes a CSV of <records> penalty decisions (bench/CreditIngest.java), starts govhub in its embedded mode with
# -Xmx<max-heap> on a fresh data directory and a drop folder, waits for the demo decisions to be processed, then:
#  1. baseline: COPY of the file into a plain table of text columns in the same PostgreSQL;
#  2. the pipeline: the file is moved into the drop folder of 临沂市市场监督管理局; timed from the move until every
#     record has its outcome (parse, validate, dedupe, mask, store, outcome, forwarding queued); the time at which
#     the receipt committed (the file read and stored) is printed on the way.
# The JVM's used heap (Prometheus jvm_memory_used_bytes{area="heap"}) is sampled every second; the peak is reported.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
HEAP=${2:-512m}
PLATFORM=${3:-up}
JAR=${GOVHUB_JAR:-gateway/target/govhub.jar}
[ -f "$JAR" ] || ./mvnw -q package -DskipTests
PGJAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
WORK=$(mktemp -d /tmp/govhub-bench.XXXXXX)
PORT=18083
MARKET=11371300MB28500332
mkdir -p "$WORK/drop/$MARKET"
# shellcheck disable=SC2086
java -Xmx"$HEAP" ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port=$PORT --govhub.data-dir="$WORK/data" \
  --govhub.credit.drop-folder.dir="$WORK/drop" --govhub.credit.drop-folder.poll-interval=200ms > "$WORK/govhub.log" 2>&1 &
PID=$!
trap 'kill -TERM $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
BASE=http://127.0.0.1:$PORT
helper() { java -cp "$PGJAR" bench/CreditIngest.java "$@"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java: $(java -version 2>&1 | head -1); -Xmx$HEAP"
t=$(date +%s%3N); helper generate "$WORK/decisions.csv" "$N"
echo "file: $N rows, $(( $(stat -c %s "$WORK/decisions.csv") / 1048576 )) MiB, written in $(( $(date +%s%3N) - t )) ms"
until curl -sf "$BASE/actuator/health" | grep -q '"status":"UP"'; do
  kill -0 $PID 2>/dev/null || { tail -30 "$WORK/govhub.log"; exit 1; }
  sleep 0.5
done
helper idle "$WORK/data"
heap() { curl -s -u admin:demo123 "$BASE/actuator/prometheus" | grep '^jvm_memory_used_bytes{' | grep 'area="heap"' | awk '{s+=$NF} END {printf "%d", s/1048576}'; }

helper copy "$WORK/data" "$WORK/decisions.csv"
if [ "$PLATFORM" = down ]; then
  SIM=$(curl -s -u admin:demo123 "$BASE/api/v1/admin/partners" | grep -o '"id":"sim-sd-credit"[^}]*"endpoint":"[^"]*"' | grep -o 'http://[^"]*')
  curl -sf -X POST -H 'Content-Type: application/json' -d '{"outage":true}' "$SIM/sim/control" > /dev/null
  echo "credit platform simulator ($SIM): outage"
fi

echo "heap before: $(heap) MiB"
( peak=0; while kill -0 $PID 2>/dev/null; do h=$(heap || echo 0); [ "${h:-0}" -gt "$peak" ] && { peak=$h; echo "$peak" > "$WORK/peak"; }; sleep 1; done ) &
SAMPLER=$!
# the move is a rename within one file system: the folder never holds a partial file
touch -d '-5 seconds' "$WORK/decisions.csv"
mv "$WORK/decisions.csv" "$WORK/drop/$MARKET/decisions.csv"
helper wait "$WORK/data" "$N"
kill $SAMPLER 2>/dev/null || true
echo "peak heap used: $(cat "$WORK/peak" 2>/dev/null || echo '?') MiB (of -Xmx$HEAP)"
grep -E "Drop folder: .* received|Credit file .* processed" "$WORK/govhub.log" | tail -2 | cut -c1-260 || true
