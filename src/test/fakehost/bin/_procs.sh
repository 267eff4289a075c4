# The fake process table, $FAKEHOST_STATE/procs ("PID TITLE" a line), changed by several stubs
# at once (guests stopping together, swtpm, dnsmasq, pkill). Every change is made under one
# lock, util-linux flock(1) on procs.lock beside it, and a rewrite goes through a temporary
# file renamed over the table: a reader (pgrep, ps, a test) sees the old table or the new one,
# and no writer's change is lost to another's rewrite. Sourced by the stubs after _lib.sh.

# procs_add PID TITLE: lists a process
procs_add() {
    {
        flock 9
        printf '%s %s\n' "$1" "$2" >> "${FAKEHOST_STATE}/procs"
    } 9>> "${FAKEHOST_STATE}/procs.lock"
}

# procs_remove PID: takes the process out of the table
procs_remove() {
    {
        flock 9
        if [ -f "${FAKEHOST_STATE}/procs" ]; then
            grep -v "^$1 " "${FAKEHOST_STATE}/procs" > "${FAKEHOST_STATE}/procs.$$" || true
            mv "${FAKEHOST_STATE}/procs.$$" "${FAKEHOST_STATE}/procs"
        fi
    } 9>> "${FAKEHOST_STATE}/procs.lock"
}

# procs_retitle PID TITLE: the process's new title, as setproctitle(3) gives it
procs_retitle() {
    {
        flock 9
        awk -v p="$1" -v t="$2" '$1 == p { $0 = p " " t } { print }' \
            "${FAKEHOST_STATE}/procs" > "${FAKEHOST_STATE}/procs.$$"
        mv "${FAKEHOST_STATE}/procs.$$" "${FAKEHOST_STATE}/procs"
    } 9>> "${FAKEHOST_STATE}/procs.lock"
}
