package org.vmbhyve.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The top-level commands in upstream's order ({@code CMD_VALID_LIST}), which prefix matching
 * depends on, so abbreviations and ambiguity behave exactly as upstream's; our own additions
 * come after them.
 */
final class CommandTree {

    private static final Map<String, Supplier<CliCommand>> TOP = new LinkedHashMap<>();

    static {
        TOP.put("init", InitCommand::new);
        TOP.put("switch", SwitchCommand::new);
        TOP.put("datastore", DatastoreCommand::new);
        TOP.put("image", ImageCommand::new);
        TOP.put("get", GetCommand::new);
        TOP.put("set", SetCommand::new);
        TOP.put("list", ListCommand::new);
        TOP.put("create", CreateCommand::new);
        TOP.put("destroy", DestroyCommand::new);
        TOP.put("rename", RenameCommand::new);
        TOP.put("install", InstallCommand::new);
        TOP.put("start", StartCommand::new);
        TOP.put("stop", StopCommand::new);
        TOP.put("restart", RestartCommand::new);
        TOP.put("add", AddCommand::new);
        TOP.put("reset", ForceCommand.Reset::new);
        TOP.put("poweroff", ForceCommand.Poweroff::new);
        TOP.put("startall", StartallCommand::new);
        TOP.put("stopall", StopallCommand::new);
        TOP.put("console", ConsoleCommand::new);
        TOP.put("iso", IsoCommand::new);
        TOP.put("img", ImgCommand::new);
        TOP.put("configure", ConfigureCommand::new);
        TOP.put("passthru", PassthruCommand::new);
        TOP.put("_run", RunCommand::new);
        TOP.put("info", InfoCommand::new);
        TOP.put("clone", CloneCommand::new);
        TOP.put("snapshot", SnapshotCommand::new);
        TOP.put("rollback", RollbackCommand::new);
        TOP.put("migrate", MigrateCommand::new);
        TOP.put("version", null);
        TOP.put("usage", null);
        TOP.put("edit", ConfigureCommand::new);
        TOP.put("suspend", SuspendCommand::new);
        TOP.put("suspendall", StopallCommand.Suspendall::new);
        TOP.put("discard", ForceCommand.Discard::new);
        TOP.put("help", null);
        TOP.put("tags", TagsCommand::new);
        // ours, after upstream's words so that no abbreviation of those changes meaning
        TOP.put("completion", null);
        TOP.put("check", CheckCommand::new);
    }

    private CommandTree() {
    }

    static List<String> names() {
        return List.copyOf(TOP.keySet());
    }

    /** A fresh command object for the word; null for the informational words handled earlier. */
    static CliCommand create(String name) {
        Supplier<CliCommand> factory = TOP.get(name);
        return factory == null ? null : factory.get();
    }

}
