package org.vmbhyve.check;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.config.ShellWords;
import org.vmbhyve.config.Size;

/** Which values of each kind of setting can work: the reason a value cannot, if it cannot. */
final class ValueRules {

    static final List<String> LOADERS = List.of("bhyveload", "grub", "uefi", "uefi-csm", "uefi-devel", "uefi-custom");
    static final List<String> DISK_TYPES = List.of("virtio-blk", "ahci-hd", "ahci-cd", "nvme", "virtio-scsi",
            "virtio-9p");
    static final List<String> DISK_DEVS = List.of("file", "zvol", "sparse-zvol", "custom", "9p");
    static final List<String> NIC_TYPES = List.of("virtio-net", "e1000");
    private static final List<String> YES_NO = List.of("yes", "no", "true", "false", "on", "off", "1", "0");
    private static final List<String> COMPORTS = List.of("com1", "com2", "com3", "com4");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern UUID = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern MAC = Pattern.compile("(?i)([0-9a-f]{2}:){5}[0-9a-f]{2}");
    private static final Pattern RESOLUTION = Pattern.compile("([0-9]{1,5})x([0-9]{1,5})");
    private static final Pattern PASSTHRU = Pattern.compile("[0-9]{1,3}/[0-9]{1,2}/[0-9](=[0-9]{1,2}(:[0-9])?)?");
    /** bhyve's framebuffer limits. */
    private static final int MAX_WIDTH = 1920;
    private static final int MAX_HEIGHT = 1200;

    private ValueRules() {
    }

    /** Why the value cannot work for a key of this kind; empty when it can (or is empty: unset). */
    static Optional<String> problem(GuestKey.Kind kind, String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return switch (kind) {
            case TEXT -> Optional.empty();
            case YESNO -> oneOf(value.toLowerCase(Locale.ROOT), YES_NO, "a yes/no word");
            case YESNO_AUTO -> value.equals("auto") ? Optional.empty()
                    : oneOf(value.toLowerCase(Locale.ROOT), YES_NO, "auto or a yes/no word");
            case NUMBER -> DIGITS.matcher(value).matches() ? Optional.empty() : not(value, "a whole number");
            case COUNT -> DIGITS.matcher(value).matches() && !value.matches("0+") ? Optional.empty()
                    : not(value, "a count of at least 1");
            case MEMORY -> Size.memory(value).filter(b -> b > 0).isPresent() ? Optional.empty()
                    : not(value, "a size such as 512M or 2G");
            case SIZE -> Size.bytes(value, 1).filter(b -> b > 0).isPresent() ? Optional.empty()
                    : not(value, "a size such as 20G");
            case SLOT -> range(value, 0, 31, "a PCI slot number (0 to 31)");
            case PORT -> range(value, 1, 65535, "a TCP port (1 to 65535)");
            case AHCI_LIMIT -> range(value, 1, 32, "a number of devices per AHCI controller (1 to 32)");
            case LOADER -> oneOf(value, LOADERS, "a loader");
            case HOSTBRIDGE -> value.equals("standard") || value.equals("amd") || value.startsWith("no")
                    ? Optional.empty() : not(value, "a host bridge (standard, amd or none)");
            case COMPORTS -> comports(value);
            case UUID -> UUID.matcher(value).matches() ? Optional.empty() : not(value, "a UUID");
            case MAC -> MAC.matcher(value).matches() ? Optional.empty() : not(value, "a MAC address (xx:xx:xx:xx:xx:xx)");
            case RESOLUTION -> resolution(value);
            case VGA -> oneOf(value, List.of("on", "off", "io"), "a VGA mode");
            case DISK_TYPE -> oneOf(value, DISK_TYPES, "a disk emulation");
            case DISK_DEV -> oneOf(value, DISK_DEVS, "a disk device type");
            case NIC_TYPE -> oneOf(value, NIC_TYPES, "a network emulation");
            case PASSTHRU -> PASSTHRU.matcher(value).matches() ? Optional.empty()
                    : not(value, "a host device as bus/slot/function (optionally =slot:function in the guest)");
            case EXIT_ACTION -> oneOf(value, List.of("restart", "shutdown"), "an action");
            case TPM -> oneOf(value, List.of("swtpm", "passthru", "no"), "a TPM kind");
        };
    }

    private static Optional<String> oneOf(String value, List<String> allowed, String what) {
        return allowed.contains(value) ? Optional.empty()
                : Optional.of("'" + value + "' is not " + what + " (" + String.join(", ", allowed) + ")");
    }

    private static Optional<String> not(String value, String what) {
        return Optional.of("'" + value + "' is not " + what);
    }

    private static Optional<String> range(String value, int low, int high, String what) {
        if (DIGITS.matcher(value).matches() && value.length() < 6) {
            int n = Integer.parseInt(value);
            if (n >= low && n <= high) {
                return Optional.empty();
            }
        }
        return not(value, what);
    }

    private static Optional<String> comports(String value) {
        Set<String> seen = new HashSet<>();
        for (String port : ShellWords.split(value)) {
            if (!COMPORTS.contains(port)) {
                return not(port, "a serial port (" + String.join(", ", COMPORTS) + ")");
            }
            if (!seen.add(port)) {
                return Optional.of(port + " is listed twice");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> resolution(String value) {
        var m = RESOLUTION.matcher(value);
        if (!m.matches()) {
            return not(value, "a resolution (WIDTHxHEIGHT, e.g. 1024x768)");
        }
        int width = Integer.parseInt(m.group(1));
        int height = Integer.parseInt(m.group(2));
        if (width < 1 || height < 1 || width > MAX_WIDTH || height > MAX_HEIGHT) {
            return Optional.of("'" + value + "' is outside bhyve's framebuffer sizes (up to " + MAX_WIDTH + "x"
                    + MAX_HEIGHT + ")");
        }
        return Optional.empty();
    }
}
