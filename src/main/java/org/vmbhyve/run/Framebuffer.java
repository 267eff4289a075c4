package org.vmbhyve.run;

import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.config.YesNo;

/**
 * The {@code fbuf} device of a UEFI guest with {@code graphics=yes}, option for option as
 * upstream writes it, and the {@code vnc=} line of the guest's console file.
 *
 * @param options what follows {@code fbuf,} in the device
 */
record Framebuffer(String options, String consoleLine) {

    /** The framebuffer of this first boot, or null when the guest has none. */
    static Framebuffer of(MachineSpec spec) {
        ConfigValues config = spec.config();
        if (!spec.uefi() || !config.yesno(GuestKey.GRAPHICS)) {
            return null;
        }
        String port = config.value(GuestKey.GRAPHICS_PORT);
        if (port.isEmpty()) {
            if (spec.vncPort() == null) {
                return null;
            }
            port = spec.vncPort().toString();
        }
        String listen = config.get(GuestKey.GRAPHICS_LISTEN, "0.0.0.0");
        StringBuilder fbuf = new StringBuilder("tcp=" + listen + ":" + port);
        String res = config.value(GuestKey.GRAPHICS_RES);
        if (!res.isEmpty()) {
            String width = res.contains("x") ? res.substring(0, res.indexOf('x')) : res;
            String height = res.contains("x") ? res.substring(res.lastIndexOf('x') + 1) : res;
            fbuf.append(",w=").append(width).append(",h=").append(height);
        }
        String vga = config.value(GuestKey.GRAPHICS_VGA);
        if (!vga.isEmpty()) {
            fbuf.append(",vga=").append(vga);
        }
        String password = config.value(GuestKey.VNC_PASSWORD);
        if (!password.isEmpty()) {
            fbuf.append(",password=").append(password);
        }
        String wait = config.get(GuestKey.GRAPHICS_WAIT, "auto");
        if (wait.equals("auto") && (spec.iso() == null || spec.iso().isEmpty())) {
            wait = "no";
        }
        if (YesNo.isTrue(wait)) {
            fbuf.append(",wait");
        }
        return new Framebuffer(fbuf.toString(), "vnc=" + listen + ":" + port);
    }
}
