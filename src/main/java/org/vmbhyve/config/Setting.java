package org.vmbhyve.config;

/** One row of {@code vm get}: a system.conf setting and its value (null when unset or empty). */
public record Setting(String setting, String value) {
}
