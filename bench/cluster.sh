#!/usr/bin/env bash
# Scale-out on one machine: PostgreSQL, Redis and an Artemis broker (separate processes), up to three govhub nodes
# (separate JVMs), a partner SIMULATOR, and a load generator spreading requests over the nodes (failing over with the
# same idempotency key). Runs gateway/src/test/java/io/govhub/gateway/cluster/ClusterBench.java:
#   1. throughput of case submission and credit ingestion with 1, 2 and 3 nodes;
#   2. the six fault scenarios under a steady load, each reconciled (lost = 0 and duplicates = 0 or it fails),
#      with p99 before / during / after and the time to recover;
#   3. a soak at a steady rate: p99, heap and RSS per node, minute by minute.
# The whole run takes about 30 min plus the soak. Results: gateway/target/cluster-bench.txt.
#
#   bench/cluster.sh                                   everything, defaults
#   BENCH_ONLY=throughput bench/cluster.sh             one part (throughput, scenarios, soak)
#   RATE=40 SECONDS_PER_RUN=30 FAULT=60 OUTAGE=120 SOAK=30 bench/cluster.sh
#   BENCH_ONLY=scenarios SCENARIOS=5 OUTAGE=600 bench/cluster.sh      one scenario: the partner down for 10 minutes
#   BROKER_PAIR=true BENCH_ONLY=scenarios SCENARIOS=2 bench/cluster.sh a primary/backup broker pair (shared journal):
#                                                      scenario 2 stops both, 2b kills the primary (backup takes over)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
rm -f gateway/target/cluster-bench.txt
./mvnw -B verify -pl gateway -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClusterBench \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dbench.only="${BENCH_ONLY:-}" -Dbench.scenarios="${SCENARIOS:-}" -Dbench.broker-pair="${BROKER_PAIR:-false}" -Dbench.rate="${RATE:-40}" \
  -Dbench.seconds="${SECONDS_PER_RUN:-30}" -Dbench.fault-seconds="${FAULT:-60}" \
  -Dbench.partner-outage-seconds="${OUTAGE:-120}" -Dbench.soak-minutes="${SOAK:-30}" \
  | grep -E "^(#|##|cases|credit|[1-6]\. |minute|soak|\[(ERROR|INFO)\] (Tests run|BUILD))" || true
cat gateway/target/cluster-bench.txt
