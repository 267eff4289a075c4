package org.vmbhyve.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.vmbhyve.config.SystemConfig;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.datastore.Datastore;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.Guests;
import org.vmbhyve.network.Switches;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The candidates for one word of a {@code vm} command line ({@code vm _complete}), which the
 * bash and zsh scripts of {@code vm completion} ask for. Commands and sub-words follow
 * upstream's prefix matching, flags from the options the commands declare, and names (guests,
 * switches, datastores, templates, ISO files) from {@code $vm_dir}, read without touching it.
 */
final class Completer {

    /** Top-level commands whose positional arguments are guest names. */
    private static final List<String> GUEST_COMMANDS = List.of("destroy", "rename", "install", "start", "stop",
            "restart", "add", "reset", "poweroff", "console", "configure", "info", "clone", "snapshot", "rollback",
            "migrate", "edit", "suspend", "discard", "check");

    private final Optional<VmContext> vm;

    Completer(Optional<VmContext> vm) {
        this.vm = vm;
    }

    /**
     * @param words the command line, {@code vm} first
     * @param index the position of the word being completed
     */
    List<String> candidates(List<String> words, int index) {
        String current = index < words.size() ? words.get(index) : "";
        return matching(all(words, index, current), current);
    }

    private List<String> all(List<String> words, int index, String current) {
        List<String> names = new ArrayList<>();
        for (String name : CommandTree.names()) {
            if (!name.startsWith("_")) {
                names.add(name);
            }
        }
        if (index <= 1) {
            return names;
        }
        Optional<String> command = CommandMatcher.find(words.get(1), CommandTree.names());
        if (command.isEmpty()) {
            return List.of();
        }
        List<String> rest = words.subList(2, Math.min(index, words.size()));
        return switch (command.get()) {
            case "help" -> rest.isEmpty() ? names : List.of();
            case "completion" -> rest.isEmpty() ? List.of("bash", "zsh") : List.of();
            case "version", "usage" -> List.of();
            case "get" -> current.startsWith("-") ? List.of("--json") : withAll(SystemConfig.USER_SETTINGS);
            case "set" -> assignments(SystemConfig.USER_SETTINGS);
            default -> forCommand(command.get(), CommandTree.create(command.get()), rest, current);
        };
    }

    private List<String> forCommand(String name, CliCommand command, List<String> rest, String current) {
        if (command instanceof GroupCommand group) {
            if (rest.isEmpty()) {
                return group.subwords();
            }
            Optional<String> sub = group.match(rest.get(0));
            if (sub.isEmpty()) {
                return List.of();
            }
            return forArguments(name + " " + sub.get(), group.subcommand(sub.get()), rest.subList(1, rest.size()), current);
        }
        return forArguments(name, command, rest, current);
    }

    /** Flags, an option's value, or the positional argument at this place. */
    private List<String> forArguments(String name, CliCommand command, List<String> before, String current) {
        CommandOptions declared = CommandOptions.of(command);
        if (current.startsWith("-")) {
            List<String> flags = new ArrayList<>();
            for (OptionSpec option : declared.options()) {
                if (!option.hidden()) {
                    flags.addAll(List.of(option.names()));
                }
            }
            return flags;
        }
        int position = 0;
        for (int i = 0; i < before.size(); i++) {
            String word = before.get(i);
            OptionSpec option = word.startsWith("-") ? declared.find(word).orElse(null) : null;
            if (option != null && !option.typeInfo().isBoolean()) {
                if (i == before.size() - 1) {
                    return optionValues(name, word);
                }
                i++;
            } else if (!word.startsWith("-")) {
                position++;
            }
        }
        return positional(name, position);
    }

    private List<String> optionValues(String command, String option) {
        return switch (command + " " + option) {
            case "create -t" -> templates();
            case "create -d", "iso -d", "img -d", "image provision -d" -> datastores();
            case "add -d" -> List.of("disk", "network");
            case "add -t" -> List.of("zvol", "sparse-zvol", "file");
            case "add -s" -> switches();
            case "switch create -t" -> List.of("standard", "manual", "vale", "netgraph", "vxlan");
            default -> List.of();
        };
    }

    private List<String> positional(String command, int position) {
        if (GUEST_COMMANDS.contains(command)) {
            if (command.equals("install") && position == 1) {
                return isoFiles();
            }
            if (command.equals("console") && position == 1) {
                return List.of("com1", "com2");
            }
            if (command.equals("configure") || command.equals("edit")) {
                return position == 0 ? guests() : List.of("meta-data", "user-data", "network-config");
            }
            boolean many = List.of("start", "stop", "suspend", "info", "check").contains(command);
            return position == 0 || many ? guests() : List.of();
        }
        return switch (command) {
            case "tags add", "tags remove", "tags list", "image create" -> position == 0 ? guests() : List.of();
            case "switch info", "switch destroy", "switch add", "switch remove", "switch vlan", "switch nat",
                 "switch private", "switch address" -> position == 0 ? switches() : switchValues(command, position);
            case "datastore remove" -> position == 0 ? datastores() : List.of();
            default -> List.of();
        };
    }

    private static List<String> switchValues(String command, int position) {
        return position == 1 && (command.equals("switch nat") || command.equals("switch private"))
                ? List.of("on", "off") : List.of();
    }

    // Each lookup below answers nothing without a readable vm_dir; plain code, as completion
    // runs on every tab press and a lambda's first link costs milliseconds on JDK 17.

    private List<String> guests() {
        if (vm.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (Guest guest : new Guests(vm.get()).all()) {
            names.add(guest.name());
        }
        names.sort(null);
        return names;
    }

    private List<String> switches() {
        return vm.isEmpty() ? List.of() : new Switches(vm.get().system(), vm.get().runner()).names();
    }

    private List<String> datastores() {
        return vm.isEmpty() ? List.of() : vm.get().datastores().names();
    }

    private List<String> templates() {
        return vm.isEmpty() ? List.of() : files(vm.get().templatesDir(), ".conf", true);
    }

    private List<String> isoFiles() {
        if (vm.isEmpty()) {
            return List.of();
        }
        Set<String> names = new TreeSet<>();
        for (Datastore store : vm.get().datastores().mediaStores(Datastore.Kind.ISO)) {
            names.addAll(files(store.path(), "", false));
        }
        return List.copyOf(names);
    }

    private static List<String> files(Path dir, String suffix, boolean strip) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String file = entry.getFileName().toString();
                if (Files.isRegularFile(entry) && file.endsWith(suffix) && !file.startsWith(".")) {
                    names.add(strip ? file.substring(0, file.length() - suffix.length()) : file);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        names.sort(null);
        return names;
    }

    private static List<String> withAll(List<String> settings) {
        List<String> all = new ArrayList<>(List.of("all"));
        all.addAll(settings);
        return all;
    }

    private static List<String> assignments(List<String> settings) {
        List<String> words = new ArrayList<>();
        for (String setting : settings) {
            words.add(setting + "=");
        }
        return words;
    }

    private static List<String> matching(List<String> candidates, String current) {
        List<String> matches = new ArrayList<>();
        for (String candidate : candidates) {
            if (candidate.startsWith(current)) {
                matches.add(candidate);
            }
        }
        return matches;
    }
}
