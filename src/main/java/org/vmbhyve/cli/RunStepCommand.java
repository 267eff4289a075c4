package org.vmbhyve.cli;

import java.util.List;
import java.util.Optional;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.supervise.RunStep;
import org.vmbhyve.supervise.Supervisor;

/**
 * {@code vm _run-step}: what a detached run's waiter (the {@code vm-run} script) asks of the
 * JVM, never typed by a user, so no prefix matching, help or options:
 * {@code start [-t] NAME WAITER ISO}, {@code exit NAME WAITER STATUS|- [stop]},
 * {@code limits NAME WAITER}. WAITER is the waiter's pid.
 */
final class RunStepCommand {

    private RunStepCommand() {
    }

    static int run(List<String> args, VmContext vm) {
        boolean tmux = args.size() > 1 && args.get(1).equals("-t");
        List<String> rest = args.subList(Math.min(args.size(), tmux ? 2 : 1), args.size());
        if (args.isEmpty() || rest.size() < 2) {
            return Supervisor.NO_GUEST;
        }
        Optional<ProcessHandle> waiter;
        try {
            waiter = ProcessHandle.of(Long.parseLong(rest.get(1)));
        } catch (NumberFormatException e) {
            waiter = Optional.empty();
        }
        if (waiter.isEmpty()) {
            return Supervisor.NO_GUEST;
        }
        RunStep step = new RunStep(vm, rest.get(0), waiter.get());
        String third = rest.size() > 2 ? rest.get(2) : "";
        return switch (args.get(0)) {
            case "start" -> step.start(tmux, third);
            case "exit" -> step.exit(third.equals("-") ? null : Integer.valueOf(third),
                    rest.size() > 3 && rest.get(3).equals("stop"));
            case "limits" -> step.limits();
            default -> Supervisor.NO_GUEST;
        };
    }
}
