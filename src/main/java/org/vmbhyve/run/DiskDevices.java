package org.vmbhyve.run;

import java.util.List;
import org.vmbhyve.config.Chars;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.GuestKey;

/**
 * The guest's disks on the PCI bus, as upstream's {@code vm::bhyve_device_disks} places them:
 * one slot each for UEFI guests, functions of one slot otherwise, and {@code ahci_device_limit}
 * disks sharing one AHCI controller.
 */
final class DiskDevices {

    private DiskDevices() {
    }

    static void add(MachineSpec spec, PciSlots pci, List<String> devices) {
        ConfigValues config = spec.config();
        int ahciLimit = 1;
        String multi = config.value(GuestKey.AHCI_DEVICE_LIMIT);
        if (Chars.isDigits(multi) && multi.length() < 4) {
            int limit = Integer.parseInt(multi);
            if (limit > 1 && limit <= 32) {
                ahciLimit = limit;
            }
        }
        StringBuilder ahci = new StringBuilder();
        int ahciCount = 0;
        int num = 0;
        while (true) {
            String disk = config.value(GuestKey.DISK_NAME.at(num));
            String type = config.value(GuestKey.DISK_TYPE.at(num));
            if (disk.isEmpty() || type.isEmpty()) {
                break;
            }
            String dev = config.value(GuestKey.DISK_DEV.at(num));
            String opts = config.value(GuestKey.DISK_OPTS.at(num));
            pci.wrapFunction();
            pci.wrap();
            String path = spec.disks().diskPath(disk, dev);
            boolean added = false;
            if (ahciLimit > 1 && type.split("-")[0].equals("ahci")) {
                // upstream's case only knows these two; other ahci-* types are dropped
                if (type.equals("ahci-cd") || type.equals("ahci-hd")) {
                    ahci.append(',').append(type.equals("ahci-cd") ? "cd" : "hd").append(':').append(path);
                    if (!opts.isEmpty()) {
                        ahci.append(',').append(opts);
                    }
                    ahciCount++;
                    if (ahciCount >= ahciLimit) {
                        devices.addAll(List.of("-s", pci.here() + ",ahci" + ahci));
                        ahci.setLength(0);
                        ahciCount = 0;
                        added = true;
                    }
                }
            } else {
                devices.addAll(List.of("-s", pci.here() + "," + type + "," + path
                        + (opts.isEmpty() ? "" : "," + opts)));
                added = true;
            }
            if (added) {
                if (spec.uefi()) {
                    pci.slot++;
                } else {
                    pci.func++;
                }
            }
            pci.wrap();
            num++;
        }
        if (!ahci.isEmpty()) {
            // KEEP: upstream leaves the bus out of the last, partly filled controller's position
            devices.addAll(List.of("-s", pci.slot + ":" + pci.func + ",ahci" + ahci));
            if (spec.uefi()) {
                pci.slot++;
            }
        }
        if (num >= 1 && !spec.uefi()) {
            pci.slot++;
            pci.func = 0;
        }
        pci.wrap();
    }
}
