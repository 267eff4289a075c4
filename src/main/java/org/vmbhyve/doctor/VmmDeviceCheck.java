package org.vmbhyve.doctor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /dev/vmm/NAME} devices with no bhyve or loader process: the kernel still holds the
 * guest's memory, and {@code vm start} refuses the guest until the device is destroyed.
 */
final class VmmDeviceCheck implements Check {

    @Override
    public List<Diagnosis> run(DoctorContext host) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(host.paths().get("/dev/vmm"))) {
            for (Path device : dir) {
                names.add(device.getFileName().toString());
            }
        } catch (IOException e) {
            return List.of(Diagnosis.info("/dev/vmm", "no /dev/vmm (vmm.ko not loaded)"));
        }
        names.sort(null);
        List<Diagnosis> lines = new ArrayList<>();
        for (String name : names) {
            if (host.running().find(name).isEmpty()) {
                lines.add(Diagnosis.warn("/dev/vmm", name + ": vmm device left with no guest process",
                        "bhyvectl --destroy --vm=" + name));
            }
        }
        if (lines.isEmpty()) {
            lines.add(Diagnosis.pass("/dev/vmm", names.isEmpty() ? "no vmm devices"
                    : names.size() + " vmm device(s), each of a running guest"));
        }
        return lines;
    }
}
