#!/usr/bin/env bash
# Import of a large implementation list: time, and peak heap with the heap capped.
#
#   bench/guide-import.sh [rows] [max-heap]      (defaults 10000 and 256m)
#
# Starts govhub in its embedded mode with -Xmx<max-heap> on a fresh data directory, writes a CSV of <rows> valid items
# (bench/ImportFile.java), uploads it as guide-editor, polls the import until it is done, and samples the JVM's used
# heap (Prometheus jvm_memory_used_bytes{area="heap"}) every 0.5 s. Baseline in the same run: the used heap just
# before the upload.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-10000}
HEAP=${2:-256m}
JAR=gateway/target/govhub.jar
[ -f "$JAR" ] || ./mvnw -q package -DskipTests
WORK=$(mktemp -d /tmp/govhub-bench.XXXXXX)
PORT=18082
java -Xmx"$HEAP" -jar "$JAR" --server.port=$PORT --govhub.data-dir="$WORK/data" > "$WORK/govhub.log" 2>&1 &
PID=$!
trap 'kill -TERM $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
BASE=http://127.0.0.1:$PORT
until curl -sf "$BASE/actuator/health" | grep -q '"status":"UP"'; do
  kill -0 $PID 2>/dev/null || { tail -30 "$WORK/govhub.log"; exit 1; }
  sleep 0.2
done
heap() { curl -s -u admin:demo123 "$BASE/actuator/prometheus" | grep '^jvm_memory_used_bytes{' | grep 'area="heap"' | awk '{s+=$NF} END {printf "%d", s/1048576}'; }
java bench/ImportFile.java "$WORK/list.csv" "$ROWS"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java: $(java -version 2>&1 | head -1); -Xmx$HEAP"
echo "file: $ROWS rows, $(( $(stat -c %s "$WORK/list.csv") / 1024 )) KiB"
echo "heap before upload: $(heap) MiB"
start=$(date +%s%3N)
LOC=$(curl -s -D - -o /dev/null -u guide-editor:demo123 -F "file=@$WORK/list.csv" "$BASE/api/v1/guide-imports" | awk -F': ' 'tolower($1)=="location" {print $2}' | tr -d '\r')
peak=0
while true; do
  h=$(heap); [ "$h" -gt "$peak" ] && peak=$h
  JOB=$(curl -s -u guide-editor:demo123 "$BASE$LOC")
  case "$JOB" in *'"status":"DONE"'*|*'"status":"FAILED"'*) break ;; esac
  sleep 0.5
done
ms=$(( $(date +%s%3N) - start ))
echo "import: $JOB"
echo "time: $ms ms ($(( ROWS * 1000 / (ms > 0 ? ms : 1) )) rows/s), peak heap used during import: $peak MiB (of -Xmx$HEAP)"
