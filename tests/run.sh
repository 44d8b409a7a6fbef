#!/bin/sh
# Runs every suite: the C unit tests, the store contract suite on SQLite and
# on PostgreSQL, the HTTP scenarios against a real rosterd on both engines,
# and the console in headless Chromium. Ends with the line "N passed, N failed".
set -u
BUILD=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
work=$(mktemp -d /tmp/roster-test.XXXXXX)
chmod 755 "$work"
passed=0
failed=0
pg_url=""

# The browsers a browser test started and did not close (it was killed or
# timed out): each left a file named after its pid, a process group leader.
kill_browsers() {
	for f in "$work"/browser-pids/*; do
		[ -f "$f" ] || continue
		pid=$(basename "$f")
		if grep -q chromium "/proc/$pid/cmdline" 2>/dev/null; then
			echo "!! killing browser $pid left by a browser test"
			kill -KILL -- "-$pid" 2>/dev/null
		fi
		rm -f "$f"
	done
}

cleanup() {
	kill_browsers
	[ -n "$pg_url" ] && sh tests/pg.sh stop "$work/pg"
	rm -rf "$work"
}
trap cleanup EXIT INT TERM

count_cmocka() { # file
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$1" | awk '{s+=$1} END {print s+0}')
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$1" | awk '{s+=$1} END {print s+0}')
	passed=$((passed + p))
	failed=$((failed + f))
}

# A cancelled test (it timed out, or its file ended first) counts as failed.
count_tap() { # file
	p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$1" | tail -n 1)
	f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$1" | tail -n 1)
	c=$(sed -n 's/^# cancelled \([0-9]*\)$/\1/p' "$1" | tail -n 1)
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0} + ${c:-0}))
}

# A suite that crashes or prints no summary counts as one failure.
run_suite() { # label, log, command...
	label=$1 log=$2
	shift 2
	echo "== $label"
	"$@" >"$log" 2>&1
	rc=$?
	cat "$log"
	if ! grep -qE '^\[  (PASSED|FAILED)  \]|^# (pass|fail) ' "$log"; then
		echo "!! $label printed no results (exit $rc)"
		failed=$((failed + 1))
		return
	fi
	if [ $rc -ne 0 ] && ! grep -qE '^\[  FAILED  \]|^# (fail|cancelled) [1-9]' "$log"; then
		echo "!! $label exited $rc"
		failed=$((failed + 1))
	fi
}

echo "== PostgreSQL for the tests"
if pg_url=$(sh tests/pg.sh start "$work/pg"); then
	echo "started on $pg_url"
else
	echo "!! could not start PostgreSQL"
	pg_url=""
	failed=$((failed + 1))
fi

for t in "$BUILD"/tests/*/test_*; do
	[ -x "$t" ] || continue
	name=${t#"$BUILD"/tests/}
	ROSTER_TEST_DB="sqlite:$work/unit-$(basename "$t").db" run_suite "$name (sqlite)" "$work/log"  "$t"
	count_cmocka "$work/log"
	# The store and core suites run again on PostgreSQL.
	case "$name" in
	store/* | core/*)
		if [ -n "$pg_url" ]; then
			db="t_$(basename "$t")"
			psql -q "$pg_url" -c "CREATE DATABASE $db" >/dev/null
			ROSTER_TEST_DB="${pg_url%/*}/$db" run_suite "$name (postgres)" "$work/log" "$t"
			count_cmocka "$work/log"
		fi
		;;
	esac
done

# The fuzz targets (make fuzz builds them): a short run each, one result each.
for t in build-fuzz/fuzz_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	mkdir -p "$work/corpus-$name"
	echo "== $name (10 s)"
	if "$t" -max_total_time=10 -max_len=4096 "$work/corpus-$name" >"$work/log" 2>&1; then
		tail -n 1 "$work/log"
		passed=$((passed + 1))
	else
		tail -n 30 "$work/log"
		echo "!! $name found a crash"
		failed=$((failed + 1))
	fi
done

export ROSTER_BIN="$top/$BUILD/rosterd" ROSTERCTL_BIN="$top/$BUILD/rosterctl"
for engine in sqlite postgres; do
	if [ $engine = postgres ] && [ -z "$pg_url" ]; then continue; fi
	ROSTER_TEST_ENGINE=$engine ROSTER_TEST_PG_URL=$pg_url \
		run_suite "api ($engine)" "$work/log" node --test --test-reporter=tap --test-concurrency=1 tests/api/
	count_tap "$work/log"
done

# The console in headless Chromium, once, on SQLite. Without chromium the
# suite fails (make test installs it through scripts/deps.sh test); timeout
# bounds a hung browser, and kill_browsers ends what a killed test left.
chromium=${ROSTER_CHROMIUM:-/usr/bin/chromium}
if [ -x "$chromium" ]; then
	ROSTER_TEST_ENGINE=sqlite ROSTER_BROWSER_PIDS="$work/browser-pids" \
		run_suite "browser" "$work/log" timeout -k 10 300 node --test --test-reporter=tap --test-concurrency=1 tests/browser/
	count_tap "$work/log"
	kill_browsers
else
	echo "== browser"
	echo "!! browser: no chromium at $chromium (scripts/deps.sh test installs Debian's chromium)"
	failed=$((failed + 1))
fi

# Under `make asan` every process writes its sanitizer reports into one
# directory: any report there (a leak at exit, an overflow in a process
# whose test did not notice) fails the run.
if [ -n "${ROSTER_SANITIZER_LOGS:-}" ]; then
	echo "== sanitizer reports"
	reports=$(find "$ROSTER_SANITIZER_LOGS" -type f -size +0 2>/dev/null)
	if [ -n "$reports" ]; then
		for f in $reports; do
			echo "-- $f"
			head -n 40 "$f"
		done
		echo "!! sanitizer reports: $(echo "$reports" | wc -l)"
		failed=$((failed + 1))
	else
		echo "none"
		passed=$((passed + 1))
	fi
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
