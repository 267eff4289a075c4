package org.vmbhyve.run;

import java.util.ArrayList;
import java.util.List;

/**
 * One bhyve invocation in upstream's parts: devices, options, the install medium and the
 * console ports, then the guest name. Each part is a list of argv words, so no config value is
 * ever split or interpreted by a shell.
 *
 * @param consoleFile the lines of the guest's {@code console} file (ports and VNC address)
 */
record BhyveCommand(List<String> devices, List<String> options, List<String> isoDevice,
                    List<String> console, String name, List<String> consoleFile) {

    List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add("bhyve");
        argv.addAll(devices);
        argv.addAll(options);
        argv.addAll(isoDevice);
        argv.addAll(console);
        argv.add(name);
        return argv;
    }

    /** The same command for a later run: what changes when the guest reboots. */
    BhyveCommand withDevices(List<String> newDevices, List<String> newIso) {
        return new BhyveCommand(newDevices, options, newIso, console, name, consoleFile);
    }

    BhyveCommand withOptions(List<String> newOptions) {
        return new BhyveCommand(devices, newOptions, isoDevice, console, name, consoleFile);
    }

    static String words(List<String> words) {
        return String.join(" ", words);
    }

    /**
     * The words as the guest's log (readable by every user) shows them: the framebuffer's VNC
     * password hidden. Only the log: bhyve itself is given the password.
     */
    static String logged(List<String> words) {
        List<String> shown = new ArrayList<>(words.size());
        for (String word : words) {
            shown.add(withoutPassword(word));
        }
        return words(shown);
    }

    /** A {@code -s} device word with each {@code password=} option's value replaced by {@code (hidden)}. */
    static String withoutPassword(String word) {
        String key = "password=";
        StringBuilder out = new StringBuilder();
        int start = 0;
        while (start <= word.length()) {
            int end = word.indexOf(',', start);
            String option = word.substring(start, end < 0 ? word.length() : end);
            out.append(start == 0 ? "" : ",").append(option.startsWith(key) ? key + "(hidden)" : option);
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        return out.toString();
    }
}
