package org.vmbhyve.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.config.SystemConfig;
import org.vmbhyve.guest.Tags;
import org.vmbhyve.host.Ifconfig;
import org.vmbhyve.network.Switches;

/**
 * Each switch's host side: the bridge of a standard, manual or vxlan switch exists, and so does
 * every uplink of {@code ports_NAME} ({@code ifconfig NAME} succeeds). vale and netgraph
 * switches have nothing on the host until a guest starts.
 */
final class SwitchCheck implements Check {

    @Override
    public List<Diagnosis> run(DoctorContext host) {
        if (host.vm().isEmpty()) {
            return List.of(Diagnosis.info("switch", "not checked: vm_dir is not usable"));
        }
        SystemConfig system = host.vm().get().system();
        Switches switches = new Switches(system, host.runner());
        Ifconfig ifconfig = new Ifconfig(host.runner());
        List<Diagnosis> lines = new ArrayList<>();
        for (String name : switches.names()) {
            String type = switches.storedType(name);
            if (type.equals("vale") || type.equals("netgraph")) {
                lines.add(Diagnosis.info("switch", name + " (" + type + "): nothing on the host until a guest starts"));
                continue;
            }
            Optional<String> bridge = switches.get(name).id();
            if (bridge.isEmpty() || !ifconfig.run(bridge.get()).ok()) {
                String fix = type.equals("manual") ? "ifconfig " + bridge.orElse("BRIDGE") + " create" : "vm init";
                String what = bridge.isPresent() ? "bridge " + bridge.get() : "its bridge";
                lines.add(Diagnosis.fail("switch", name + ": " + what + " does not exist", fix));
                continue;
            }
            List<String> missing = new ArrayList<>();
            for (String port : Tags.split(system.value("ports_" + name))) {
                if (!ifconfig.run(port).ok()) {
                    missing.add(port);
                    lines.add(Diagnosis.fail("switch", name + ": uplink " + port + " does not exist",
                            "vm switch remove " + name + " " + port));
                }
            }
            if (missing.isEmpty()) {
                lines.add(Diagnosis.pass("switch", name + ": " + bridge.get() + " exists"));
            }
        }
        if (lines.isEmpty()) {
            lines.add(Diagnosis.info("switch", "no switches (vm switch create NAME)"));
        }
        return lines;
    }
}
