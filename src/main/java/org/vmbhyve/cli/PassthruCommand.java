package org.vmbhyve.cli;

import org.vmbhyve.guest.Guests;
import org.vmbhyve.run.PassthruUsers;
import org.vmbhyve.run.PciDevices;

/**
 * {@code vm passthru}: PCI devices and whether they are ready for passthrough; {@code --json}
 * adds the guests that name each device and the one of them running.
 */
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
        if (json.isSet()) {
            print(JsonOutput.render(new PassthruUsers(new Guests(vm), vm.runner()).uses(devices)));
        } else {
            print(PciDevices.render(devices));
        }
        return 0;
    }
}
