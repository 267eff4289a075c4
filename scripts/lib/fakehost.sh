# Sourced by scripts/try and scripts/bench: sets up the fake FreeBSD host of
# src/test/fakehost in the directory $FAKEHOST_ROOT and exports what vm needs to use it.
# shellcheck shell=sh

fakehost_setup() {
    root="$1"
    project="$2"
    mkdir -p "${root}/vm" "${root}/state/kld" "${root}/host/dev/vmm"
    touch "${root}/state/kld/vmm" "${root}/state/kld/zfs"
    # a physical NIC to use as a switch uplink
    mkdir -p "${root}/state/if/em0"
    echo "192.0.2.10/24" > "${root}/state/if/em0/inet"
    printf 'vm_enable="YES"\nvm_dir="%s/vm"\n' "${root}" > "${root}/rc.conf"
    PATH="${project}/src/test/fakehost/bin:${PATH}"
    FAKEHOST_STATE="${root}/state"
    VM_HOST_ROOT="${root}/host"
    VM_RC_CONF="${root}/rc.conf"
    export PATH FAKEHOST_STATE VM_HOST_ROOT VM_RC_CONF
}
