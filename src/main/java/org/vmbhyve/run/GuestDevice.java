package org.vmbhyve.run;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.error.VmException;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.GuestLog;

/**
 * A device beyond upstream's set, in one class: what a guest's config asks for, the bhyve
 * options it adds, why this host cannot give it (asked before anything is created), a helper
 * program the guest needs for its whole run, and what {@code vm check} and {@code vm info} say
 * about it. Every such device is listed in {@link GuestDevices}; the command builder, the
 * supervisor, the start checks, the dry run, check and info only ask that list.
 */
public interface GuestDevice {

    /** The guest, its config and the host, as one device sees them. */
    record Context(VmContext vm, Guest guest, ConfigValues config) {
    }

    /** Something {@code vm check} reports: an error stops the guest from working as configured. */
    record Problem(boolean error, String key, String message) {
    }

    /** The device's name: its {@code vm info} block and {@code --json} field. */
    String name();

    /** Whether the config asks for the device. */
    boolean wanted(ConfigValues config);

    /** Why the guest cannot start with the device on this host; empty when it can. Reads only. */
    Optional<String> refusal(Context context);

    /** Its bhyve {@code -l} options, which follow the firmware's. */
    List<String> lpcDevices(Context context);

    /** The helper program's argv, as the supervisor starts it; empty when the device needs none. */
    default List<String> helper(Context context) {
        return List.of();
    }

    /**
     * Starts the helper before the guest's first boot; it runs until {@link #stopHelper}.
     *
     * @throws VmException with the log line when it cannot start
     */
    default void startHelper(Context context, GuestLog log) {
    }

    /** Readies the device for a reboot of the guest (the helper keeps running): a power cycle's reset. */
    default void beforeReboot(Context context, GuestLog log) {
    }

    /** Stops the helper, also one a killed supervisor left running; quiet when none runs. */
    default void stopHelper(Context context, GuestLog log) {
    }

    /** What {@code vm check} says beyond the key table's value rules. */
    List<Problem> problems(Context context);

    /** The {@code vm info} fields, in order ({@code --json} names; the text shows them hyphenated). */
    Map<String, Object> details(Context context);
}
