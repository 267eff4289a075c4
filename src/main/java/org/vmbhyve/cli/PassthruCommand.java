package org.vmbhyve.cli;

import org.vmbhyve.run.PciDevices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vm passthru}: PCI devices and whether they are ready for passthrough. */
@Command(name = "passthru", description = "List PCI devices for passthrough")
final class PassthruCommand extends CliCommand {

    @Option(names = "--json", description = "Print JSON")
    boolean json;

    @Override
    String helpName() {
        return "passthru";
    }

    @Override
    public Integer call() {
        var devices = PciDevices.list(vm.runner());
        print(json ? JsonOutput.render(devices) : PciDevices.render(devices));
        return 0;
    }
}
