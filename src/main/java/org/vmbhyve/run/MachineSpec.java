package org.vmbhyve.run;

import java.util.List;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.guest.DiskPaths;

/**
 * Everything the bhyve command of one guest is built from: its configuration and what the
 * host has already provided for this run (taps, a VNC port, the firmware path).
 *
 * @param guestDir the guest's directory, as text (it appears in device strings)
 * @param disks where each {@code (diskN_name, diskN_dev)} is on the host
 * @param cpu the {@code -c} value with its topology ({@code 2,sockets=1,cores=2})
 * @param bootrom the UEFI firmware (and vars) for {@code -l bootrom,}, or null for other loaders
 * @param foreground whether com1 goes to the terminal ({@code -l com1,stdio})
 * @param tmux whether the console runs in a tmux session
 * @param iso the install medium, or null
 * @param vncPort the framebuffer port found free, or null when the config sets one or none was free
 * @param nullIso upstream's empty ISO, offered to UEFI guests with {@code nulliso_fix}
 * @param lpcDevices the {@code -l} options of the guest's {@link GuestDevice}s, after the firmware's
 */
record MachineSpec(String name, String guestDir, ConfigValues config, DiskPaths disks, String cpu,
                   String bootrom, boolean foreground, boolean tmux, String iso, List<GuestNic> nics,
                   Integer vncPort, String nullIso, List<String> lpcDevices) {

    boolean uefi() {
        return bootrom != null;
    }
}
