#!/usr/bin/env bash
# HTTP load benchmark for Sessionkit (issue 6).
#
# Starts the demo app (examples/target/sessionkit-demo.jar) once per run in one of three modes and drives it
# with wrk, alternating the modes round by round:
#   none  - GET /ping      (excluded from the filter: no session handling; the baseline), demo on H2
#   h2    - GET /app/ping  with a valid `sid` cookie, sessions in embedded H2
#   pg    - GET /app/ping  with a valid `sid` cookie, sessions in a private PostgreSQL started by this script
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
#                               [-m MODES] [-o OUTPUT_DIR]
#   -r  rounds, each runs every mode once                      (default 3)
#   -d  measured wrk duration per run, seconds                 (default 15)
#   -w  warm-up wrk duration per run (same URL), seconds       (default 10)
#   -c  wrk connections                                        (default 32)
#   -t  wrk threads                                            (default 2)
#   -m  comma list of modes, in order within a round           (default none,h2,pg)
#   -o  also keep raw wrk output and the per-run table here    (default: a temp dir, deleted at the end)
# Environment: DEMO_JAR (default <repo>/examples/target/sessionkit-demo.jar), JAVA (default java),
#   JAVA_OPTS (default "-Xms512m -Xmx512m"), PG_BIN (directory with initdb/pg_ctl/psql).
# Everything listens on 127.0.0.1 only (the demo binds all interfaces; wrk and curl use 127.0.0.1); every
# process started here is stopped on exit, also on Ctrl+C.
set -euo pipefail

ROUNDS=3 DURATION=15 WARMUP=10 CONNS=32 THREADS=2 MODES=none,h2,pg OUT=
while getopts "r:d:w:c:t:m:o:h" opt; do
    case "$opt" in
        r) ROUNDS=$OPTARG ;; d) DURATION=$OPTARG ;; w) WARMUP=$OPTARG ;; c) CONNS=$OPTARG ;;
        t) THREADS=$OPTARG ;; m) MODES=$OPTARG ;; o) OUT=$OPTARG ;;
        h) sed -n '2,31p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "see $0 -h" >&2; exit 2 ;;
    esac
done
for n in "$ROUNDS" "$DURATION" "$WARMUP" "$CONNS" "$THREADS"; do
    [[ $n =~ ^[0-9]+$ ]] || { echo "not a whole number: $n" >&2; exit 2; }
done
IFS=, read -r -a MODE_LIST <<< "$MODES"
for m in "${MODE_LIST[@]}"; do
    [[ $m == none || $m == h2 || $m == pg ]] || { echo "unknown mode: $m (none, h2, pg)" >&2; exit 2; }
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
for m in "${MODE_LIST[@]}"; do [[ $m == pg ]] && needs_pg=true; done
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
pg_counters() {
    local stmts=NA
    if $PGSS && [[ ${1:-} == reset ]]; then
        psql_pg -d postgres -c "SELECT pg_stat_statements_reset()" >/dev/null
    fi
    if $PGSS && [[ -n ${2:-} ]]; then # what ran, most frequent first
        psql_pg -d postgres -F $'\t' -c "SELECT calls, left(regexp_replace(query, '\s+', ' ', 'g'), 160)
                 FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'sessionkit')
                 ORDER BY calls DESC LIMIT 10" >"$2"
    fi
    if $PGSS; then
        stmts=$(psql_pg -d postgres -c "SELECT coalesce(sum(calls),0) FROM pg_stat_statements
                 WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'sessionkit')")
    fi
    local xacts
    xacts=$(psql_pg -d postgres -c "SELECT pg_stat_clear_snapshot(); SELECT xact_commit + xact_rollback
             FROM pg_stat_database WHERE datname = 'sessionkit'" | tail -n1)
    echo "$stmts $xacts"
}

# --- one run: start the demo, sign in, warm up, measure, stop --------------------------------------------
to_ms() { # wrk latency (e.g. 812.00us, 1.52ms, 1.01s, 2.00m) -> milliseconds
    awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
        if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
        printf "%.3f", n }'
}
run_one() { # mode round
    local mode=$1 round=$2 port url cookie_hdr=() password log="$WORK/logs/r$2-$1"
    port=$(free_port)
    password="bench-$RANDOM-$RANDOM-$RANDOM"
    mkdir -p "$WORK/$mode-cwd" "$WORK/$mode-users"
    local env=(SESSIONKIT_PORT="$port" SESSIONKIT_DEMO_PASSWORD="$password" SESSIONKIT_DEMO_DATA="$WORK/$mode-users")
    if [[ $mode == pg ]]; then
        env+=(SESSIONKIT_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/sessionkit" SESSIONKIT_JDBC_USER=bench
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
    if [[ $mode == none ]]; then
        url="$base/ping"
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
        wrk -t"$THREADS" -c"$CONNS" -d"${WARMUP}s" "${cookie_hdr[@]}" "$url" >"$log.warmup.txt" 2>&1
    fi
    local before=("NA" "NA") after=("NA" "NA")
    [[ $mode == pg ]] && read -r -a before <<< "$(pg_counters reset)"
    wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --timeout 10s --latency "${cookie_hdr[@]}" "$url" >"$log.wrk.txt" 2>&1
    [[ $mode == pg ]] && read -r -a after <<< "$(pg_counters - "$log.statements.txt")"
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
    if [[ $mode == pg ]]; then
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
        printf "%-5s %4s %12s %10s %10s %10s %10s %9s %9s\n", "mode", "runs", "req/s (med)", "p50 ms", "p99 ms",
            "ratio", "non-2xx", "SQL/req", "xact/req";
        for (i = 1; i in modes; i++) {
            m = modes[i]; if (!(m in n)) continue;
            printf "%-5s %4d %12.0f %10.3f %10.3f %10s %10d %9s %9s\n", m, n[m], median(rps[m]), median(p50[m]),
                median(p99[m]), base ? sprintf("%.3f", median(rps[m]) / base) : "-", bad[m],
                (m in spr) ? sprintf("%.6f", median(spr[m])) : "-", (m in xpr) ? sprintf("%.6f", median(xpr[m])) : "-";
        }
    }' "$WORK/runs.tsv"
echo
echo "ratio = median req/s of the mode / median req/s of none; SQL/req = statements run in the sessionkit database" \
    "during the measured run / requests wrk counted; xact/req approximate (targets: pg ratio >= 0.85, SQL/req <= 0.02)"
echo "took $(( $(date +%s) - start )) s"
