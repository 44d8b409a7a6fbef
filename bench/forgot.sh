#!/bin/sh
# Reset requests take the same time whether or not the address has an
# account. `make bench` runs it as `sh bench/forgot.sh build`.
#
# rosterd on SQLite with BENCH_FORGOT_USERS accounts (default 300); one
# request for each of them and one for as many unknown addresses,
# interleaved, each from an address of its own (X-Forwarded-For from a
# trusted proxy, so that no throttle answers). Prints the median and p90 of
# both kinds and their ratio (target: within 10 %).
set -u
BUILD=${1:-build}
BUILD=$(cd "$BUILD" && pwd)
N=${BENCH_FORGOT_USERS:-300}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/roster-forgot.XXXXXX") || exit 1
PID=""
cleanup() {
	[ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

db="$TMP/forgot.db"
"$BUILD/rosterctl" --db "$db" migrate >/dev/null || exit 1
echo "== forgot: creating $N accounts"
i=0
while [ $i -lt "$N" ]; do
	"$BUILD/rosterctl" --db "$db" operator create "known$i@bench.example" >/dev/null || exit 1
	i=$((i + 1))
done
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BUILD/rosterd" --db "$db" --listen "127.0.0.1:$port" --mail-dir "$TMP/mail" --trusted-proxies 127.0.0.1 \
	2>"$TMP/rosterd.log" &
PID=$!
for _ in $(seq 50); do curl -s "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

one() { # EMAIL ADDRESS -> seconds
	curl -s -o /dev/null -w '%{time_total}\n' -X POST "http://127.0.0.1:$port/api/v1/auth/password/forgot" \
		-H 'Content-Type: application/json' -H "X-Forwarded-For: $2" -d "{\"email\":\"$1\"}"
}
: >"$TMP/known"
: >"$TMP/unknown"
i=0
while [ $i -lt "$N" ]; do
	a=$((i / 250)) b=$((i % 250))
	# alternate which kind goes first, so that neither always follows the other
	if [ $((i % 2)) = 0 ]; then
		one "known$i@bench.example" "10.1.$a.$b" >>"$TMP/known"
		one "nobody$i@bench.example" "10.2.$a.$b" >>"$TMP/unknown"
	else
		one "nobody$i@bench.example" "10.2.$a.$b" >>"$TMP/unknown"
		one "known$i@bench.example" "10.1.$a.$b" >>"$TMP/known"
	fi
	i=$((i + 1))
done
# the emails of the existing accounts, once the mailer has written them
for _ in $(seq 100); do
	[ "$(grep -l "^Subject: Reset your roster password" "$TMP/mail"/*.eml 2>/dev/null | wc -l)" -ge "$N" ] && break
	sleep 0.1
done
stat() { sort -n "$1" | awk -v q="$2" '{v[NR]=$1} END {i=int(NR*q); if (i<1) i=1; printf "%.3f", v[i]*1000}'; }
km=$(stat "$TMP/known" 0.5) um=$(stat "$TMP/unknown" 0.5)
k9=$(stat "$TMP/known" 0.9) u9=$(stat "$TMP/unknown" 0.9)
ratio=$(awk -v a="$km" -v b="$um" 'BEGIN { printf "%.2f", a / b }')
ok=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.10 && r >= 0.90) ? "ok" : "MISS" }')
sent=$(grep -l "^Subject: Reset your roster password" "$TMP/mail"/*.eml 2>/dev/null | wc -l)
echo
echo "roster reset-request timing, $(date -u '+%Y-%m-%d %H:%M') UTC, $N requests of each kind"
echo
printf '| %-44s | %12s | %-10s | %-6s |\n' metric value target result
printf '|%s|%s|%s|%s|\n' "----------------------------------------------" "--------------" "------------" "--------"
printf '| %-44s | %12s | %-10s | %-6s |\n' "forgot, existing account: median / p90 ms" "$km / $k9" "" ""
printf '| %-44s | %12s | %-10s | %-6s |\n' "forgot, unknown address: median / p90 ms" "$um / $u9" "" ""
printf '| %-44s | %12s | %-10s | %-6s |\n' "existing / unknown (median)" "$ratio" "0.90-1.10" "$ok"
printf '| %-44s | %12s | %-10s | %-6s |\n' "reset emails written (existing accounts)" "$sent" "$N" "$([ "$sent" -eq "$N" ] && echo ok || echo MISS)"
