package org.vmbhyve.network;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.config.SystemConfig;
import org.vmbhyve.error.VmException;
import org.vmbhyve.guest.Tags;
import org.vmbhyve.host.Ifconfig;
import org.vmbhyve.host.ProcessRunner;

/** What every switch type works with: system.conf and the host's interfaces. */
record SwitchEnv(SystemConfig system, Ifconfig ifconfig, ProcessRunner runner) {

    String setting(String key) {
        return system.value(key);
    }

    /** The configured switches ({@code switch_list}), in creation order. */
    List<String> names() {
        return Tags.split(setting("switch_list"));
    }

    /** The interface carrying the switch's (or VLAN port's) viid group ({@code switch::find}). */
    Optional<String> find(String name) {
        String id = ifconfig.group(Viid.of(name));
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    void markViid(String name, String iface) {
        ifconfig.run(iface, "group", Viid.of(name));
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
            throw new VmException("failed to create bridge interface for switch " + name);
        }
        String id = created.firstLine().trim();
        markViid(name, id);
        ifconfig.show(id, "link", "random");
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
