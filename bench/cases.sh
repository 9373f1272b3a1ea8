#!/usr/bin/env bash
# 一网通办 case submission and end-to-end dispatch under a constant load, against the same simulator reached
# directly in the same run.
#
#   bench/cases.sh [rate-per-second] [seconds] [warm-up-seconds]     (defaults 100, 30 and 60)
#   WARMUP_RATE=150 bench/cases.sh …    the warm-up's rate (default 50/s)
#   LEADIN=5 bench/cases.sh …           seconds each measured generator sends before it counts (default 5): its own
#                                        start (JIT, threads, connections) is then not in the figures
#   DAMON=off bench/cases.sh …          (root) stops the kernel's DAMON monitors that are on for the run and starts
#                                        them again after it. On the machines here one samples the whole physical
#                                        memory every 0.5 s for proactive reclaim, and every process stalls for a
#                                        moment each time: the hub's slowest 1 % (BENCHMARKS.md, fifteenth session).
#                                        The machine line says which monitors were on.
#
# Starts govhub in its embedded mode on a fresh data directory (durable PostgreSQL, message log on), turns the
# provincial platform SIMULATOR into a plain receiver (no latency, no status messages back), then from a separate JVM
# (bench/LoadGen.java, open loop) runs, in turn:
#   1. direct   POST {simulator}/cases                 the dispatch request straight to the simulator (baseline)
#   2. hub      POST /api/v1/cases (clerk-lanshan)     submission: validate, route, store, outbox, message log
# and reads the hub's own end-to-end figures for run 2 (commit of the submission → the simulator's acknowledgement)
# from GET /api/v1/admin/deliveries/latency.
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-100}
SECONDS_=${2:-30}
WARMUP=${3:-60}
JAR=${GOVHUB_JAR:-gateway/target/govhub.jar}  # GOVHUB_JAR: another build, to compare two on the same day
[ -f "$JAR" ] || ./mvnw -q package -DskipTests
WORK=$(mktemp -d /tmp/govhub-bench.XXXXXX)
PORT=18082
KDAMONDS=/sys/kernel/mm/damon/admin/kdamonds
damon() { local s=""; for k in "$KDAMONDS"/[0-9]*; do [ -r "$k/state" ] && s="$s kdamond $(basename "$k") $(cat "$k/state")"; done; echo "${s:- none}"; }
STOPPED_DAMON=()
if [ "${DAMON:-}" = off ]; then
  for k in "$KDAMONDS"/[0-9]*; do
    if [ "$(cat "$k/state" 2>/dev/null)" = on ]; then
      if echo off > "$k/state" 2>/dev/null; then STOPPED_DAMON+=("$k"); else echo "could not stop $k (root?)" >&2; fi
    fi
  done
fi
# shellcheck disable=SC2086
java ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port=$PORT --govhub.data-dir="$WORK/data" --govhub.demo.simulators=true \
  > "$WORK/govhub.log" 2>&1 &
PID=$!
# (|| true: under set -e a failing wait would end the trap before the clean-up)
trap 'kill -TERM $PID 2>/dev/null; wait $PID 2>/dev/null || true; rm -rf "$WORK"
  for k in "${STOPPED_DAMON[@]}"; do echo on > "$k/state"; done' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" | grep -q '"status":"UP"'; do
  kill -0 $PID 2>/dev/null || { tail -30 "$WORK/govhub.log"; exit 1; }
  sleep 0.2
done
BASE=http://127.0.0.1:$PORT
SIM=$(curl -s -u admin:demo123 "$BASE/api/v1/admin/partners" | python3 -c \
  "import json,sys; print([p['partner']['endpoint'] for p in json.load(sys.stdin) if p['partner']['id']=='sim-sd-province'][0])")
curl -s -X POST "$SIM/sim/control" -d '{"script":"RECEIVE_ONLY","latencyMs":0,"errorRate":0,"outage":false}' > /dev/null
cat > "$WORK/case.json" <<'JSON'
{"implementationCode":"11371300MB285002573010000010000","division":"371302","applicant":{"name":"李四","idType":"ID_CARD","idNumber":"371302199001010011","phone":"13800001234"}}
JSON
cat > "$WORK/direct.json" <<'JSON'
{"caseNumber":"BENCH{n}","implementationCode":"11371300MB285002573010000010000","itemName":"食品经营许可（新办）","division":"371302","channel":"HALL","applicant":{"name":"李四","idType":"ID_CARD","idNumber":"371302199001010011","phone":"13800001234"},"submittedAt":"2026-11-27T00:00:00Z","timeLimitWorkingDays":5,"promisedDate":"2026-12-04","materials":[]}
JSON
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java: $(java -version 2>&1 | head -1); DAMON:$(damon)$([ ${#STOPPED_DAMON[@]} -gt 0 ] && echo " (stopped for this run)")"
# warm-up: the JIT compiles Spring, Camel, CXF and the driver for a while; a server runs for days, so measure after it
WARMUP_RATE=${WARMUP_RATE:-50}
echo "warm-up ($WARMUP s at $WARMUP_RATE/s on each)"
java -Dbody="$WORK/direct.json" bench/LoadGen.java "$SIM/cases" "$WARMUP_RATE" "$WARMUP" > /dev/null
java -Dbody="$WORK/case.json" -Dauth=clerk-lanshan:demo123 bench/LoadGen.java "$BASE/api/v1/cases" "$WARMUP_RATE" "$WARMUP" > /dev/null
sleep 3
LEADIN=${LEADIN:-5}
echo "direct   $(java -Dleadin="$LEADIN" -Dbody="$WORK/direct.json" bench/LoadGen.java "$SIM/cases" "$RATE" "$SECONDS_")"
# CPU time (user + system, in clock ticks) of the govhub JVM and of all PostgreSQL processes of this data directory
cpu() { local t=0; for p in "$@"; do [ -r /proc/$p/stat ] && t=$((t + $(awk '{print $14 + $15}' /proc/$p/stat))); done; echo $t; }
pg_pids() { local m; m=$(head -1 "$WORK/data/postgres/postmaster.pid"); echo "$m $(pgrep -P "$m" | tr '\n' ' ')"; }
SINCE=$(date -u +%Y-%m-%dT%H:%M:%S.%NZ)
J0=$(cpu $PID); P0=$(cpu $(pg_pids))
echo "hub      $(java -Dleadin="$LEADIN" -Dbody="$WORK/case.json" -Dauth=clerk-lanshan:demo123 bench/LoadGen.java "$BASE/api/v1/cases" "$RATE" "$SECONDS_")"
# wait for the outbox to drain (at most 60 s), then the end-to-end figures
for _ in $(seq 1 120); do
  P=$(curl -s -u admin:demo123 "$BASE/api/v1/admin/deliveries/latency?since=$SINCE" | python3 -c "import json,sys; print(json.load(sys.stdin)['pending'])")
  [ "$P" = "0" ] && break
  sleep 0.5
done
J1=$(cpu $PID); P1=$(cpu $(pg_pids)); HZ=$(getconf CLK_TCK)
N=$((RATE * (SECONDS_ + LEADIN)))  # the lead-in's cases are stored and dispatched too
echo "cpu      govhub JVM $(( (J1 - J0) * 1000 / HZ )) ms, PostgreSQL $(( (P1 - P0) * 1000 / HZ )) ms for $N cases (submission and dispatch): $(( (J1 - J0) * 1000000 / HZ / N )) µs + $(( (P1 - P0) * 1000000 / HZ / N )) µs per case"
curl -s -u admin:demo123 "$BASE/api/v1/admin/deliveries/latency?since=$SINCE" | python3 -c "
import json,sys
l=json.load(sys.stdin)
rate = l['delivered']/l['spanSeconds'] if l['spanSeconds'] else 0
print('e2e      delivered=%d pending=%d p50=%.2f p99=%.2f max=%.2f ms; %.0f cases/s over %.1f s (first submission to last acknowledgement)' % (
  l['delivered'], l['pending'], l['p50Millis'], l['p99Millis'], l['maxMillis'], rate, l['spanSeconds']))"
echo "message log: $(curl -s -u admin:demo123 "$BASE/api/v1/admin/message-log/verify")"
echo "simulator: $(curl -s "$SIM/sim/state")"
