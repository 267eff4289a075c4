# Shared by the ifconfig and netstat stubs: the interfaces under $FAKEHOST_STATE/if/<name>/.
# Files of an interface (all optional): kind (bridge, tap, vlan, vxlan, ether; else guessed from
# the name), index (its if_index, given on first sight), up, descr, mtu, ether, inet and inet6 (one
# ADDR/PREFIX a line), auto_linklocal, groups, members (oldest first), private (members with the
# PRIVATE flag), spans, vlan (TAG PARENT), vxlan (VNI LOCAL GROUP), opened-by (pid of the process
# holding a tap open), counters (Ipkts Ierrs Idrop Ibytes Opkts Oerrs Obytes Coll).
ifs="${FAKEHOST_STATE}/if"
mkdir -p "${ifs}"

exists() { [ -d "${ifs}/$1" ]; }

kind_of() {  # kind_of NAME
    if [ -s "${ifs}/$1/kind" ]; then cat "${ifs}/$1/kind"; return; fi
    case "$1" in
        bridge*) echo bridge ;;
        tap*) echo tap ;;
        vxlan*) echo vxlan ;;
        *) echo ether ;;
    esac
}

index_of() {  # index_of NAME: its if_index, the next free one when it has none yet
    if [ ! -s "${ifs}/$1/index" ]; then
        last=$(cat "${ifs}/.last-index" 2>/dev/null || echo 0)
        echo $((last + 1)) > "${ifs}/$1/index"
        echo $((last + 1)) > "${ifs}/.last-index"
    fi
    cat "${ifs}/$1/index"
}

names() {  # every interface in if_index order, as ifconfig lists them
    for d in "${ifs}"/*; do
        [ -d "${d}" ] || continue
        n=${d##*/}
        echo "$(index_of "${n}") ${n}"
    done | sort -n | cut -d' ' -f2
}

# bytes of a stable fake MAC: the checksum of the name (and of how often its link was randomised)
mac_bytes() {  # mac_bytes NAME COUNT: COUNT hex bytes
    sum=$(printf '%s%s' "$1" "$(cat "${ifs}/$1/random" 2>/dev/null)" | cksum | cut -d' ' -f1)
    i=0; out=""
    while [ "${i}" -lt "$2" ]; do
        out="${out}${out:+:}$(printf '%02x' $(( ((sum >> (i % 4 * 8)) + i * 61) & 255 )))"
        i=$((i + 1))
    done
    echo "${out}"
}

mac_of() {  # mac_of NAME
    if [ -s "${ifs}/$1/ether" ]; then cat "${ifs}/$1/ether"; return; fi
    case "$(kind_of "$1")" in
        # if_tuntap.c gives taps FreeBSD's OUI (58:9c:fc, real-outputs/ifconfig.md S3, S6)
        tap) echo "58:9c:fc:$(mac_bytes "$1" 3)" ;;
        # bridges, and any link after "link random": locally administered (S1, S5)
        bridge|vxlan)
            first=$(( (0x$(mac_bytes "$1" 1) & 252) | 2 ))
            printf '%02x:%s\n' "${first}" "$(mac_bytes "$1" 6 | cut -d: -f2-)" ;;
        vlan) mac_of "$(cut -d' ' -f2 "${ifs}/$1/vlan")" ;;
        *) echo "08:00:27:$(mac_bytes "$1" 3)" ;;
    esac
}

is_up() {  # physical NICs, VLANs and VXLANs are up unless taken down; clones only once brought up
    [ -f "${ifs}/$1/up" ] && return 0
    [ -f "${ifs}/$1/down" ] && return 1
    case "$(kind_of "$1")" in bridge|tap) return 1 ;; esac
    return 0
}

held_by() {  # held_by TAP: the pid of the running process holding it open, if any
    pid=$(cat "${ifs}/$1/opened-by" 2>/dev/null) || return 1
    grep -q "^${pid} " "${FAKEHOST_STATE}/procs" 2>/dev/null && echo "${pid}"
}

link_up() {  # the link state (LOWER_UP): a tap while open, a bridge while a member's link is up
    case "$(kind_of "$1")" in
        tap) held_by "$1" > /dev/null ;;
        bridge)
            [ -s "${ifs}/$1/members" ] || return 1
            while read -r m; do link_up "${m}" && return 0; done < "${ifs}/$1/members"
            return 1 ;;
        *) is_up "$1" ;;
    esac
}

mtu_of() { cat "${ifs}/$1/mtu" 2>/dev/null || echo 1500; }
