package org.vmbhyve.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.error.VmException;
import org.vmbhyve.storage.Images;

/** {@code vm image list|create|provision|destroy}: guest images, on a ZFS {@code $vm_dir} only. */
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
    List<String> subwords() {
        return List.of("list", "create", "provision", "destroy");
    }

    @Override
    CliCommand subcommand(String word) {
        return switch (word) {
            case "list" -> new ListImages();
            case "create" -> new Create();
            case "provision" -> new Provision();
            case "destroy" -> new Destroy();
            default -> throw new IllegalArgumentException(word);
        };
    }

    abstract static class Sub extends CliCommand {

        final List<String> args = new ArrayList<>();

        @Override
        void declare(CommandOptions options) {
            options.operands(args);
        }

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

    static final class ListImages extends Sub {
        final OptionValue json = new OptionValue();

        @Override
        void declare(CommandOptions options) {
            super.declare(options);
            options.flag("--json", json);
        }

        @Override
        boolean readsOnly() {
            return true;
        }

        @Override
        public Integer call() throws IOException {
            List<Images.Image> images = images().list();
            print(json.isSet() ? JsonOutput.render(images) : Images.render(images));
            return 0;
        }
    }

    static final class Create extends Sub {
        final OptionValue description = new OptionValue("No description provided");
        final OptionValue uncompressed = new OptionValue();

        @Override
        void declare(CommandOptions options) {
            super.declare(options);
            options.value("-d", description);
            options.flag("-u", uncompressed);
        }

        @Override
        public Integer call() throws IOException {
            if (arg(0).isEmpty()) {
                throw help();
            }
            images().create(arg(0), description.get(), uncompressed.isSet());
            return 0;
        }
    }

    static final class Provision extends Sub {
        final OptionValue datastore = new OptionValue("default");

        @Override
        void declare(CommandOptions options) {
            super.declare(options);
            options.value("-d", datastore);
        }

        @Override
        public Integer call() throws IOException {
            if (arg(0).isEmpty() || arg(1).isEmpty()) {
                throw help();
            }
            images().provision(arg(0), arg(1), datastore.get());
            return 0;
        }
    }

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
