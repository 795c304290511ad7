#!/usr/bin/env bash
# Unpacks Debian bookworm's ngspice 39.3 (libngspice0 + ngspice) into a cache folder, without
# installing anything: the suite's second pass runs against it (ngspice-native/test-both.sh).
# Idempotent: a folder already unpacked for the same version is reused.
#
#   ngspice-native/ngspice39.sh          unpack if needed, print the folder
#   ngspice-native/ngspice39.sh --env    unpack if needed, print the shell exports that select it:
#                                        eval "$(ngspice-native/ngspice39.sh --env)"
#
# The exports: EQSPICE_NGSPICE_LIB (the library eqspice loads), EQSPICE_NGSPICE_BIN and PATH (the
# program the export tests run), SPICE_LIB_DIR (where both read spinit: the package's spinit
# names its code models by absolute system path, so the unpacked copy is rewritten to name the
# unpacked ones; otherwise 39.3 would load the installed 46's code models).
# The cache folder is ${EQSPICE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/eqspice}/ngspice-<version>.
set -euo pipefail

say() { printf 'ngspice39: %s\n' "$*" >&2; }

mode=${1:-}
case "$mode" in
  ""|--env) ;;
  -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) say "unknown argument '$mode' (use --env or nothing)"; exit 2 ;;
esac

# The 39.x version apt knows (bookworm's release suite); the newest 39.x if several.
known39() { apt-cache madison libngspice0 2>/dev/null | awk -F'|' '{gsub(/ /, "", $2)} $2 ~ /^39\./ {print $2}' | sort -V | tail -1; }
version=$(known39)
if [ -z "$version" ] && [ "$(id -u)" = 0 ]; then
  # a fresh machine (or container) may have empty package lists
  apt-get update -qq >/dev/null 2>&1 || true
  version=$(known39)
fi
if [ -z "$version" ]; then
  say "apt knows no libngspice0 39.x: this machine's apt sources need Debian bookworm (the release suite)."
  say "apt-cache policy libngspice0 shows which versions it knows."
  exit 1
fi

cache=${EQSPICE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/eqspice}
root="$cache/ngspice-$version"
stamp="$root/.unpacked"

if [ ! -f "$stamp" ]; then
  say "unpacking libngspice0 and ngspice $version into $root"
  work=$(mktemp -d "${TMPDIR:-/tmp}/ngspice39.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  # apt's download sandbox user cannot write into a root-owned mktemp folder: as root, download as root.
  sandbox=()
  [ "$(id -u)" = 0 ] && sandbox=(-o APT::Sandbox::User=root)
  (cd "$work" && apt-get -qq "${sandbox[@]}" download "libngspice0=$version" "ngspice=$version") \
    || { say "apt-get download of libngspice0=$version ngspice=$version failed"; exit 1; }
  rm -rf "$root.tmp"
  mkdir -p "$root.tmp"
  for deb in "$work"/*.deb; do
    dpkg-deb -x "$deb" "$root.tmp"
  done
  rm -rf "$root"
  mv "$root.tmp" "$root"
  # The spinit names the code models by their system path: point it at the unpacked ones.
  spinit="$root/usr/share/ngspice/scripts/spinit"
  cmdir=$(dirname "$(find "$root/usr/lib" -name analog.cm | head -1)")
  sed -i -E "s#^( *codemodel +)/.*/([^/]+\.cm)\$#\1$cmdir/\2#" "$spinit"
  echo "$version" > "$stamp"
fi

lib=$(find "$root/usr/lib" -name 'libngspice.so.0' | head -1)
bin="$root/usr/bin/ngspice"
[ -n "$lib" ] && [ -x "$bin" ] || { say "$root is incomplete: remove it and run again"; exit 1; }

if [ "$mode" = --env ]; then
  printf 'export EQSPICE_NGSPICE_LIB=%q\n' "$lib"
  printf 'export EQSPICE_NGSPICE_BIN=%q\n' "$bin"
  printf 'export SPICE_LIB_DIR=%q\n' "$root/usr/share/ngspice"
  printf 'export PATH=%q:"$PATH"\n' "$root/usr/bin"
else
  echo "$root"
fi
