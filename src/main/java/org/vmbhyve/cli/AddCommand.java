package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.core.VmException;
import org.vmbhyve.guest.DeviceAdder;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.Guests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "add", description = "Add a disk or a network interface to a guest")
final class AddCommand extends CliCommand {

    @Option(names = "-d", paramLabel = "disk|network")
    String device;

    @Option(names = "-t", paramLabel = "zvol|sparse-zvol|file")
    String type;

    @Option(names = "-s", paramLabel = "size|switch")
    String sizeOrSwitch;

    @Parameters(paramLabel = "name")
    List<String> names = new ArrayList<>();

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
