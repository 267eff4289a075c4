package org.vmbhyve.cli;

import org.vmbhyve.run.PciDevices;
import picocli.CommandLine.Command;

/** {@code vm passthru}: PCI devices and whether they are ready for passthrough. */
@Command(name = "passthru", description = "List PCI devices for passthrough")
final class PassthruCommand extends CliCommand {

    @Override
    String helpName() {
        return "passthru";
    }

    @Override
    public Integer call() {
        print(PciDevices.listing(vm.runner()));
        return 0;
    }
}
