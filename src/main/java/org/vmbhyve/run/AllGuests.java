package org.vmbhyve.run;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vmbhyve.core.Pause;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.guest.Tags;
import org.vmbhyve.host.PgrepOutput;

/** {@code vm stopall} and {@code vm suspendall}: every running guest, in shutdown order. */
public final class AllGuests {

    private final VmContext vm;
    private final PrintWriter out;

    public AllGuests(VmContext vm, PrintWriter out) {
        this.vm = vm;
        this.out = out;
    }

    /** Seconds {@code stopall} gives a guest before forcing it off when nothing else is set. */
    static final int DEFAULT_STOP_TIMEOUT = 60;

    /**
     * Shuts every running guest down and waits until all bhyve processes are gone, forcing off
     * each guest still running when its stop timeout ({@link StopTimeout}) is up. Each timeout
     * runs from the guest's own ACPI request and all run at once, so with the default 60 s and a
     * few ordered guests the whole stop fits in rc's shutdown timeout (90 s).
     *
     * @param parallel {@code -f}: all guests at once (upstream documents it but drops it; we honour it)
     * @param timeoutFlag {@code -t SECONDS}, if given
     */
    public void stopAll(boolean parallel, Optional<Integer> timeoutFlag) {
        Map<String, Long> running = running();
        if (running.isEmpty()) {
            return;
        }
        StopTimeout timeouts = new StopTimeout(vm, timeoutFlag, DEFAULT_STOP_TIMEOUT);
        Map<String, Integer> seconds = new LinkedHashMap<>();
        running.keySet().forEach(name -> seconds.put(name, timeouts.forGuest(name)));
        ShutdownWatch watch = newWatch();
        ShutdownOrder order = ShutdownOrder.of(new ArrayList<>(running.keySet()), bootOrder(), parallel);
        say("Beginning shutdown process");
        if (!order.parallel().isEmpty()) {
            say("  * parallel shutdown of non-ordered guests: " + String.join(" ", order.parallel()));
            List<Long> pids = order.parallel().stream().map(running::get).toList();
            pids.forEach(GuestStopper::signal);
            Pause.seconds(1);
            pids.forEach(GuestStopper::signal);
            order.parallel().forEach(name -> watch.watch(name, running.get(name), seconds.get(name)));
        }
        boolean first = true;
        for (String name : order.ordered()) {
            if (!first) {
                say("  * waiting " + vm.delaySeconds() + " second(s)");
                Pause.seconds(vm.delaySeconds());
            }
            first = false;
            say("  * stopping " + name);
            GuestStopper.signal(running.get(name));
            Pause.seconds(1);
            GuestStopper.signal(running.get(name));
            watch.watch(name, running.get(name), seconds.get(name));
        }
        say("");
        waitFor(watch, running);
    }

    /** Suspends every running guest; the guests of {@code vm_list} one by one after a delay. */
    public void suspendAll(boolean parallel, GuestSuspender suspender) {
        Map<String, Long> running = running();
        if (running.isEmpty()) {
            return;
        }
        ShutdownOrder order = ShutdownOrder.of(new ArrayList<>(running.keySet()), bootOrder(), parallel);
        say("Beginning shutdown process (suspend)");
        if (!order.parallel().isEmpty()) {
            say("  * parallel suspend of non-ordered guests: " + String.join(" ", order.parallel()));
            for (String name : order.parallel()) {
                say("  * suspending " + name);
                suspender.quietly(name);
            }
        }
        for (String name : order.ordered()) {
            say("  * waiting " + vm.delaySeconds() + " second(s)");
            Pause.seconds(vm.delaySeconds());
            say("  * suspending " + name);
            suspender.quietly(name);
        }
        say("");
        ShutdownWatch watch = newWatch();
        running.forEach((name, pid) -> watch.watch(name, pid, 0));
        waitFor(watch, running);
    }

    /** Running guests and their bhyve pids, in the process table's order. */
    private Map<String, Long> running() {
        Map<String, Long> running = new LinkedHashMap<>();
        for (PgrepOutput.Entry entry : PgrepOutput.entries(vm.runner().runShowingErrors("pgrep", "-lf", "bhyve:").stdout())) {
            if (entry.bhyveTitle()) {
                running.put(entry.lastWord(), entry.pid());
            }
        }
        return running;
    }

    private List<String> bootOrder() {
        return Tags.split(vm.rc().get("vm_list").orElse(""));
    }

    private ShutdownWatch newWatch() {
        return new ShutdownWatch(vm.clock(), Pause::millis, GuestStopper::alive);
    }

    /**
     * rc.subr's {@code wait_for_pids} output while the watch waits: {@code Waiting for PIDS: 1 2},
     * then {@code , 2} each time the list changes, then a full stop; a forced guest gets a line
     * of its own, after which the list starts over. Pids are listed in process table order.
     */
    private void waitFor(ShutdownWatch watch, Map<String, Long> running) {
        boolean[] open = {false};
        watch.await(new ForcedPowerOff(vm, line -> {
            if (open[0]) {
                out.println();
                open[0] = false;
            }
            say("  * " + line);
        }), pids -> {
            out.print((open[0] ? ", " : "Waiting for PIDS: ")
                    + running.values().stream().filter(pids::contains).map(String::valueOf)
                    .collect(Collectors.joining(" ")));
            out.flush();
            open[0] = true;
        });
        if (open[0]) {
            say(".");
        }
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }


}
