package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.core.VmException;
import org.vmbhyve.guest.DeviceAdder;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.Guests;

final class AddCommand extends CliCommand {

    String device;
    String type;
    String sizeOrSwitch;
    final List<String> names = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        options.value("-d", value -> device = value);
        options.value("-t", value -> type = value);
        options.value("-s", value -> sizeOrSwitch = value);
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
        switch (device == null ? "" : device) {
            case "disk" -> {
                if (sizeOrSwitch == null || sizeOrSwitch.isEmpty()) {
                    throw help();
                }
                adder.addDisk(guest, type == null || type.isEmpty() ? "file" : type, sizeOrSwitch);
            }
            case "network" -> {
                if (sizeOrSwitch == null || sizeOrSwitch.isEmpty()) {
                    throw help();
                }
                adder.addNetwork(guest, sizeOrSwitch);
            }
            default -> throw new VmException("device must be one of the following: disk network");
        }
        return 0;
    }
}
