package org.vmbhyve.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vmbhyve.error.VmException;
import org.vmbhyve.guest.GuestLog;

/**
 * The {@link GuestDevice}s a guest asks for, in the one order their options, helpers and info
 * blocks take. A new device is one class and one entry in {@link #all}.
 */
public final class GuestDevices {

    private final GuestDevice.Context context;
    /** Fresh instances for each guest: a device may hold its helper process. */
    private final List<GuestDevice> all = List.of(new Tpm());
    private final List<GuestDevice> wanted = new ArrayList<>();

    public GuestDevices(GuestDevice.Context context) {
        this.context = context;
        for (GuestDevice device : all) {
            if (device.wanted(context.config())) {
                wanted.add(device);
            }
        }
    }

    /** The first reason the guest cannot start with its devices on this host; empty when it can. */
    public Optional<String> refusal() {
        for (GuestDevice device : wanted) {
            Optional<String> refusal = device.refusal(context);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    List<String> lpcDevices() {
        List<String> options = new ArrayList<>();
        for (GuestDevice device : wanted) {
            options.addAll(device.lpcDevices(context));
        }
        return options;
    }

    /** The helper programs' argv, for the dry run. */
    List<List<String>> helpers() {
        List<List<String>> helpers = new ArrayList<>();
        for (GuestDevice device : wanted) {
            List<String> argv = device.helper(context);
            if (!argv.isEmpty()) {
                helpers.add(argv);
            }
        }
        return helpers;
    }

    /** Starts the helpers in order; the first failure's message, empty when all run. */
    Optional<String> startHelpers(GuestLog log) {
        for (GuestDevice device : wanted) {
            try {
                device.startHelper(context, log);
            } catch (VmException e) {
                return Optional.of(e.getMessage());
            }
        }
        return Optional.empty();
    }

    void beforeReboot(GuestLog log) {
        for (GuestDevice device : wanted) {
            device.beforeReboot(context, log);
        }
    }

    /** Stops every helper, each whatever the others do: on the way out nothing may be left running. */
    public void stopHelpers(GuestLog log) {
        for (GuestDevice device : wanted) {
            try {
                device.stopHelper(context, log);
            } catch (RuntimeException e) {
                log.write("failed to stop the " + device.name() + " helper: " + e.getMessage());
            }
        }
    }

    public List<GuestDevice.Problem> problems() {
        List<GuestDevice.Problem> problems = new ArrayList<>();
        for (GuestDevice device : all) {
            problems.addAll(device.problems(context));
        }
        return problems;
    }

    /** Each wanted device's {@code vm info} block by name; null when there is none. */
    public Map<String, Map<String, Object>> details() {
        if (wanted.isEmpty()) {
            return null;
        }
        Map<String, Map<String, Object>> details = new LinkedHashMap<>();
        for (GuestDevice device : wanted) {
            details.put(device.name(), device.details(context));
        }
        return details;
    }
}
