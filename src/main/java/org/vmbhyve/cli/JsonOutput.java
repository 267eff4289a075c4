package org.vmbhyve.cli;

import java.util.function.Function;
import org.vmbhyve.host.Libraries;

/** {@code --json} rendering; Jackson is loaded only by commands that ask for it. */
final class JsonOutput {

    private JsonOutput() {
    }

    @SuppressWarnings("unchecked")
    static String render(Object value) {
        return Libraries.create(Function.class, "org.vmbhyve.bridge.JacksonJson").apply(value) + "\n";
    }
}
