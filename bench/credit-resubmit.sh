#!/usr/bin/env bash
# A department's export sent again: the same file of credit decisions (双公示) received three times, with and without
# the decisions' idempotency keys in Redis (决定幂等键).
#
#   bench/credit-resubmit.sh [records] [keys]      (defaults 200000, on; keys=off: the database only)
#
# Starts govhub in its embedded mode on a fresh data directory (the credit platform SIMULATOR in an outage, so that
# forwarding the new records does not share the cores with the passes after), writes a CSV of <records> penalty
# decisions (bench/CreditIngest.java), waits for the demo decisions, then drops the same file into the drop folder
# three times, each after the one before has every outcome:
#  1. every decision new (ACCEPTED); no key is written for a new decision;
#  2. every valid decision a duplicate, found in the database (each then remembered in Redis, keys=on);
#  3. every valid decision a duplicate again: keys=on, answered from Redis without reading the records.
# For each pass: the time from the drop to the last outcome, the CPU time of PostgreSQL, the govhub JVM and Redis, the
# outcome counts; at the end the lookups and hits counted by govhub (/actuator/prometheus) and Redis's memory.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-200000}
KEYS=${2:-on}
JAR=${GOVHUB_JAR:-gateway/target/govhub.jar}
[ -f "$JAR" ] || ./mvnw -q package -DskipTests
PGJAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
WORK=$(mktemp -d /tmp/govhub-bench.XXXXXX)
PORT=18084
MARKET=11371300MB28500332
ENABLED=true; [ "$KEYS" = off ] && ENABLED=false
mkdir -p "$WORK/drop/$MARKET"
# shellcheck disable=SC2086
java -Xmx512m ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port=$PORT --govhub.data-dir="$WORK/data" \
  --govhub.credit.decision-keys.enabled=$ENABLED \
  --govhub.credit.drop-folder.dir="$WORK/drop" --govhub.credit.drop-folder.poll-interval=200ms > "$WORK/govhub.log" 2>&1 &
PID=$!
trap 'kill -TERM $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
BASE=http://127.0.0.1:$PORT
helper() { java -cp "$PGJAR" bench/CreditIngest.java "$@"; }
metric() { curl -s -u admin:demo123 "$BASE/actuator/prometheus" | awk -v m="$1" '$1 ~ "^"m {printf "%d", $NF}'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java: $(java -version 2>&1 | head -1); keys=$KEYS"
helper generate "$WORK/decisions.csv" "$N"
until curl -sf "$BASE/actuator/health" | grep -q '"status":"UP"'; do
  kill -0 $PID 2>/dev/null || { tail -30 "$WORK/govhub.log"; exit 1; }
  sleep 0.5
done
helper idle "$WORK/data"
SIM=$(curl -s -u admin:demo123 "$BASE/api/v1/admin/partners" | grep -o '"id":"sim-sd-credit"[^}]*"endpoint":"[^"]*"' | grep -o 'http://[^"]*')
curl -sf -X POST -H 'Content-Type: application/json' -d '{"outage":true}' "$SIM/sim/control" > /dev/null
pg_cpu() { local m t=0; m=$(head -1 "$WORK/data/postgres/postmaster.pid"); for p in $m $(pgrep -P "$m"); do
  [ -r /proc/$p/stat ] && t=$((t + $(awk '{print $14 + $15}' /proc/$p/stat))); done; echo $t; }
jvm_cpu() { awk '{print $14 + $15}' /proc/$PID/stat; }
redis_cpu() { local p; p=$(cat "$WORK/data/redis/redis.pid" 2>/dev/null || true); [ -n "$p" ] && [ -r /proc/$p/stat ] \
  && awk '{print $14 + $15}' /proc/$p/stat || echo 0; }
HZ=$(getconf CLK_TCK)
for pass in 1 2 3; do
  cp "$WORK/decisions.csv" "$WORK/pass-$pass.csv"
  touch -d '-5 seconds' "$WORK/pass-$pass.csv"
  PG0=$(pg_cpu); JVM0=$(jvm_cpu); R0=$(redis_cpu); T0=$(date +%s%3N)
  mv "$WORK/pass-$pass.csv" "$WORK/drop/$MARKET/pass-$pass.csv"
  helper wait "$WORK/data" "$N" "$pass" | grep processed | sed "s/^/pass $pass: /"
  PG1=$(pg_cpu); JVM1=$(jvm_cpu); R1=$(redis_cpu); T1=$(date +%s%3N)
  echo "pass $pass: cpu PostgreSQL $(( (PG1 - PG0) * 1000 / HZ )) ms, govhub JVM $(( (JVM1 - JVM0) * 1000 / HZ )) ms, Redis $(( (R1 - R0) * 1000 / HZ )) ms over $(( T1 - T0 )) ms; $(helper outcomes "$WORK/data" "$N" "$pass" | head -1)"
done
echo "decision keys: lookups=$(metric govhub_credit_decision_keys_lookups_total) hits=$(metric govhub_credit_decision_keys_hits_total)"
REDIS_PORT=$(grep -o 'Embedded Redis ready on 127.0.0.1:[0-9]*' "$WORK/govhub.log" | grep -o '[0-9]*$' | tail -1)
[ -n "$REDIS_PORT" ] && { exec 3<>/dev/tcp/127.0.0.1/"$REDIS_PORT"; printf 'INFO memory\r\n' >&3; timeout 1 cat <&3 | grep -E '^used_memory_human|^maxmemory_human' | tr -d '\r' | tr '\n' ' '; echo; exec 3>&-; } || true
