package org.vmbhyve.doctor;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.guest.Guests;
import org.vmbhyve.guest.Tags;

/** {@code vm_list}: the guests started at boot; a name that is no guest makes startall complain at every boot. */
final class BootListCheck implements Check {

    @Override
    public List<Diagnosis> run(DoctorContext host) {
        List<String> names = Tags.split(host.rc().get("vm_list").orElse(""));
        if (names.isEmpty()) {
            return List.of(Diagnosis.info("vm_list", "vm_list is empty: no guest starts at boot"));
        }
        if (host.vm().isEmpty()) {
            return List.of(Diagnosis.info("vm_list", "not checked: vm_dir is not usable"));
        }
        Guests guests = new Guests(host.vm().get());
        List<Diagnosis> lines = new ArrayList<>();
        for (String name : names) {
            if (guests.find(name).isEmpty()) {
                lines.add(Diagnosis.warn("vm_list", "vm_list names " + name + ", which is not a guest",
                        "sysrc vm_list-=" + name));
            }
        }
        if (lines.isEmpty()) {
            lines.add(Diagnosis.pass("vm_list", "started at boot: " + String.join(" ", names)));
        }
        return lines;
    }
}
