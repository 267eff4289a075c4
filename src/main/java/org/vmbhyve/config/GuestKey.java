package org.vmbhyve.config;

import java.util.Optional;

/**
 * Every setting a guest's config may hold: the one table that the bhyve and loader command
 * builders read their keys through and that {@code vm check} checks configs against. A key
 * with {@code #} is a family numbered from 0 ({@code disk#_name}: {@code disk0_name}, ...).
 * The kind says which values can work.
 */
public enum GuestKey {
    LOADER("loader", Kind.LOADER),
    BHYVELOAD_LOADER("bhyveload_loader", Kind.TEXT),
    BHYVELOAD_ARGS("bhyveload_args", Kind.TEXT),
    LOADER_TIMEOUT("loader_timeout", Kind.NUMBER),
    GRUB_INSTALL("grub_install#", Kind.TEXT),
    GRUB_RUN("grub_run#", Kind.TEXT),
    GRUB_RUN_DIR("grub_run_dir", Kind.TEXT),
    GRUB_RUN_FILE("grub_run_file", Kind.TEXT),
    GRUB_RUN_PARTITION("grub_run_partition", Kind.TEXT),
    GRUB_RUN_NO_PARTITION("grub_run_no_partition", Kind.YESNO),
    UEFI_VARS("uefi_vars", Kind.YESNO),
    CPU("cpu", Kind.COUNT),
    CPU_SOCKETS("cpu_sockets", Kind.COUNT),
    CPU_CORES("cpu_cores", Kind.COUNT),
    CPU_THREADS("cpu_threads", Kind.COUNT),
    MEMORY("memory", Kind.MEMORY),
    WIRED_MEMORY("wired_memory", Kind.YESNO),
    HOSTBRIDGE("hostbridge", Kind.HOSTBRIDGE),
    COMPORTS("comports", Kind.COMPORTS),
    UUID("uuid", Kind.UUID),
    UTCTIME("utctime", Kind.YESNO),
    DEBUG("debug", Kind.YESNO),
    IGNORE_MSR("ignore_msr", Kind.YESNO),
    /** upstream's sample documents this name, its code reads only ignore_msr; we honour both */
    IGNORE_BAD_MSR("ignore_bad_msr", Kind.YESNO, "ignore_msr"),
    GRAPHICS("graphics", Kind.YESNO),
    GRAPHICS_PORT("graphics_port", Kind.PORT),
    GRAPHICS_LISTEN("graphics_listen", Kind.TEXT),
    GRAPHICS_RES("graphics_res", Kind.RESOLUTION),
    GRAPHICS_VGA("graphics_vga", Kind.VGA),
    GRAPHICS_WAIT("graphics_wait", Kind.YESNO_AUTO),
    VNC_PASSWORD("vnc_password", Kind.TEXT),
    XHCI_MOUSE("xhci_mouse", Kind.YESNO),
    SOUND("sound", Kind.YESNO),
    SOUND_PLAY("sound_play", Kind.TEXT),
    SOUND_REC("sound_rec", Kind.TEXT),
    VIRT_RANDOM("virt_random", Kind.YESNO),
    VIRT_CONSOLE("virt_console#", Kind.TEXT),
    START_SLOT("start_slot", Kind.SLOT),
    INSTALL_SLOT("install_slot", Kind.SLOT),
    AHCI_DEVICE_LIMIT("ahci_device_limit", Kind.AHCI_LIMIT),
    NULLISO_FIX("nulliso_fix", Kind.YESNO),
    FWCFG("fwcfg", Kind.TEXT),
    BHYVE_OPTIONS("bhyve_options", Kind.TEXT),
    /** ours (vm-bhyve has no TPM setting): swtpm, passthru or no */
    TPM("tpm", Kind.TPM),
    TPM_DEVICE("tpm_device", Kind.TEXT),
    DISK_NAME("disk#_name", Kind.TEXT),
    DISK_TYPE("disk#_type", Kind.DISK_TYPE),
    DISK_DEV("disk#_dev", Kind.DISK_DEV),
    DISK_OPTS("disk#_opts", Kind.TEXT),
    DISK_SIZE("disk#_size", Kind.SIZE),
    NETWORK_TYPE("network#_type", Kind.NIC_TYPE),
    NETWORK_SWITCH("network#_switch", Kind.TEXT),
    NETWORK_DEVICE("network#_device", Kind.TEXT),
    NETWORK_MAC("network#_mac", Kind.MAC),
    NETWORK_NAME("network#_name", Kind.TEXT),
    NETWORK_SPAN("network#_span", Kind.YESNO),
    PASSTHRU("passthru#", Kind.PASSTHRU),
    PASSTHRU_OPTIONS("passthru#_options", Kind.TEXT),
    PRESTART("prestart", Kind.TEXT),
    PRIORITY("priority", Kind.TEXT),
    LIMIT_PCPU("limit_pcpu", Kind.NUMBER),
    LIMIT_RBPS("limit_rbps", Kind.TEXT),
    LIMIT_WBPS("limit_wbps", Kind.TEXT),
    LIMIT_RIOPS("limit_riops", Kind.NUMBER),
    LIMIT_WIOPS("limit_wiops", Kind.NUMBER),
    ZFS_DATASET_OPTS("zfs_dataset_opts", Kind.TEXT),
    ZFS_ZVOL_OPTS("zfs_zvol_opts", Kind.TEXT),
    ON_RESTART("on_restart", Kind.EXIT_ACTION),
    ON_FAULT("on_fault", Kind.EXIT_ACTION),
    STOP_TIMEOUT("stop_timeout", Kind.NUMBER),
    TAGS("tags", Kind.TEXT);

    /** What values of a key can work; {@code vm check} holds the rule for each. */
    public enum Kind {
        TEXT, YESNO, YESNO_AUTO, NUMBER, COUNT, MEMORY, SIZE, SLOT, PORT, LOADER, HOSTBRIDGE, COMPORTS, UUID,
        RESOLUTION, VGA, AHCI_LIMIT, DISK_TYPE, DISK_DEV, NIC_TYPE, MAC, PASSTHRU, EXIT_ACTION, TPM
    }

    private final String name;
    private final Kind kind;
    private final String preferred;

    GuestKey(String name, Kind kind) {
        this(name, kind, null);
    }

    GuestKey(String name, Kind kind, String preferred) {
        this.name = name;
        this.kind = kind;
        this.preferred = preferred;
    }

    /** The key of a single setting. */
    public String key() {
        if (numbered()) {
            throw new IllegalStateException(name + " is a numbered family");
        }
        return name;
    }

    /** The key of member {@code n} of a numbered family ({@code DISK_NAME.at(1)} is {@code disk1_name}). */
    public String at(int n) {
        return name.replace("#", String.valueOf(n));
    }

    /** The key as written in the table, {@code #} standing for the number. */
    public String pattern() {
        return name;
    }

    public boolean numbered() {
        return name.contains("#");
    }

    public Kind kind() {
        return kind;
    }

    /** The name to use instead, for a legacy name kept working. */
    public Optional<String> preferred() {
        return Optional.ofNullable(preferred);
    }

    /**
     * Whether KEY is this setting, or a member of this family: {@code #} stands for a number
     * without leading zeros ({@code 0|[1-9][0-9]*}).
     */
    private boolean names(String key) {
        int hash = name.indexOf('#');
        if (hash < 0) {
            return key.equals(name);
        }
        String prefix = name.substring(0, hash);
        String suffix = name.substring(hash + 1);
        if (key.length() <= prefix.length() + suffix.length() || !key.startsWith(prefix) || !key.endsWith(suffix)) {
            return false;
        }
        String number = key.substring(prefix.length(), key.length() - suffix.length());
        return Chars.isDigits(number) && (number.equals("0") || number.charAt(0) != '0');
    }

    /** The table entry a config key belongs to. */
    public static Optional<GuestKey> of(String key) {
        for (GuestKey k : values()) {
            if (k.names(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
