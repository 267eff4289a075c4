package org.vmbhyve.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.FileMode;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.host.HostPaths;

/** The UEFI firmware a guest boots from ({@code vm::uefi}), and its per-guest variable store. */
final class Firmware {

    private static final String FIRMWARE_DIR = "/usr/local/share/uefi-firmware/";

    private Firmware() {
    }

    /** True for the loaders that boot firmware instead of running a loader first. */
    static boolean isUefi(String loader) {
        return loader.equals("uefi") || loader.startsWith("uefi-");
    }

    /**
     * The {@code -l bootrom,} value: the firmware for the loader variant, then the guest's
     * variable store when {@code uefi_vars} is on (copied from the firmware's template once).
     *
     * @throws LoaderBuilder.LoaderFailure with upstream's log message when a file is missing
     */
    static String bootrom(Guest guest, ConfigValues config, HostPaths paths, boolean createVars) {
        Path bootrom = switch (config.value(GuestKey.LOADER)) {
            case "uefi-devel" -> paths.get(FIRMWARE_DIR + "BHYVE_UEFI_CODE-devel.fd");
            case "uefi-csm" -> paths.get(FIRMWARE_DIR + "BHYVE_UEFI_CSM.fd");
            case "uefi-custom" -> guest.datastore().path().resolve(".config/BHYVE_UEFI.fd");
            default -> paths.get(FIRMWARE_DIR + "BHYVE_UEFI.fd");
        };
        if (!Files.exists(bootrom)) {
            throw new LoaderBuilder.LoaderFailure("fatal; unable to locate firmware " + bootrom);
        }
        if (!config.yesno(GuestKey.UEFI_VARS)) {
            return bootrom.toString();
        }
        Path vars = guest.dir().resolve("uefi-vars.fd");
        Path template = paths.get(FIRMWARE_DIR + "BHYVE_UEFI_VARS.fd");
        if (!Files.exists(vars) && createVars) {
            if (!Files.exists(template)) {
                throw new LoaderBuilder.LoaderFailure("fatal; unable to locate UEFI vars database or template");
            }
            try {
                // the guest's own NVRAM (boot entries, Secure Boot keys): its data, as a disk is
                FileMode.PRIVATE_FILE.copy(template, vars);
            } catch (IOException e) {
                throw new LoaderBuilder.LoaderFailure("fatal; unable to locate UEFI vars database or template");
            }
        }
        return bootrom + "," + vars;
    }
}
