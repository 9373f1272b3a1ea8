#!/usr/bin/env bash
# What security costs: an API call with a pre-issued Keycloak token against the same call without one, in the same
# run; and the single sign-on round trip.
#
#   bench/security.sh [rate-per-second] [seconds] [warm-up-seconds] [sign-in rounds]   (defaults 200, 30, 60, 30)
#   SIGN_IN_ONLY=1 bench/security.sh      the sign-in round trip only
#
# Starts a real Keycloak (the zip the build caches in ~/.m2; govhub's realm imported) and govhub in its embedded mode
# with single sign-on on (public rate limits raised out of the way). Then from a separate JVM (bench/LoadGen.java,
# open loop), alternating so that both see the same machine:
#   anonymous  GET /api/v1/divisions/371302                                   (no credentials: no token to check)
#   bearer     GET /api/v1/divisions/371302 with "Authorization: Bearer <token>" (the JWT decoded, its signature
#              checked with the cached realm key, issuer, time and audience validated, the actor built)
# and bench/SignIn.java: the hall page → Keycloak's login page → credentials → back with a code → tokens → the hall.
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-200}
SECONDS_=${2:-30}
WARMUP=${3:-60}
ROUNDS=${4:-30}
KC_VERSION=$(sed -n "s:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p" pom.xml | head -1)
KC_ZIP=~/.m2/repository/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.zip
[ -f "$KC_ZIP" ] || ./mvnw -q dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip
JAR=gateway/target/govhub.jar
[ -f "$JAR" ] || ./mvnw -q package -DskipTests
WORK=$(mktemp -d /tmp/govhub-bench.XXXXXX)
PORT=18083
KC_PORT=18180
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill -TERM $p 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$WORK"' EXIT
(cd "$WORK" && unzip -q "$KC_ZIP")
KC_HOME=$(ls -d "$WORK"/keycloak-*)
mkdir -p "$KC_HOME/data/import"
sed "s/:8080\//:$PORT\//g" gateway/src/main/keycloak/govhub-realm.json > "$KC_HOME/data/import/govhub-realm.json"
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin-bench "$KC_HOME/bin/kc.sh" start-dev \
  --http-port=$KC_PORT --http-host=127.0.0.1 --import-realm > "$WORK/keycloak.log" 2>&1 &
PIDS+=($!)
until grep -q "Listening on:" "$WORK/keycloak.log"; do sleep 0.5; done
ISSUER=http://127.0.0.1:$KC_PORT/realms/govhub
java -jar "$JAR" --server.port=$PORT --govhub.data-dir="$WORK/data" --govhub.oidc.issuer=$ISSUER \
  --govhub.oidc.client-secret=govhub-web-demo-secret --govhub.security.demo-accounts=true \
  --govhub.rate-limit.public-per-ip=100000000 --govhub.rate-limit.public-per-client=100000000 \
  > "$WORK/govhub.log" 2>&1 &
PIDS+=($!)
until curl -sf "http://127.0.0.1:$PORT/actuator/health" | grep -q '"status":"UP"'; do sleep 0.2; done
BASE=http://127.0.0.1:$PORT
token() {
  curl -s "$ISSUER/protocol/openid-connect/token" -d grant_type=password -d client_id=govhub-cli \
    -d username=clerk-lanshan -d password=demo123 | python3 -c "import json,sys; print(json.load(sys.stdin)['access_token'])"
}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java: $(java -version 2>&1 | head -1); keycloak $KC_VERSION"
URL="$BASE/api/v1/divisions/371302"
curl -sf -H "Authorization: Bearer $(token)" "$BASE/api/v1/me" > /dev/null || { echo "the token is refused"; exit 1; }
if [ "${SIGN_IN_ONLY:-0}" = 0 ]; then
echo "warm-up ($WARMUP s at 100/s on each)"
java bench/LoadGen.java "$URL" 100 "$WARMUP" > /dev/null
java -Dbearer="$(token)" bench/LoadGen.java "$URL" 100 "$WARMUP" > /dev/null
for round in 1 2; do
  echo "anonymous $round  $(java bench/LoadGen.java "$URL" "$RATE" "$SECONDS_")"
  echo "bearer    $round  $(java -Dbearer="$(token)" bench/LoadGen.java "$URL" "$RATE" "$SECONDS_")"
done
fi
java bench/SignIn.java "$BASE" clerk-lanshan demo123 5 > /dev/null   # warm-up
echo "sign-in   $(java bench/SignIn.java "$BASE" clerk-lanshan demo123 "$ROUNDS")"
