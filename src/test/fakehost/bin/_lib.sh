# Shared by the stubs: state directory and argv recording.
: "${FAKEHOST_STATE:?FAKEHOST_STATE must be set}"

# record TOOL ARGS...: appends the call to host.log, each word single-quoted
record() {
    _line=""
    for _word in "$@"; do
        _line="${_line}${_line:+ }'${_word}'"
    done
    printf '%s\n' "${_line}" >> "${FAKEHOST_STATE}/host.log"
}
