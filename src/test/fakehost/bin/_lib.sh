# Shared by the stubs: state directory, argv recording and fault injection.
: "${FAKEHOST_STATE:?FAKEHOST_STATE must be set}"

# record TOOL ARGS...: appends the call to host.log, each word single-quoted; calls.log gets it
# too, with the real tools' calls (see note), for a fault walk to pick the call to fail
record() {
    _line=""
    for _word in "$@"; do
        _line="${_line}${_line:+ }'${_word}'"
    done
    printf '%s\n' "${_line}" >> "${FAKEHOST_STATE}/host.log"
    printf '%s\n' "${_line}" >> "${FAKEHOST_STATE}/calls.log"
}

# note TOOL ARGS...: a call of a real Linux tool, appended to calls.log only (host.log stays
# the recorded examples' format, which has no truncate or qemu-img)
note() {
    _line=""
    for _word in "$@"; do
        _line="${_line}${_line:+ }'${_word}'"
    done
    printf '%s\n' "${_line}" >> "${FAKEHOST_STATE}/calls.log"
}

# fault TOOL ARGS...: fails this call as $FAKEHOST_STATE/faults says (see README "Faults"). A
# line is TOOL WHICH WHEN STATUS PATTERN MESSAGE, TAB-separated; PATTERN is a glob on the
# arguments joined by blanks, or "=ARGS" for exactly those. A hit is appended to faults.log.
fault() {
    [ -s "${FAKEHOST_STATE}/faults" ] || return 0
    _tool="$1"
    shift
    _args="$*"
    _rule=0
    _tab=$(printf '\t')
    while IFS="${_tab}" read -r _t _which _when _status _pattern _message; do
        _rule=$((_rule + 1))
        [ "${_t}" = "${_tool}" ] || continue
        case "${_pattern}" in
            =*) [ "${_args}" = "${_pattern#=}" ] || continue ;;
            *) case "${_args}" in ${_pattern}) ;; *) continue ;; esac ;;
        esac
        mkdir -p "${FAKEHOST_STATE}/faults.seen"
        echo . >> "${FAKEHOST_STATE}/faults.seen/${_rule}"
        _seen=$(wc -l < "${FAKEHOST_STATE}/faults.seen/${_rule}")
        case "${_which}" in
            every) ;;
            first) [ "${_seen}" -eq 1 ] || continue ;;
            *) [ "${_seen}" -eq "${_which}" ] || continue ;;
        esac
        printf '%s\t%s %s\n' "${_rule}" "${_tool}" "${_args}" >> "${FAKEHOST_STATE}/faults.log"
        _fault_message="${_message}"
        _fault_status="${_status}"
        case "${_when}" in
            after)
                # the tool does its work, then reports failure (a stream that arrived whole
                # before the connection dropped); honoured by stubs that do not exec
                trap 'printf "%s\n" "${_fault_message}" >&2; exit "${_fault_status}"' EXIT
                return 0 ;;
            midway)
                # the tool reads part of its input, then fails (a stream cut mid-transfer)
                head -c 4096 > /dev/null ;;
        esac
        printf '%s\n' "${_message}" >&2
        exit "${_status}"
    done < "${FAKEHOST_STATE}/faults"
}

fault "${0##*/}" "$@"
