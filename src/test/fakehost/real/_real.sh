# Shared by the wrappers of real Linux tools: honours the faults (through _lib.sh), notes the
# call in calls.log, then runs the tool of that name found on PATH after the fake host's dirs.
. "${FAKEHOST_STUBS:?FAKEHOST_STUBS must name the stubs}/_lib.sh"
note "${0##*/}" "$@"
_self="${0%/*}"
_oldifs="${IFS}"
IFS=:
# then the system directories, where vm itself looks after PATH
for _dir in ${PATH} /sbin /bin /usr/sbin /usr/bin /usr/local/sbin /usr/local/bin; do
    [ "${_dir}" = "${_self}" ] || [ "${_dir}" = "${FAKEHOST_STUBS}" ] && continue
    if [ -x "${_dir}/${0##*/}" ]; then
        IFS="${_oldifs}"
        exec "${_dir}/${0##*/}" "$@"
    fi
done
echo "${0##*/}: not found" >&2
exit 127
