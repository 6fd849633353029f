#!/usr/bin/env bash
# Store-level benchmarks for Sessionkit (issue 6) on a private PostgreSQL server, in one go.
#
# Builds benchmarks/store (target/store-benchmarks.jar), starts a throw-away PostgreSQL on 127.0.0.1 with the
# settings below, runs every benchmark once (validation cost at 10^3 vs 10^6 sessions, cleanup of 10^6 sessions,
# login throughput with and without a session limit), prints the report, and stops and deletes the server.
#
# Prerequisites:
#   mvn -B -q install -DskipTests -pl session-core -am   # from the repository root: session-core 0.1.0-SNAPSHOT
#   PostgreSQL server binaries (initdb, pg_ctl), e.g. Debian's postgresql-15; found via PG_BIN, pg_config,
#   /usr/lib/postgresql/*/bin or PATH. Run as root (PostgreSQL then runs as the `postgres` user) or as a normal user.
#   About 4 GB of free disk under TMPDIR (default /tmp) for the seeded databases and their copies.
#
# Usage: benchmarks/store/run.sh [-o FILE] [-- BENCHMARK OPTIONS]
#   -o FILE  also write the report to FILE (e.g. benchmarks/store/results/$(date +%F).txt)
#   options after -- go to the benchmark, e.g. -- --parts login --login-rounds 5 (java -jar … --help lists them)
# Environment: PG_BIN, JAVA (default java), JAVA_OPTS (default "-Xms1g -Xmx1g"),
#   PG_SETTINGS (default "-c fsync=on -c synchronous_commit=on -c shared_buffers=128MB -c max_connections=100",
#   PostgreSQL's own defaults, spelled out so the report and the command line agree).
# Everything listens on 127.0.0.1 only; the server is stopped on exit, also on Ctrl+C.
set -euo pipefail

OUT=
while getopts "o:h" opt; do
    case "$opt" in
        o) OUT=$OPTARG ;;
        h) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "see $0 -h" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[[ ${1:-} == -- ]] && shift

HERE=$(cd "$(dirname "$0")" && pwd)
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:--Xms1g -Xmx1g}
PG_SETTINGS=${PG_SETTINGS:--c fsync=on -c synchronous_commit=on -c shared_buffers=128MB -c max_connections=100}

# --- prerequisites -------------------------------------------------------------------------------------------
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
build_log=$(cd "$HERE" && mvn -B -q package 2>&1) || {
    echo "$build_log" >&2
    echo "Building the benchmarks failed. Is session-core installed? From the repository root:" \
        "mvn -B -q install -DskipTests -pl session-core -am" >&2
    exit 3
}

# --- private PostgreSQL --------------------------------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sessionkit-store-bench.XXXXXX")
chmod 755 "$WORK"
PG_STARTED=false
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
    set +e
    if $PG_STARTED; then as_pg "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -m fast -w -t 60 stop >/dev/null 2>&1; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { # a port nothing on 127.0.0.1 answers on
    local p
    for _ in $(seq 100); do
        p=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
    done
    echo "no free port found" >&2; return 1
}

mkdir -p "$WORK/pgdata" "$WORK/pgsock"
[[ $(id -u) == 0 ]] && chown postgres: "$WORK/pgdata" "$WORK/pgsock"
as_pg "$PG_BIN/initdb" -D "$WORK/pgdata" -U bench -A trust -E UTF8 --no-sync >"$WORK/initdb.log" 2>&1 \
    || { cat "$WORK/initdb.log" >&2; exit 4; }
pg_opts="-c unix_socket_directories=$WORK/pgsock $PG_SETTINGS"
# Per-statement server times split each cleanup transaction into database and client work.
if compgen -G "$("$PG_BIN/pg_config" --sharedir 2>/dev/null || echo /nonexistent)/extension/pg_stat_statements.control" \
        >/dev/null || compgen -G "/usr/share/postgresql/*/extension/pg_stat_statements.control" >/dev/null; then
    pg_opts+=" -c shared_preload_libraries=pg_stat_statements"
fi
# The machine is shared: another process may take the chosen port first, so try up to three ports.
for attempt in 1 2 3; do
    PG_PORT=$(free_port)
    if as_pg "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -l "$WORK/pgdata/server.log" \
            -o "-c listen_addresses=127.0.0.1 -p $PG_PORT $pg_opts" -w -t 60 start >/dev/null; then
        PG_STARTED=true
        break
    fi
    echo "PostgreSQL did not start on port $PG_PORT (attempt $attempt); its log:" >&2
    cat "$WORK/pgdata/server.log" >&2
done
$PG_STARTED || exit 4

# --- run -----------------------------------------------------------------------------------------------------
run() {
    echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);" \
        "uptime at start:$(uptime | sed 's/.*up/ up/')"
    echo "server command-line settings: $PG_SETTINGS; java options: $JAVA_OPTS"
    # shellcheck disable=SC2086
    "$JAVA" $JAVA_OPTS -jar "$HERE/target/store-benchmarks.jar" --jdbc "jdbc:postgresql://127.0.0.1:$PG_PORT/" "$@"
    echo "uptime at end:$(uptime | sed 's/.*up/ up/')"
}
if [[ -n $OUT ]]; then
    mkdir -p "$(dirname "$OUT")"
    run "$@" 2>&1 | tee "$OUT"
else
    run "$@" 2>&1
fi
