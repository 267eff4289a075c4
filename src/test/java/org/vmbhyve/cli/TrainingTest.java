package org.vmbhyve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vm _train}: the launcher's training run for its start-up archive. */
class TrainingTest {

    @TempDir
    Path root;

    @Test
    void runsEveryCommandOnAScratchHostWithoutPrivilegesAndLeavesNothingBehind() throws Exception {
        TestVm vm = new TestVm(root);
        vm.uid = 1001;
        List<Path> scratchBefore = scratchDirs();
        List<Path> treeBefore = tree(root);

        TestVm.Result r = vm.vm("_train");

        assertEquals(new TestVm.Result(0, "", ""), r, "every trained command succeeds, silently");
        assertEquals(List.of(), vm.runner.calls(), "no tool of the host was asked");
        assertEquals(treeBefore, tree(root), "the configured $vm_dir is not touched");
        assertEquals(scratchBefore, scratchDirs(), "the scratch host is removed");
    }

    private static List<Path> scratchDirs() throws IOException {
        try (Stream<Path> list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return list.filter(p -> p.getFileName().toString().startsWith("vm-train-")).sorted().toList();
        }
    }

    private static List<Path> tree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.sorted().toList();
        }
    }
}
