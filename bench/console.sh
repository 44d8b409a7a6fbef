#!/bin/sh
# The console's budgets. `make bench` runs it after the other scripts as
# `sh bench/console.sh build`.
#
#  - size: the gzipped bytes of the JavaScript and CSS the first screen loads
#    (web/dist/index.html's /assets/ files and what they import statically),
#    target <= 150 KB;
#  - GET / (index.html) and GET /assets/<the script>, with Accept-Encoding:
#    gzip as a browser sends it, against GET /healthz in the same run,
#    interleaved (healthz index js healthz js index healthz, wrk -t2 -c64),
#    target each >= 70 % of /healthz;
#  - the Users screen of an organization of BENCH_MEMBERS members (seeded by
#    bench/seed.c as bench/members.sh does, its member who signs in made the
#    administrator), in headless Chromium: the median time from navigation
#    start to 50 visible rows of `table tbody tr`, over BENCH_NAVIGATIONS
#    navigations each in a new page, and the API requests the page makes
#    until then (target <= 3); GET members?limit=50 alone from Node for
#    comparison; the sign-in form at /sign-in the same way, for reference.
#    A screen that does not show its rows within BENCH_TIMEOUT_MS is
#    reported as "no list".
# rosterd on SQLite. Tunables: BENCH_DURATION (seconds a figure, default 10),
# BENCH_MEMBERS (default 100000), BENCH_ORGS (default 1000),
# BENCH_NAVIGATIONS (default 10), BENCH_TIMEOUT_MS (default 15000),
# BENCH_RETRY_BUDGET (seconds of disturbed slices measured again, default 60),
# BENCH_CHROMIUM (default /usr/bin/chromium).
set -u
BUILD=${1:-build}
if [ ! -x "$BUILD/rosterd" ] || [ ! -x "$BUILD/rosterctl" ] || [ ! -f "$BUILD/libroster.a" ]; then
	echo "bench: $BUILD/rosterd, rosterctl or libroster.a missing (run make all)" >&2
	exit 1
fi
BUILD=$(cd "$BUILD" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/.." && pwd)
DUR=${BENCH_DURATION:-10}
MEMBERS=${BENCH_MEMBERS:-100000}
ORGS=${BENCH_ORGS:-1000}
NAVS=${BENCH_NAVIGATIONS:-10}
NAV_TIMEOUT=${BENCH_TIMEOUT_MS:-15000}
CHROMIUM=${BENCH_CHROMIUM:-/usr/bin/chromium}
SLICE=$(((DUR + 1) / 2))   # /healthz in 3 slices, each page in 2
SIZE_MAX=153600            # 150 KB
SHARE_MIN=70               # % of /healthz
REQ_MAX=3

command -v wrk >/dev/null 2>&1 || { echo "bench: wrk not found (make deps-test)" >&2; exit 1; }
command -v curl >/dev/null 2>&1 || { echo "bench: curl not found" >&2; exit 1; }
command -v node >/dev/null 2>&1 || { echo "bench: node not found (make deps-test)" >&2; exit 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/roster-console.XXXXXX") || exit 1
RPID=""   # rosterd
NPID=""   # node (console.mjs browse)
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
# The browser, by the process id console.mjs wrote: Playwright starts it as
# the leader of a process group of its own, which holds its helpers too.
stop_browser() {
	[ -s "$TMP/chromium.pid" ] || return 0
	cpid=$(head -n 1 "$TMP/chromium.pid")
	case $cpid in '' | *[!0-9]*) return 0 ;; esac
	kill -TERM "-$cpid" 2>/dev/null || kill -TERM "$cpid" 2>/dev/null
	i=0
	while { kill -0 "-$cpid" 2>/dev/null || kill -0 "$cpid" 2>/dev/null; } && [ $i -lt 30 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	kill -KILL "-$cpid" 2>/dev/null
	kill -KILL "$cpid" 2>/dev/null
	: >"$TMP/chromium.pid"
}
cleanup() {
	[ -n "$NPID" ] && stop_pid "$NPID"
	NPID=""
	stop_browser
	[ -n "$RPID" ] && stop_pid "$RPID"
	RPID=""
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

die() { echo "bench: $*" >&2; exit 1; }
row() { printf '%s|%s|%s|%s\n' "$1" "$2" "$3" "$4" >>"$TABLE"; }
note() { echo "$*" >>"$NOTES"; }
get() { # KEY FILE: the value of a "KEY<TAB>value" line of console.mjs
	awk -F'\t' -v k="$1" '$1 == k { sub(/^[^\t]*\t/, ""); print; exit }' "$2"
}
notes_of() { # FILE: its NOTE lines into the notes
	awk -F'\t' '$1 == "NOTE" { sub(/^[^\t]*\t/, ""); print }' "$1" >>"$NOTES"
}
check() { # A OP B (ge, le) -> ok or MISS
	awk -v a="$1" -v b="$3" -v op="$2" 'BEGIN {
		if (a == "" || a == "n/a") { print "MISS"; exit }
		r = (op == "ge") ? (a + 0 >= b + 0) : (a + 0 <= b + 0)
		print (r ? "ok" : "MISS") }'
}
pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "" && b + 0 > 0) printf "%.1f", 100 * a / b; else print "n/a" }'; }
kb() { awk -v a="$1" 'BEGIN { if (a == "" || a == "n/a") print "n/a"; else printf "%.1f", a / 1024 }'; }

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
echo "roster console benchmarks: $(nproc) cores, ${DUR}s per figure, $MEMBERS members"

# --- size ------------------------------------------------------------------------

echo "== first screen: the files web/dist/index.html loads"
node "$HERE/console.mjs" size "$TOP/web/dist" >"$TMP/size.txt" 2>"$TMP/size.err" || {
	cat "$TMP/size.txt" "$TMP/size.err" >&2
	die "console.mjs size failed"
}
notes_of "$TMP/size.txt"
awk -F'\t' '$1 == "FILE" { split($2, f, " "); printf "   %s: %d bytes gzipped (%d plain)\n", f[1], f[2], f[3] }' "$TMP/size.txt"
SIZE=$(get TOTAL "$TMP/size.txt")
SIZE_FILES=$(get COUNT "$TMP/size.txt")
SIZE_LAZY=$(get LAZY "$TMP/size.txt")

# --- the organization ---------------------------------------------------------------

echo "== building the seeder"
# shellcheck disable=SC2046
cc -std=c17 -D_GNU_SOURCE -O2 -I"$TOP/src" -I"$BUILD/gen" $(pkg-config --cflags jansson libsodium) \
	"$HERE/seed.c" "$BUILD/libroster.a" \
	$(pkg-config --libs libmicrohttpd jansson sqlite3 libpq libsodium libcurl) -pthread -lm -o "$BUILD/bench-seed" ||
	die "cannot build bench/seed.c"
DB=sqlite:$TMP/console.db
echo "== seeding $MEMBERS members and $ORGS other organizations"
start=$(date +%s)
"$BUILD/bench-seed" "$DB" "$MEMBERS" "$ORGS" >"$TMP/seed.env" || die "seeding failed"
ORG=$(sed -n 's/^ORG=//p' "$TMP/seed.env")
EMAIL=$(sed -n 's/^EMAIL=//p' "$TMP/seed.env")
PASSWORD=$(sed -n "s/^PASSWORD='\(.*\)'$/\1/p" "$TMP/seed.env")
[ -n "$ORG" ] && [ -n "$EMAIL" ] && [ -n "$PASSWORD" ] || die "the seeder printed no ORG, EMAIL or PASSWORD"
echo "   seeded in $(($(date +%s) - start)) s"
# The seeder's member who signs in is a moderator; the Users screen is the
# administrator's. An existing account keeps its password.
"$BUILD/rosterctl" --db "$DB" org admin "$ORG" "$EMAIL" >"$TMP/rosterctl.out" 2>&1 ||
	{ cat "$TMP/rosterctl.out" >&2; die "rosterctl org admin failed"; }

mkdir -p "$TMP/mail"
"$BUILD/rosterd" --db "$DB" --listen 127.0.0.1:0 --mail-dir "$TMP/mail" 2>"$TMP/rosterd.log" >/dev/null &
RPID=$!
PORT=""
i=0
while [ $i -lt 100 ]; do
	PORT=$(sed -n 's/.*"event":"listening","address":"127.0.0.1:\([0-9]*\)".*/\1/p' "$TMP/rosterd.log" | head -n 1)
	[ -n "$PORT" ] && break
	kill -0 "$RPID" 2>/dev/null || break
	sleep 0.1
	i=$((i + 1))
done
[ -n "$PORT" ] || { tail -n 20 "$TMP/rosterd.log" >&2; die "rosterd did not start"; }
BASE=http://127.0.0.1:$PORT
echo "   rosterd (SQLite) on port $PORT"
# The seeded organizations' emails go out at start: let the mailer finish.
last=-1
i=0
while [ $i -lt 40 ]; do
	n=$(find "$TMP/mail" -type f | wc -l)
	[ "$n" = "$last" ] && break
	last=$n
	sleep 0.5
	i=$((i + 1))
done

# --- throughput ------------------------------------------------------------------

# The largest script of the first screen (the entry or a chunk it preloads),
# as rosterd's own index.html names them.
curl -sS -m 10 -o "$TMP/index.html" "$BASE/" || die "GET / failed"
JS="" JS_BYTES=0
for p in $(grep -o '"/assets/[^"]*\.js"' "$TMP/index.html" | tr -d '"'); do
	b=$(curl -sS -m 10 -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$BASE$p") || die "GET $p failed"
	if [ "$b" -gt "$JS_BYTES" ]; then JS=$p JS_BYTES=$b; fi
done
[ -n "$JS" ] || die "GET / names no /assets/...js"
note "the script measured: $JS, the largest of the first screen ($JS_BYTES bytes gzipped)"
for p in / "$JS"; do
	enc=$(curl -sS -m 10 -o /dev/null -D - -H 'Accept-Encoding: gzip' "$BASE$p" |
		awk -F': *' 'tolower($1) == "content-encoding" { sub(/\r$/, "", $2); print $2 }')
	[ "$enc" = gzip ] || note "GET $p with Accept-Encoding: gzip is answered without Content-Encoding: gzip"
done

# CPU taken by other processes (the machine may be shared), as bench/run.sh
# counts it: the CPU time the whole machine spent during a measurement
# (/proc/stat) less that of rosterd and of this shell's reaped children (wrk),
# as a share of all cores.
TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
CORES=$(nproc 2>/dev/null || echo 1)
DISTURB=$TMP/disturb
DISTURB_MAX=10   # % of the machine
RETRY_LEFT=${BENCH_RETRY_BUDGET:-60}   # seconds of slices measured again
: >"$DISTURB"
machine_busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
pid_jiffies() { # PID -> utime + stime
	[ -n "$1" ] && [ -r "/proc/$1/stat" ] || { echo 0; return; }
	sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}
ours() { # sets OURS (not in $(...): `times` must run in this shell)
	times >"$TMP/times"
	j=$(awk -v t="$TCK" 'NR == 2 { n = 0
		for (i = 1; i <= 2; i++) { split($i, p, "m"); sub(/s$/, "", p[2]); n += (p[1] * 60 + p[2]) * t }
		printf "%.0f", n }' "$TMP/times")
	OURS=$((j + $(pid_jiffies "$RPID")))
}
measure_begin() { M_BUSY=$(machine_busy); ours; M_OURS=$OURS; M_T=$(cut -d' ' -f1 /proc/uptime); }
measure_end() { # NAME: appends "NAME foreign%" to $DISTURB
	b=$(machine_busy); ours; t=$(cut -d' ' -f1 /proc/uptime)
	awk -v n="$1" -v b="$((b - M_BUSY))" -v o="$((OURS - M_OURS))" -v t="$t" -v t0="$M_T" -v c="$CORES" -v k="$TCK" \
		'BEGIN { f = (t > t0) ? 100 * (b - o) / ((t - t0) * c * k) : 0; if (f < 0) f = 0; printf "%s %.1f\n", n, f }' >>"$DISTURB"
}
# quiet NAME: the CPU other processes take during 2 s of our idling. The
# browser's own CPU time cannot be counted as wrk's is (its helpers are not
# all reaped through this shell), so its runs are bracketed by these.
quiet() { measure_begin; sleep 2; measure_end "$1"; }
# flag RESULT NAME...: RESULT, with "*" when other processes took more than
# DISTURB_MAX % of the machine during one of the named measurements
flag() {
	res=$1
	shift
	awk -v names=" $* " -v lim="$DISTURB_MAX" -v res="$res" \
		'index(names, " " $1 " ") && $2 + 0 > lim { d = 1 } END { print res (d ? "*" : "") }' "$DISTURB"
}

# wrk_run NAME PATH: wrk -t2 -c64 for SLICE seconds, output in $TMP/wrk-NAME.txt;
# measured again (at most twice, within RETRY_LEFT seconds in all) when other
# processes took more than DISTURB_MAX % of the machine meanwhile
wrk_run() {
	try=0
	while :; do
		kill -0 "$RPID" 2>/dev/null || { tail -n 5 "$TMP/rosterd.log" >&2; die "rosterd exited during the run (before $1)"; }
		measure_begin
		wrk -t2 -c64 -d"${SLICE}s" --timeout 5s --latency -H 'Accept-Encoding: gzip' "$BASE$2" >"$TMP/wrk-$1.txt" 2>&1
		measure_end "$1"
		f=$(awk -v n="$1" '$1 == n { f = $2 } END { print f + 0 }' "$DISTURB")
		if [ $try -lt 2 ] && [ "$RETRY_LEFT" -ge "$SLICE" ] && awk -v f="$f" -v l="$DISTURB_MAX" 'BEGIN { exit !(f > l) }'; then
			try=$((try + 1))
			RETRY_LEFT=$((RETRY_LEFT - SLICE))
			echo "   ($1: other processes took $f % of the machine; measuring again)"
			grep -v "^$1 " "$DISTURB" >"$DISTURB.new"; mv "$DISTURB.new" "$DISTURB"
			continue
		fi
		[ $try = 0 ] || note "$1 measured again after $try disturbed attempt(s)"
		break
	done
	f=$TMP/wrk-$1.txt
	grep -q '^Requests/sec:' "$f" || note "$1: wrk failed: $(head -c 300 "$f" | tr '\n' ' ')"
	n=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$f")
	[ -z "$n" ] || note "$1: $n non-2xx responses"
	e=$(grep 'Socket errors:' "$f")
	[ -z "$e" ] || note "$1: $e"
}
rps() { awk '/^Requests\/sec:/ { print $2 }' "$TMP/wrk-$1.txt"; }
mean_rps() { # NAME...: the mean req/s of equal-length slices
	for n in "$@"; do rps "$n"; done |
		awk -v want=$# '{ s += $1; n++ } END { if (n == want && n > 0) printf "%.2f", s / n; else print "n/a" }'
}

echo "== GET /healthz, GET / and GET $JS, interleaved (wrk -t2 -c64, $SLICE s slices)"
for p in /healthz / "$JS"; do wrk -t2 -c64 -d2s -H 'Accept-Encoding: gzip' "$BASE$p" >/dev/null 2>&1; done
# A palindrome, so that a drift of the machine's load favours none of the three.
wrk_run healthz-1 /healthz
wrk_run index-1 /
wrk_run js-1 "$JS"
wrk_run healthz-2 /healthz
wrk_run js-2 "$JS"
wrk_run index-2 /
wrk_run healthz-3 /healthz
HZ=$(mean_rps healthz-1 healthz-2 healthz-3)
IDX=$(mean_rps index-1 index-2)
JSR=$(mean_rps js-1 js-2)

# --- the browser -------------------------------------------------------------------

echo "== headless Chromium: /sign-in and /orgs/$ORG/users, $NAVS navigations each (after one untimed)"
if [ ! -x "$CHROMIUM" ]; then
	note "no browser at $CHROMIUM (make deps-test)"
	echo "LIST	no browser" >"$TMP/browse.txt"
elif ! (cd "$TOP" && node -e "import('playwright-core').catch(() => process.exit(1))") 2>/dev/null; then
	note "playwright-core is not installed (make deps-test)"
	echo "LIST	no browser" >"$TMP/browse.txt"
else
	quiet browser-before
	# Each navigation waits at most NAV_TIMEOUT; the whole at most that many times over.
	LIMIT=$(((2 * NAVS + 4) * NAV_TIMEOUT + 60000))
	(cd "$TOP" && TMPDIR=$TMP BENCH_BASE=$BASE ROSTER_ORG=$ORG ROSTER_EMAIL=$EMAIL ROSTER_PASSWORD=$PASSWORD \
		BENCH_CHROMIUM=$CHROMIUM BENCH_NAVIGATIONS=$NAVS BENCH_TIMEOUT_MS=$NAV_TIMEOUT BENCH_LIMIT_MS=$LIMIT \
		BENCH_PIDFILE=$TMP/chromium.pid exec node "$HERE/console.mjs" browse) >"$TMP/browse.txt" 2>"$TMP/browse.err" &
	NPID=$!
	wait "$NPID"
	rc=$?
	NPID=""
	stop_browser
	quiet browser-after
	[ $rc = 0 ] || note "console.mjs browse exited with $rc: $(tail -n 3 "$TMP/browse.err" | tr '\n' ' ')"
	notes_of "$TMP/browse.txt"
fi
B=$TMP/browse.txt
kill -0 "$RPID" 2>/dev/null || note "rosterd exited during the browser run: $(tail -n 3 "$TMP/rosterd.log" | tr '\n' ' ')"
stop_pid "$RPID"
RPID=""

# --- table -----------------------------------------------------------------------

SLICES_INDEX="healthz-1 healthz-2 healthz-3 index-1 index-2"
SLICES_JS="healthz-1 healthz-2 healthz-3 js-1 js-2"
r=$(pct "$IDX" "$HZ")
row "first screen JS + CSS, gzipped ($SIZE_FILES files)" "$(kb "$SIZE") KB" "<= 150 KB" "$(check "$SIZE" le $SIZE_MAX)"
[ "${SIZE_LAZY:-0}" = 0 ] || row "  loaded later (dynamic imports), gzipped" "$(kb "$SIZE_LAZY") KB" "-" "info"
row "GET /healthz req/s, 64 conns" "$(awk -v a="$HZ" 'BEGIN { printf "%.0f", a }')" "-" "info"
row "GET / (index.html, gzip) req/s" "$(awk -v a="$IDX" 'BEGIN { printf "%.0f", a }')" "-" "info"
row "  / share of /healthz" "$r %" ">= $SHARE_MIN %" "$(flag "$(check "$r" ge $SHARE_MIN)" "$SLICES_INDEX")"
r=$(pct "$JSR" "$HZ")
row "GET largest first-screen script (gzip) req/s" "$(awk -v a="$JSR" 'BEGIN { printf "%.0f", a }')" "-" "info"
row "  share of /healthz" "$r %" ">= $SHARE_MIN %" "$(flag "$(check "$r" ge $SHARE_MIN)" "$SLICES_JS")"
SIGNIN=$(get SIGNIN_MS "$B")
row "sign-in form at /sign-in, median ms" "${SIGNIN:-n/a}" "-" "$(flag info browser-before browser-after)"
LIST=$(get LIST "$B")
ROWS=$(get ROWS "$B")
if [ "$LIST" = ok ]; then
	row "Users screen, $MEMBERS members: to ${ROWS} rows, median ms" "$(get LIST_MS "$B")" "-" "$(flag info browser-before browser-after)"
	row "  fastest / slowest of $NAVS, ms" "$(get LIST_MIN "$B") / $(get LIST_MAX "$B")" "-" "info"
	row "  API requests until the rows are visible" "$(get LIST_REQ "$B")" "<= $REQ_MAX" "$(check "$(get LIST_REQ "$B")" le $REQ_MAX)"
	note "Users screen's API requests: $(get LIST_REQS "$B")"
else
	row "Users screen, $MEMBERS members: to ${ROWS:-50} rows, median ms" "${LIST:-no list}" "-" "${LIST:-no list}"
	row "  API requests until the rows are visible" "n/a" "<= $REQ_MAX" "${LIST:-no list}"
fi
row "GET members?limit=50 alone (from Node), median ms" "$(get API_MS "$B")" "-" "$(flag info browser-before browser-after)"

{
	echo
	echo "roster console benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, ${DUR}s per figure"
	echo "$MEMBERS members in one organization, $ORGS other organizations; $(get BROWSER "$B")"
	echo "load average at start: $LOAD_START; at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo
	awk -F'|' '
		{ m[NR] = $1; v[NR] = $2; t[NR] = $3; k[NR] = $4
		  if (length($1) > w1) w1 = length($1); if (length($2) > w2) w2 = length($2)
		  if (length($3) > w3) w3 = length($3); if (length($4) > w4) w4 = length($4) }
		END {
			if (w1 < 6) w1 = 6; if (w2 < 5) w2 = 5; if (w3 < 6) w3 = 6; if (w4 < 6) w4 = 6
			printf "| %-" w1 "s | %" w2 "s | %-" w3 "s | %-" w4 "s |\n", "metric", "value", "target", "result"
			printf "|%s|%s|%s|%s|\n", dash(w1 + 2), dash(w2 + 2), dash(w3 + 2), dash(w4 + 2)
			for (i = 1; i <= NR; i++)
				printf "| %-" w1 "s | %" w2 "s | %-" w3 "s | %-" w4 "s |\n", m[i], v[i], t[i], k[i]
		}
		function dash(n,  s) { s = ""; while (n-- > 0) s = s "-"; return s }' "$TABLE"
	echo
	echo "Each slice's req/s, and the CPU other processes took meanwhile as a share of all"
	echo "cores (a result marked * rests on a slice where this exceeded $DISTURB_MAX %):"
	while read -r n f; do
		case $n in browser-*) v="" ;; *) v=$(awk -v a="$(rps "$n")" 'BEGIN { printf "%.0f", a }') ;; esac
		printf '%s %s %s\n' "$n" "$f" "$v"
	done <"$DISTURB" | awk '{ v = $3 ? $3 " req/s, " : ""; printf "  %-14s %14s%5.1f %%%s", $1, v, $2, (NR % 3 == 0 ? "\n" : "") }
		END { if (NR % 3) print "" }'
	if [ -s "$NOTES" ]; then
		echo
		echo "Notes:"
		sed 's/^/- /' "$NOTES"
	fi
} >"$TMP/report"
cat "$TMP/report"
cp "$TMP/report" "$BUILD/bench-console.txt" 2>/dev/null
exit 0
