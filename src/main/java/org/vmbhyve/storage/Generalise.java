package org.vmbhyve.storage;

import java.io.IOException;
import org.vmbhyve.config.ConfigFile;
import org.vmbhyve.config.ConfigValues;

/**
 * Makes a copied guest its own ({@code vm::generalise}): drops the uuid and the fixed MACs so
 * the next start generates new ones. Like upstream it stops at the first interface without a
 * MAC, so a later interface keeps its address.
 */
final class Generalise {

    private Generalise() {
    }

    static void apply(ConfigFile conf) throws IOException {
        ConfigValues values = conf.values();
        conf.delete("uuid");
        for (int n = 0; !values.value("network" + n + "_mac").isEmpty(); n++) {
            conf.delete("network" + n + "_mac");
        }
    }
}
