package org.vmbhyve.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.error.QuietExit;
import org.vmbhyve.error.VmException;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.Guests;

/** {@code vm configure} and its alias {@code vm edit}: the guest config (or a cloud-init file) in $EDITOR. */
final class ConfigureCommand extends CliCommand {

    private static final List<String> CLOUD_INIT_FILES = List.of("meta-data", "user-data", "network-config");

    final List<String> args = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        options.operands(args);
    }

    @Override
    String helpName() {
        return "configure";
    }

    @Override
    public Integer call() {
        if (args.isEmpty() || args.get(0).isEmpty()) {
            throw help();
        }
        String name = args.get(0);
        String target = args.size() > 1 ? args.get(1) : "";
        Guest guest = new Guests(vm).require(name, "cannot locate configuration file for virtual machine: " + name);
        Path file;
        if (target.isEmpty()) {
            file = guest.home().configPath();
        } else if (CLOUD_INIT_FILES.contains(target)) {
            if (!Files.isDirectory(guest.dir().resolve(".cloud-init"))) {
                throw new VmException("cloud-init is not enabled for this guest");
            }
            if (Files.exists(guest.dir().resolve("seed.iso"))
                    && !vm.ui().confirm("cloud-init has run already. changes won't take effect. edit anyway?")) {
                throw new QuietExit(0);
            }
            file = guest.dir().resolve(".cloud-init").resolve(target);
        } else {
            throw help();
        }
        io.out().flush();
        return vm.runner().runAttached(editorCommand(file));
    }

    /** $EDITOR (default vi) split into words, as the unquoted shell variable is, plus the file. */
    private List<String> editorCommand(Path file) {
        String editor = io.env().getOrDefault("EDITOR", "");
        List<String> argv = new ArrayList<>();
        for (String word : (editor.isEmpty() ? "vi" : editor).trim().split("\\s+")) {
            argv.add(word);
        }
        argv.add(file.toString());
        return argv;
    }
}
