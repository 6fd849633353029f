#!/usr/bin/env bash
# HTTP load benchmark for Sessionkit (issue 6).
#
# Starts the demo app (examples/target/sessionkit-demo.jar) once per run in one of three modes and drives it
# with wrk, alternating the modes round by round:
#   none  - GET /ping      (excluded from the filter: no session handling; the baseline), demo on H2; with
#           spread modes in the run it sends their cookies too, so the client does the same work
#   h2    - GET /app/ping  with a valid `sid` cookie, sessions in embedded H2
#   pg    - GET /app/ping  with a valid `sid` cookie, sessions in a private PostgreSQL started by this script
#   spread - GET /app/ping on PostgreSQL with the load spread over N active sessions (each size of -n is a mode
#           of its own, named sN): the sessions are seeded by SQL once per size (not logged in one by one), each
#           request carries the next of their cookies in a scrambled order, every session is visited once before
#           the warm-up, and the seeded last accesses are spread over one touch interval, so activity comes due
#           at the steady rate of a busy site
# Prints req/s, p50, p99 (medians over the rounds), the ratio to the `none` median, and for PostgreSQL the SQL
# statements the server executed per request (pg_stat_statements when the contrib is installed, plus committed
# transactions per request from pg_stat_database).
#
# Prerequisites (this script builds and installs nothing):
#   mvn -B -q install -DskipTests                 # from the repository root: builds the demo jar
#   apt-get install -y wrk                        # Debian/Ubuntu; the script stops and says so if wrk is missing
#   PostgreSQL server binaries (initdb, pg_ctl, psql), e.g. Debian's postgresql-15; found via PG_BIN, pg_config,
#   /usr/lib/postgresql/*/bin or PATH. Run as root (PostgreSQL then runs as the `postgres` user) or as a normal user.
#
# Usage: benchmarks/http/run.sh [-r ROUNDS] [-d SECONDS] [-w WARMUP_SECONDS] [-c CONNECTIONS] [-t THREADS]
#                               [-m MODES] [-n SIZES] [-o OUTPUT_DIR]
#   -r  rounds, each runs every mode once                      (default 3)
#   -d  measured wrk duration per run, seconds                 (default 15)
#   -w  warm-up wrk duration per run (same URL), seconds       (default 10)
#   -c  wrk connections                                        (default 32)
#   -t  wrk threads                                            (default 2)
#   -m  comma list of modes, in order within a round           (default none,h2,pg)
#   -n  comma list of active-session counts for mode spread    (default 10000,100000,1000000)
#   -o  also keep raw wrk output and the per-run table here    (default: a temp dir, deleted at the end)
# Environment: DEMO_JAR (default <repo>/examples/target/sessionkit-demo.jar), JAVA (default java),
#   JAVA_OPTS (default "-Xms512m -Xmx512m"), PG_BIN (directory with initdb/pg_ctl/psql), and any SESSIONKIT_*
#   setting, passed on to the demo (e.g. SESSIONKIT_VALIDATION_CACHE_SIZE=1GB with JAVA_OPTS=-Xmx2g).
# Everything listens on 127.0.0.1 only (the demo binds all interfaces; wrk and curl use 127.0.0.1); every
# process started here is stopped on exit, also on Ctrl+C.
set -euo pipefail

ROUNDS=3 DURATION=15 WARMUP=10 CONNS=32 THREADS=2 MODES=none,h2,pg SIZES=10000,100000,1000000 OUT=
while getopts "r:d:w:c:t:m:n:o:h" opt; do
    case "$opt" in
        r) ROUNDS=$OPTARG ;; d) DURATION=$OPTARG ;; w) WARMUP=$OPTARG ;; c) CONNS=$OPTARG ;;
        t) THREADS=$OPTARG ;; m) MODES=$OPTARG ;; n) SIZES=$OPTARG ;; o) OUT=$OPTARG ;;
        h) sed -n '2,40p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "see $0 -h" >&2; exit 2 ;;
    esac
done
for n in "$ROUNDS" "$DURATION" "$WARMUP" "$CONNS" "$THREADS"; do
    [[ $n =~ ^[0-9]+$ ]] || { echo "not a whole number: $n" >&2; exit 2; }
done
IFS=, read -r -a GIVEN_MODES <<< "$MODES"
IFS=, read -r -a SIZE_LIST <<< "$SIZES"
MODE_LIST=()
for m in "${GIVEN_MODES[@]}"; do
    case "$m" in
        none | h2 | pg) MODE_LIST+=("$m") ;;
        spread) for n in "${SIZE_LIST[@]}"; do
                    [[ $n =~ ^[0-9]+$ && $n -gt 0 ]] || { echo "not a session count: $n" >&2; exit 2; }
                    MODE_LIST+=("s$n")
                done ;;
        *) echo "unknown mode: $m (none, h2, pg, spread)" >&2; exit 2 ;;
    esac
done
MODES=$(IFS=,; echo "${MODE_LIST[*]}")
LARGEST_SPREAD=0
for m in "${MODE_LIST[@]}"; do
    [[ $m == s* ]] && (( ${m#s} > LARGEST_SPREAD )) && LARGEST_SPREAD=${m#s}
done

REPO=$(cd "$(dirname "$0")/../.." && pwd)
DEMO_JAR=${DEMO_JAR:-$REPO/examples/target/sessionkit-demo.jar}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m}

# --- prerequisites -------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
    echo "wrk is missing. Install it with:  sudo apt-get install -y wrk   (Debian/Ubuntu package 'wrk')" >&2
    exit 3
fi
command -v curl >/dev/null || { echo "curl is missing: sudo apt-get install -y curl" >&2; exit 3; }
if [[ ! -f $DEMO_JAR ]]; then
    echo "No demo jar at $DEMO_JAR. Build it first, from $REPO:  mvn -B -q install -DskipTests" >&2
    exit 3
fi
needs_pg=false
for m in "${MODE_LIST[@]}"; do [[ $m == pg || $m == s* ]] && needs_pg=true; done
if $needs_pg; then
    if [[ -z ${PG_BIN:-} ]]; then
        if command -v pg_config >/dev/null && [[ -x $(pg_config --bindir)/initdb ]]; then
            PG_BIN=$(pg_config --bindir)
        elif compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
            PG_BIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n1)")
        elif command -v initdb >/dev/null; then
            PG_BIN=$(dirname "$(command -v initdb)")
        else
            echo "PostgreSQL server binaries not found; set PG_BIN or install e.g. postgresql-15" >&2
            exit 3
        fi
    fi
fi

# --- workspace and cleanup -----------------------------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sessionkit-http-bench.XXXXXX")
chmod 755 "$WORK"
DEMO_PID= PG_STARTED=false
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
    set +e
    if [[ -n $DEMO_PID ]] && kill -0 "$DEMO_PID" 2>/dev/null; then
        kill "$DEMO_PID"; for _ in $(seq 50); do kill -0 "$DEMO_PID" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$DEMO_PID" 2>/dev/null
    fi
    if $PG_STARTED; then as_pg "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -m fast -w -t 30 stop >/dev/null 2>&1; fi
    if [[ -n $OUT ]]; then mkdir -p "$OUT" && cp -r "$WORK/logs" "$WORK/runs.tsv" "$OUT/" 2>/dev/null; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$WORK/logs"

free_port() { # a port nothing on 127.0.0.1 answers on
    local p
    for _ in $(seq 100); do
        p=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
    done
    echo "no free port found" >&2; return 1
}

# --- private PostgreSQL --------------------------------------------------------------------------------------
PG_PORT= PGSS=false
psql_pg() { as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U bench -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
if $needs_pg; then
    PG_PORT=$(free_port)
    mkdir -p "$WORK/pgdata" "$WORK/pgsock"
    [[ $(id -u) == 0 ]] && chown postgres: "$WORK/pgdata" "$WORK/pgsock"
    as_pg "$PG_BIN/initdb" -D "$WORK/pgdata" -U bench -A trust -E UTF8 --no-sync >"$WORK/logs/initdb.log" 2>&1
    pg_opts="-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$WORK/pgsock"
    if [[ -f $("$PG_BIN/pg_config" --sharedir 2>/dev/null || echo /nonexistent)/extension/pg_stat_statements.control ]] \
        || compgen -G "/usr/share/postgresql/*/extension/pg_stat_statements.control" >/dev/null; then
        pg_opts+=" -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all"
        PGSS=true
    fi
    as_pg "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -l "$WORK/pgdata/server.log" -o "$pg_opts" -w -t 60 start >/dev/null
    PG_STARTED=true
    psql_pg -d postgres -c "CREATE DATABASE sessionkit"
    if $PGSS && ! psql_pg -d postgres -c "CREATE EXTENSION pg_stat_statements" 2>/dev/null; then PGSS=false; fi
    echo "PostgreSQL $(psql_pg -d postgres -c 'SHOW server_version') on 127.0.0.1:$PG_PORT" \
        "(statement counting: $($PGSS && echo pg_stat_statements || echo 'transactions only'))"
fi
# Statements (pg_stat_statements; `reset` zeroes them first, a file argument gets the top statements) and
# committed+rolled-back transactions (pg_stat_database; approximate: PostgreSQL flushes backend statistics lazily,
# up to ~10 s late for idle pooled connections) in database `sessionkit`, read from database `postgres`.
pg_counters() { # reset|- [top-statements-file] [database]
    local stmts=NA db=${3:-sessionkit}
    if $PGSS && [[ ${1:-} == reset ]]; then
        psql_pg -d postgres -c "SELECT pg_stat_statements_reset()" >/dev/null
    fi
    if $PGSS && [[ -n ${2:-} ]]; then # what ran, most frequent first
        psql_pg -d postgres -F $'\t' -c "SELECT calls, left(regexp_replace(query, '\s+', ' ', 'g'), 160)
                 FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$db')
                 ORDER BY calls DESC LIMIT 10" >"$2"
    fi
    if $PGSS; then
        stmts=$(psql_pg -d postgres -c "SELECT coalesce(sum(calls),0) FROM pg_stat_statements
                 WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$db')")
    fi
    local xacts
    xacts=$(psql_pg -d postgres -c "SELECT pg_stat_clear_snapshot(); SELECT xact_commit + xact_rollback
             FROM pg_stat_database WHERE datname = '$db'" | tail -n1)
    echo "$stmts $xacts"
}

# --- one run: start the demo, sign in, warm up, measure, stop --------------------------------------------
to_ms() { # wrk latency (e.g. 812.00us, 1.52ms, 1.01s, 2.00m) -> milliseconds
    awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
        if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
        printf "%.3f", n }'
}
# --- spread: N seeded sessions, cookies in a scrambled order -------------------------------------------------
# Token i is "bench" + i as 38 digits (43 token characters); the store keeps its SHA-256 like any other.
cat >"$WORK/spread.lua" <<'LUA'
local n = tonumber(os.getenv("SPREAD_N"))
local threads = tonumber(os.getenv("SPREAD_THREADS"))
local quota = tonumber(os.getenv("SPREAD_QUOTA") or "0")
local stride = 1000003 -- a prime: idx + k * stride (mod n) visits every session once per n requests
local made = 0
function setup(thread)
    thread:set("slot", made)
    made = made + 1
end
function init(args)
    idx = (math.floor(n / threads) * slot * stride) % n
    answered = 0
end
function request()
    idx = (idx + stride) % n
    return wrk.format("GET", nil, { ["Cookie"] = string.format("sid=bench%038d", idx) })
end
if quota > 0 then
    function response(status, headers, body)
        answered = answered + 1
        if answered == quota then
            -- wrk itself runs for its whole -d; the script stops it once every thread has said so here.
            local f = io.open(os.getenv("SPREAD_DONE"), "a"); f:write("done\n"); f:close()
            wrk.thread:stop()
        end
    end
end
LUA
SEEDED=" "
seed_spread() { # N: database sessionkit_sN holding N active sessions, made once per run of this script
    local n=$1 db=sessionkit_s$1 t0
    [[ $SEEDED == *" $db "* ]] && return
    t0=$(date +%s)
    psql_pg -d postgres -c "CREATE DATABASE $db"
    unzip -p "$DEMO_JAR" dev/sessionkit/store/jpa/schema-postgresql.sql | psql_pg -d "$db" >/dev/null
    # Last accesses spread over the past touch interval (60 s), so touches come due at the steady rate.
    psql_pg -d "$db" -c "INSERT INTO sessionkit_session (id, token_hash, user_id, username, roles, created_at,
            last_accessed_at, idle_expires_at, absolute_expires_at, status, ip_address, user_agent, device_type,
            browser, os)
        SELECT 'bench' || lpad(i::text, 17, '0'),
               encode(sha256(convert_to('bench' || lpad(i::text, 38, '0'), 'UTF8')), 'hex'),
               'user-' || (i % ($n / 2 + 1)), 'user-' || (i % ($n / 2 + 1)) || '@example.com', 'user',
               now() - interval '1 hour', now() - random() * interval '60 seconds',
               now() + interval '30 minutes', now() + interval '20 hours', 'active',
               '203.0.' || (i / 256 % 256) || '.' || (i % 256),
               'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
               'desktop', 'Chrome 131', 'Windows 10'
        FROM generate_series(0, $n - 1) AS i"
    psql_pg -d "$db" -c "VACUUM ANALYZE sessionkit_session"
    SEEDED+="$db "
    echo "  seeded $n active sessions in $db in $(( $(date +%s) - t0 )) s"
}

run_one() { # mode round
    local mode=$1 round=$2 port url cookie_hdr=() password log="$WORK/logs/r$2-$1"
    port=$(free_port)
    password="bench-$RANDOM-$RANDOM-$RANDOM"
    mkdir -p "$WORK/$mode-cwd" "$WORK/$mode-users"
    local env=(SESSIONKIT_PORT="$port" SESSIONKIT_DEMO_PASSWORD="$password" SESSIONKIT_DEMO_DATA="$WORK/$mode-users")
    local db=sessionkit spread=0
    if [[ $mode == s* ]]; then
        spread=${mode#s} db=sessionkit_s${mode#s}
        seed_spread "$spread"
    fi
    if [[ $mode == pg || $mode == s* ]]; then
        env+=(SESSIONKIT_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" SESSIONKIT_JDBC_USER=bench
              SESSIONKIT_JDBC_PASSWORD=bench)
    else
        env+=(SESSIONKIT_JDBC_URL="jdbc:h2:file:$WORK/$mode-h2/sessionkit" SESSIONKIT_JDBC_USER=sa SESSIONKIT_JDBC_PASSWORD=)
    fi
    # shellcheck disable=SC2086
    (cd "$WORK/$mode-cwd" && exec env "${env[@]}" "$JAVA" $JAVA_OPTS -jar "$DEMO_JAR") >"$log.demo.log" 2>&1 &
    DEMO_PID=$!
    local base="http://127.0.0.1:$port"
    for i in $(seq 120); do
        [[ $(curl -s -m 2 "$base/ping" 2>/dev/null) == pong ]] && break
        kill -0 "$DEMO_PID" 2>/dev/null || { echo "demo ($mode) died at start-up; log:" >&2; cat "$log.demo.log" >&2; exit 4; }
        [[ $i == 120 ]] && { echo "demo ($mode) did not answer /ping within 60 s" >&2; exit 4; }
        sleep 0.5
    done
    local wrk_args=()
    if [[ $mode == none ]]; then
        url="$base/ping"
        if ((LARGEST_SPREAD > 0)); then
            # The same client work as the spread modes (a cookie made per request by the script), which on a
            # shared machine takes CPU from the server too; /ping ignores cookies.
            spread=$LARGEST_SPREAD wrk_args=(-s "$WORK/spread.lua")
        fi
    elif ((spread > 0)); then
        url="$base/app/ping"
        [[ $(curl -s -m 5 -H "Cookie: sid=bench$(printf '%038d' $((spread - 1)))" "$url") == pong ]] \
            || { echo "a seeded session is refused ($mode); see $log.demo.log" >&2; exit 4; }
        wrk_args=(-s "$WORK/spread.lua")
        # Every session once, so the warm-up and the measured run see a node that has met them all.
        local done_file="$log.firstpass.done" first_pass t0
        : >"$done_file"; t0=$(date +%s)
        SPREAD_N=$spread SPREAD_THREADS=$THREADS SPREAD_QUOTA=$(( (spread + THREADS - 1) / THREADS )) \
            SPREAD_DONE=$done_file wrk -t"$THREADS" -c"$CONNS" -d3600s --timeout 10s "${wrk_args[@]}" "$url" \
            >"$log.firstpass.txt" 2>&1 &
        first_pass=$!
        while kill -0 "$first_pass" 2>/dev/null && (( $(wc -l <"$done_file") < THREADS )); do sleep 0.2; done
        kill -INT "$first_pass" 2>/dev/null; wait "$first_pass" 2>/dev/null || true
        echo "  round $round $mode: first pass over all $spread sessions took $(( $(date +%s) - t0 )) s"
    else
        url="$base/app/ping"
        curl -s -m 10 -o /dev/null -c "$log.cookies" --data-urlencode username=alice \
            --data-urlencode "password=$password" "$base/login"
        local sid
        sid=$(awk '$6 == "sid" || $6 == "__Host-sid" { print $7 }' "$log.cookies" | tail -n1)
        [[ -n $sid ]] || { echo "sign-in failed ($mode); see $log.demo.log" >&2; exit 4; }
        cookie_hdr=(-H "Cookie: sid=$sid")
        local without
        without=$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$url")
        [[ $(curl -s -m 5 "${cookie_hdr[@]}" "$url") == pong && $without != 200 ]] \
            || { echo "session check not effective ($mode): without cookie HTTP $without" >&2; exit 4; }
    fi
    if ((WARMUP > 0)); then
        SPREAD_N=$spread SPREAD_THREADS=$THREADS \
            wrk -t"$THREADS" -c"$CONNS" -d"${WARMUP}s" "${cookie_hdr[@]}" "${wrk_args[@]}" "$url" >"$log.warmup.txt" 2>&1
    fi
    local before=("NA" "NA") after=("NA" "NA") counted=false
    [[ $mode == pg || $mode == s* ]] && counted=true
    $counted && read -r -a before <<< "$(pg_counters reset "" "$db")"
    SPREAD_N=$spread SPREAD_THREADS=$THREADS \
        wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --timeout 10s --latency "${cookie_hdr[@]}" "${wrk_args[@]}" \
        "$url" >"$log.wrk.txt" 2>&1
    $counted && read -r -a after <<< "$(pg_counters - "$log.statements.txt" "$db")"
    kill "$DEMO_PID"; for _ in $(seq 50); do kill -0 "$DEMO_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$DEMO_PID" 2>/dev/null || true; wait "$DEMO_PID" 2>/dev/null || true; DEMO_PID=

    local rps reqs p50 p99 bad errs spr=NA xpr=NA
    rps=$(awk '/^Requests\/sec:/ { print $2 }' "$log.wrk.txt")
    reqs=$(awk '/requests in/ { print $1 }' "$log.wrk.txt")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$log.wrk.txt")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$log.wrk.txt")")
    bad=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$log.wrk.txt"); bad=${bad:-0}
    errs=$(awk '/Socket errors:/ { gsub(/,/, ""); print $4 + $6 + $8 + $10 }' "$log.wrk.txt"); errs=${errs:-0}
    [[ -n $rps && -n $reqs ]] || { echo "could not read wrk output:" >&2; cat "$log.wrk.txt" >&2; exit 4; }
    if $counted; then
        [[ ${before[0]} != NA ]] && spr=$(awk -v a="${after[0]}" -v b="${before[0]}" -v r="$reqs" 'BEGIN { printf "%.6f", (a - b) / r }')
        xpr=$(awk -v a="${after[1]}" -v b="${before[1]}" -v r="$reqs" 'BEGIN { printf "%.6f", (a - b) / r }')
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$mode" "$rps" "$reqs" "$p50" "$p99" "$bad" "$errs" \
        "$spr" "$xpr" >>"$WORK/runs.tsv"
    printf '  round %s %-4s  %10s req/s  p50 %8s ms  p99 %8s ms  non-2xx %s  socket errors %s  SQL/req %s  xact/req %s\n' \
        "$round" "$mode" "$rps" "$p50" "$p99" "$bad" "$errs" "$spr" "$xpr"
}

# --- the rounds ----------------------------------------------------------------------------------------------
start=$(date +%s)
echo "Sessionkit HTTP load: ${ROUNDS} rounds x (${MODES}); wrk -t$THREADS -c$CONNS -d${DURATION}s --latency" \
    "after ${WARMUP}s warm-up; fresh JVM per run ($JAVA_OPTS)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
    "$("$JAVA" -version 2>&1 | head -n1), $(wrk --version 2>&1 | head -n1 | cut -d' ' -f1-2)"
printf 'round\tmode\treq_s\trequests\tp50_ms\tp99_ms\tnon2xx\tsocket_errors\tsql_per_req\txact_per_req\n' >"$WORK/runs.tsv"
for ((r = 1; r <= ROUNDS; r++)); do
    for m in "${MODE_LIST[@]}"; do run_one "$m" "$r"; done
done

# --- summary: medians over the rounds ------------------------------------------------------------------------
echo
awk -F'\t' -v order="$MODES" '
    function median(s,   a, n, i, j, t) {
        n = split(s, a, " ");
        for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    NR > 1 { rps[$2] = rps[$2] " " $3; p50[$2] = p50[$2] " " $5; p99[$2] = p99[$2] " " $6; n[$2]++
             bad[$2] += $7 + $8; if ($9 != "NA") spr[$2] = spr[$2] " " $9; if ($10 != "NA") xpr[$2] = xpr[$2] " " $10 }
    END {
        split(order, modes, ",");
        base = ("none" in n) ? median(rps["none"]) : 0;
        printf "%-8s %4s %12s %10s %10s %10s %10s %10s %9s %9s\n", "mode", "runs", "req/s (med)", "p50 ms", "p99 ms",
            "ratio", "p99 ratio", "non-2xx", "SQL/req", "xact/req";
        base99 = ("none" in n) ? median(p99["none"]) : 0;
        for (i = 1; i in modes; i++) {
            m = modes[i]; if (!(m in n)) continue;
            printf "%-8s %4d %12.0f %10.3f %10.3f %10s %10s %10d %9s %9s\n", m, n[m], median(rps[m]), median(p50[m]),
                median(p99[m]), base ? sprintf("%.3f", median(rps[m]) / base) : "-",
                base99 ? sprintf("%.2f", median(p99[m]) / base99) : "-", bad[m],
                (m in spr) ? sprintf("%.6f", median(spr[m])) : "-", (m in xpr) ? sprintf("%.6f", median(xpr[m])) : "-";
        }
    }' "$WORK/runs.tsv"
echo
echo "ratio = median req/s of the mode / median req/s of none; SQL/req = statements run in the mode's database" \
    "during the measured run / requests wrk counted; xact/req approximate; p99 ratio = p99 of the mode / p99 of none"
echo "(targets: pg ratio >= 0.85, SQL/req <= 0.02; spread s100000: ratio >= 0.85, SQL/req <= 0.05, p99 ratio <= 1.5)"
echo "took $(( $(date +%s) - start )) s"
