package org.vmbhyve.cli;

import java.util.List;

/**
 * The top-level commands in upstream's order ({@code CMD_VALID_LIST}), which prefix matching
 * depends on, so abbreviations and ambiguity behave exactly as upstream's; our own additions
 * come after them. Only the matched command's class is loaded: a switch, not a table of
 * constructor references, which would load and link every command on each start.
 */
final class CommandTree {

    private static final List<String> NAMES = List.of(
            "init",
            "switch",
            "datastore",
            "image",
            "get",
            "set",
            "list",
            "create",
            "destroy",
            "rename",
            "install",
            "start",
            "stop",
            "restart",
            "add",
            "reset",
            "poweroff",
            "startall",
            "stopall",
            "console",
            "iso",
            "img",
            "configure",
            "passthru",
            "_run",
            "info",
            "clone",
            "snapshot",
            "rollback",
            "migrate",
            "version",
            "usage",
            "edit",
            "suspend",
            "suspendall",
            "discard",
            "help",
            "tags",
            // ours, after upstream's words so that no abbreviation of those changes meaning
            "completion",
            "check",
            "doctor");

    private CommandTree() {
    }

    static List<String> names() {
        return NAMES;
    }

    /** A fresh command object for the word; null for the informational words handled earlier. */
    static CliCommand create(String name) {
        return switch (name) {
            case "init" -> new InitCommand();
            case "switch" -> new SwitchCommand();
            case "datastore" -> new DatastoreCommand();
            case "image" -> new ImageCommand();
            case "get" -> new GetCommand();
            case "set" -> new SetCommand();
            case "list" -> new ListCommand();
            case "create" -> new CreateCommand();
            case "destroy" -> new DestroyCommand();
            case "rename" -> new RenameCommand();
            case "install" -> new InstallCommand();
            case "start" -> new StartCommand();
            case "stop" -> new StopCommand();
            case "restart" -> new RestartCommand();
            case "add" -> new AddCommand();
            case "reset" -> new ForceCommand.Reset();
            case "poweroff" -> new ForceCommand.Poweroff();
            case "startall" -> new StartallCommand();
            case "stopall" -> new StopallCommand();
            case "console" -> new ConsoleCommand();
            case "iso" -> new IsoCommand();
            case "img" -> new ImgCommand();
            case "configure", "edit" -> new ConfigureCommand();
            case "passthru" -> new PassthruCommand();
            case "_run" -> new RunCommand();
            case "info" -> new InfoCommand();
            case "clone" -> new CloneCommand();
            case "snapshot" -> new SnapshotCommand();
            case "rollback" -> new RollbackCommand();
            case "migrate" -> new MigrateCommand();
            case "suspend" -> new SuspendCommand();
            case "suspendall" -> new StopallCommand.Suspendall();
            case "discard" -> new ForceCommand.Discard();
            case "tags" -> new TagsCommand();
            case "check" -> new CheckCommand();
            case "doctor" -> new DoctorCommand();
            default -> null;
        };
    }
}
