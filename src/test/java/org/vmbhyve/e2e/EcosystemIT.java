package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What surrounds the command: shell completion in a real bash, install and uninstall as a port. */
class EcosystemIT {

    private static final Path SCRIPTS = FakeHost.PROJECT.resolve("scripts");

    /** Runs a bash script with the fake host's environment and the launcher on PATH as {@code vm}. */
    private static String bash(FakeHost host, String script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(host.root.toFile());
        pb.environment().clear();
        pb.environment().putAll(host.environment());
        pb.environment().put("PATH", SCRIPTS + ":" + pb.environment().get("PATH"));
        pb.redirectErrorStream(true);
        Process process = pb.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    private static String complete(FakeHost host, String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append(" '").append(word).append("'");
        }
        return bash(host, "source <(vm completion bash)\nCOMP_WORDS=(" + array + ")\nCOMP_CWORD=" + (words.length - 1)
                + "\n_vm_complete\nprintf '%s\\n' \"${COMPREPLY[@]}\"");
    }

    @Test
    void bashCompletionOffersCommandsGuestsAndSubcommandsAndChangesNothing() throws Exception {
        FakeHost host = new FakeHost(Files.createTempDirectory("vm-completion-"));
        for (String guest : List.of("web", "db")) {
            Files.createDirectories(host.vmDir.resolve(guest));
            Files.writeString(host.vmDir.resolve(guest + "/" + guest + ".conf"), "loader=\"bhyveload\"\n");
        }
        Files.createDirectories(host.vmDir.resolve("not-a-guest"));
        List<Path> before = tree(host.root);

        assertEquals("start\nstop\nstartall\nstopall\n", complete(host, "vm", "st"));
        assertEquals("db\nweb\n", complete(host, "vm", "start", ""));
        assertEquals("create\nlist\ndestroy\nadd\nremove\nvlan\nnat\naddress\nprivate\ninfo\nimport\n",
                complete(host, "vm", "switch", ""));
        assertEquals("-f\n", complete(host, "vm", "destroy", "-"));
        assertEquals("web\n", complete(host, "vm", "info", "db", "w"));

        assertFalse(Files.exists(host.state.resolve("host.log")), "completion called a host tool");
        assertEquals(before, tree(host.root), "completion changed files");
        Replay.cleanUp(host);
    }

    @Test
    void installPutsExactlyThePlistInPlaceAndUninstallTakesItAway() throws Exception {
        Path dest = Files.createTempDirectory("vm-destdir-");
        run(List.of("sh", SCRIPTS.resolve("install").toString()), dest);
        Path prefix = dest.resolve("usr/local");
        List<String> plist = Files.readAllLines(SCRIPTS.resolve("pkg-plist")).stream()
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).sorted().toList();
        List<String> installed = files(prefix);
        assertEquals(plist, installed);
        for (String file : installed) {
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(prefix.resolve(file)));
            boolean executable = file.equals("sbin/vm") || file.equals("share/vm-bhyve-java/smoke")
                    || file.startsWith("etc/rc.d/");
            assertEquals(executable ? "r-xr-xr-x" : "r--r--r--", mode, file);
        }
        assertTrue(Files.readString(prefix.resolve("etc/rc.d/vm")).contains("command=\"/usr/local/sbin/${name}\""));

        ProcessBuilder version = new ProcessBuilder(prefix.resolve("sbin/vm").toString(), "version");
        version.environment().remove("VM_JAR");
        Process process = version.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertTrue(out.startsWith("vm-bhyve: Bhyve virtual machine management v"), out);
        // the installed acceptance run tests the installed vm; told no, it makes nothing
        ProcessBuilder smoke = new ProcessBuilder(prefix.resolve("share/vm-bhyve-java/smoke").toString())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        smoke.environment().remove("VM");
        process = smoke.start();
        out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, process.exitValue(), out);
        assertTrue(out.startsWith("smoke: this runs " + prefix.resolve("sbin/vm").toRealPath() + " through"), out);

        run(List.of("sh", SCRIPTS.resolve("uninstall").toString()), dest);
        assertEquals(List.of(), files(prefix));
        try (Stream<Path> walk = Files.walk(dest)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * The port in scripts/port installs through scripts/install, so its pkg-plist must list the
     * same files as scripts/pkg-plist (which the test above checks against a real install), and
     * make-plist must reproduce the committed one.
     */
    @Test
    void thePortsPlistIsTheInstallListAndItsMakefileFollowsTheProject() throws Exception {
        Path port = SCRIPTS.resolve("port");
        List<String> installList = Files.readAllLines(SCRIPTS.resolve("pkg-plist")).stream()
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        List<String> portPlist = Files.readAllLines(port.resolve("pkg-plist"));
        assertEquals(installList, portPlist.stream().filter(line -> !line.startsWith("@")).toList());
        assertEquals(List.of("@postexec %D/sbin/vm _train || true",
                "@postunexec rm -f %D/share/vm-bhyve-java/vm-bhyve.*.aot %D/share/vm-bhyve-java/vm-bhyve.*.jsa"),
                portPlist.stream().filter(line -> line.startsWith("@")).toList());

        Path copy = Files.createTempDirectory("vm-port-");
        Files.createDirectories(copy.resolve("port"));
        Files.copy(port.resolve("make-plist"), copy.resolve("port/make-plist"));
        Files.copy(SCRIPTS.resolve("pkg-plist"), copy.resolve("pkg-plist"));
        run(List.of("sh", copy.resolve("port/make-plist").toString()), copy);
        assertEquals(portPlist, Files.readAllLines(copy.resolve("port/pkg-plist")));

        String makefile = Files.readString(port.resolve("Makefile"));
        String version = Files.readString(FakeHost.PROJECT.resolve("pom.xml"))
                .replaceFirst("(?s).*?\n  <version>([^<]+)</version>.*", "$1");
        assertTrue(makefile.contains("\nDISTVERSION=\t" + version + "\n"), "DISTVERSION is not " + version);
        assertTrue(makefile.contains("\nUSES=\t\tjava:build\n"), makefile);
        assertTrue(makefile.contains("\nJAVA_VERSION=\t17+\n"), makefile);
        // the headless JRE flavor of java/openjdk25 and the directory it installs to, where scripts/vm looks
        assertTrue(makefile.contains("\nRUN_DEPENDS=\t${LOCALBASE}/openjdk25-jre-headless/bin/java:java/openjdk25@jre_headless\n"),
                makefile);
        assertTrue(makefile.contains("DESTDIR=${STAGEDIR} ${SH} scripts/install\n"), makefile);
        assertTrue(makefile.endsWith("\n.include <bsd.port.mk>\n"), makefile);
        String message = Files.readString(port.resolve("pkg-message"));
        for (String line : List.of("sysrc vm_enable=\"YES\"", "sysrc vm_dir=", "sysrc vm_list=", "vm_stop_timeout",
                "openjdk25-jre-headless", "/usr/local/share/vm-bhyve-java/smoke")) {
            assertTrue(message.contains(line), "pkg-message lacks " + line);
        }
        assertTrue(Files.size(port.resolve("pkg-descr")) > 0);
        try (Stream<Path> walk = Files.walk(copy)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void run(List<String> argv, Path destdir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().put("DESTDIR", destdir.toString());
        Process process = pb.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
    }

    /** Regular files under a directory, relative and sorted. */
    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static List<Path> tree(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return new ArrayList<>(walk.sorted().toList());
        }
    }
}
