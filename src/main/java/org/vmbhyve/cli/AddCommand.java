package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.error.VmException;
import org.vmbhyve.guest.DeviceAdder;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.Guests;

final class AddCommand extends CliCommand {

    final OptionValue device = new OptionValue();
    final OptionValue type = new OptionValue();
    final OptionValue sizeOrSwitch = new OptionValue();
    final List<String> names = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        options.value("-d", device);
        options.value("-t", type);
        options.value("-s", sizeOrSwitch);
        options.operands(names);
    }

    @Override
    String helpName() {
        return "add";
    }

    @Override
    public Integer call() {
        if (names.isEmpty() || names.get(0).isEmpty()) {
            throw help();
        }
        String name = names.get(0);
        Guest guest = new Guests(vm).require(name, name + " does not appear to be a valid virtual machine");
        DeviceAdder adder = new DeviceAdder(vm);
        switch (device.get() == null ? "" : device.get()) {
            case "disk" -> {
                if (sizeOrSwitch.get() == null || sizeOrSwitch.get().isEmpty()) {
                    throw help();
                }
                String kind = type.get() == null || type.get().isEmpty() ? "file" : type.get();
                adder.addDisk(guest, kind, sizeOrSwitch.get());
            }
            case "network" -> {
                if (sizeOrSwitch.get() == null || sizeOrSwitch.get().isEmpty()) {
                    throw help();
                }
                adder.addNetwork(guest, sizeOrSwitch.get());
            }
            default -> throw new VmException("device must be one of the following: disk network");
        }
        return 0;
    }
}
