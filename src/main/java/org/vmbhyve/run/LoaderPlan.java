package org.vmbhyve.run;

import java.util.List;

/**
 * How a guest is loaded before bhyve runs (bhyveload or grub-bhyve): the command and the files
 * it reads, which the supervisor writes and logs first.
 */
record LoaderPlan(List<String> argv, List<GuestFile> files) {

    /** A file in the guest's directory, written fresh each boot. */
    record GuestFile(String name, List<String> lines) {
    }
}
