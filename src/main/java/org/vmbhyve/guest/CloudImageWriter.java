package org.vmbhyve.guest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.error.VmException;
import org.vmbhyve.datastore.Datastore;

/** Writes a cloud image onto a new guest's first disk ({@code vm create -i}) with qemu-img. */
final class CloudImageWriter {

    private static final int DEVICE_WAIT_SECONDS = 30;

    private final VmContext vm;

    CloudImageWriter(VmContext vm) {
        this.vm = vm;
    }

    /**
     * @param resize true for file disks, which then grow to the requested size (a zvol already
     *               has its size)
     */
    void write(Path disk, String image, boolean resize, String size) {
        waitForDevice(disk);
        Path source = vm.datastores().findMedia(Datastore.Kind.IMG, image, vm.workingDir())
                .orElseThrow(() -> new VmException("unable to locate img file - '" + image + "'"));
        int status = vm.runner().runAttached(List.of(
                "qemu-img", "dd", "-O", "raw", "if=" + source, "of=" + disk, "bs=1M"));
        if (status != 0) {
            throw new VmException("failed to write img file with qemu-img");
        }
        if (resize && !vm.runner().runShowingErrors("qemu-img", "resize", "-q", "-f", "raw", disk.toString(), size).ok()) {
            throw new VmException("failed to resize img file with qemu-img");
        }
    }

    /** A zvol's device node can take a moment to appear after {@code zfs create}. */
    private static void waitForDevice(Path disk) {
        for (int i = 0; i < DEVICE_WAIT_SECONDS && !Files.isReadable(disk); i++) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
