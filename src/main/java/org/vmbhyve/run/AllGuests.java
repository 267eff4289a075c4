package org.vmbhyve.run;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.vmbhyve.core.Pause;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.guest.Tags;

/** {@code vm stopall} and {@code vm suspendall}: every running guest, in shutdown order. */
public final class AllGuests {

    private final VmContext vm;
    private final PrintWriter out;

    public AllGuests(VmContext vm, PrintWriter out) {
        this.vm = vm;
        this.out = out;
    }

    /**
     * Shuts every running guest down and waits until all bhyve processes are gone.
     *
     * @param parallel {@code -f}: all guests at once (upstream documents it but drops it; we honour it)
     */
    public void stopAll(boolean parallel) {
        Map<String, Long> running = running();
        if (running.isEmpty()) {
            return;
        }
        ShutdownOrder order = ShutdownOrder.of(new ArrayList<>(running.keySet()), bootOrder(), parallel);
        say("Beginning shutdown process");
        if (!order.parallel().isEmpty()) {
            say("  * parallel shutdown of non-ordered guests: " + String.join(" ", order.parallel()));
            List<Long> pids = order.parallel().stream().map(running::get).toList();
            pids.forEach(AllGuests::signal);
            Pause.seconds(1);
            pids.forEach(AllGuests::signal);
        }
        boolean first = true;
        for (String name : order.ordered()) {
            if (!first) {
                say("  * waiting " + vm.delaySeconds() + " second(s)");
                Pause.seconds(vm.delaySeconds());
            }
            first = false;
            say("  * stopping " + name);
            signal(running.get(name));
            Pause.seconds(1);
            signal(running.get(name));
        }
        say("");
        waitFor(running.values());
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
        waitFor(running.values());
    }

    /** Running guests and their bhyve pids, in the process table's order. */
    private Map<String, Long> running() {
        Map<String, Long> running = new LinkedHashMap<>();
        for (String line : vm.runner().run("pgrep", "-lf", "bhyve:").lines()) {
            String[] fields = line.trim().split(" ");
            if (fields.length >= 3) {
                try {
                    running.put(fields[2], Long.parseLong(fields[0]));
                } catch (NumberFormatException e) {
                    // not a process line
                }
            }
        }
        return running;
    }

    private List<String> bootOrder() {
        return Tags.split(vm.rc().get("vm_list").orElse(""));
    }

    /** rc.subr's {@code wait_for_pids}: reports the pids still alive until none is. */
    private void waitFor(java.util.Collection<Long> pids) {
        String prefix = null;
        List<Long> alive = new ArrayList<>(pids);
        while (true) {
            alive.removeIf(pid -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
            if (alive.isEmpty()) {
                break;
            }
            out.print((prefix == null ? "Waiting for PIDS: " : prefix)
                    + alive.stream().map(String::valueOf).collect(Collectors.joining(" ")));
            out.flush();
            prefix = ", ";
            List<Long> before = List.copyOf(alive);
            while (before.stream().allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))) {
                Pause.seconds(1);
            }
        }
        if (prefix != null) {
            say(".");
        }
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }

    private static void signal(long pid) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }

}
