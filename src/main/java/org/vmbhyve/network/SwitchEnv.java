package org.vmbhyve.network;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.config.SystemConfig;
import org.vmbhyve.error.UndoLog;
import org.vmbhyve.error.VmException;
import org.vmbhyve.guest.Tags;
import org.vmbhyve.host.Ifconfig;
import org.vmbhyve.host.ProcessResult;
import org.vmbhyve.host.ProcessRunner;

/**
 * What every switch type works with: system.conf, the host's interfaces, and the log of the
 * changes the command has made to them, undone if it fails halfway.
 */
record SwitchEnv(SystemConfig system, Ifconfig ifconfig, ProcessRunner runner, UndoLog undo) {

    /**
     * {@code ifconfig ARGS}, which must succeed: else FAILURE after ifconfig's own message. Once
     * done, {@code ifconfig UNDO} (when given) is logged to take it back.
     */
    ProcessResult change(String failure, List<String> undoArgs, String... args) {
        ProcessResult result = ifconfig.run(args);
        if (!result.ok()) {
            throw VmException.afterTool(result.stderr(), failure);
        }
        if (undoArgs != null) {
            undo.add("ifconfig " + String.join(" ", undoArgs), new IfconfigStep(ifconfig, undoArgs));
        }
        return result;
    }

    /**
     * Starts a change of system.conf and the host: a failure before {@link #done} puts both
     * back as they were ({@link #failed}).
     */
    void begin() {
        try {
            undo.add("restore " + system.directory().resolve("system.conf"), new ConfigRestore(system, system.text()));
        } catch (IOException e) {
            throw new VmException("unable to read configuration file");
        }
    }

    /** The change is whole: nothing of it is to be undone any more. */
    void done() {
        undo.commit();
    }

    /** Undoes what the change did so far; returns the exception to throw. */
    RuntimeException failed(RuntimeException failure) {
        if (failure instanceof VmException e) {
            return undo.failed(e);
        }
        undo.failed(new VmException(String.valueOf(failure.getMessage())));
        return failure;
    }

    /** An undo step that runs {@code ifconfig ARGS}. */
    record IfconfigStep(Ifconfig ifconfig, List<String> args) implements java.util.function.BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            return ifconfig.run(args.toArray(String[]::new)).ok();
        }
    }

    /** An undo step that puts system.conf's text back. */
    record ConfigRestore(SystemConfig system, String text) implements java.util.function.BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            try {
                system.restore(text);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }

    String setting(String key) {
        return system.value(key);
    }

    /** The configured switches ({@code switch_list}), in creation order. */
    List<String> names() {
        return Tags.split(setting("switch_list"));
    }

    /** The interface carrying the switch's (or VLAN port's) viid group ({@code switch::find}). */
    Optional<String> find(String name) {
        ProcessResult members = ifconfig.run("-g", Viid.of(name));
        if (!members.ok()) {
            throw VmException.afterTool(members.stderr(), "unable to list the interfaces of switch " + name);
        }
        String id = members.stdout().trim();
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    void markViid(String name, String iface) {
        change("unable to tag " + iface + " as switch " + name, List.of(iface, "-group", Viid.of(name)),
                iface, "group", Viid.of(name));
    }

    /**
     * Creates the bridge of a standard or vxlan switch: named {@code vm-NAME} when the name has
     * at most 12 characters (interface names are limited), else described {@code vm/NAME}.
     */
    String createBridge(String name) {
        var created = name.length() <= 12
                ? ifconfig.run("bridge", "create", "name", "vm-" + name, "group", "vm-switch", "up")
                : ifconfig.run("bridge", "create", "descr", "vm/" + name, "group", "vm-switch", "up");
        if (!created.ok() || created.stdout().isBlank()) {
            throw VmException.afterTool(created.stderr(), "failed to create bridge interface for switch " + name);
        }
        String id = created.firstLine().trim();
        undo.add("ifconfig " + id + " destroy", new IfconfigStep(ifconfig, List.of(id, "destroy")));
        markViid(name, id);
        change("unable to give " + id + " a random MAC address", null, id, "link", "random");
        return id;
    }

    void set(String key, String value) {
        try {
            system.set(key, value);
        } catch (IOException | IllegalArgumentException e) {
            throw new VmException("error saving settings to configuration file");
        }
    }

    void addToList(String key, String word) {
        try {
            system.appendWords(key, List.of(word));
        } catch (IOException e) {
            throw new VmException("error saving settings to configuration file");
        }
    }

    void removeFromList(String key, String word) {
        try {
            system.removeWords(key, List.of(word));
        } catch (IOException e) {
            throw new VmException("error removing settings from configuration file");
        }
    }

    void delete(String key) {
        try {
            system.delete(key);
        } catch (IOException e) {
            throw new VmException("error removing settings from configuration file");
        }
    }
}
