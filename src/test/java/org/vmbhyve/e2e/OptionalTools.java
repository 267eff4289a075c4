package org.vmbhyve.e2e;

import org.junit.jupiter.api.Assumptions;
import org.vmbhyve.host.ToolPath;

/**
 * Linux tools a test needs beyond a minimal Debian with a JDK (qemu-img, xorriso, tmux, xz):
 * a test that needs one is skipped where it is missing. Looked up as vm looks them up (PATH,
 * then the system directories), so a test runs wherever vm would find the tool.
 */
final class OptionalTools {

    private OptionalTools() {
    }

    static boolean installed(String tool) {
        return new ToolPath(System.getenv("PATH")).find(tool).isPresent();
    }

    /** Skips the rest of the test unless every tool is installed. */
    static void assume(String... tools) {
        for (String tool : tools) {
            Assumptions.assumeTrue(installed(tool), tool + " is not installed");
        }
    }
}
