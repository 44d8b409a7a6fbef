#!/bin/sh
# Licenses and devices: one organization of 2,500 members with 10,000
# active devices (four a member), each holding a seat of a per-device pool.
# `make bench` runs it as `sh bench/licenses.sh build`.
#
#  - GET /api/v1/device/license (the app's check at every start: token,
#    device, pool, an Ed25519 certificate, signed again when what it states
#    changes or a minute has passed) over every
#    device's token (bench/devlicense.lua), 64 connections, against
#    GET /healthz of the same rosterd: req/s, p99, share (targets: >= 50 %,
#    p99 < 10 ms);
#  - the Devices / Licenses list, GET /orgs/{org}/devices?limit=50 and a
#    search by a device-code prefix that matches ten devices
#    (bench/devsearch.lua): p99 < 20 ms, >= 15 % of /healthz;
#  - seat assign + remove pairs on one per-user pool from 16 connections,
#    each its own member (bench/seats.lua), against bench/seatbare.c, the
#    same pair of conditional UPDATE and seats row insert/delete in bare
#    transactions from 16 threads: HTTP >= 25 % of that ceiling.
# Figures compared with each other are measured interleaved, in slices of
# half a measurement, in a symmetric order. SQLite, then PostgreSQL in a
# throwaway cluster (tests/pg.sh, fsync off) when run as root.
# Tunables: BENCH_DURATION (seconds a figure, default 8), BENCH_WARMUP
# (default 2), BENCH_MEMBERS (default 2500), BENCH_DEVICES (default 10000),
# BENCH_ACTIVATIONS (of them, activated through the API, default 100),
# BENCH_SKIP_PG=1.
set -u
BUILD=${1:-build}
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/.." && pwd)
if [ ! -x "$BUILD/rosterd" ] || [ ! -x "$BUILD/rosterctl" ] || [ ! -f "$BUILD/libroster.a" ]; then
	echo "licenses: $BUILD/rosterd, rosterctl or libroster.a missing (run make all)" >&2
	exit 1
fi
BUILD=$(cd "$BUILD" && pwd)
DUR=${BENCH_DURATION:-8}
WARM=${BENCH_WARMUP:-2}
HALF=$(((DUR + 1) / 2))
MEMBERS=${BENCH_MEMBERS:-2500}
DEVICES=${BENCH_DEVICES:-10000}
ACTIVATIONS=${BENCH_ACTIVATIONS:-100}
[ "$ACTIVATIONS" -le "$DEVICES" ] || ACTIVATIONS=$DEVICES
CORES=$(nproc 2>/dev/null || echo 1)
OP_PASSWORD='bench-password-0123456789'
SEAT_CONNS=16

command -v wrk >/dev/null 2>&1 || { echo "licenses: wrk not found (make deps-test)" >&2; exit 1; }
command -v curl >/dev/null 2>&1 || { echo "licenses: curl not found" >&2; exit 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/roster-licenses.XXXXXX") || exit 1
chmod 755 "$TMP"
RPID=""
PG=""
PGPM=""
TABLE=$TMP/table
NOTES=$TMP/notes
DISTURB=$TMP/disturb
: >"$TABLE"
: >"$NOTES"
: >"$DISTURB"

stop_rosterd() {
	[ -n "$RPID" ] || return 0
	kill "$RPID" 2>/dev/null
	i=0
	while kill -0 "$RPID" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	kill -9 "$RPID" 2>/dev/null
	wait "$RPID" 2>/dev/null
	RPID=""
}
cleanup() {
	stop_rosterd
	[ -n "$PG" ] && sh "$TOP/tests/pg.sh" stop "$TMP/pg"
	PG=""
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

die() { echo "licenses: $*" >&2; exit 1; }
note() { echo "$*" >>"$NOTES"; }
row() { printf '%s|%s|%s|%s\n' "$1" "$2" "$3" "$4" >>"$TABLE"; }

# --- helpers ---------------------------------------------------------------------

echo "== building the helpers"
mkdir -p "$BUILD/bench"
CC=${CC:-cc}
# shellcheck disable=SC2046
$CC -std=c17 -D_GNU_SOURCE -O2 -I"$TOP/src" -I"$BUILD/gen" $(pkg-config --cflags jansson libsodium) \
	"$HERE/seed.c" "$BUILD/libroster.a" \
	$(pkg-config --libs libmicrohttpd jansson sqlite3 libpq libsodium libcurl) -pthread -lm \
	-o "$BUILD/bench/seed" || die "cannot build bench/seed.c"
# shellcheck disable=SC2046
$CC -std=c17 -D_GNU_SOURCE -O2 -Wall -Wextra -I"$TOP/src" -I"$BUILD/gen" $(pkg-config --cflags jansson libsodium) \
	"$HERE/devseed.c" "$BUILD/libroster.a" \
	$(pkg-config --libs libmicrohttpd jansson sqlite3 libpq libsodium libcurl) -pthread -lm \
	-o "$BUILD/bench/devseed" || die "cannot build bench/devseed.c"
# shellcheck disable=SC2046
$CC -std=c17 -D_GNU_SOURCE -O2 -Wall -Wextra $(pkg-config --cflags sqlite3 libpq) "$HERE/seatbare.c" \
	$(pkg-config --libs sqlite3 libpq) -pthread -o "$BUILD/bench/seatbare" || die "cannot build bench/seatbare.c"

# --- figures -----------------------------------------------------------------------

pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "" && b + 0 > 0) printf "%.1f", 100 * a / b; else print "n/a" }'; }
fmt0() { awk -v a="$1" 'BEGIN { if (a == "" || a == "n/a") print "n/a"; else printf "%.0f", a }'; }
fmt2() { awk -v a="$1" 'BEGIN { if (a == "" || a == "n/a") print "n/a"; else printf "%.2f", a }'; }
# verdict A OP B (OP: ge, lt) -> PASS or MISS, with "*" when one of the named
# measurements (after B) was disturbed by other processes
verdict() {
	a=$1 op=$2 b=$3
	shift 3
	r=$(awk -v a="$a" -v b="$b" -v op="$op" 'BEGIN {
		if (a == "" || a == "n/a") { print "MISS"; exit }
		r = (op == "ge") ? (a + 0 >= b + 0) : (a + 0 < b + 0); print (r ? "PASS" : "MISS") }')
	awk -v names=" $* " -v res="$r" \
		'index(names, " " $1 " ") && $2 + 0 > 10 { d = 1 } END { print res (d ? "*" : "") }' "$DISTURB"
}

# CPU other processes took during a measurement, as in bench/run.sh: the
# machine's CPU time (/proc/stat, steal included) less that of rosterd, the
# PostgreSQL cluster and this shell's reaped children (wrk, seatbare, curl).
TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
machine_busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
pid_jiffies() { # PID [all] -> utime + stime (+ reaped children)
	[ -n "$1" ] && [ -r "/proc/$1/stat" ] || { echo 0; return; }
	sed 's/.*) //' "/proc/$1/stat" | awk -v all="${2:-}" '{ print $12 + $13 + (all ? $14 + $15 : 0) }'
}
ours() { # sets OURS (`times` must run in this shell)
	times >"$TMP/times"
	j=$(awk -v t="$TCK" 'NR == 2 { n = 0
		for (i = 1; i <= 2; i++) { split($i, p, "m"); sub(/s$/, "", p[2]); n += (p[1] * 60 + p[2]) * t }
		printf "%.0f", n }' "$TMP/times")
	j=$((j + $(pid_jiffies "$RPID")))
	if [ -n "$PGPM" ]; then
		j=$((j + $(pid_jiffies "$PGPM" all)))
		for c in $(ps -o pid= --ppid "$PGPM" 2>/dev/null); do j=$((j + $(pid_jiffies "$c"))); done
	fi
	OURS=$j
}
# measured NAME OUTFILE COMMAND...: runs COMMAND, output to OUTFILE, and
# appends "NAME foreign%" to $DISTURB
measured() {
	m_name=$1 m_out=$2
	shift 2
	b0=$(machine_busy); ours; o0=$OURS; t0=$(cut -d' ' -f1 /proc/uptime)
	"$@" >"$m_out" 2>&1
	b1=$(machine_busy); ours; o1=$OURS; t1=$(cut -d' ' -f1 /proc/uptime)
	awk -v n="$m_name" -v b="$((b1 - b0))" -v o="$((o1 - o0))" -v t="$t1" -v t0="$t0" -v c="$CORES" -v k="$TCK" \
		'BEGIN { f = 100 * (b - o) / ((t - t0) * c * k); if (f < 0) f = 0; printf "%s %.1f\n", n, f }' >>"$DISTURB"
}

# Waits (at most 10 s; 25 s in all for the reads of an engine, 20 s for its
# seat changes, whose emails rosterd sends afterwards) until rosterd and the
# PostgreSQL backends are idle: requests queued when a slow slice ended are
# still being answered after wrk has gone, and would weigh on the next
# slice. The waits are noted.
server_jiffies() {
	j=$(pid_jiffies "$RPID")
	if [ -n "$PGPM" ]; then
		for c in $(ps -o pid= --ppid "$PGPM" 2>/dev/null); do j=$((j + $(pid_jiffies "$c"))); done
	fi
	echo "$j"
}
settle() { # NAME (of the slice before)
	s_i=0
	if [ "$SETTLE_LEFT" -le 0 ]; then
		note "$1: the next slice began without waiting for rosterd (the time for waits was spent)"
		return
	fi
	while [ $s_i -lt 20 ] && [ $((s_i / 2)) -lt "$SETTLE_LEFT" ]; do
		a=$(server_jiffies)
		sleep 0.5
		[ $(($(server_jiffies) - a)) -le $((TCK / 20)) ] && break
		s_i=$((s_i + 1))
	done
	SETTLE_LEFT=$((SETTLE_LEFT - s_i / 2))
	if [ $s_i -ge 20 ]; then
		note "$1: rosterd was still busy 10 s after it; the next slice began meanwhile"
	elif [ $s_i -ge 4 ]; then
		note "$1: rosterd was still busy after it, for $((s_i / 2)) s"
	fi
}

# wrk_slice NAME THREADS CONNS SECONDS SCRIPT URL
wrk_slice() {
	kill -0 "$RPID" 2>/dev/null || { tail -n 5 "$LOG" >&2; die "rosterd exited (before $1)"; }
	if [ -n "$5" ]; then
		measured "$1" "$TMP/wrk-$1.txt" wrk -t"$2" -c"$3" -d"$4"s --timeout 5s --latency -s "$5" "$6"
	else
		measured "$1" "$TMP/wrk-$1.txt" wrk -t"$2" -c"$3" -d"$4"s --timeout 5s --latency "$6"
	fi
	f=$TMP/wrk-$1.txt
	grep -q '^Requests/sec:' "$f" || note "$1: wrk failed: $(head -c 300 "$f" | tr '\n' ' ')"
	n=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$f")
	[ -z "$n" ] || note "$1: $n non-2xx responses$(sed -n 's/^Status codes:/ (statuses:/p' "$f" | sed 's/$/)/')"
	e=$(grep 'Socket errors:' "$f")
	[ -z "$e" ] || note "$1: $e"
	settle "$1"
}
wrk_warm() { # THREADS CONNS SCRIPT URL
	[ "$WARM" -gt 0 ] || return 0
	if [ -n "$3" ]; then wrk -t"$1" -c"$2" -d"$WARM"s -s "$3" "$4" >/dev/null 2>&1
	else wrk -t"$1" -c"$2" -d"$WARM"s "$4" >/dev/null 2>&1; fi
}
wrk_rps() { awk '/^Requests\/sec:/ { print $2 }' "$TMP/wrk-$1.txt"; }
wrk_p99() { # ms
	awk '$1 == "99%" { v = $2
		if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 }
		else if (v ~ /ms$/) { sub(/ms$/, "", v) }
		else if (v ~ /m$/) { sub(/m$/, "", v); v = v * 60000 }
		else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 }
		printf "%.3f", v }' "$TMP/wrk-$1.txt"
}
# successful answers (the statuses listed) per second, from seats.lua's counts
wrk_ok_rps() { # NAME STATUS...
	f=$TMP/wrk-$1.txt
	shift
	awk -v ok=" $* " '/^Requests\/sec:/ { rps = $2 } / requests in / { total = $1 }
		/^Status codes:/ { for (i = 3; i <= NF; i++) { split($i, kv, "="); if (index(ok, " " kv[1] " ")) n += kv[2] } }
		END { if (total > 0) printf "%.2f", rps * n / total; else print "n/a" }' "$f"
}
mean_of() { # NAME... -> mean req/s of the slices
	for n in "$@"; do wrk_rps "$n"; echo; done | awk 'NF { s += $1; k++ } END { if (k == '"$#"') printf "%.2f", s / k; else print "n/a" }'
}
worst_p99() { # NAME... -> the worst p99 of the slices
	for n in "$@"; do wrk_p99 "$n"; echo; done | awk 'NF { if ($1 + 0 > m) m = $1 + 0; k++ } END { if (k == '"$#"') print m; else print "n/a" }'
}

# --- one engine ----------------------------------------------------------------------

api() { # METHOD PATH [BODY] -> body; the status in $TMP/status
	if [ $# -ge 3 ]; then
		curl -sS -m 30 -o "$TMP/body" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $OPTOKEN" \
			-H 'Content-Type: application/json' -d "$3" "$BASE$2" >"$TMP/status"
	else
		curl -sS -m 30 -o "$TMP/body" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $OPTOKEN" \
			"$BASE$2" >"$TMP/status"
	fi
	cat "$TMP/body"
}
field() { sed -n "s/.*\"$1\" *: *\"\([^\"]*\)\".*/\1/p" | head -n 1; }
num_field() { sed -n "s/.*\"$1\" *: *\([0-9][0-9]*\).*/\1/p" | head -n 1; }

# Frees the seats the seat members may still hold (a wrk run stops between
# an assignment and its removal).
seats_clear() {
	for u in $SEAT_USERS; do api DELETE "/api/v1/orgs/$ORG/licenses/$SPOOL/seats/$u" >/dev/null; done
}

run_engine() { # NAME DB-URL
	name=$1 db=$2
	echo "== $name: seeding $MEMBERS members"
	start=$(date +%s)
	SETTLE_LEFT=25
	"$BUILD/bench/seed" "$db" "$MEMBERS" 0 >"$TMP/seed.env" || return 1
	. "$TMP/seed.env" # ORG, EMAIL and PASSWORD of a member who signs in, USER
	MEMBER_PASSWORD=$PASSWORD
	PASSWORD=$OP_PASSWORD
	printf '%s\n' "$PASSWORD" | "$BUILD/rosterctl" --db "$db" operator create op@bench.test --password-stdin \
		>"$TMP/rosterctl.out" 2>&1 || { cat "$TMP/rosterctl.out" >&2; return 1; }
	LOG=$TMP/rosterd-$name.log
	: >"$LOG"
	mkdir -p "$TMP/mail-$name"
	# Appended to, so that the log can be emptied while rosterd writes it.
	"$BUILD/rosterd" --db "$db" --listen 127.0.0.1:0 --public-url http://127.0.0.1:8080 --log info \
		--mail-dir "$TMP/mail-$name" 2>>"$LOG" >/dev/null &
	RPID=$!
	port=""
	for _ in $(seq 1 100); do
		port=$(sed -n 's/.*"event" *: *"listening".*"address" *: *"[^"]*:\([0-9][0-9]*\)".*/\1/p' "$LOG" | head -n 1)
		[ -n "$port" ] && break
		kill -0 "$RPID" 2>/dev/null || break
		sleep 0.1
	done
	[ -n "$port" ] || { tail -n 20 "$LOG" >&2; return 1; }
	BASE=http://127.0.0.1:$port
	OPTOKEN=$(curl -sS -m 10 -H 'Content-Type: application/json' \
		-d "{\"email\":\"op@bench.test\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/login" | field token)
	[ -n "$OPTOKEN" ] || { echo "licenses: the operator could not sign in" >&2; return 1; }

	DPOOL=$(api POST "/api/v1/orgs/$ORG/licenses" \
		"{\"product\":\"bench-app\",\"seats\":$((DEVICES + 100)),\"unit\":\"device\",\"auto_assign\":true}" | field id)
	[ -n "$DPOOL" ] || { echo "licenses: per-device pool: $(cat "$TMP/status") $(cat "$TMP/body")" >&2; return 1; }

	echo "   activating $ACTIVATIONS devices through the API, seeding $((DEVICES - ACTIVATIONS)) more"
	: >"$TMP/tokens"
	k=0
	while [ $k -lt "$ACTIVATIONS" ]; do
		code=$(printf 'API-%04d' $k)
		out=$(curl -sS -m 30 -H 'Content-Type: application/json' -d "{\"email\":\"$EMAIL\",\"password\":\"$MEMBER_PASSWORD\",\"device_code\":\"$code\",\"name\":\"Laptop $k\",\"platform\":\"macos\"}" \
			"$BASE/api/v1/devices/activate")
		t=$(printf '%s' "$out" | field token)
		case $out in *'"licensed":true'*) ;; *) echo "licenses: activation $code: $out" >&2; return 1 ;; esac
		echo "$t" >>"$TMP/tokens"
		k=$((k + 1))
	done
	"$BUILD/bench/devseed" "$db" "$ORG" "$DPOOL" $((DEVICES - ACTIVATIONS)) BENCH- "$TMP/tokens-seeded" \
		>"$TMP/devseed.env" || return 1
	. "$TMP/devseed.env"
	cat "$TMP/tokens-seeded" >>"$TMP/tokens"
	echo "   seeded in $(($(date +%s) - start)) s"
	# The seeded tokens work, and the pool counts what it holds.
	t=$(tail -n 1 "$TMP/tokens")
	out=$(curl -sS -m 10 -H "Authorization: Bearer $t" "$BASE/api/v1/device/license")
	case $out in *'"licensed":true'*'"certificate":{'*) ;; *) echo "licenses: a seeded device: $out" >&2; return 1 ;; esac
	used=$(api GET "/api/v1/orgs/$ORG/licenses/$DPOOL" | num_field used)
	[ "$used" = "$DEVICES" ] || note "$name: the per-device pool counts $used seats used for $DEVICES devices"
	: >"$LOG"
	export ROSTER_TOKENS=$TMP/tokens ROSTER_TOKEN=$OPTOKEN ROSTER_ORG=$ORG ROSTER_PREFIX=bench-

	echo "   GET /healthz, /device/license, devices first page and search (wrk -t2 -c64, ${HALF} s slices)"
	H=$BASE/healthz
	L=$BASE/api/v1/device/license
	F="$BASE/api/v1/orgs/$ORG/devices?limit=50"
	wrk_warm 2 64 "" "$H"
	wrk_warm 2 64 "$HERE/devlicense.lua" "$L"
	wrk_warm 2 64 "$HERE/devsearch.lua" "$BASE"
	settle "$name-warmup"
	wrk_slice "$name-healthz-1" 2 64 "$HALF" "" "$H"
	wrk_slice "$name-license-1" 2 64 "$HALF" "$HERE/devlicense.lua" "$L"
	wrk_slice "$name-first-1" 2 64 "$HALF" "$HERE/bearer.lua" "$F"
	wrk_slice "$name-search-1" 2 64 "$HALF" "$HERE/devsearch.lua" "$BASE"
	wrk_slice "$name-healthz-2" 2 64 "$HALF" "" "$H"
	wrk_slice "$name-search-2" 2 64 "$HALF" "$HERE/devsearch.lua" "$BASE"
	wrk_slice "$name-first-2" 2 64 "$HALF" "$HERE/bearer.lua" "$F"
	wrk_slice "$name-license-2" 2 64 "$HALF" "$HERE/devlicense.lua" "$L"
	wrk_slice "$name-healthz-3" 2 64 "$HALF" "" "$H"
	: >"$LOG"

	SPOOL=$(api POST "/api/v1/orgs/$ORG/licenses" \
		"{\"product\":\"bench-seats\",\"seats\":100,\"unit\":\"user\",\"auto_assign\":false}" | field id)
	[ -n "$SPOOL" ] || { echo "licenses: per-user pool: $(cat "$TMP/status") $(cat "$TMP/body")" >&2; return 1; }
	export ROSTER_POOL=$SPOOL ROSTER_USERS="$SEAT_USERS"
	SETTLE_LEFT=20
	echo "   seat pairs: raw, HTTP, HTTP, raw ($SEAT_CONNS members, ${HALF} s slices)"
	# shellcheck disable=SC2086
	"$BUILD/bench/seatbare" "$db" "$ORG" "$SPOOL" "$WARM" $SEAT_USERS >/dev/null 2>&1
	for i in 1 2 3 4; do
		if [ $i = 2 ]; then # the HTTP warm-up after the first raw slice: its emails are sent afterwards
			wrk_warm $SEAT_CONNS $SEAT_CONNS "$HERE/seats.lua" "$BASE"
			seats_clear
			settle "$name-seat-warmup"
		fi
		case $i in
		1 | 4)
			# shellcheck disable=SC2086
			measured "$name-seatraw-$i" "$TMP/raw-$i.txt" "$BUILD/bench/seatbare" "$db" "$ORG" "$SPOOL" "$HALF" $SEAT_USERS
			awk 'NR == 1 && NF == 3 { ok = 1 } END { exit !ok }' "$TMP/raw-$i.txt" ||
				note "$name-seatraw-$i: $(head -c 300 "$TMP/raw-$i.txt" | tr '\n' ' ')"
			;;
		*)
			wrk_slice "$name-seathttp-$i" $SEAT_CONNS $SEAT_CONNS "$HALF" "$HERE/seats.lua" "$BASE"
			seats_clear
			;;
		esac
	done
	used=$(api GET "/api/v1/orgs/$ORG/licenses/$SPOOL" | num_field used)
	[ "$used" = 0 ] || note "$name: the per-user pool counts $used seats used after the seat runs (expected 0)"
	mails=$(find "$TMP/mail-$name" -type f 2>/dev/null | wc -l)
	stop_rosterd
	rm -f "$LOG"

	# The figures
	hz=$(mean_of "$name-healthz-1" "$name-healthz-2" "$name-healthz-3")
	lic=$(mean_of "$name-license-1" "$name-license-2")
	lic99=$(worst_p99 "$name-license-1" "$name-license-2")
	fp=$(mean_of "$name-first-1" "$name-first-2")
	fp99=$(worst_p99 "$name-first-1" "$name-first-2")
	sr=$(mean_of "$name-search-1" "$name-search-2")
	sr99=$(worst_p99 "$name-search-1" "$name-search-2")
	http=$(for i in 2 3; do wrk_ok_rps "$name-seathttp-$i" 201 204; echo; done |
		awk 'NF { s += $1 / 2; k++ } END { if (k == 2) printf "%.1f", s / k; else print "n/a" }')
	http99=$(worst_p99 "$name-seathttp-2" "$name-seathttp-3")
	raw=$(for i in 1 4; do awk 'NF == 3 { print $1 }' "$TMP/raw-$i.txt"; done |
		awk 'NF { s += $1; k++ } END { if (k == 2) printf "%.1f", s / k; else print "n/a" }')
	HZS="$name-healthz-1 $name-healthz-2 $name-healthz-3"
	row "GET /healthz req/s ($name)" "$(fmt0 "$hz")" "-" "info"
	row "GET /device/license req/s, $DEVICES devices, 64 conns ($name)" "$(fmt0 "$lic")" "-" "info"
	row "  p99, worst slice ($name)" "$(fmt2 "$lic99") ms" "< 10 ms" \
		"$(verdict "$lic99" lt 10 "$name-license-1" "$name-license-2")"
	r=$(pct "$lic" "$hz")
	row "  share of /healthz ($name)" "$r %" ">= 50 %" "$(verdict "$r" ge 50 "$name-license-1" "$name-license-2" $HZS)"
	row "devices, first page (limit 50) req/s ($name)" "$(fmt0 "$fp")" "-" "info"
	row "  p99, worst slice ($name)" "$(fmt2 "$fp99") ms" "< 20 ms" \
		"$(verdict "$fp99" lt 20 "$name-first-1" "$name-first-2")"
	r=$(pct "$fp" "$hz")
	row "  share of /healthz ($name)" "$r %" ">= 15 %" "$(verdict "$r" ge 15 "$name-first-1" "$name-first-2" $HZS)"
	row "devices?q=<code prefix> (10 match) req/s ($name)" "$(fmt0 "$sr")" "-" "info"
	row "  p99, worst slice ($name)" "$(fmt2 "$sr99") ms" "< 20 ms" \
		"$(verdict "$sr99" lt 20 "$name-search-1" "$name-search-2")"
	r=$(pct "$sr" "$hz")
	row "  share of /healthz ($name)" "$r %" ">= 15 %" "$(verdict "$r" ge 15 "$name-search-1" "$name-search-2" $HZS)"
	row "seat assign + remove pairs/s, HTTP, $SEAT_CONNS conns ($name)" "$http" "-" "info"
	row "  p99 of one request, worst slice ($name)" "$(fmt2 "$http99") ms" "-" "info"
	row "seat pairs/s, raw, $SEAT_CONNS threads ($name)" "$raw" "-" "info"
	r=$(pct "$http" "$raw")
	row "  HTTP / raw ($name)" "$r %" ">= 25 %" \
		"$(verdict "$r" ge 25 "$name-seatraw-1" "$name-seathttp-2" "$name-seathttp-3" "$name-seatraw-4")"
	note "$name: $mails emails written (one per seat assigned or removed through the API)"
	mkdir -p "$BUILD/bench/wrk"
	cp "$TMP"/wrk-"$name"-*.txt "$BUILD/bench/wrk/" 2>/dev/null
	return 0
}

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
run_engine sqlite "sqlite:$TMP/licenses.db" || die "the SQLite run failed"
rm -f "$TMP/licenses.db" "$TMP/licenses.db-wal" "$TMP/licenses.db-shm"
if [ "${BENCH_SKIP_PG:-0}" = 1 ]; then
	note "PostgreSQL skipped (BENCH_SKIP_PG=1)"
elif [ "$(id -u)" != 0 ]; then
	note "PostgreSQL skipped: a throwaway cluster needs root (runuser -u postgres)"
elif url=$(sh "$TOP/tests/pg.sh" start "$TMP/pg"); then
	PG=1
	PGPM=$(head -n 1 "$TMP/pg/data/postmaster.pid" 2>/dev/null)
	run_engine postgres "$url" || die "the PostgreSQL run failed"
else
	note "PostgreSQL skipped: the throwaway cluster did not start"
fi

{
	echo
	echo "roster license and device benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'), $CORES cores, ${DUR}s per figure"
	echo "$DEVICES devices in one organization of $MEMBERS members ($ACTIVATIONS activated through the API)"
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
	echo "(a result marked * rests on a measurement where this exceeded 10 %):"
	awk '{ printf "  %-20s %5.1f %%%s", $1, $2, (NR % 3 == 0 ? "\n" : "") } END { if (NR % 3) print "" }' "$DISTURB"
	if [ -s "$NOTES" ]; then
		echo
		echo "Notes:"
		sed 's/^/- /' "$NOTES"
	fi
} >"$TMP/report"
cat "$TMP/report"
cp "$TMP/report" "$BUILD/bench/licenses.txt"
echo
echo "(table saved to $BUILD/bench/licenses.txt)"
exit 0
