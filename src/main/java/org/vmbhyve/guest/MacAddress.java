package org.vmbhyve.guest;

import java.util.random.RandomGenerator;
import org.vmbhyve.config.Chars;

/**
 * Static MACs for guest NICs: bhyve's OUI {@code 58:9c:fc} and 20 random bits (the first hex
 * digit of the device part is forced to 0), never {@code 00:00:00}.
 */
public final class MacAddress {

    private MacAddress() {
    }

    public static String generate(RandomGenerator random) {
        int device;
        do {
            device = random.nextInt(0x100000);
        } while (device == 0);
        // %06x by hand: JDK 17's formatter parses its format with a regular expression
        String hex = Chars.rightAligned(Integer.toHexString(device), 6, '0');
        return "58:9c:fc:" + hex.substring(0, 2) + ":" + hex.substring(2, 4) + ":" + hex.substring(4, 6);
    }
}
