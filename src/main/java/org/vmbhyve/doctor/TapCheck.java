package org.vmbhyve.doctor;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.config.Chars;
import org.vmbhyve.host.Ifconfig;
import org.vmbhyve.host.IfconfigListing;

/**
 * Taps vm made for a guest ({@code description: vmnet/GUEST/N/SWITCH}, in the {@code vm-port}
 * group) whose guest no longer runs: left by a supervisor killed before its clean-up.
 */
final class TapCheck implements Check {

    private static final String PREFIX = "vmnet/";

    @Override
    public List<Diagnosis> run(DoctorContext host) {
        Ifconfig ifconfig = new Ifconfig(host.runner());
        List<Diagnosis> lines = new ArrayList<>();
        int taps = 0;
        for (String tap : Chars.words(ifconfig.group("vm-port"))) {
            IfconfigListing.Interface listed = IfconfigListing.first(ifconfig.run(tap).stdout());
            String description = listed == null || listed.description() == null ? "" : listed.description();
            if (!description.startsWith(PREFIX)) {
                continue;
            }
            taps++;
            String rest = description.substring(PREFIX.length());
            String guest = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            if (host.running().find(guest).isEmpty()) {
                lines.add(Diagnosis.warn("tap", tap + ": left by " + guest + ", which is not running",
                        "ifconfig " + tap + " destroy"));
            }
        }
        if (lines.isEmpty()) {
            lines.add(Diagnosis.pass("tap", taps == 0 ? "no guest taps" : taps + " guest tap(s), each of a running guest"));
        }
        return lines;
    }
}
