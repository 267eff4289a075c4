package org.vmbhyve.cli;

import java.util.List;
import org.vmbhyve.core.Pause;
import org.vmbhyve.guest.Tags;
import org.vmbhyve.run.GuestStarter;
import picocli.CommandLine.Command;

/** {@code vm startall}: the guests of {@code vm_list}, in order, {@code vm_delay} apart (rc.d at boot). */
@Command(name = "startall", description = "Start the guests listed in vm_list")
final class StartallCommand extends CliCommand {

    @Override
    String helpName() {
        return "startall";
    }

    @Override
    public Integer call() {
        List<String> names = Tags.split(vm.rc().get("vm_list").orElse(""));
        GuestStarter starter = new GuestStarter(vm, io.out());
        int sum = 0;
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                println("Waiting " + vm.delaySeconds() + " second(s)");
                io.out().flush();
                Pause.seconds(vm.delaySeconds());
            }
            sum += starter.start(names.get(i), null, new GuestStarter.Mode(false, false, io.argv0()));
        }
        return sum % 256;
    }
}
