package org.vmbhyve.doctor;

import java.util.List;
import org.vmbhyve.config.YesNo;

/** {@code vm_enable}: every command but the informational ones refuses to run without it. */
final class EnableCheck implements Check {

    @Override
    public List<Diagnosis> run(DoctorContext host) {
        String value = host.rc().get("vm_enable").orElse("");
        if (YesNo.checkyesno(value) == YesNo.Strict.YES) {
            return List.of(Diagnosis.pass("vm_enable", "vm_enable=" + value));
        }
        String found = value.isEmpty() ? "vm_enable is not set" : "vm_enable=" + value;
        return List.of(Diagnosis.fail("vm_enable", found + ": vm refuses to manage guests", "sysrc vm_enable=YES"));
    }
}
