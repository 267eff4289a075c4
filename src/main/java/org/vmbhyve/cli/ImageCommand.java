package org.vmbhyve.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vmbhyve.core.VmException;
import org.vmbhyve.storage.Images;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vm image list|create|provision|destroy}: guest images, on a ZFS {@code $vm_dir} only. */
@Command(name = "image", description = "Manage guest images (ZFS)",
        subcommands = {ImageCommand.ListImages.class, ImageCommand.Create.class, ImageCommand.Provision.class,
                ImageCommand.Destroy.class})
final class ImageCommand extends GroupCommand {

    @Override
    String helpName() {
        return "image";
    }

    @Override
    void beforeMatching() {
        if (vm.zfsDataset() == null) {
            throw new VmException("$vm_dir must be a ZFS datastore to use these functions");
        }
    }

    @Override
    Map<String, Supplier<CliCommand>> subcommands() {
        Map<String, Supplier<CliCommand>> subs = new LinkedHashMap<>();
        subs.put("list", ListImages::new);
        subs.put("create", Create::new);
        subs.put("provision", Provision::new);
        subs.put("destroy", Destroy::new);
        return subs;
    }

    abstract static class Sub extends CliCommand {

        @Parameters
        List<String> args = new ArrayList<>();

        @Override
        String helpName() {
            return "image";
        }

        String arg(int index) {
            return args.size() > index ? args.get(index) : "";
        }

        Images images() {
            return new Images(vm, io.out());
        }
    }

    @Command(name = "list", description = "List images")
    static final class ListImages extends Sub {
        @Option(names = "--json", description = "Print JSON")
        boolean json;

        @Override
        public Integer call() throws IOException {
            List<Images.Image> images = images().list();
            print(json ? JsonOutput.render(images) : Images.render(images));
            return 0;
        }
    }

    @Command(name = "create", description = "Make an image of a guest")
    static final class Create extends Sub {
        @Option(names = "-d", paramLabel = "description")
        String description = "No description provided";

        @Option(names = "-u", description = "Do not compress the image")
        boolean uncompressed;

        @Override
        public Integer call() throws IOException {
            if (arg(0).isEmpty()) {
                throw help();
            }
            images().create(arg(0), description, uncompressed);
            return 0;
        }
    }

    @Command(name = "provision", description = "Make a guest from an image")
    static final class Provision extends Sub {
        @Option(names = "-d", paramLabel = "datastore")
        String datastore = "default";

        @Override
        public Integer call() throws IOException {
            if (arg(0).isEmpty() || arg(1).isEmpty()) {
                throw help();
            }
            images().provision(arg(0), arg(1), datastore);
            return 0;
        }
    }

    @Command(name = "destroy", description = "Delete an image")
    static final class Destroy extends Sub {
        @Override
        public Integer call() throws IOException {
            if (arg(0).isEmpty()) {
                throw help();
            }
            return images().destroy(arg(0));
        }
    }
}
