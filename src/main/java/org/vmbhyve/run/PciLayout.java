package org.vmbhyve.run;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.guest.Guest;

/**
 * Where a guest's devices land on the PCI bus, from the real command builder (so {@code vm check}
 * sees exactly the positions {@code vm start} would use): every {@code -s} of the bhyve command
 * of a first boot, and the slot {@code vm install} puts its medium on.
 *
 * @param devices in command order
 * @param installMedium the install medium's position, on bus 0
 */
public record PciLayout(List<Device> devices, Device installMedium) {

    /**
     * One {@code -s} argument, read as bhyve reads it: {@code slot}, {@code slot:function} or
     * {@code bus:slot:function}; a position that is not numbers reads as null.
     */
    public record Device(Integer bus, Integer slot, Integer function, String emulation, String argument) {

        static Device parse(String argument) {
            int comma = argument.indexOf(',');
            String at = comma < 0 ? argument : argument.substring(0, comma);
            String rest = comma < 0 ? "" : argument.substring(comma + 1);
            String emulation = rest.contains(",") ? rest.substring(0, rest.indexOf(',')) : rest;
            String[] parts = at.split(":", -1);
            try {
                return switch (parts.length) {
                    case 1 -> new Device(0, Integer.valueOf(parts[0]), 0, emulation, argument);
                    case 2 -> new Device(0, Integer.valueOf(parts[0]), Integer.valueOf(parts[1]), emulation, argument);
                    case 3 -> new Device(Integer.valueOf(parts[0]), Integer.valueOf(parts[1]), Integer.valueOf(parts[2]),
                            emulation, argument);
                    default -> new Device(null, null, null, emulation, argument);
                };
            } catch (NumberFormatException e) {
                return new Device(null, null, null, emulation, argument);
            }
        }

        /** {@code bus:slot:function}. */
        public String position() {
            return bus + ":" + slot + ":" + function;
        }
    }

    /**
     * The layout of the guest's first boot with every network interface attached and a VNC
     * port, so each configured device takes its place; touches nothing.
     */
    public static PciLayout of(Guest guest, ConfigValues config) {
        String loader = config.value(GuestKey.LOADER);
        List<GuestNic> nics = new ArrayList<>();
        for (int n = 0; !config.value(GuestKey.NETWORK_TYPE.at(n)).isEmpty(); n++) {
            nics.add(new GuestNic(config.value(GuestKey.NETWORK_TYPE.at(n)), "<tap>", ""));
        }
        MachineSpec spec = new MachineSpec(guest.name(), guest.dir().toString(), config, guest,
                CpuTopology.of(config), Firmware.isUefi(loader) ? "<firmware>" : null, false, false, "", nics,
                5900, "<null.iso>", List.of());
        BhyveCommandBuilder builder = new BhyveCommandBuilder(spec);
        List<String> argv = builder.build().bhyve().devices();
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i + 1 < argv.size(); i += 2) {
            devices.add(Device.parse(argv.get(i + 1)));
        }
        List<String> install = builder.isoDevice("install.iso");
        return new PciLayout(devices, Device.parse(install.get(1)));
    }

    /**
     * The firmware of a UEFI guest when it is missing: what {@code vm start} would stop at.
     *
     * @return the message, empty for a guest whose firmware is there or that needs none
     */
    public static java.util.Optional<String> missingFirmware(Guest guest, ConfigValues config,
                                                             org.vmbhyve.host.HostPaths paths) {
        if (!Firmware.isUefi(config.value(GuestKey.LOADER))) {
            return java.util.Optional.empty();
        }
        try {
            Firmware.bootrom(guest, config, paths, false);
            return java.util.Optional.empty();
        } catch (LoaderBuilder.LoaderFailure e) {
            return java.util.Optional.of(e.getMessage().replaceFirst("^fatal; ", ""));
        }
    }
}
