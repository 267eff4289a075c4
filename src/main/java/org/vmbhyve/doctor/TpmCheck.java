package org.vmbhyve.doctor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.run.TpmSupport;

/**
 * The TPM backends guests ask for ({@code tpm="swtpm"}, {@code tpm="passthru"}), judged by the
 * same {@link TpmSupport} that {@code vm start} refuses with: the release whose bhyve has the
 * backend, the swtpm program, the passed-through device.
 */
final class TpmCheck implements Check {

    @Override
    public List<Diagnosis> run(DoctorContext host) {
        List<String> swtpm = new ArrayList<>();
        Map<String, List<String>> passthru = new LinkedHashMap<>();
        for (Guest guest : host.guests()) {
            String tpm = guest.config().value(GuestKey.TPM);
            if (tpm.equals("swtpm")) {
                swtpm.add(guest.name());
            } else if (tpm.equals("passthru")) {
                String device = guest.config().get(GuestKey.TPM_DEVICE, "/dev/tpm0");
                passthru.computeIfAbsent(device, d -> new ArrayList<>()).add(guest.name());
            }
        }
        TpmSupport support = new TpmSupport(host.host(), host.runner(), host.paths());
        List<Diagnosis> lines = new ArrayList<>();
        lines.add(swtpm(support, swtpm));
        if (passthru.isEmpty()) {
            lines.add(Diagnosis.info("tpm-device", "no guest passes a TPM through"));
        }
        for (Map.Entry<String, List<String>> device : passthru.entrySet()) {
            String users = String.join(" ", device.getValue());
            Optional<String> problem = support.passthruProblem(device.getKey());
            lines.add(problem.isEmpty()
                    ? Diagnosis.pass("tpm-device", device.getKey() + " present; used by " + users)
                    : Diagnosis.fail("tpm-device", problem.get() + "; used by " + users,
                            tooOld(support, TpmSupport.PASSTHRU_RELDATE)
                                    ? "freebsd-update upgrade -r 14.3-RELEASE" : "kldload tpm"));
        }
        return lines;
    }

    private static Diagnosis swtpm(TpmSupport support, List<String> users) {
        Optional<String> problem = support.swtpmProblem();
        if (users.isEmpty()) {
            return Diagnosis.info("swtpm", problem.isEmpty()
                    ? "usable (no guest has tpm=\"swtpm\")" : "no guest has tpm=\"swtpm\"; " + problem.get());
        }
        String who = String.join(" ", users);
        if (problem.isEmpty()) {
            return Diagnosis.pass("swtpm", "installed, and bhyve has the swtpm backend; used by " + who);
        }
        return Diagnosis.fail("swtpm", problem.get() + "; used by " + who,
                tooOld(support, TpmSupport.SWTPM_RELDATE) ? "freebsd-update upgrade -r 15.0-RELEASE" : "pkg install swtpm");
    }

    private static boolean tooOld(TpmSupport support, int needed) {
        Optional<Integer> reldate = support.osReldate();
        return reldate.isPresent() && reldate.get() < needed;
    }
}
