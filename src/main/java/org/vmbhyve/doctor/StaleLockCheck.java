package org.vmbhyve.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.Guests;

/**
 * {@code run.lock} files of this host that no supervisor holds any more (it was killed, or the
 * host was reset) while no process runs the guest: {@code vm list} shows the guest stopped and
 * the next start clears it, but upstream's vm would see the guest as running.
 */
final class StaleLockCheck implements Check {

    @Override
    public List<Diagnosis> run(DoctorContext host) {
        if (host.vm().isEmpty()) {
            return List.of(Diagnosis.info("run.lock", "not checked: vm_dir is not usable"));
        }
        Guests guests = new Guests(host.vm().get());
        String hostname = host.host().hostname();
        List<Diagnosis> lines = new ArrayList<>();
        for (Guest guest : host.guests()) {
            Optional<String> lockHost = guests.lockHost(guest);
            if (lockHost.isPresent() && lockHost.get().equals(hostname) && guest.lock().stale(guest.runLock())
                    && host.running().find(guest.name()).isEmpty()) {
                lines.add(Diagnosis.warn("run.lock", guest.name() + ": stale run.lock, no supervisor or process runs it",
                        "rm " + guest.runLock()));
            }
        }
        if (lines.isEmpty()) {
            lines.add(Diagnosis.pass("run.lock", "no stale run locks"));
        }
        return lines;
    }
}
