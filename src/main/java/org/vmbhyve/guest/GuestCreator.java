package org.vmbhyve.guest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.config.ConfigFile;
import org.vmbhyve.config.FileMode;
import org.vmbhyve.config.FreshPath;
import org.vmbhyve.config.GuestName;
import org.vmbhyve.config.LockFile;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.error.VmException;
import org.vmbhyve.datastore.Datastore;
import org.vmbhyve.host.Zfs;

/**
 * {@code vm create}: a guest directory (or dataset) with the template's config, a uuid and a
 * static MAC, and its disks. All checks run before anything is written, and a failure part way
 * removes what was made: a failed create never leaves a half guest.
 */
public final class GuestCreator {

    private static final String DEFAULT_DISK_SIZE = "20G";

    private final VmContext vm;
    private final Guests guests;
    private final Zfs zfs;

    public GuestCreator(VmContext vm, Guests guests) {
        this.vm = vm;
        this.guests = guests;
        this.zfs = new Zfs(vm.runner());
    }

    public void create(CreateRequest req) {
        if (!GuestName.isValid(req.name())) {
            throw new VmException("invalid virtual machine name - '" + req.name() + "'");
        }
        // of several creates of one name, the first makes it and the others find it made
        try (LockFile.Hold change = guests.lock(req.name()).change()) {
            createLocked(req);
        }
    }

    private void createLocked(CreateRequest req) {
        Optional<Guest> existing = guests.find(req.name());
        if (existing.isPresent()) {
            throw new VmException("virtual machine already exists in " + existing.get().datastore().path() + "/"
                    + req.name());
        }
        Optional<Datastore> store = vm.datastores().guestStore(req.datastore());
        if (store.isEmpty()) {
            throw new VmException("unable to load datastore - '" + req.datastore() + "'");
        }
        Datastore ds = store.get();
        Path templatePath = vm.templatesDir().resolve(req.template() + ".conf");
        if (!Files.isRegularFile(templatePath)) {
            throw new VmException("unable to find template " + templatePath);
        }
        ConfigValues template = ConfigValues.load(templatePath);
        if (template.value("disk0_name").isEmpty()) {
            throw new VmException("template is missing disk0_name specification");
        }
        CloudInit cloudInit = CloudInit.prepare(req);

        if (ds.zfs()) {
            createOnDataset(req, ds, templatePath, template, cloudInit);
        } else {
            createInDirectory(req, ds, templatePath, template, cloudInit);
        }
    }

    /** Builds the guest in a hidden staging directory and renames it into place at the end. */
    private void createInDirectory(CreateRequest req, Datastore ds, Path templatePath, ConfigValues template,
                                   CloudInit cloudInit) {
        Path target = ds.path().resolve(req.name());
        Path staging;
        try {
            // private while it is made; the guest's own mode once it is whole
            staging = FreshPath.directory(ds.path(), "." + req.name() + ".creating-");
        } catch (IOException e) {
            throw new VmException("unable to create virtual machine directory " + target);
        }
        boolean done = false;
        try {
            populate(req, ds, staging, templatePath, template, cloudInit);
            try {
                FileMode.PUBLIC_DIR.apply(staging);
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new VmException("unable to create virtual machine directory " + target);
            }
            done = true;
        } finally {
            if (!done) {
                Tree.deleteQuietly(staging);
            }
        }
    }

    /** On ZFS the guest's own dataset is the directory; it is destroyed again on failure. */
    private void createOnDataset(CreateRequest req, Datastore ds, Path templatePath, ConfigValues template,
                                 CloudInit cloudInit) {
        String dataset = ds.dataset() + "/" + req.name();
        if (!zfs.createDataset(dataset, template.value("zfs_dataset_opts"))) {
            throw new VmException("failed to create new ZFS dataset " + dataset);
        }
        Path dir = ds.path().resolve(req.name());
        boolean done = false;
        try {
            try {
                FileMode.PUBLIC_DIR.apply(FileMode.PUBLIC_DIR.createDirectories(dir));
            } catch (IOException e) {
                throw new VmException("unable to create virtual machine directory " + dir);
            }
            populate(req, ds, dir, templatePath, template, cloudInit);
            done = true;
        } finally {
            if (!done) {
                zfs.destroyRecursive(dataset);
                Tree.deleteQuietly(dir);
            }
        }
    }

    private void populate(CreateRequest req, Datastore ds, Path dir, Path templatePath, ConfigValues template,
                          CloudInit cloudInit) {
        ConfigFile conf = new ConfigFile(dir.resolve(req.name() + ".conf"));
        String mac = MacAddress.generate(vm.random());
        String uuid = RandomUuid.next(vm.random());
        try {
            FileMode.PUBLIC_FILE.copy(templatePath, conf.path());
        } catch (IOException e) {
            throw new VmException("unable to copy template to virtual machine directory");
        }
        setConfig(conf, "uuid", uuid);
        new GuestLog(dir, vm.clock()).write("generated static mac " + mac);
        setConfig(conf, "network0_mac", mac);
        if (req.cpu().isPresent()) {
            setConfig(conf, "cpu", req.cpu().get());
        }
        if (req.memory().isPresent()) {
            setConfig(conf, "memory", req.memory().get());
        }

        int disks = createDisks(req, ds, dir, conf, template);
        if (req.cloudInit()) {
            cloudInit.write(dir, req.name(), uuid, mac);
            setConfig(conf, "disk" + disks + "_type", "ahci-cd");
            setConfig(conf, "disk" + disks + "_name", "seed.iso");
            setConfig(conf, "disk" + disks + "_dev", "file");
        }
    }

    /** Creates each templated disk in turn; returns how many the template names. */
    private int createDisks(CreateRequest req, Datastore ds, Path dir, ConfigFile conf, ConfigValues template) {
        String zvolOptions = template.value("zfs_zvol_opts");
        int num = 0;
        String size = req.size().orElse(template.get("disk0_size", DEFAULT_DISK_SIZE));
        for (String disk = template.value("disk0_name"); !disk.isEmpty();
             num++, disk = template.value("disk" + num + "_name"), size = template.get("disk" + num + "_size", DEFAULT_DISK_SIZE)) {
            String device = template.value("disk" + num + "_dev");
            boolean withImage = num == 0 && req.image().isPresent();
            switch (device) {
                case "zvol", "sparse-zvol" -> {
                    if (!ds.zfs()) {
                        throw new VmException("cannot use ZVOL storage unless ZFS support is enabled");
                    }
                    String volume = ds.dataset() + "/" + req.name() + "/" + disk;
                    if (!zfs.createVolume(volume, size, device.equals("sparse-zvol"), zvolOptions)) {
                        throw new VmException("failed to create new ZVOL " + volume);
                    }
                    if (withImage) {
                        new CloudImageWriter(vm).write(vm.paths().get("/dev/zvol/" + volume), req.image().get(), false, size);
                    }
                }
                case "custom", "iscsi" -> {
                    // the device exists already: nothing to make
                }
                default -> {
                    Path file = dir.resolve(disk);
                    if (!vm.runner().runShowingErrors("truncate", "-s", size, file.toString()).ok()) {
                        throw new VmException("failed to create sparse file for disk image");
                    }
                    try {
                        FileMode.PRIVATE_FILE.apply(file);
                    } catch (IOException e) {
                        throw new VmException("failed to create sparse file for disk image");
                    }
                    if (withImage) {
                        new CloudImageWriter(vm).write(file, req.image().get(), true, size);
                    }
                }
            }
            try {
                conf.delete("disk" + num + "_size");
            } catch (IOException e) {
                throw new VmException("unable to copy template to virtual machine directory");
            }
        }
        return num;
    }

    private static void setConfig(ConfigFile conf, String key, String value) {
        try {
            conf.set(key, value);
        } catch (IOException | IllegalArgumentException e) {
            throw new VmException("unable to update configuration for " + key + ": " + e.getMessage());
        }
    }

    /** The cloud-init inputs, read and checked before anything is created. */
    private record CloudInit(Optional<NetConfig> network, List<String> publicKeys, Optional<Path> userData) {

        static CloudInit prepare(CreateRequest req) {
            List<String> keys = new ArrayList<>();
            if (req.publicKeyFile().isPresent()) {
                String file = req.publicKeyFile().get();
                if (!req.cloudInit()) {
                    throw new VmException("cloud-init is required for injecting public key. Use -C to enable it.");
                }
                try {
                    for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
                        if (!line.isEmpty() && !line.startsWith("#")) {
                            keys.add(line.strip());
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    throw new VmException("can't read file with public key (" + file + ")");
                }
            }
            Optional<Path> userData = Optional.empty();
            if (req.userDataFile().isPresent()) {
                String file = req.userDataFile().get();
                if (!req.cloudInit()) {
                    throw new VmException("cloud-init is required for user-data file. Use -C to enable it.");
                }
                if (!Files.isReadable(Path.of(file))) {
                    throw new VmException("can't read user-data file (" + file + ")");
                }
                userData = Optional.of(Path.of(file));
            }
            if (req.userDataFile().isPresent() && req.publicKeyFile().isPresent()) {
                throw new VmException("-u and -k are mutually exclusive; use one or the other");
            }
            Optional<NetConfig> network = Optional.empty();
            if (req.netConfig().isPresent()) {
                if (!req.cloudInit()) {
                    throw new VmException("cloud-init is required for network config. Use -C to enable it.");
                }
                network = Optional.of(NetConfig.parse(req.netConfig().get()));
            }
            return new CloudInit(network, keys, userData);
        }

        /** Writes {@code .cloud-init/} with meta-data, user-data and network-config. */
        void write(Path guestDir, String name, String uuid, String mac) {
            Path dir = guestDir.resolve(".cloud-init");
            try {
                FileMode.PRIVATE_DIR.createDirectory(dir);
                String hostname = name;
                if (network.isPresent()) {
                    FileMode.PRIVATE_FILE.write(dir.resolve("network-config"), network.get().render(mac));
                    if (!network.get().hostname().isEmpty()) {
                        hostname = network.get().hostname();
                    }
                }
                FileMode.PRIVATE_FILE.write(dir.resolve("meta-data"), "instance-id: " + uuid + "\nlocal-hostname: " + hostname + "\n");
                if (userData.isPresent()) {
                    FileMode.PRIVATE_FILE.copy(userData.get(), dir.resolve("user-data"));
                } else {
                    StringBuilder text = new StringBuilder("#cloud-config\nresize_rootfs: True\nmanage_etc_hosts: localhost\n");
                    if (!publicKeys.isEmpty()) {
                        text.append("ssh_authorized_keys:\n");
                        for (String key : publicKeys) {
                            text.append("  - ").append(key).append('\n');
                        }
                    }
                    FileMode.PRIVATE_FILE.write(dir.resolve("user-data"), text);
                }
            } catch (IOException e) {
                throw new VmException("unable to write cloud-init configuration: " + e.getMessage());
            }
        }
    }
}
