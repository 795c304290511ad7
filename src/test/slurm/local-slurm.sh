#!/bin/sh
# A single-node Slurm on this machine, for eqspice's Slurm integration test and for trying
# `eqspice slurm` by hand. Local addresses only; no systemd needed (run as root).
#   src/test/slurm/local-slurm.sh start   # installs slurm-wlm and munge if missing, starts the daemons
#   src/test/slurm/local-slurm.sh stop    # stops them (by their pid files)
# State lives in /tmp/eqspice-slurm; /etc/slurm/slurm.conf is written only if absent or ours.
set -eu
STATE=/tmp/eqspice-slurm
CONF=/etc/slurm/slurm.conf
MARK="# written by eqspice src/test/slurm/local-slurm.sh"

say() { echo "local-slurm: $*" >&2; }

install_missing() {
    if command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v munged >/dev/null \
        && command -v sbatch >/dev/null; then
        return 0
    fi
    if [ "$(id -u)" != 0 ]; then say "slurm-wlm/munge missing and not root: cannot install"; exit 2; fi
    say "installing slurm-wlm and munge from the Debian archive"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends slurm-wlm munge >/dev/null \
        || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends slurm-wlm munge >/dev/null; }
}

write_conf() {
    if [ -f "$CONF" ] && ! grep -q "$MARK" "$CONF"; then
        say "$CONF exists and is not ours: using it as it is"
        return 0
    fi
    host=$(hostname -s)
    cpus=$(nproc)
    mem=$(awk '/MemTotal/ {print int($2 / 1024 * 0.9)}' /proc/meminfo)
    mkdir -p /etc/slurm "$STATE/spool/ctld" "$STATE/spool/d"
    cat > "$CONF" <<CONF
$MARK
ClusterName=eqspice-local
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
StateSaveLocation=$STATE/spool/ctld
SlurmdSpoolDir=$STATE/spool/d
SlurmctldPidFile=$STATE/slurmctld.pid
SlurmdPidFile=$STATE/slurmd.pid
SlurmctldLogFile=$STATE/slurmctld.log
SlurmdLogFile=$STATE/slurmd.log
SlurmctldPort=6817
SlurmdPort=6818
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
}

start() {
    install_missing
    mkdir -p "$STATE"
    write_conf
    if ! pgrep -x munged >/dev/null; then
        mkdir -p /run/munge /var/log/munge /var/lib/munge
        chown munge:munge /run/munge /var/log/munge /var/lib/munge 2>/dev/null || true
        [ -f /etc/munge/munge.key ] || { dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 2>/dev/null; chown munge:munge /etc/munge/munge.key; chmod 400 /etc/munge/munge.key; }
        su -s /bin/sh munge -c "/usr/sbin/munged" || /usr/sbin/munged --force
    fi
    [ -f "$STATE/slurmctld.pid" ] && kill -0 "$(cat "$STATE/slurmctld.pid")" 2>/dev/null || /usr/sbin/slurmctld
    [ -f "$STATE/slurmd.pid" ] && kill -0 "$(cat "$STATE/slurmd.pid")" 2>/dev/null || /usr/sbin/slurmd
    for _ in $(seq 1 60); do
        if sinfo -h -o "%T" 2>/dev/null | grep -Eq "idle|mixed|allocated"; then say "up: $(sinfo -h -o '%P %D %T %C')"; return 0; fi
        sleep 0.5
    done
    say "Slurm did not come up; see $STATE/slurmctld.log and $STATE/slurmd.log"
    exit 3
}

stop() {
    for d in slurmd slurmctld; do
        if [ -f "$STATE/$d.pid" ]; then kill "$(cat "$STATE/$d.pid")" 2>/dev/null || true; fi
    done
    say "stopped slurmd and slurmctld (munged left running)"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 64 ;;
esac
