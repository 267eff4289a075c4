package org.vmbhyve.cli;

import java.util.List;
import org.vmbhyve.guest.Tags;
import org.vmbhyve.supervise.GuestStarter;

/** {@code vm startall}: the guests of {@code vm_list}, in order, {@code vm_delay} apart (rc.d at boot). */
final class StartallCommand extends CliCommand {

    @Override
    String helpName() {
        return "startall";
    }

    @Override
    public Integer call() {
        List<String> names = Tags.split(vm.rc().get("vm_list").orElse(""));
        return new GuestStarter(vm, io.out()).startAll(names, new GuestStarter.Mode(false, false, io.argv0()));
    }
}
