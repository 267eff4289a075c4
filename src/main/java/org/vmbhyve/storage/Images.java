package org.vmbhyve.storage;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.vmbhyve.config.ConfigFile;
import org.vmbhyve.config.FileMode;
import org.vmbhyve.config.ShellWords;
import org.vmbhyve.error.UndoLog;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.error.VmException;
import org.vmbhyve.datastore.Datastore;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.GuestLog;
import org.vmbhyve.config.GuestName;
import org.vmbhyve.guest.Guests;
import org.vmbhyve.guest.RandomUuid;
import org.vmbhyve.host.Zfs;
import org.vmbhyve.core.TextTable;

/**
 * {@code vm image}: guests saved as ZFS send streams in {@code $vm_dir/images}, each with a
 * manifest ({@code UUID.manifest}, sysrc format) naming its data file and how to unpack it.
 */
public final class Images {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final String DEFAULT_COMPRESS = "xz -T0";
    private static final String DEFAULT_DECOMPRESS = "xz -d";

    private final VmContext vm;
    private final PrintWriter out;
    private final Zfs zfs;
    private final Path store;

    public Images(VmContext vm, PrintWriter out) {
        this.vm = vm;
        this.out = out;
        this.zfs = new Zfs(vm.runner());
        this.store = vm.vmDir().resolve("images");
    }

    /** {@code zfs::image_list}: UUID, NAME, CREATED, DESCRIPTION, as {@code column -t}. */
    /**
     * One stored image; the components are the {@code --json} fields.
     *
     * @param created as written in the manifest (ISO 8601 with offset)
     */
    public record Image(String uuid, String name, String created, String description) {
    }

    /** {@code vm image list}: the manifests of the image store, by file name. */
    public List<Image> list() throws IOException {
        List<Image> images = new ArrayList<>();
        if (Files.isDirectory(store)) {
            List<String> files = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(store, "*.manifest")) {
                entries.forEach(entry -> files.add(entry.getFileName().toString()));
            }
            files.sort(null);
            for (String file : files) {
                ConfigFile manifest = new ConfigFile(store.resolve(file));
                images.add(new Image(file.substring(0, file.length() - ".manifest".length()), manifest.sysrcValue("name"),
                        manifest.sysrcValue("created"), manifest.sysrcValue("description")));
            }
        }
        return images;
    }

    /** The table, as upstream prints it. */
    public static String render(List<Image> images) {
        TextTable table = new TextTable().row("UUID", "NAME", "CREATED", "DESCRIPTION");
        images.forEach(i -> table.row(i.uuid(), i.name(), i.created(), i.description()));
        return table.render();
    }

    /** {@code zfs::image_create}: snapshot, send (compressed unless asked not to), manifest. */
    public void create(String name, String description, boolean uncompressed) throws IOException {
        String uuid = RandomUuid.next(vm.random());
        String snapshot = uuid.split("-")[0];
        String created = OffsetDateTime.now(vm.clock()).truncatedTo(ChronoUnit.SECONDS).format(CREATED);
        Guest guest = new Guests(vm).require(name, name + " does not appear to be a valid virtual machine");
        if (vm.zfsDataset() == null || !guest.datastore().zfs()) {
            throw new VmException("this command is only supported on zfs datastores");
        }
        // a failure on the way takes back what this command made: the store, the snapshot, the file
        UndoLog undo = new UndoLog();
        String storeDataset = vm.zfsDataset() + "/images";
        if (!Files.exists(store)) {
            if (!vm.runner().runShowingErrors("zfs", "create", storeDataset).ok()) {
                throw new VmException("failed to create image store " + storeDataset);
            }
            undo.add("zfs destroy " + storeDataset, () -> vm.runner().run("zfs", "destroy", storeDataset).ok());
        }
        String source = guest.dataset() + "@" + snapshot;
        var snapshotted = vm.runner().run("zfs", "snapshot", "-r", source);
        if (!snapshotted.ok()) {
            throw undo.failed(VmException.afterTool(snapshotted.stderr(), "failed to create snapshot of source dataset " + source));
        }
        undo.add("zfs destroy -r " + source, () -> zfs.destroySnapshotQuietly(source));
        List<List<String>> pipeline = new ArrayList<>();
        pipeline.add(List.of("zfs", "send", "-R", source));
        String decompress = "";
        String file = uuid + ".zfs";
        if (uncompressed) {
            out.println("Creating guest image, this may take some time...");
        } else {
            String compress = vm.system().value("compress");
            decompress = vm.system().value("decompress");
            if (compress.isBlank() || decompress.isBlank()) {
                compress = DEFAULT_COMPRESS;
                decompress = DEFAULT_DECOMPRESS;
            }
            pipeline.add(ShellWords.split(compress));
            file = uuid + ".zfs.z";
            out.println("Creating a compressed image, this may take some time...");
        }
        out.flush();
        Path data = store.resolve(file);
        // a guest's disks: made private before the stream lands in it
        Files.deleteIfExists(data);
        FileMode.PRIVATE_FILE.apply(Files.createFile(data));
        List<Integer> statuses = vm.runner().pipeline(pipeline, ProcessBuilder.Redirect.INHERIT,
                ProcessBuilder.Redirect.to(data.toFile()));
        if (statuses.stream().anyMatch(status -> status != 0)) {
            // DEVIATE: upstream keeps the partial file and the snapshot, and says nothing more
            Files.deleteIfExists(data);
            throw undo.failed(new VmException("failed to write image " + data));
        }
        if (vm.runner().runAttached(List.of("zfs", "destroy", "-r", source)) != 0) {
            Files.deleteIfExists(data);
            throw undo.failed(new VmException("failed to destroy snapshot " + source + " after writing its image"));
        }
        Path manifestPath = store.resolve(uuid + ".manifest");
        FileMode.PUBLIC_FILE.write(manifestPath, "");
        ConfigFile manifest = new ConfigFile(manifestPath);
        manifest.set("description", description);
        manifest.set("created", created);
        manifest.set("name", name);
        manifest.set("filename", file);
        manifest.set("decompress", decompress);
        out.println("Image of " + name + " created with UUID " + uuid);
    }

    /** {@code zfs::image_provision}: a new guest received from an image's stream. */
    public void provision(String uuid, String newName, String datastoreName) throws IOException {
        Path manifestPath = store.resolve(uuid + ".manifest");
        // DEVIATE: a uuid is never a path (upstream would read manifests outside images/)
        if (uuid.contains("/") || !Files.isRegularFile(manifestPath)) {
            throw new VmException("unable to locate image with uuid " + uuid);
        }
        var existing = vm.datastores().findGuest(newName);
        if (existing.isPresent()) {
            throw new VmException("new guest already exists in " + existing.get().dir());
        }
        if (!GuestName.isValid(newName)) {
            throw new VmException("invalid virtual machine name - '" + newName + "'");
        }
        ConfigFile manifest = new ConfigFile(manifestPath);
        String file = manifest.sysrcValue("filename");
        String oldName = manifest.sysrcValue("name");
        String type = file.contains(".") ? file.substring(file.lastIndexOf('.') + 1) : "";
        if (file.isEmpty() || oldName.isEmpty() || type.isEmpty() || file.contains("/") || oldName.contains("/")) {
            throw new VmException("unable to locate required details from the specified image manifest");
        }
        Path data = store.resolve(file);
        if (!Files.exists(data)) {
            throw new VmException("image data file does not exist: " + data);
        }
        Datastore target = vm.datastores().guestStore(datastoreName)
                .orElseThrow(() -> new VmException("unable to locate datastore '" + datastoreName + "'"));
        if (!target.zfs()) {
            throw new VmException("this command is only supported on zfs datastores");
        }
        String dataset = target.dataset() + "/" + newName;
        List<List<String>> pipeline = new ArrayList<>();
        switch (type) {
            case "zfs" -> { }
            case "xz" -> pipeline.add(List.of("xz", "-dc", data.toString()));
            case "z" -> {
                String decompress = manifest.sysrcValue("decompress");
                if (decompress.isBlank()) {
                    throw new VmException("unable to locate decompression configuration");
                }
                pipeline.add(ShellWords.split(decompress));
            }
            default -> throw new VmException("unsupported guest image type - '" + type + "'");
        }
        out.println("Unpacking guest image, this may take some time...");
        out.flush();
        pipeline.add(List.of("zfs", "recv", dataset));
        ProcessBuilder.Redirect input = type.equals("xz") ? ProcessBuilder.Redirect.INHERIT
                : ProcessBuilder.Redirect.from(data.toFile());
        List<Integer> statuses = vm.runner().pipeline(pipeline, input, ProcessBuilder.Redirect.INHERIT);
        if (statuses.get(statuses.size() - 1) != 0) {
            throw new VmException("errors occurred while trying to unpackage the image file");
        }
        String received = dataset + "@" + uuid.split("-")[0];
        var dropped = vm.runner().run("zfs", "destroy", "-r", received);
        if (!dropped.ok()) {
            // the new guest is not half made: the dataset goes again
            boolean undone = vm.runner().run("zfs", "destroy", "-r", dataset).ok();
            throw VmException.afterTool(dropped.stderr(), "unable to remove snapshot " + received + " of the unpacked image"
                    + (undone ? "" : "; remove what is left with: zfs destroy -r " + dataset));
        }
        Path dir = target.path().resolve(newName);
        Path conf = dir.resolve(newName + ".conf");
        try {
            Files.move(dir.resolve(oldName + ".conf"), conf);
        } catch (IOException e) {
            throw new VmException("unpackaged image but unable to update guest configuration file");
        }
        Generalise.apply(new ConfigFile(conf));
        Files.deleteIfExists(dir.resolve("run.lock"));
        // DEVIATE: upstream quotes this glob, so the source's logs always stayed
        try (DirectoryStream<Path> logs = Files.newDirectoryStream(dir, GuestLog.FILE_NAME + "*")) {
            for (Path log : logs) {
                Files.deleteIfExists(log);
            }
        }
    }

    /** {@code zfs::image_destroy}: the manifest, then the data file. */
    public int destroy(String uuid) throws IOException {
        Path manifestPath = store.resolve(uuid + ".manifest");
        if (uuid.contains("/") || !Files.isRegularFile(manifestPath)) {
            throw new VmException("unable to locate image with uuid " + uuid);
        }
        String file = new ConfigFile(manifestPath).sysrcValue("filename");
        if (file.isEmpty() || file.contains("/")) {
            throw new VmException("unable to locate filename for the specified image");
        }
        Files.delete(manifestPath);
        Path data = store.resolve(file);
        if (!Files.deleteIfExists(data)) {
            vm.ui().warn("unable to remove " + data);
            return 1;
        }
        return 0;
    }
}
