package org.vmbhyve.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.run.PciLayout;

/**
 * The UEFI firmware of the guests that boot it ({@code loader=uefi}, {@code uefi-csm},
 * {@code uefi-devel}, {@code uefi-custom}), looked up where {@code vm start} looks
 * ({@code run.Firmware}); one line per guest whose firmware is missing.
 */
final class FirmwareCheck implements Check {

    @Override
    public List<Diagnosis> run(DoctorContext host) {
        List<Diagnosis> lines = new ArrayList<>();
        int uefi = 0;
        for (Guest guest : host.guests()) {
            String loader = guest.config().value(GuestKey.LOADER);
            if (!loader.equals("uefi") && !loader.startsWith("uefi-")) {
                continue;
            }
            uefi++;
            Optional<String> missing = PciLayout.missingFirmware(guest, guest.config(), host.paths());
            if (missing.isPresent()) {
                String fix = loader.equals("uefi-custom")
                        ? "copy the firmware to .config/BHYVE_UEFI.fd of " + guest.name() + "'s datastore"
                        : "pkg install bhyve-firmware";
                lines.add(Diagnosis.fail("firmware", guest.name() + " (loader=" + loader + "): " + missing.get(), fix));
            }
        }
        if (uefi == 0) {
            lines.add(Diagnosis.info("firmware", "no guest boots UEFI"));
        } else if (lines.isEmpty()) {
            lines.add(Diagnosis.pass("firmware", "UEFI firmware present for " + uefi + " guest(s)"));
        }
        return lines;
    }
}
