package org.vmbhyve.doctor;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.guest.Guest;

/**
 * The optional programs the configuration asks for: {@code grub-bhyve} for guests with
 * {@code loader=grub}, {@code tmux} when system.conf sets {@code console=tmux}.
 */
final class ToolsCheck implements Check {

    @Override
    public List<Diagnosis> run(DoctorContext host) {
        List<String> grub = new ArrayList<>();
        for (Guest guest : host.guests()) {
            if (guest.config().value(GuestKey.LOADER).equals("grub")) {
                grub.add(guest.name());
            }
        }
        String console = host.vm().isPresent() ? host.vm().get().system().get("console", "nmdm") : "nmdm";
        return List.of(
                tool(host, "grub-bhyve", "grub2-bhyve", grub.isEmpty() ? "" : "loader=grub in " + String.join(" ", grub)),
                tool(host, "tmux", "tmux", console.equals("tmux") ? "console=tmux in system.conf" : ""));
    }

    /** @param neededBy who asks for the tool, "" when nothing does */
    private static Diagnosis tool(DoctorContext host, String tool, String pkg, String neededBy) {
        boolean present = host.runner().available(tool);
        if (neededBy.isEmpty()) {
            return Diagnosis.info(tool, present ? "installed (not needed by any guest)" : "not needed by any guest");
        }
        return present ? Diagnosis.pass(tool, "installed; needed by " + neededBy)
                : Diagnosis.fail(tool, "not installed; needed by " + neededBy, "pkg install " + pkg);
    }
}
