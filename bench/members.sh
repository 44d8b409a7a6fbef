#!/bin/sh
# Member benchmarks: one organization of 100,000 members among 1,000 others.
# `make bench` runs it after bench/run.sh as `sh bench/members.sh build`.
#
#  - GET members?q=<prefix>&limit=50 (prefixes from bench/search.lua) and the
#    first page without q, 64 connections: req/s, p99, and the share of
#    GET /healthz measured in the same run (targets: p99 < 20 ms, >= 15 %);
#  - an authorization check, GET /orgs/{org}/members/{user} by a member,
#    against GET /api/v1/me (target: at most 1.5 times its cost).
# SQLite, then PostgreSQL in a throwaway cluster when run as root.
# Tunables: BENCH_DURATION (seconds a measurement, default 10), BENCH_MEMBERS
# (default 100000), BENCH_ORGS (default 1000), BENCH_SKIP_PG=1.
set -u
BUILD=${1:-build}
BUILD=$(cd "$BUILD" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/.." && pwd)
DUR=${BENCH_DURATION:-10}
MEMBERS=${BENCH_MEMBERS:-100000}
ORGS=${BENCH_ORGS:-1000}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/roster-members.XXXXXX") || exit 1
chmod 755 "$TMP"
PID=""
PG=""
TABLE=$TMP/table
: >"$TABLE"

cleanup() {
	[ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
	[ -n "$PG" ] && sh "$TOP/tests/pg.sh" stop "$TMP/pg"
	rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

echo "== building the seeder"
cc -std=c17 -D_GNU_SOURCE -O2 -I"$TOP/src" -I"$BUILD/gen" $(pkg-config --cflags jansson libsodium) \
	"$HERE/seed.c" "$BUILD/libroster.a" \
	$(pkg-config --libs libmicrohttpd jansson sqlite3 libpq libsodium libcurl) -pthread -lm -o "$BUILD/bench-seed" || exit 1

row() { printf '| %-44s | %12s | %-10s | %-6s |\n' "$1" "$2" "$3" "$4" >>"$TABLE"; }

# wrk ARGS... -> "req/s p99_ms"
measure() {
	wrk -t2 -c64 -d"${DUR}s" --latency "$@" >"$TMP/wrk.out" 2>&1
	rps=$(awk '/^Requests\/sec/ {print int($2)}' "$TMP/wrk.out")
	p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub("us","",v); v=v/1000} else if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /s$/) {sub("s","",v); v=v*1000}; printf "%.2f", v}' "$TMP/wrk.out")
	non2xx=$(awk '/Non-2xx/ {print $4}' "$TMP/wrk.out")
	[ -n "$non2xx" ] && echo "   (non-2xx answers: $non2xx)" >&2
	echo "${rps:-0} ${p99:-0}"
}

verdict() { awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN { ok = (op == "<") ? (a < b) : (a >= b); print ok ? "ok" : "MISS" }'; }

run_engine() { # NAME DB-URL
	name=$1 db=$2
	echo "== $name: seeding $MEMBERS members and $ORGS other organizations"
	start=$(date +%s)
	"$BUILD/bench-seed" "$db" "$MEMBERS" "$ORGS" >"$TMP/seed.env" || return 1
	. "$TMP/seed.env"
	echo "   seeded in $(( $(date +%s) - start )) s"
	"$BUILD/rosterd" --db "$db" --listen 127.0.0.1:0 --mail-dir "$TMP/mail" 2>"$TMP/rosterd.log" >/dev/null &
	PID=$!
	port=""
	for _ in $(seq 1 100); do
		port=$(sed -n 's/.*"event":"listening","address":"127.0.0.1:\([0-9]*\)".*/\1/p' "$TMP/rosterd.log")
		[ -n "$port" ] && break
		sleep 0.1
	done
	base=http://127.0.0.1:$port
	token=$(curl -s -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
		-d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
	[ -n "$token" ] || { echo "bench: could not sign in"; return 1; }
	export ROSTER_TOKEN=$token ROSTER_ORG=$ORG

	set -- $(measure "$base/healthz"); h_rps=$1
	set -- $(measure -s "$HERE/search.lua" "$base"); s_rps=$1 s_p99=$2
	set -- $(measure -s "$HERE/bearer.lua" "$base/api/v1/orgs/$ORG/members?limit=50"); f_rps=$1 f_p99=$2
	set -- $(measure -s "$HERE/bearer.lua" "$base/api/v1/me"); m_rps=$1 m_p99=$2
	set -- $(measure -s "$HERE/bearer.lua" "$base/api/v1/orgs/$ORG/members/$USER"); g_rps=$1 g_p99=$2

	s_share=$(awk -v a="$s_rps" -v b="$h_rps" 'BEGIN { printf "%.1f", 100 * a / b }')
	f_share=$(awk -v a="$f_rps" -v b="$h_rps" 'BEGIN { printf "%.1f", 100 * a / b }')
	cost=$(awk -v a="$m_rps" -v b="$g_rps" 'BEGIN { printf "%.2f", a / b }')
	row "GET /healthz req/s ($name)" "$h_rps" "-" "info"
	row "members?q=<prefix> req/s ($name)" "$s_rps" "-" "info"
	row "  p99 ($name)" "$s_p99 ms" "< 20 ms" "$(verdict "$s_p99" "<" 20)"
	row "  share of /healthz ($name)" "$s_share %" ">= 15 %" "$(verdict "$s_share" ">=" 15)"
	row "members, first page req/s ($name)" "$f_rps" "-" "info"
	row "  p99 ($name)" "$f_p99 ms" "< 20 ms" "$(verdict "$f_p99" "<" 20)"
	row "  share of /healthz ($name)" "$f_share %" ">= 15 %" "$(verdict "$f_share" ">=" 15)"
	row "GET /me req/s ($name)" "$m_rps" "-" "info"
	row "GET members/{user} req/s ($name)" "$g_rps" "-" "info"
	row "  cost of members/{user} / cost of /me ($name)" "$cost x" "<= 1.5 x" "$(verdict 1.5 ">=" "$cost")"
	kill "$PID"; wait "$PID" 2>/dev/null; PID=""
}

run_engine sqlite "sqlite:$TMP/members.db"
if [ "${BENCH_SKIP_PG:-0}" != 1 ] && [ "$(id -u)" = 0 ]; then
	if url=$(sh "$TOP/tests/pg.sh" start "$TMP/pg"); then
		PG=1
		run_engine postgres "$url"
	fi
fi

echo
echo "roster member benchmarks, $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, ${DUR}s per measurement"
echo "$MEMBERS members in one organization, $ORGS other organizations"
echo
printf '| %-44s | %12s | %-10s | %-6s |\n' metric value target result
printf '|%s|%s|%s|%s|\n' "----------------------------------------------" "--------------" "------------" "--------"
cat "$TABLE"
cp "$TABLE" "$BUILD/bench-members.txt" 2>/dev/null
exit 0
