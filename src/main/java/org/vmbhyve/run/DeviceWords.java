package org.vmbhyve.run;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.config.Chars;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.GuestKey;

/**
 * Plain-loop readings of bhyve device words that upstream makes with shell patterns: whether a
 * medium is an ISO, and a device without its {@code ,wait} option for a reboot.
 */
final class DeviceWords {

    private DeviceWords() {
    }

    /** {@code (?i).*\.iso}: a name ending in .iso in any ASCII case, holding no line terminator. */
    static boolean isIsoFile(String name) {
        int n = name.length();
        if (n < 4 || name.charAt(n - 4) != '.' || "iI".indexOf(name.charAt(n - 3)) < 0
                || "sS".indexOf(name.charAt(n - 2)) < 0 || "oO".indexOf(name.charAt(n - 1)) < 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (Chars.isLineTerminator(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The devices for a reboot: with {@code graphics_wait=auto} the guest waits for a VNC client
     * only on its first boot.
     */
    static List<String> withoutAutoWait(List<String> devices, ConfigValues config) {
        if (!config.get(GuestKey.GRAPHICS_WAIT, "auto").equals("auto")) {
            return devices;
        }
        List<String> rebooted = new ArrayList<>();
        for (String device : devices) {
            rebooted.add(withoutWait(device));
        }
        return rebooted;
    }

    /** The device with each {@code ,wait} option dropped ({@code ,wait\\b}, matched by hand). */
    static String withoutWait(String device) {
        StringBuilder kept = new StringBuilder(device.length());
        int i = 0;
        while (i < device.length()) {
            int end = i + ",wait".length();
            if (device.startsWith(",wait", i) && (end == device.length() || !isWordChar(device.charAt(end)))) {
                i = end;
            } else {
                kept.append(device.charAt(i++));
            }
        }
        return kept.toString();
    }

    private static boolean isWordChar(char c) {
        return Chars.isAlnum(c) || c == '_';
    }
}
