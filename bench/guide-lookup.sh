#!/usr/bin/env bash
# Guide lookup and search under a constant load, against a trivial endpoint of the same app in the same run.
#
#   bench/guide-lookup.sh [rate-per-second] [seconds]     (defaults 1000 and 30)
#
# Starts govhub in its embedded mode on a fresh data directory (demo catalog of 38 guides), warms it up, then runs
# bench/LoadGen.java (constant rate, open loop) from a separate JVM against, in turn:
#   1. GET /api/v1/calendar                    trivial: answered from memory, no database, no cache
#   2. GET /api/v1/guides/{code}               lookup of a published guide (shared Redis cache, evicted on publish)
#   3. GET /api/v1/guides?q=营业执照&division=371302   search (PostgreSQL)
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-1000}
SECONDS_=${2:-30}
JAR=gateway/target/govhub.jar
[ -f "$JAR" ] || ./mvnw -q package -DskipTests
WORK=$(mktemp -d /tmp/govhub-bench.XXXXXX)
PORT=18081
# the public rate limit (300 per minute per address) would measure the limiter, not the lookups
java -jar "$JAR" --server.port=$PORT --govhub.data-dir="$WORK/data" --govhub.rate-limit.public-per-ip=100000000 > "$WORK/govhub.log" 2>&1 &
PID=$!
trap 'kill -TERM $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" | grep -q '"status":"UP"'; do
  kill -0 $PID 2>/dev/null || { tail -30 "$WORK/govhub.log"; exit 1; }
  sleep 0.2
done
BASE=http://127.0.0.1:$PORT
CODE=$(curl -s "$BASE/api/v1/guides?size=1" | sed -E 's/.*"implementationCode":"([^"]+)".*/\1/')
SEARCH="$BASE/api/v1/guides?q=%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7&division=371302"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java: $(java -version 2>&1 | head -1)"
echo "warm-up (10 s at 200/s on each)"
java bench/LoadGen.java "$BASE/api/v1/calendar" 200 10 "$BASE/api/v1/guides/$CODE" "$SEARCH" > /dev/null
echo "trivial  $(java bench/LoadGen.java "$BASE/api/v1/calendar" "$RATE" "$SECONDS_")"
echo "lookup   $(java bench/LoadGen.java "$BASE/api/v1/guides/$CODE" "$RATE" "$SECONDS_")"
echo "search   $(java bench/LoadGen.java "$SEARCH" "$RATE" "$SECONDS_")"
