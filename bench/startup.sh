#!/usr/bin/env bash
# Start-up time and memory of govhub's embedded mode, measured on this machine.
#
#   bench/startup.sh [warm-runs]        (default 3; builds the jar first if it is missing)
#
# For each run: time from `java -jar` to the first HTTP 200 "UP" from /actuator/health, then the resident set size
# (RSS) of the govhub JVM and the proportional set size (PSS) of the PostgreSQL server (postmaster and its children)
# and of Redis. Run 1 is cold (an empty
# data directory: binaries extracted, initdb, migrations, demo accounts); the others are warm restarts.
# Baseline in the same run: a bare JVM start (`java -version`), so that a noisy machine shows in both figures.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
JAR=gateway/target/govhub.jar
[ -f "$JAR" ] || ./mvnw -q package -DskipTests
WORK=$(mktemp -d /tmp/govhub-bench.XXXXXX)
PORT=18080
trap 'pkill -TERM -f "govhub-bench-marker" 2>/dev/null || true; sleep 3; rm -rf "$WORK"' EXIT

now_ms() { date +%s%3N; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
# proportional set size: shared pages (PostgreSQL's shared buffers) divided among the processes that map them,
# so the sum over a server's processes is its real footprint (a sum of RSS would count shared memory many times)
pss_kb() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "java: $(java -version 2>&1 | head -1)"

t0=$(now_ms); for i in 1 2 3; do java -version >/dev/null 2>&1; done; t1=$(now_ms)
echo "baseline: bare JVM start (java -version), mean of 3: $(( (t1 - t0) / 3 )) ms"

printf '%-6s %10s %12s %14s %12s\n' run ready_ms jvm_rss_MB postgres_pss_MB redis_pss_MB
for run in $(seq 0 "$RUNS"); do
  kind=$([ "$run" = 0 ] && echo cold || echo "warm$run")
  start=$(now_ms)
  java -Dgovhub-bench-marker -jar "$JAR" --server.port=$PORT --govhub.data-dir="$WORK/data" > "$WORK/$kind.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "govhub exited; see $WORK/$kind.log"; tail -20 "$WORK/$kind.log"; exit 1; fi
    if [ $(( $(now_ms) - start )) -gt 180000 ]; then echo "not healthy after 180 s"; exit 1; fi
    sleep 0.1
  done
  ready=$(( $(now_ms) - start ))
  sleep 2 # let start-up work settle before reading memory
  jvm=$(rss_kb "$pid")
  postmaster=$(head -1 "$WORK/data/postgres/postmaster.pid")
  pg=0; for p in "$postmaster" $(pgrep -P "$postmaster"); do pg=$(( pg + $(pss_kb "$p") )); done
  redis=$(pss_kb "$(head -1 "$WORK/data/redis/redis.pid")")
  printf '%-6s %10d %12d %14d %12d\n' "$kind" "$ready" $(( jvm / 1024 )) $(( pg / 1024 )) $(( redis / 1024 ))
  kill -TERM "$pid"; wait "$pid" || true
done
