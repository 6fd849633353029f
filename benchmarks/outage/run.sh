#!/usr/bin/env bash
# Black-box outage check (issue 11, defects 7 and 8): the demo on a private PostgreSQL under wrk load, the database
# stopped for OUTAGE seconds and started again; then, the moment it accepts connections, sign-ins, a sign-out and a
# revocation are sent at once, each must succeed on its first try. Prints those statuses, the share of 503s
# during the outage, and how many lines and stack traces the demo logged.
#
# Prerequisites: mvn -B -q install -DskipTests (the demo jar); wrk, curl; PostgreSQL server binaries (initdb,
# pg_ctl, pg_isready), e.g. Debian's postgresql-15, found via PG_BIN or /usr/lib/postgresql/*/bin. Run as root
# (PostgreSQL then runs as `postgres`) or as a normal user. Everything listens on 127.0.0.1 and stops on exit.
#
# Usage: benchmarks/outage/run.sh [-o OUTAGE_SECONDS] [-c CONNECTIONS]      (defaults 25 and 16)
set -euo pipefail

OUTAGE=25 CONNS=16
while getopts "o:c:h" opt; do
    case "$opt" in
        o) OUTAGE=$OPTARG ;; c) CONNS=$OPTARG ;;
        h) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "see $0 -h" >&2; exit 2 ;;
    esac
done
REPO=$(cd "$(dirname "$0")/../.." && pwd)
DEMO_JAR=${DEMO_JAR:-$REPO/examples/target/sessionkit-demo.jar}
for tool in wrk curl; do command -v $tool >/dev/null || { echo "$tool is missing: apt-get install -y $tool" >&2; exit 3; }; done
[[ -f $DEMO_JAR ]] || { echo "No demo jar at $DEMO_JAR: run mvn -B -q install -DskipTests first" >&2; exit 3; }
if [[ -z ${PG_BIN:-} ]]; then
    PG_BIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n1)")
fi
[[ -x $PG_BIN/initdb ]] || { echo "PostgreSQL server binaries not found; set PG_BIN" >&2; exit 3; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sessionkit-outage.XXXXXX")
chmod 755 "$WORK"
DEMO_PID= WRK_PID= PG_STARTED=false
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
    set +e
    [[ -n $WRK_PID ]] && kill "$WRK_PID" 2>/dev/null
    if [[ -n $DEMO_PID ]] && kill -0 "$DEMO_PID" 2>/dev/null; then kill "$DEMO_PID"; wait "$DEMO_PID" 2>/dev/null; fi
    $PG_STARTED && as_pg "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -m fast -w -t 30 stop >/dev/null 2>&1
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
free_port() {
    local p
    for _ in $(seq 100); do
        p=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
    done
    return 1
}

PG_PORT=$(free_port)
mkdir -p "$WORK/pgdata" "$WORK/pgsock"
[[ $(id -u) == 0 ]] && chown postgres: "$WORK/pgdata" "$WORK/pgsock"
as_pg "$PG_BIN/initdb" -D "$WORK/pgdata" -U app -A trust -E UTF8 --no-sync >"$WORK/initdb.log" 2>&1
PG_OPTS="-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$WORK/pgsock"
pg_start() { as_pg "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -l "$WORK/pgdata/server.log" -o "$PG_OPTS" -w -t 60 start >/dev/null; }
pg_start
PG_STARTED=true

PORT=$(free_port) PASSWORD=outage-check-password
B=http://127.0.0.1:$PORT
( cd "$WORK" && SESSIONKIT_PORT=$PORT SESSIONKIT_DEMO_PASSWORD=$PASSWORD SESSIONKIT_DEMO_DATA="$WORK/demo" \
    SESSIONKIT_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" SESSIONKIT_JDBC_USER=app \
    exec java -Xms512m -Xmx512m -jar "$DEMO_JAR" >"$WORK/demo.log" 2>&1 ) &
DEMO_PID=$!
for _ in $(seq 120); do curl -sf "$B/ping" >/dev/null 2>&1 && break; sleep 0.5; done
curl -sf "$B/ping" >/dev/null || { echo "the demo did not start:"; tail -20 "$WORK/demo.log"; exit 1; }

# $1: user, $2: cookie jar. Prints the HTTP status of a same-origin sign-in.
sign_in() { curl -s -o /dev/null -w '%{http_code}' -c "$2" -b "$2" -H "Origin: $B" -X POST \
    --data-urlencode "username=$1" --data-urlencode "password=$PASSWORD" "$B/login"; }
sid_of() { awk '$6 == "sid" {print $7}' "$1"; }
sign_in bob "$WORK/load.jar" >/dev/null
LOAD_SID=$(sid_of "$WORK/load.jar")
sign_in alice "$WORK/admin.jar" >/dev/null

DURATION=$((OUTAGE + 30))
wrk -t 2 -c "$CONNS" -d "${DURATION}s" -H "Cookie: sid=$LOAD_SID" "$B/app/ping" >"$WORK/wrk.log" 2>&1 &
WRK_PID=$!
sleep 8
LINES_BEFORE=$(wc -l <"$WORK/demo.log")
echo "load: wrk -c $CONNS on /app/ping; stopping PostgreSQL for ${OUTAGE}s"
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -m immediate -w -t 30 stop >/dev/null
sleep 3
DURING=$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/load.jar" -H 'Accept: application/json' "$B/app/ping")
sleep $((OUTAGE - 3))
pg_start
until as_pg "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT" -q; do sleep 0.05; done
# At once, no grace period: every kind of write on its first try.
L1=$(sign_in bob "$WORK/b1.jar"); L2=$(sign_in bob "$WORK/b2.jar"); L3=$(sign_in alice "$WORK/a1.jar")
ID2=$(curl -s -b "$WORK/b2.jar" -H 'Accept: application/json' "$B/api/sessions/current" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
REVOKE=$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/b1.jar" -H 'X-Requested-With: check' -X DELETE "$B/api/sessions/$ID2")
AFTER_REVOKE=$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/b2.jar" -H 'Accept: application/json' "$B/app/ping")
LOGOUT=$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/b1.jar" -H "Origin: $B" -X POST "$B/logout")
wait "$WRK_PID" || true
WRK_PID=
LINES=$(( $(wc -l <"$WORK/demo.log") - LINES_BEFORE ))
TRACES=$(tail -n +"$LINES_BEFORE" "$WORK/demo.log" | grep -c '^	at ' || true)
STARTS=$(tail -n +"$LINES_BEFORE" "$WORK/demo.log" | grep -Ec '(Exception|Error)(:|$)' || true)
echo "during the outage: /app/ping answered $DURING"
echo "right after recovery: sign-in $L1 $L2 $L3 (303 expected), revoke $REVOKE (204), revoked session $AFTER_REVOKE (401), sign-out $LOGOUT (303)"
grep -E 'Requests/sec|requests in|Non-2xx' "$WORK/wrk.log" | sed 's/^ */wrk: /'
echo "demo log during outage and recovery: $LINES lines, $TRACES stack-trace frames, $STARTS exception headings"
echo "--- the log lines (stack frames left out):"
{ tail -n +"$LINES_BEFORE" "$WORK/demo.log" | grep -v '^	at \|^	\.\.\. ' | cut -c1-240 | head -40; } || true
[[ $L1 == 303 && $L2 == 303 && $L3 == 303 && $REVOKE == 204 && $AFTER_REVOKE == 401 && $LOGOUT == 303 ]]
