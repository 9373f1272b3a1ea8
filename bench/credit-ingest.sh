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
# The JVM's used heap (Prometheus jvm_memory_used_bytes{area="heap"}) is sampled every second; the peak is reported,
# with the CPU time PostgreSQL and the JVM used from the move to the last outcome, and the JVM's busiest threads.
# Afterwards (BENCH_FLOOR=0 skips it) the floor: the stored decisions and forwarding messages written again into
# tables with the same indexes by two connections at once, no parsing and no client work (CreditIngest floor).
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
# CPU time (clock ticks) per JVM thread and of all PostgreSQL processes of this data directory, to say where the time
# goes. Threads are sampled every second (a file's reader thread ends before the run does): per thread id, the last
# value seen less the first (0 for a thread started during the run), summed by thread name.
threads() { cat /proc/$PID/task/*/stat 2>/dev/null | awk '{i = index($0, "("); j = length($0); while (substr($0, j, 1) != ")") j--;
  n = substr($0, i + 1, j - i - 1); gsub(/ /, "_", n); split(substr($0, j + 2), f, " "); print $1, n, f[12] + f[13]}'; }
pg_cpu() { local m t=0; m=$(head -1 "$WORK/data/postgres/postmaster.pid"); for p in $m $(pgrep -P "$m"); do
  [ -r /proc/$p/stat ] && t=$((t + $(awk '{print $14 + $15}' /proc/$p/stat))); done; echo $t; }
jvm_cpu() { awk '{print $14 + $15}' /proc/$PID/stat; }
threads | sed 's/^/0 /' > "$WORK/threads"; PG0=$(pg_cpu); JVM0=$(jvm_cpu); WALL0=$(date +%s%3N)
( while kill -0 $PID 2>/dev/null; do threads | sed 's/^/1 /' >> "$WORK/threads"; sleep 1; done ) &
THREADS=$!
# the move is a rename within one file system: the folder never holds a partial file
touch -d '-5 seconds' "$WORK/decisions.csv"
mv "$WORK/decisions.csv" "$WORK/drop/$MARKET/decisions.csv"
helper wait "$WORK/data" "$N"
kill $SAMPLER 2>/dev/null || true
kill $THREADS 2>/dev/null || true
echo "peak heap used: $(cat "$WORK/peak" 2>/dev/null || echo '?') MiB (of -Xmx$HEAP)"
threads | sed 's/^/1 /' >> "$WORK/threads"; PG1=$(pg_cpu); JVM1=$(jvm_cpu); WALL1=$(date +%s%3N); HZ=$(getconf CLK_TCK)
echo "cpu over $(( WALL1 - WALL0 )) ms: PostgreSQL $(( (PG1 - PG0) * 1000 / HZ )) ms, govhub JVM $(( (JVM1 - JVM0) * 1000 / HZ )) ms; its threads, busiest first (ms):"
awk -v hz="$HZ" '$1 == 0 {first[$2] = $4; next} {if (!($2 in start)) start[$2] = ($2 in first) ? first[$2] : 0;
  last[$2] = $4; name[$2] = $3} END {for (t in last) s[name[t]] += last[t] - start[t];
  for (n in s) if (s[n] * 1000 / hz >= 500) printf "%d %s\n", s[n] * 1000 / hz, n}' "$WORK/threads" | sort -nr | head -12 \
  | awk '{printf "  %-24s %8d\n", $2, $1}'
# counted after the CPU time is read: the count is not part of the pipeline
helper outcomes "$WORK/data" "$N"
# a lower bound: writing the rows the pipeline wrote, already built, with the tables' indexes (see CreditIngest floor)
[ "${BENCH_FLOOR:-1}" = 1 ] && helper floor "$WORK/data"
grep -E "Drop folder: .* received|Credit file .* processed" "$WORK/govhub.log" | tail -2 | cut -c1-260 || true
