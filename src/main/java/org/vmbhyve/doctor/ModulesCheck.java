package org.vmbhyve.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The modules {@code vm init} loads (upstream's {@code util::setup}): nmdm, if_bridge and
 * if_tuntap (if_tap before FreeBSD 1300029, when tap and tun were merged). Loaded, or a file
 * kldload would find, is fine.
 */
final class ModulesCheck implements Check {

    /** {@code uname -K} from which tap(4) lives in if_tuntap (r347241, as upstream dates it). */
    private static final int TUNTAP = 1300029;

    @Override
    public List<Diagnosis> run(DoctorContext host) {
        Optional<Integer> release = host.host().osReldate();
        String tap = release.isPresent() && release.get() < TUNTAP ? "if_tap" : "if_tuntap";
        List<Diagnosis> lines = new ArrayList<>();
        for (String module : List.of("nmdm", "if_bridge", tap)) {
            if (host.moduleLoaded(module)) {
                lines.add(Diagnosis.pass(module, module + ".ko is loaded"));
            } else if (host.moduleFile(module)) {
                lines.add(Diagnosis.pass(module, module + ".ko is not loaded; vm init loads it"));
            } else {
                lines.add(Diagnosis.fail(module, module + ".ko is not loaded and not found in /boot/kernel or"
                        + " /boot/modules", "kldload " + module));
            }
        }
        return lines;
    }
}
