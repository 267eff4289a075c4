package org.vmbhyve.cli;

import org.vmbhyve.core.HostSetup;
import org.vmbhyve.network.Switches;

final class InitCommand extends CliCommand {

    @Override
    String helpName() {
        return "init";
    }

    @Override
    public Integer call() {
        new HostSetup(vm).prepare();
        new Switches(vm.system(), vm.runner()).initAll(vm.ui());
        return 0;
    }
}
