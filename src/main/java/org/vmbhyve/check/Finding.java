package org.vmbhyve.check;

/**
 * One thing {@code vm check} found in a guest's config; the components are its {@code --json}
 * fields.
 *
 * @param level {@code error} (the guest cannot work as configured; exit status 1) or
 *              {@code warning} (it works, perhaps not as meant)
 * @param key the setting concerned, null for the guest as a whole
 */
public record Finding(String level, String key, String message) {

    static Finding error(String key, String message) {
        return new Finding("error", key, message);
    }

    static Finding warning(String key, String message) {
        return new Finding("warning", key, message);
    }
}
