#!/usr/bin/env bash
# Runs the whole test suite twice, once per ngspice version eqspice supports:
#   1. the installed ngspice (46 with KLU from bookworm-backports, as install.sh sets it up);
#   2. Debian bookworm's 39.3, unpacked into a cache folder by ngspice39.sh (no system change),
#      selected with EQSPICE_NGSPICE_LIB and, for the tests that run the program, EQSPICE_NGSPICE_BIN.
# Both passes always run; the exit code is non-zero when either failed. Each pass keeps its
# reports in target/surefire-reports-installed/ and target/surefire-reports-39/. Extra arguments go to both mvn calls.
# docs/ngspice-versions.md lists the tests that behave differently by version.
set -uo pipefail
case "${1:-}" in -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
cd "$(dirname "$0")/.."

say() { printf '\ntest-both: %s\n' "$*" >&2; }

pass() { # pass <label>: runs the suite in the current environment, keeps its reports
  local label=$1 start rc
  start=$(date +%s)
  say "pass $label: EQSPICE_NGSPICE_LIB=${EQSPICE_NGSPICE_LIB:-(not set: the installed library)}"
  mvn -B "${@:2}" test
  rc=$?
  rm -rf "target/surefire-reports-$label"
  [ -d target/surefire-reports ] && mv target/surefire-reports "target/surefire-reports-$label"
  say "pass $label: $([ $rc = 0 ] && echo passed || echo FAILED) in $(( $(date +%s) - start )) s"
  return $rc
}

# Pass 1 uses the installed ngspice, whatever the caller's environment selects.
installed=$(dpkg-query -W -f='${Version}' libngspice0 2>/dev/null || echo "not from a Debian package")
rc46=0
(unset EQSPICE_NGSPICE_LIB EQSPICE_NGSPICE_BIN SPICE_LIB_DIR; pass installed "$@") || rc46=$?

rc39=0
if env39=$(ngspice-native/ngspice39.sh --env); then
  (eval "$env39"; pass 39 "$@") || rc39=$?
else
  say "could not provision ngspice 39.3 (see above)"
  rc39=1
fi

say "installed ngspice ($installed): $([ $rc46 = 0 ] && echo passed || echo FAILED); ngspice 39.3: $([ $rc39 = 0 ] && echo passed || echo FAILED)"
[ $rc46 = 0 ] && [ $rc39 = 0 ]
