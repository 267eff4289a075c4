package org.vmbhyve.guest;

import java.io.IOException;
import org.vmbhyve.config.ConfigFile;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.core.VmException;
import org.vmbhyve.host.Zfs;

/** {@code vm add}: a new disk (file, zvol or sparse zvol) or a new NIC on a switch. */
public final class DeviceAdder {

    private final VmContext vm;

    public DeviceAdder(VmContext vm) {
        this.vm = vm;
    }

    /** Adds disk N+1 with the emulation of the last existing disk. */
    public void addDisk(Guest guest, String device, String size) {
        ConfigValues config = guest.config();
        int num = 0;
        String emulation = "";
        while (!config.value("disk" + num + "_name").isEmpty()) {
            emulation = config.value("disk" + num + "_type");
            num++;
        }
        if (emulation.isEmpty()) {
            throw new VmException("failed to get emulation type of the existing guest disks");
        }
        String diskName;
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
                diskName = "disk" + num;
            }
            case "file" -> {
                diskName = "disk" + num + ".img";
                if (!vm.runner().run("truncate", "-s", size, guest.dir().resolve(diskName).toString()).ok()) {
                    throw new VmException("failed to create sparse file for disk image");
                }
            }
            default -> throw new VmException("device type must be one of the following: zvol sparse-zvol file");
        }
        ConfigFile conf = guest.configFile();
        try {
            conf.set("disk" + num + "_name", diskName);
            conf.set("disk" + num + "_type", emulation);
            conf.set("disk" + num + "_dev", device);
        } catch (IOException | IllegalArgumentException e) {
            throw new VmException("disk image created but errors while updating guest configuration");
        }
        guest.reload();
    }

    /** Adds NIC N+1 on the switch, with the emulation of the last NIC (virtio-net if none). */
    public void addNetwork(Guest guest, String switchName) {
        ConfigValues config = guest.config();
        int num = 0;
        String emulation = "virtio-net";
        while (!config.value("network" + num + "_type").isEmpty()) {
            emulation = config.value("network" + num + "_type");
            num++;
        }
        ConfigFile conf = guest.configFile();
        try {
            conf.set("network" + num + "_type", emulation);
            conf.set("network" + num + "_switch", switchName);
        } catch (IOException | IllegalArgumentException e) {
            throw new VmException("errors encountered while updating guest configuration");
        }
        guest.reload();
    }
}
