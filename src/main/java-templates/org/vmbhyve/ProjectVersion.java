package org.vmbhyve;

/**
 * This build's version, written into the code by the build (templating-maven-plugin): a
 * constant costs nothing at start, where reading a resource from the jar costs milliseconds
 * on every {@code vm version}.
 */
public final class ProjectVersion {

    public static final String VERSION = "${project.version}";

    private ProjectVersion() {
    }
}
