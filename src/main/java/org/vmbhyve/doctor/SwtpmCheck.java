package org.vmbhyve.doctor;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.host.PgrepOutput;

/**
 * swtpm processes vm started for a guest ({@code --tpmstate dir=GUESTDIR/tpm}) whose guest no
 * longer runs: left by a supervisor killed before its clean-up. They hold the TPM state open.
 */
final class SwtpmCheck implements Check {

    private static final String STATE = "--tpmstate dir=";

    @Override
    public List<Diagnosis> run(DoctorContext host) {
        List<Diagnosis> lines = new ArrayList<>();
        int helpers = 0;
        for (PgrepOutput.Entry process : PgrepOutput.entries(host.runner().run("pgrep", "-fl", "^swtpm ").stdout())) {
            int at = process.args().indexOf(STATE);
            if (at < 0) {
                continue;
            }
            String dir = process.args().substring(at + STATE.length()).split(" ")[0];
            String guestDir = dir.endsWith("/tpm") ? dir.substring(0, dir.length() - "/tpm".length()) : dir;
            String guest = guestDir.substring(guestDir.lastIndexOf('/') + 1);
            helpers++;
            if (host.running().find(guest).isEmpty()) {
                lines.add(Diagnosis.warn("swtpm-left", "pid " + process.pid() + ": the TPM of " + guest
                        + ", which is not running", "kill " + process.pid()));
            }
        }
        if (lines.isEmpty()) {
            lines.add(Diagnosis.pass("swtpm-left", helpers == 0 ? "no swtpm of vm's" : helpers + " swtpm(s), each of a running guest"));
        }
        return lines;
    }
}
