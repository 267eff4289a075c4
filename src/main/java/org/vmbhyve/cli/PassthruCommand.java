package org.vmbhyve.cli;

import org.vmbhyve.run.PciDevices;

/** {@code vm passthru}: PCI devices and whether they are ready for passthrough. */
final class PassthruCommand extends CliCommand {

    final OptionValue json = new OptionValue();

    @Override
    void declare(CommandOptions options) {
        options.flag("--json", json);
    }

    @Override
    String helpName() {
        return "passthru";
    }

    @Override
    public Integer call() {
        var devices = PciDevices.list(vm.runner());
        print(json.isSet() ? JsonOutput.render(devices) : PciDevices.render(devices));
        return 0;
    }
}
