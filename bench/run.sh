#!/bin/sh
# Benchmark suite for roster: `make bench` runs `sh bench/run.sh build`.
#
# Builds bench/bare.c and bench/argon2.c into BUILD_DIR/bench/, starts rosterd
# (SQLite in a temp dir, then PostgreSQL in a throwaway cluster when run as
# root), drives it with wrk on 127.0.0.1 and prints a table
# "metric | value | target | result". Every process started here is stopped
# on exit. Tunables (environment): BENCH_DURATION (seconds per measurement,
# default 15), BENCH_WARMUP (default 2), BENCH_RETRY_BUDGET (seconds, default
# 60), BENCH_SKIP_PG=1.
set -u

BUILD=${1:-build}
HERE=$(cd "$(dirname "$0")" && pwd)
if [ ! -x "$BUILD/rosterd" ] || [ ! -x "$BUILD/rosterctl" ]; then
	echo "bench: $BUILD/rosterd or $BUILD/rosterctl missing (run make all)" >&2
	exit 1
fi
BUILD=$(cd "$BUILD" && pwd)
DUR=${BENCH_DURATION:-15}
WARM=${BENCH_WARMUP:-2}
HALF=$(((DUR + 1) / 2))    # each argon2 run, around the login run
SLICE=$(((DUR + 3) / 4))   # each of 4 /healthz slices, around a /me run
CORES=$(nproc 2>/dev/null || echo 1)
PASSWORD='bench-password-0123456789'
ME_CONNS=64           # GET /api/v1/me alone
LOGIN_CONNS=16        # POST /api/v1/auth/login alone
MIX_LOGIN_CONNS=32    # login hammer during the mixed test
MIX_ME_CONNS=16       # GET /api/v1/me during the mixed test

command -v wrk >/dev/null 2>&1 || { echo "bench: wrk not found (make deps-test)" >&2; exit 1; }
command -v curl >/dev/null 2>&1 || { echo "bench: curl not found" >&2; exit 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/roster-bench.XXXXXX") || exit 1
PIDS=""
PGDIR=""
PGBIN=""
TABLE=$TMP/table
NOTES=$TMP/notes
: >"$TABLE"
: >"$NOTES"

stop_pid() { # PID: SIGTERM, wait up to 5 s, then SIGKILL
	kill "$1" 2>/dev/null || return 0
	i=0
	while kill -0 "$1" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	kill -9 "$1" 2>/dev/null
	wait "$1" 2>/dev/null
	return 0
}

cleanup() {
	for p in $PIDS; do stop_pid "$p"; done
	PIDS=""
	if [ -n "$PGDIR" ]; then
		runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1
		rm -rf "$PGDIR"
		PGDIR=""
	fi
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

die() { echo "bench: $*" >&2; exit 1; }
forget_pid() { # PID: drop from the cleanup list once stopped
	rest=""
	for p in $PIDS; do [ "$p" = "$1" ] || rest="$rest $p"; done
	PIDS=$rest
}

# --- figures and table -----------------------------------------------------

# flag RESULT NAME...: RESULT, with "*" when another process took more than
# DISTURB_MAX % of the machine during one of the named measurements
flag() {
	res=$1; shift
	awk -v names=" $* " -v lim="$DISTURB_MAX" -v res="$res" \
		'index(names, " " $1 " ") && $2 + 0 > lim { d = 1 } END { print res (d ? "*" : "") }' "$DISTURB"
}
# row METRIC VALUE TARGET RESULT
row() { printf '%s|%s|%s|%s\n' "$1" "$2" "$3" "$4" >>"$TABLE"; }
note() { echo "$*" >>"$NOTES"; }
# check A OP B -> prints ok or MISS (OP: ge, lt)
check() {
	awk -v a="$1" -v b="$3" -v op="$2" 'BEGIN {
		if (a == "" || a == "n/a") { print "MISS"; exit }
		r = (op == "ge") ? (a + 0 >= b + 0) : (a + 0 < b + 0)
		print (r ? "ok" : "MISS") }'
}
slices() { echo "$1-1 $1-2 $1-3 $1-4"; }
slices_rps() { # NAME: mean req/s over NAME-1..4 (equal durations)
	for n in $(slices "$1"); do wrk_rps "$n"; done |
		awk '{ s += $1; n++ } END { if (n == 4) printf "%.2f", s / n; else print "n/a" }'
}
slices_p99() { # NAME: the worst p99 of NAME-1..4, in ms
	for n in $(slices "$1"); do wrk_p99 "$n"; echo; done |
		awk 'NF { if ($1 + 0 > m) m = $1 + 0; n++ } END { if (n == 4) print m; else print "n/a" }'
}
mean() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "") print "n/a"; else printf "%.2f", (a + b) / 2 }'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0) printf "%.1f", 100 * a / b; else print "n/a" }'; }
fmt0() { awk -v a="$1" 'BEGIN { if (a == "" || a == "n/a") print "n/a"; else printf "%.0f", a }'; }
fmt1() { awk -v a="$1" 'BEGIN { if (a == "" || a == "n/a") print "n/a"; else printf "%.1f", a }'; }
fmt2() { awk -v a="$1" 'BEGIN { if (a == "" || a == "n/a") print "n/a"; else printf "%.2f", a }'; }

rss_mib() { # PID -> VmRSS in MiB
	awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo n/a
}

# --- CPU taken by other processes ---------------------------------------------
# The machine may be shared. Around each measurement we compare the CPU time
# the whole machine spent (/proc/stat, steal included) with the CPU time of the
# processes of this run (rosterd, bare, the PostgreSQL cluster, and the reaped
# children: wrk, argon2, curl...), and report the rest as a share of all cores.
TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
PGPM=""   # postmaster pid
BPID=""   # bare
WPID=""   # a wrk in the background
DISTURB=$TMP/disturb
DISTURB_MAX=10                        # % of the machine
RETRY_LEFT=${BENCH_RETRY_BUDGET:-60}  # seconds of measurements run again
: >"$DISTURB"
machine_busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
pid_jiffies() { # PID -> utime + stime (+ reaped children with "all")
	[ -n "$1" ] && [ -r "/proc/$1/stat" ] || { echo 0; return; }
	sed 's/.*) //' "/proc/$1/stat" | awk -v all="${2:-}" '{ print $12 + $13 + (all ? $14 + $15 : 0) }'
}
ours() { # sets OURS (not in $(...): `times` must run in this shell)
	times >"$TMP/times"   # this shell's reaped children
	j=$(awk -v t="$TCK" 'NR == 2 { n = 0
		for (i = 1; i <= 2; i++) { split($i, p, "m"); sub(/s$/, "", p[2]); n += (p[1] * 60 + p[2]) * t }
		printf "%.0f", n }' "$TMP/times")
	j=$((j + $(pid_jiffies "$RPID") + $(pid_jiffies "$BPID") + $(pid_jiffies "$WPID")))
	if [ -n "$PGPM" ]; then
		j=$((j + $(pid_jiffies "$PGPM" all)))
		for c in $(ps -o pid= --ppid "$PGPM" 2>/dev/null); do j=$((j + $(pid_jiffies "$c"))); done
	fi
	OURS=$j
}
uptime_s() { cut -d' ' -f1 /proc/uptime; }
measure_begin() { M_BUSY=$(machine_busy); ours; M_OURS=$OURS; M_T=$(uptime_s); }
measure_end() { # NAME: appends "NAME foreign% retries" to $DISTURB, sets FOREIGN
	b=$(machine_busy); ours; o=$OURS; t=$(uptime_s)
	FOREIGN=$(awk -v b="$((b - M_BUSY))" -v o="$((o - M_OURS))" -v t="$t" -v t0="$M_T" -v c="$CORES" -v k="$TCK" \
		'BEGIN { f = 100 * (b - o) / ((t - t0) * c * k); if (f < 0) f = 0; printf "%.1f", f }')
	echo "$1 $FOREIGN ${2:-0}" >>"$DISTURB"
}
# measured NAME SECONDS OUTFILE COMMAND...: runs COMMAND (output to OUTFILE);
# when other processes took more than DISTURB_MAX % of the machine meanwhile,
# runs it again (at most twice, within a budget of RETRY_LEFT seconds).
measured() {
	m_name=$1 m_secs=$2 m_out=$3
	shift 3
	m_try=0
	while :; do
		measure_begin
		"$@" >"$m_out" 2>&1
		b=$(machine_busy); ours; o=$OURS; t=$(uptime_s)
		FOREIGN=$(awk -v b="$((b - M_BUSY))" -v o="$((o - M_OURS))" -v t="$t" -v t0="$M_T" -v c="$CORES" \
			-v k="$TCK" 'BEGIN { f = 100 * (b - o) / ((t - t0) * c * k); if (f < 0) f = 0; printf "%.1f", f }')
		if [ $m_try -lt 2 ] && [ "$RETRY_LEFT" -ge "$m_secs" ] &&
			awk -v f="$FOREIGN" -v l="$DISTURB_MAX" 'BEGIN { exit !(f > l) }'; then
			m_try=$((m_try + 1))
			RETRY_LEFT=$((RETRY_LEFT - m_secs))
			echo "  ($m_name: other processes took $FOREIGN % of the machine; measuring again)"
			continue
		fi
		break
	done
	echo "$m_name $FOREIGN $m_try" >>"$DISTURB"
}

alive() { # PID: running (not gone, not a zombie)
	st=$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null)
	[ -n "$st" ] && [ "$st" != Z ] && [ "$st" != X ]
}
RPID=""
RPORT=""

# wrk_run NAME THREADS CONNS SECONDS SCRIPT URL: output kept in $TMP/wrk-NAME.txt
wrk_run() {
	case $6 in
	*"127.0.0.1:$RPORT/"*)
		alive "$RPID" || { tail -n 5 "$TMP"/rosterd-*.log >&2; die "rosterd exited during the run (before $1)"; } ;;
	esac
	if [ -n "$5" ]; then
		measured "$1" "$4" "$TMP/wrk-$1.txt" wrk -t"$2" -c"$3" -d"$4"s --timeout 5s --latency -s "$5" "$6"
	else
		measured "$1" "$4" "$TMP/wrk-$1.txt" wrk -t"$2" -c"$3" -d"$4"s --timeout 5s --latency "$6"
	fi
}
# wrk_warm THREADS CONNS SCRIPT URL: short run, output dropped
wrk_warm() {
	[ "$WARM" -gt 0 ] || return 0
	if [ -n "$3" ]; then wrk -t"$1" -c"$2" -d"$WARM"s -s "$3" "$4" >/dev/null 2>&1
	else wrk -t"$1" -c"$2" -d"$WARM"s "$4" >/dev/null 2>&1; fi
}
wrk_rps() { awk '/^Requests\/sec:/ { print $2 }' "$TMP/wrk-$1.txt"; }
wrk_ok_rps() { # successful (200) responses per second; needs the status counts of login.lua
	awk '/^Requests\/sec:/ { rps = $2 } / requests in / { total = $1 }
		/^Status codes:/ { for (i = 3; i <= NF; i++) if ($i ~ /^200=/) { ok = substr($i, 5) } }
		END { if (total > 0) printf "%.2f", rps * ok / total; else print "n/a" }' "$TMP/wrk-$1.txt"
}
wrk_p99() { # in milliseconds
	awk '$1 == "99%" { v = $2
		if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 }
		else if (v ~ /ms$/) { sub(/ms$/, "", v) }
		else if (v ~ /m$/) { sub(/m$/, "", v); v = v * 60000 }
		else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 }
		printf "%.3f", v }' "$TMP/wrk-$1.txt"
}
# wrk_sanity NAME: notes non-2xx responses and socket errors (timed-out requests
# are not in wrk's latency figures, so they matter for the p99 rows)
wrk_sanity() {
	f=$TMP/wrk-$1.txt
	[ -s "$f" ] || { note "$1: wrk produced no output"; return; }
	grep -q '^Requests/sec:' "$f" || note "$1: wrk failed: $(head -c 300 "$f" | tr '\n' ' ')"
	n=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$f")
	[ -z "$n" ] || note "$1: $n non-2xx responses$(sed -n 's/^Status codes:/ (statuses:/p' "$f" | sed 's/$/)/')"
	e=$(grep 'Socket errors:' "$f")
	[ -z "$e" ] || note "$1: $e"
}

# --- build the helpers ---------------------------------------------------------

mkdir -p "$BUILD/bench"
CC=${CC:-cc}
BFLAGS="-std=c17 -D_GNU_SOURCE -O2 -Wall -Wextra -pthread"
# shellcheck disable=SC2046
$CC $BFLAGS $(pkg-config --cflags libmicrohttpd) "$HERE/bare.c" -o "$BUILD/bench/bare" \
	$(pkg-config --libs libmicrohttpd) -pthread || die "cannot build bench/bare.c"
# shellcheck disable=SC2046
$CC $BFLAGS $(pkg-config --cflags libsodium) "$HERE/argon2.c" -o "$BUILD/bench/argon2" \
	$(pkg-config --libs libsodium) -pthread || die "cannot build bench/argon2.c"

# --- servers -------------------------------------------------------------------

# start_rosterd DB NAME: sets RPID and RPORT
start_rosterd() {
	mkdir -p "$TMP/mail-$2"
	"$BUILD/rosterd" --db "$1" --listen 127.0.0.1:0 --public-url http://127.0.0.1:8080 \
		--mail-dir "$TMP/mail-$2" --log info >"$TMP/rosterd-$2.out" 2>"$TMP/rosterd-$2.log" &
	RPID=$!
	PIDS="$PIDS $RPID"
	RPORT=""
	i=0
	while [ $i -lt 100 ]; do
		RPORT=$(sed -n 's/.*"event" *: *"listening".*"address" *: *"[^"]*:\([0-9][0-9]*\)".*/\1/p; s/.*"address" *: *"[^"]*:\([0-9][0-9]*\)".*"event" *: *"listening".*/\1/p' \
			"$TMP/rosterd-$2.log" | head -n 1)
		[ -n "$RPORT" ] && break
		kill -0 "$RPID" 2>/dev/null || break
		sleep 0.1
		i=$((i + 1))
	done
	[ -n "$RPORT" ] || { tail -n 20 "$TMP/rosterd-$2.log" >&2; die "rosterd ($2) did not start"; }
}

# create_user DB EMAIL
create_user() {
	printf '%s\n' "$PASSWORD" | "$BUILD/rosterctl" --db "$1" operator create "$2" --password-stdin \
		>"$TMP/rosterctl.out" 2>&1 || { cat "$TMP/rosterctl.out" >&2; die "rosterctl operator create $2 failed"; }
}

# login PORT EMAIL -> prints the bearer token
login() {
	curl -sS -m 10 -H 'Content-Type: application/json' \
		-d "{\"email\":\"$2\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$1/api/v1/auth/login" |
		sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p'
}

# me_ok PORT TOKEN: GET /api/v1/me answers 200
me_ok() {
	code=$(curl -s -o /dev/null -w '%{http_code}' -m 10 -H "Authorization: Bearer $2" \
		"http://127.0.0.1:$1/api/v1/me")
	[ "$code" = 200 ]
}

free_port() {
	p=$((40000 + $$ % 20000))
	while ss -Htln 2>/dev/null | awk '{ print $4 }' | grep -q ":$p\$"; do p=$((p + 1)); done
	echo "$p"
}

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
echo "roster bench: $CORES cores ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), ${DUR}s per measurement"

# --- SQLite --------------------------------------------------------------------

DB=$TMP/roster.db
"$BUILD/rosterctl" --db "$DB" migrate >"$TMP/rosterctl.out" 2>&1 || { cat "$TMP/rosterctl.out" >&2; die "rosterctl migrate failed"; }
create_user "$DB" me@bench.test
create_user "$DB" login@bench.test

start_rosterd "$DB" sqlite
sleep 1
RSS_IDLE=$(rss_mib "$RPID")
URL=http://127.0.0.1:$RPORT
echo "rosterd (SQLite) on port $RPORT, idle RSS $RSS_IDLE MiB"

TOKEN=$(login "$RPORT" me@bench.test)
[ -n "$TOKEN" ] || die "login as me@bench.test failed"
me_ok "$RPORT" "$TOKEN" || die "GET /api/v1/me with the token is not 200"
export ROSTER_TOKEN="$TOKEN" ROSTER_EMAIL=login@bench.test ROSTER_PASSWORD="$PASSWORD"

"$BUILD/bench/bare" 0 "$CORES" >"$TMP/bare.port" 2>"$TMP/bare.log" &
BPID=$!
PIDS="$PIDS $BPID"
i=0
while [ ! -s "$TMP/bare.port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
BPORT=$(head -n 1 "$TMP/bare.port")
[ -n "$BPORT" ] || die "bench/bare did not start"

# Figures that are compared are measured interleaved and in a symmetric
# order, /healthz in slices around the /api/v1/me run:
#   bare rosterd bare rosterd [/me] rosterd bare rosterd bare
# so that a change in the load of the (shared) machine favours no side.
BURL=http://127.0.0.1:$BPORT/healthz
echo "GET /healthz on bare and rosterd (wrk -t1 -c64, $SLICE s slices), GET /api/v1/me (wrk -t1 -c$ME_CONNS)"
wrk_warm 1 64 "" "$BURL"
wrk_warm 1 64 "" "$URL/healthz"
for i in 1 2; do
	wrk_run "bare-healthz-$i" 1 64 "$SLICE" "" "$BURL"
	wrk_run "sqlite-healthz-$i" 1 64 "$SLICE" "" "$URL/healthz"
done
wrk_warm 1 "$ME_CONNS" "$HERE/bearer.lua" "$URL/api/v1/me"
wrk_run sqlite-me 1 "$ME_CONNS" "$DUR" "$HERE/bearer.lua" "$URL/api/v1/me"
for i in 3 4; do
	wrk_run "sqlite-healthz-$i" 1 64 "$SLICE" "" "$URL/healthz"
	wrk_run "bare-healthz-$i" 1 64 "$SLICE" "" "$BURL"
done
stop_pid "$BPID"; forget_pid "$BPID"; BPID=""

echo "argon2id raw ($CORES threads), POST /api/v1/auth/login (wrk -t1 -c$LOGIN_CONNS), argon2id raw"
measured argon2-1 "$HALF" "$TMP/argon2-1.txt" "$BUILD/bench/argon2" "$HALF" "$CORES"
ARGON1=$(awk '{ print $1 }' "$TMP/argon2-1.txt")
wrk_run login 1 "$LOGIN_CONNS" "$DUR" "$HERE/login.lua" "$URL/api/v1/auth/login"
measured argon2-2 "$HALF" "$TMP/argon2-2.txt" "$BUILD/bench/argon2" "$HALF" "$CORES"
ARGON2=$(awk '{ print $1 }' "$TMP/argon2-2.txt")
ARGON=$(mean "$ARGON1" "$ARGON2")

echo "GET /api/v1/me (-c$MIX_ME_CONNS) while login is hammered (-c$MIX_LOGIN_CONNS)"
measure_begin
MIX_BUSY=$M_BUSY MIX_OURS=$M_OURS MIX_T=$M_T
wrk -t1 -c"$MIX_LOGIN_CONNS" -d$((DUR + 2))s --timeout 5s --latency -s "$HERE/login.lua" \
	"$URL/api/v1/auth/login" >"$TMP/wrk-mix-login.txt" 2>&1 &
WPID=$!
PIDS="$PIDS $WPID"
sleep 1
KEEP_RETRY=$RETRY_LEFT RETRY_LEFT=0   # the two must overlap: no second attempt
wrk_run mix-me 1 "$MIX_ME_CONNS" "$DUR" "$HERE/bearer.lua" "$URL/api/v1/me"
RETRY_LEFT=$KEEP_RETRY
wait "$WPID"
forget_pid "$WPID"; WPID=""
M_BUSY=$MIX_BUSY M_OURS=$MIX_OURS M_T=$MIX_T
measure_end mix-both

RSS_AFTER=$(rss_mib "$RPID")
echo "rosterd (SQLite) RSS after the run: $RSS_AFTER MiB"
stop_pid "$RPID"; forget_pid "$RPID"; RPID=""
rm -f "$TMP/rosterd-sqlite.log"   # access log of a few million requests

for n in $(slices bare-healthz) $(slices sqlite-healthz) sqlite-me login mix-login mix-me; do wrk_sanity "$n"; done

# --- PostgreSQL ----------------------------------------------------------------

PG_DONE=0
if [ "${BENCH_SKIP_PG:-0}" = 1 ]; then
	note "PostgreSQL skipped (BENCH_SKIP_PG=1)"
elif [ "$(id -u)" != 0 ]; then
	note "PostgreSQL skipped: a throwaway cluster needs root (runuser -u postgres)"
else
	PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
	if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
		note "PostgreSQL skipped: no /usr/lib/postgresql/*/bin/initdb"
	else
		PGDIR=$(mktemp -d "${TMPDIR:-/tmp}/roster-bench-pg.XXXXXX")
		chown postgres "$PGDIR"
		PGPORT=$(free_port)
		echo "PostgreSQL: throwaway cluster on port $PGPORT"
		if runuser -u postgres -- "$PGBIN/initdb" -D "$PGDIR/data" -A trust -U postgres >"$TMP/initdb.log" 2>&1 &&
			runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" \
				-o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1" -l "$PGDIR/log" -w start >/dev/null 2>&1; then
			PGURL=postgres://postgres@127.0.0.1:$PGPORT/postgres
			PGPM=$(head -n 1 "$PGDIR/data/postmaster.pid" 2>/dev/null)
			"$BUILD/rosterctl" --db "$PGURL" migrate >"$TMP/rosterctl.out" 2>&1 ||
				{ cat "$TMP/rosterctl.out" >&2; die "rosterctl migrate (PostgreSQL) failed"; }
			create_user "$PGURL" me@bench.test
			start_rosterd "$PGURL" pg
			sleep 1
			PG_RSS_IDLE=$(rss_mib "$RPID")
			URL=http://127.0.0.1:$RPORT
			echo "rosterd (PostgreSQL) on port $RPORT, idle RSS $PG_RSS_IDLE MiB"
			TOKEN=$(login "$RPORT" me@bench.test)
			[ -n "$TOKEN" ] || die "login as me@bench.test (PostgreSQL) failed"
			me_ok "$RPORT" "$TOKEN" || die "GET /api/v1/me (PostgreSQL) is not 200"
			export ROSTER_TOKEN="$TOKEN"
			echo "GET /healthz and GET /api/v1/me, PostgreSQL (wrk -t1 -c$ME_CONNS)"
			wrk_warm 1 64 "" "$URL/healthz"
			wrk_run pg-healthz-1 1 64 "$SLICE" "" "$URL/healthz"
			wrk_run pg-healthz-2 1 64 "$SLICE" "" "$URL/healthz"
			wrk_warm 1 "$ME_CONNS" "$HERE/bearer.lua" "$URL/api/v1/me"
			wrk_run pg-me 1 "$ME_CONNS" "$DUR" "$HERE/bearer.lua" "$URL/api/v1/me"
			wrk_run pg-healthz-3 1 64 "$SLICE" "" "$URL/healthz"
			wrk_run pg-healthz-4 1 64 "$SLICE" "" "$URL/healthz"
			PG_RSS_AFTER=$(rss_mib "$RPID")
			stop_pid "$RPID"; forget_pid "$RPID"; RPID=""
			for n in $(slices pg-healthz) pg-me; do wrk_sanity "$n"; done
			PG_DONE=1
		else
			note "PostgreSQL skipped: the throwaway cluster did not start ($(tail -n 3 "$TMP/initdb.log" "$PGDIR/log" 2>/dev/null | tr '\n' ' '))"
		fi
	fi
fi

# --- table ---------------------------------------------------------------------

BARE=$(slices_rps bare-healthz)
HZ=$(slices_rps sqlite-healthz)
ME=$(wrk_rps sqlite-me)
ME99=$(wrk_p99 sqlite-me)
LOGIN=$(wrk_ok_rps login)
MIXLOGIN=$(wrk_ok_rps mix-login)
MIXME=$(wrk_rps mix-me)
MIX99=$(wrk_p99 mix-me)

r=$(pct "$HZ" "$BARE");   row "GET /healthz req/s, bare libmicrohttpd" "$(fmt0 "$BARE")" "-" "info"
row "  p99, bare (worst slice)" "$(fmt2 "$(slices_p99 bare-healthz)") ms" "-" "info"
row "GET /healthz req/s, rosterd (SQLite)" "$(fmt0 "$HZ")" "-" "info"
row "  p99, rosterd (worst slice)" "$(fmt2 "$(slices_p99 sqlite-healthz)") ms" "-" "info"
row "  rosterd / bare" "$r %" ">= 70 %" "$(flag "$(check "$r" ge 70)" "$(slices bare-healthz)" "$(slices sqlite-healthz)")"
r=$(pct "$ME" "$HZ");     row "GET /api/v1/me req/s, SQLite, $ME_CONNS conns" "$(fmt0 "$ME")" "-" "info"
row "  /me / /healthz (SQLite)" "$r %" ">= 40 %" "$(flag "$(check "$r" ge 40)" sqlite-me "$(slices sqlite-healthz)")"
row "  /me p99 (SQLite)" "$(fmt2 "$ME99") ms" "< 5 ms" "$(flag "$(check "$ME99" lt 5)" sqlite-me)"
if [ "$PG_DONE" = 1 ]; then
	PHZ=$(slices_rps pg-healthz); PME=$(wrk_rps pg-me); PME99=$(wrk_p99 pg-me)
	r=$(pct "$PME" "$PHZ")
	row "GET /healthz req/s, rosterd (PostgreSQL)" "$(fmt0 "$PHZ")" "-" "info"
	row "GET /api/v1/me req/s, PostgreSQL, $ME_CONNS conns" "$(fmt0 "$PME")" "-" "info"
	row "  /me / /healthz (PostgreSQL)" "$r %" ">= 40 %" "$(flag "$(check "$r" ge 40)" pg-me "$(slices pg-healthz)")"
	row "  /me p99 (PostgreSQL)" "$(fmt2 "$PME99") ms" "< 5 ms" "$(flag "$(check "$PME99" lt 5)" pg-me)"
else
	row "GET /api/v1/me, PostgreSQL" "skipped" "-" "n/a"
fi
r=$(pct "$LOGIN" "$ARGON")
row "argon2id raw hashes/s, $CORES threads" "$(fmt1 "$ARGON")" "-" "info"
row "logins/s (200 answers), $LOGIN_CONNS conns" "$(fmt1 "$LOGIN")" "-" "info"
row "  logins / raw hashes" "$r %" ">= 90 %" "$(flag "$(check "$r" ge 90)" argon2-1 login argon2-2)"
row "logins/s during mixed load, $MIX_LOGIN_CONNS conns" "$(fmt1 "$MIXLOGIN")" "-" "info"
row "GET /api/v1/me req/s during mixed load, $MIX_ME_CONNS conns" "$(fmt0 "$MIXME")" "-" "info"
row "  /me p99 during mixed load" "$(fmt2 "$MIX99") ms" "< 50 ms" "$(flag "$(check "$MIX99" lt 50)" mix-both)"
row "rosterd RSS idle after start (SQLite)" "$RSS_IDLE MiB" "< 20 MiB" "$(check "$RSS_IDLE" lt 20)"
row "rosterd RSS after the run (SQLite)" "$RSS_AFTER MiB" "< 64 MiB" "$(check "$RSS_AFTER" lt 64)"
if [ "$PG_DONE" = 1 ]; then
	row "rosterd RSS idle / after (PostgreSQL)" "$PG_RSS_IDLE / $PG_RSS_AFTER MiB" "-" "info"
fi

{
	echo
	echo "roster benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'), $CORES cores, ${DUR}s per measurement"
	echo "load average at start: $LOAD_START; at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo
	awk -F'|' '
		{ m[NR] = $1; v[NR] = $2; t[NR] = $3; k[NR] = $4
		  if (length($1) > w1) w1 = length($1); if (length($2) > w2) w2 = length($2)
		  if (length($3) > w3) w3 = length($3) }
		END {
			if (w1 < 6) w1 = 6; if (w2 < 5) w2 = 5; if (w3 < 6) w3 = 6
			printf "| %-" w1 "s | %" w2 "s | %-" w3 "s | %-6s |\n", "metric", "value", "target", "result"
			printf "|%s|%s|%s|%s|\n", dash(w1 + 2), dash(w2 + 2), dash(w3 + 2), dash(8)
			for (i = 1; i <= NR; i++)
				printf "| %-" w1 "s | %" w2 "s | %-" w3 "s | %-6s |\n", m[i], v[i], t[i], k[i]
		}
		function dash(n,  s) { s = ""; while (n-- > 0) s = s "-"; return s }' "$TABLE"
	echo
	echo "CPU taken by other processes during each measurement, as a share of all cores"
	echo "(a result marked * rests on a measurement where this exceeded $DISTURB_MAX %):"
	awk '{ printf "  %-18s %5.1f %%%s", $1, $2, (NR % 3 == 0 ? "\n" : "") } END { if (NR % 3) print "" }' "$DISTURB"
	awk '$3 > 0 { s = s (s ? ", " : "") $1 " (" $3 "x)" } END { if (s) print "measured again after a disturbed attempt: " s }' "$DISTURB"
	if [ -s "$NOTES" ]; then
		echo
		echo "Notes:"
		sed 's/^/- /' "$NOTES"
	fi
} >"$TMP/report"
cat "$TMP/report"
cp "$TMP/report" "$BUILD/bench/results.txt"
mkdir -p "$BUILD/bench/wrk"
cp "$TMP"/wrk-*.txt "$BUILD/bench/wrk/" 2>/dev/null
echo
echo "(table saved to $BUILD/bench/results.txt, wrk outputs in $BUILD/bench/wrk/)"
exit 0
