#!/bin/sh
# Installs the Debian packages roster needs ("build": to build and run;
# "test": also to test and benchmark) and, for tests, the node packages from
# the committed lock file. Without root or sudo it prints the command and stops.
set -eu
what=${1:-build}
pkgs="build-essential pkg-config libmicrohttpd-dev libjansson-dev libsqlite3-dev libpq-dev libsodium-dev libcurl4-openssl-dev"
if [ "$what" = test ]; then
	pkgs="$pkgs libcmocka-dev postgresql nodejs npm wrk clang libclang-rt-14-dev chromium"
fi
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
# Node from elsewhere (not a Debian package) is fine when it is new enough.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
	missing=$(echo "$missing" | sed 's/ nodejs//; s/ npm//')
fi
if [ -n "$(echo "$missing" | tr -d ' ')" ]; then
	if [ "$(id -u)" = 0 ]; then sudo=""
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"
	else
		echo "roster needs these Debian packages:$missing"
		echo "Install them with:  sudo apt-get update && sudo apt-get install -y$missing"
		exit 1
	fi
	echo "Installing:$missing"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi
if [ "$what" = test ] && [ -f package-lock.json ]; then
	if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
		npm ci --no-audit --no-fund --loglevel=error
	fi
fi
