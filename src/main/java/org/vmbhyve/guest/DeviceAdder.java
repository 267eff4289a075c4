package org.vmbhyve.guest;

import java.io.IOException;
import java.nio.file.Path;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.FileMode;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.error.VmException;
import org.vmbhyve.host.Zfs;

/** {@code vm add}: a new disk (file, zvol or sparse zvol) or a new NIC on a switch. */
public final class DeviceAdder {

    private final VmContext vm;

    public DeviceAdder(VmContext vm) {
        this.vm = vm;
    }

    /**
     * Adds disk N+1 with the emulation of the last existing disk. The config stays locked from
     * choosing N to writing it, so parallel adds get different numbers and all are kept.
     */
    public void addDisk(Guest guest, String device, String size) {
        try {
            guest.configFile().update(edit -> {
                ConfigValues config = edit.values();
                int num = 0;
                String emulation = "";
                while (!config.value("disk" + num + "_name").isEmpty()) {
                    emulation = config.value("disk" + num + "_type");
                    num++;
                }
                if (emulation.isEmpty()) {
                    throw new VmException("failed to get emulation type of the existing guest disks");
                }
                String diskName = createDisk(guest, config, num, device, size);
                try {
                    edit.set("disk" + num + "_name", diskName);
                    edit.set("disk" + num + "_type", emulation);
                    edit.set("disk" + num + "_dev", device);
                } catch (IllegalArgumentException e) {
                    throw new VmException("disk image created but errors while updating guest configuration");
                }
            });
        } catch (IOException e) {
            throw new VmException("disk image created but errors while updating guest configuration");
        }
        guest.reload();
    }

    /** The new disk on the host: a zvol or a sparse file; returns its {@code diskN_name}. */
    private String createDisk(Guest guest, ConfigValues config, int num, String device, String size) {
        switch (device) {
            case "zvol", "sparse-zvol" -> {
                if (!guest.datastore().zfs()) {
                    throw new VmException("cannot use ZVOL storage unless ZFS support is enabled");
                }
                String volume = guest.dataset() + "/disk" + num;
                if (!new Zfs(vm.runner()).createVolume(volume, size, device.equals("sparse-zvol"),
                        config.value("zfs_zvol_opts"))) {
                    throw new VmException("failed to create new ZVOL " + volume);
                }
                return "disk" + num;
            }
            case "file" -> {
                String diskName = "disk" + num + ".img";
                Path file = guest.dir().resolve(diskName);
                if (!vm.runner().runShowingErrors("truncate", "-s", size, file.toString()).ok()) {
                    throw new VmException("failed to create sparse file for disk image");
                }
                try {
                    FileMode.PRIVATE_FILE.apply(file);
                } catch (IOException e) {
                    throw new VmException("failed to create sparse file for disk image");
                }
                return diskName;
            }
            default -> throw new VmException("device type must be one of the following: zvol sparse-zvol file");
        }
    }

    /** Adds NIC N+1 on the switch, with the emulation of the last NIC (virtio-net if none). */
    public void addNetwork(Guest guest, String switchName) {
        try {
            guest.configFile().update(edit -> {
                ConfigValues config = edit.values();
                int num = 0;
                String emulation = "virtio-net";
                while (!config.value("network" + num + "_type").isEmpty()) {
                    emulation = config.value("network" + num + "_type");
                    num++;
                }
                edit.set("network" + num + "_type", emulation);
                edit.set("network" + num + "_switch", switchName);
            });
        } catch (IOException | IllegalArgumentException e) {
            throw new VmException("errors encountered while updating guest configuration");
        }
        guest.reload();
    }
}
