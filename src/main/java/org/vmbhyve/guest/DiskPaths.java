package org.vmbhyve.guest;

/** Where a guest's disks are on the host, as bhyve and the loaders open them. */
public interface DiskPaths {

    /** The host path of disk {@code disk} (a {@code diskN_name}) of kind {@code device} ({@code diskN_dev}). */
    String diskPath(String disk, String device);
}
