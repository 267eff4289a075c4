package org.vmbhyve.doctor;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.check.Finding;
import org.vmbhyve.check.GuestChecker;
import org.vmbhyve.check.GuestReport;
import org.vmbhyve.guest.Guest;

/** {@code vm check} over every guest: one FAIL line per guest whose config has errors. */
final class GuestConfigCheck implements Check {

    @Override
    public List<Diagnosis> run(DoctorContext host) {
        if (host.vm().isEmpty()) {
            return List.of(Diagnosis.info("guests", "not checked: vm_dir is not usable"));
        }
        if (host.guests().isEmpty()) {
            return List.of(Diagnosis.info("guests", "no guests"));
        }
        GuestChecker checker = new GuestChecker(host.vm().get());
        List<Diagnosis> lines = new ArrayList<>();
        for (Guest guest : host.guests()) {
            GuestReport report = checker.check(guest);
            if (!report.hasErrors()) {
                continue;
            }
            List<String> errors = new ArrayList<>();
            for (Finding finding : report.findings()) {
                if (finding.level().equals("error")) {
                    errors.add((finding.key() == null ? "" : finding.key() + ": ") + finding.message());
                }
            }
            String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
            lines.add(Diagnosis.fail("guests", guest.name() + ": " + errors.get(0) + more, "vm check " + guest.name()));
        }
        if (lines.isEmpty()) {
            lines.add(Diagnosis.pass("guests", host.guests().size() + " guest(s) pass vm check"));
        }
        return lines;
    }
}
