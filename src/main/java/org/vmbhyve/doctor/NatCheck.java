package org.vmbhyve.doctor;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.config.SystemConfig;
import org.vmbhyve.config.YesNo;
import org.vmbhyve.host.Pfctl;
import org.vmbhyve.network.Switches;

/**
 * NAT switches ({@code nat_NAME="yes"}) need pf enabled and the admin's ruleset calling vm's
 * anchors ({@code nat-anchor "vm-bhyve/*"}), as {@code vm switch nat NAME on} requires. pf's
 * device is root's only, so other users get an INFO line instead of pfctl's error.
 */
final class NatCheck implements Check {

    @Override
    public List<Diagnosis> run(DoctorContext host) {
        List<String> nat = new ArrayList<>();
        if (host.vm().isPresent()) {
            SystemConfig system = host.vm().get().system();
            for (String name : new Switches(system, host.runner()).names()) {
                if (YesNo.isTrue(system.value("nat_" + name))) {
                    nat.add(name);
                }
            }
        }
        if (nat.isEmpty()) {
            return List.of(Diagnosis.info("nat", "no switch uses NAT"));
        }
        String which = "NAT on " + String.join(" ", nat);
        if (!host.host().isRoot()) {
            return List.of(Diagnosis.info("nat", which + ": pf is readable by root only; run vm doctor as root"));
        }
        Pfctl pfctl = new Pfctl(host.runner());
        if (!pfctl.enabled()) {
            return List.of(Diagnosis.fail("nat", which + ": pf is not enabled",
                    "sysrc pf_enable=YES && service pf start"));
        }
        if (!pfctl.hasNatAnchor(Switches.NAT_ANCHORS)) {
            return List.of(Diagnosis.fail("nat", which + ": the pf ruleset does not call vm's NAT anchors",
                    "add '" + Switches.NAT_HOOK + "' to the translation rules of /etc/pf.conf, then pfctl -f /etc/pf.conf"));
        }
        return List.of(Diagnosis.pass("nat", which + ": pf is enabled and calls " + Switches.NAT_HOOK));
    }
}
