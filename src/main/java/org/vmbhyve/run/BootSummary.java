package org.vmbhyve.run;

import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.guest.GuestLog;

/** The {@code initialising} entry that opens each run's log, field for field as upstream writes it. */
final class BootSummary {

    private BootSummary() {
    }

    static void write(GuestLog log, ConfigValues config, String cpu) {
        log.write("initialising", " [loader: " + config.value(GuestKey.LOADER) + "]", " [cpu: " + cpu + "]",
                " [memory: " + config.value(GuestKey.MEMORY) + "]",
                " [hostbridge: " + config.get(GuestKey.HOSTBRIDGE, "standard") + "]",
                " [com ports: " + config.get(GuestKey.COMPORTS, "com1") + "]",
                " [uuid: " + config.value(GuestKey.UUID) + "]",
                " [debug mode: " + config.get(GuestKey.DEBUG, "no") + "]",
                " [primary disk: " + config.value(GuestKey.DISK_NAME.at(0)) + "]",
                " [primary disk dev: " + config.get(GuestKey.DISK_DEV.at(0), "file") + "]");
    }
}
