package org.vmbhyve.guest;

import java.util.Optional;

/**
 * The parameters of {@code vm create}; empty optionals mean "as the template says".
 *
 * @param netConfig the raw {@code -n} string, {@code key=value} pairs separated by {@code ;}
 */
public record CreateRequest(
        String name,
        String datastore,
        String template,
        Optional<String> size,
        Optional<String> cpu,
        Optional<String> memory,
        Optional<String> image,
        boolean cloudInit,
        Optional<String> publicKeyFile,
        Optional<String> userDataFile,
        Optional<String> netConfig) {
}
