package org.vmbhyve.doctor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vmbhyve.config.Chars;
import org.vmbhyve.host.Ifconfig;
import org.vmbhyve.network.Switches;

/**
 * Bridges vm made (in the {@code vm-switch} group) that no switch of system.conf owns: left by a
 * switch whose settings were removed by hand, or by upstream's destroy when the bridge was busy.
 */
final class BridgeCheck implements Check {

    @Override
    public List<Diagnosis> run(DoctorContext host) {
        if (host.vm().isEmpty()) {
            return List.of(Diagnosis.info("bridge", "not checked: vm_dir is not usable"));
        }
        Switches switches = new Switches(host.vm().get().system(), host.runner());
        Ifconfig ifconfig = new Ifconfig(host.runner());
        List<String> ours = Chars.words(ifconfig.group("vm-switch"));
        if (ours.isEmpty()) {
            return List.of(Diagnosis.pass("bridge", "no bridges of vm's"));
        }
        Set<String> owned = new HashSet<>();
        for (String name : switches.names()) {
            owned.add("vm-" + name);
            switches.get(name).id().ifPresent(owned::add);
        }
        List<Diagnosis> lines = new ArrayList<>();
        for (String bridge : ours) {
            if (!owned.contains(bridge)) {
                lines.add(Diagnosis.warn("bridge", bridge + ": a bridge of vm's that no switch in system.conf owns",
                        "ifconfig " + bridge + " destroy"));
            }
        }
        if (lines.isEmpty()) {
            lines.add(Diagnosis.pass("bridge", ours.size() + " bridge(s) of vm's, each of a switch"));
        }
        return lines;
    }
}
