#!/usr/bin/env bash
# Installs libngspice (and the ngspice program) when no usable library is found.
# Prefers ngspice 46 with KLU from Debian bookworm-backports; falls back to bookworm's 39.3.
# Idempotent: does nothing when a library is already present (or EQSPICE_NGSPICE_LIB points at one).
#
# The backports sources entry is derived at install time from the machine's own Debian
# sources (deb822 .sources or one-line sources.list): only the suite is changed, so the
# mirror this machine already uses is kept and no host name lives in this repository.
set -euo pipefail

say() { printf 'ngspice-native: %s\n' "$*" >&2; }

find_lib() {
  if [ -n "${EQSPICE_NGSPICE_LIB:-}" ] && [ -f "$EQSPICE_NGSPICE_LIB" ]; then echo "$EQSPICE_NGSPICE_LIB"; return 0; fi
  local d
  for d in /usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu /usr/lib64 /usr/lib /usr/local/lib; do
    for f in "$d/libngspice.so.0" "$d/libngspice.so"; do
      [ -f "$f" ] && { echo "$f"; return 0; }
    done
  done
  return 1
}

have_cli() { command -v ngspice >/dev/null 2>&1; }

if lib=$(find_lib) && have_cli; then
  say "found $lib and $(command -v ngspice); nothing to install"
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  say "libngspice is missing and this script needs root to install it (apt-get)."
  say "Run: sudo $0   or set EQSPICE_NGSPICE_LIB=/absolute/path/to/libngspice.so.0"
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
backports_list=/etc/apt/sources.list.d/eqspice-backports.sources

write_backports_entry() {
  [ -f "$backports_list" ] && return 0
  . /etc/os-release
  local codename="${VERSION_CODENAME:-bookworm}"
  local src=""
  for f in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    if grep -qE "^Suites:.*\b${codename}\b" "$f" && grep -qiE '^URIs:.*debian/?$' "$f"; then src=$f; break; fi
  done
  if [ -n "$src" ]; then
    # First stanza whose URI is the main archive (not -security), with Suites replaced.
    awk -v suite="${codename}-backports" '
      BEGIN { RS=""; ORS="\n\n" }
      /URIs:[^\n]*debian\/?(\n|$)/ && !done {
        n = split($0, lines, "\n"); out = ""
        for (i = 1; i <= n; i++) {
          if (lines[i] ~ /^Suites:/) lines[i] = "Suites: " suite
          if (lines[i] ~ /^#/) continue
          out = out lines[i] "\n"
        }
        printf "%s", out; done = 1
      }' "$src" > "$backports_list"
  elif [ -f /etc/apt/sources.list ]; then
    local line
    line=$(grep -E "^deb[[:space:]].*[[:space:]]${codename}[[:space:]]" /etc/apt/sources.list | head -1 || true)
    [ -n "$line" ] || return 1
    backports_list=/etc/apt/sources.list.d/eqspice-backports.list
    echo "$line" | sed -E "s/[[:space:]]${codename}[[:space:]]/ ${codename}-backports /" > "$backports_list"
  else
    return 1
  fi
  [ -s "$backports_list" ] || { rm -f "$backports_list"; return 1; }
  say "added $backports_list (derived from $src)"
}

installed=""
if write_backports_entry && apt-get update -qq >/dev/null 2>&1; then
  . /etc/os-release
  if apt-get install -y -qq -t "${VERSION_CODENAME:-bookworm}-backports" libngspice0 ngspice >/dev/null 2>&1; then
    installed="backports"
  else
    say "backports install failed; falling back to the release version"
  fi
else
  say "backports unreachable; falling back to the release version"
  rm -f /etc/apt/sources.list.d/eqspice-backports.sources /etc/apt/sources.list.d/eqspice-backports.list
  apt-get update -qq >/dev/null 2>&1 || true
fi
if [ -z "$installed" ]; then
  apt-get install -y -qq libngspice0 ngspice >/dev/null
  installed="release"
fi
lib=$(find_lib) || { say "installation finished but no libngspice.so.0 was found"; exit 1; }
say "installed ngspice ($installed): $(dpkg-query -W -f='${Version}' libngspice0) at $lib"
