package org.vmbhyve.run;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.config.Chars;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.config.ShellWords;

/**
 * Builds the bhyve command for a guest exactly as upstream's {@code vm::run} does: the same
 * options in the same order and every device at the same PCI position. Pure: it reads the
 * {@link MachineSpec} and touches nothing.
 */
final class BhyveCommandBuilder {

    private static final int MAX_VIRTIO_CONSOLES = 16;

    private final MachineSpec spec;
    private final ConfigValues config;
    private final PciSlots pci;
    private final List<String> devices = new ArrayList<>();
    private final List<String> consoleFile = new ArrayList<>();
    private final List<String> console = new ArrayList<>();
    private String loaderConsole;
    private boolean wired;

    BhyveCommandBuilder(MachineSpec spec) {
        this.spec = spec;
        this.config = spec.config();
        this.pci = new PciSlots(intSetting(GuestKey.START_SLOT, 4));
    }

    MachinePlan build() {
        List<String> options = options();
        comPorts();
        hostBridgeAndLpc();
        DiskDevices.add(spec, pci, devices);
        networks();
        randomDevice();
        if (passthru()) {
            options.add("-S");
            wired = true;
        }
        framebuffer();
        mouse();
        sound();
        virtioConsoles();
        if (pci.bus >= 1) {
            options.add("-Y");
        }
        BhyveCommand bhyve = new BhyveCommand(List.copyOf(devices), List.copyOf(options), isoDevice(spec.iso()),
                List.copyOf(console), spec.name(), List.copyOf(consoleFile));
        return new MachinePlan(bhyve, loaderConsole, wired);
    }

    /** The install medium's device; after the first run there is none (or the null ISO fix). */
    List<String> isoDevice(String iso) {
        String slot = config.get(GuestKey.INSTALL_SLOT, "3");
        if (iso != null && !iso.isEmpty()) {
            return DeviceWords.isIsoFile(iso)
                    ? List.of("-s", slot + ":0,ahci-cd," + iso + ",ro,bootindex=1")
                    : List.of("-s", slot + ":0,ahci-hd," + iso + ",ro");
        }
        if (config.value(GuestKey.LOADER).equals("uefi") && config.yesno(GuestKey.NULLISO_FIX)) {
            return List.of("-s", slot + ":0,ahci-cd," + spec.nullIso());
        }
        return List.of();
    }

    private List<String> options() {
        List<String> options = new ArrayList<>(List.of("-c", spec.cpu(), "-m", config.value(GuestKey.MEMORY)));
        // upstream's sample documents ignore_bad_msr but its code reads ignore_msr; honour both
        boolean extraMsr = config.yesno(GuestKey.IGNORE_MSR) || config.yesno(GuestKey.IGNORE_BAD_MSR);
        options.add("-AHPw" + (extraMsr ? "w" : ""));
        if (spec.uefi()) {
            options.addAll(List.of("-l", "bootrom," + spec.bootrom()));
        }
        options.addAll(spec.lpcDevices());
        options.addAll(ShellWords.split(config.value(GuestKey.BHYVE_OPTIONS)));
        if (config.yesno(GuestKey.WIRED_MEMORY)) {
            options.add("-S");
            wired = true;
        }
        String uuid = config.value(GuestKey.UUID);
        if (!uuid.isEmpty()) {
            options.addAll(List.of("-U", uuid));
        }
        if (config.yesno(GuestKey.UTCTIME, "yes")) {
            options.add("-u");
        }
        return options;
    }

    private void comPorts() {
        int num = 1;
        for (String port : ShellWords.split(config.get(GuestKey.COMPORTS, "com1"))) {
            if (num == 1) {
                if (spec.tmux()) {
                    consoleFile.add(port + "=tmux/" + spec.name().replace('.', '~'));
                }
                if (spec.foreground()) {
                    console.addAll(List.of("-l", port + ",stdio"));
                    num++;
                    continue;
                }
            }
            String device = "/dev/nmdm-" + spec.name() + "." + num;
            if (num == 1) {
                loaderConsole = device + "A";
            }
            consoleFile.add(port + "=" + device + "B");
            console.addAll(List.of("-l", port + "," + device + "A"));
            num++;
        }
    }

    private void hostBridgeAndLpc() {
        String bridge = config.get(GuestKey.HOSTBRIDGE, "standard");
        if (!bridge.startsWith("no")) {
            devices.addAll(List.of("-s", bridge.equals("amd") ? "0,amd_hostbridge" : "0,hostbridge"));
        }
        String fwcfg = config.value(GuestKey.FWCFG);
        devices.addAll(List.of("-s", "31,lpc" + (fwcfg.isEmpty() ? "" : ",fwcfg=" + fwcfg)));
    }

    private void networks() {
        for (GuestNic nic : spec.nics()) {
            pci.wrapFunction();
            pci.wrap();
            if (nic.backend() == null) {
                continue;
            }
            String mac = nic.mac().isEmpty() ? "" : ",mac=" + nic.mac();
            devices.addAll(List.of("-s", pci.here() + "," + nic.emulation() + "," + nic.backend() + mac));
            pci.func++;
        }
        if (!spec.nics().isEmpty()) {
            pci.slot++;
            pci.func = 0;
        }
        pci.wrap();
    }

    private void randomDevice() {
        if (config.yesno(GuestKey.VIRT_RANDOM)) {
            devices.addAll(List.of("-s", pci.takeSlot() + ",virtio-rnd"));
        }
        pci.wrap();
    }

    /** Passthrough devices; true when there are any (their memory must then be wired). */
    private boolean passthru() {
        int func = 0;
        String lastHostSlot = null;
        int num = 0;
        for (; ; num++) {
            String dev = config.value(GuestKey.PASSTHRU.at(num));
            if (dev.isEmpty()) {
                break;
            }
            String options = config.value(GuestKey.PASSTHRU_OPTIONS.at(num));
            String suffix = options.isEmpty() ? "" : "," + options;
            if (dev.contains("=")) {
                String host = dev.substring(0, dev.indexOf('='));
                String guest = dev.substring(dev.lastIndexOf('=') + 1);
                devices.addAll(List.of("-s", pci.bus + ":" + guest + ",passthru," + host + suffix));
                continue;
            }
            String hostSlot = dev.contains("/") ? dev.substring(0, dev.indexOf('/')) : dev;
            if (lastHostSlot != null && !lastHostSlot.equals(hostSlot)) {
                pci.slot++;
                func = 0;
            }
            pci.wrap();
            devices.addAll(List.of("-s", pci.bus + ":" + pci.slot + ":" + func + ",passthru," + dev + suffix));
            lastHostSlot = hostSlot;
            func++;
        }
        if (num >= 1) {
            pci.slot++;
        }
        pci.wrap();
        return num >= 1;
    }

    private void framebuffer() {
        Framebuffer fbuf = Framebuffer.of(spec);
        if (fbuf != null) {
            consoleFile.add(fbuf.consoleLine());
            devices.addAll(List.of("-s", pci.takeSlot() + ",fbuf," + fbuf.options()));
        }
    }

    private void mouse() {
        if (config.yesno(GuestKey.XHCI_MOUSE)) {
            devices.addAll(List.of("-s", pci.takeSlot() + ",xhci,tablet"));
        }
        pci.wrap();
    }

    private void sound() {
        if (config.yesno(GuestKey.SOUND)) {
            String rec = config.value(GuestKey.SOUND_REC);
            devices.addAll(List.of("-s", pci.takeSlot() + ",hda,play=" + config.get(GuestKey.SOUND_PLAY, "/dev/dsp0")
                    + (rec.isEmpty() ? "" : ",rec=" + rec)));
        }
        pci.wrap();
    }

    private void virtioConsoles() {
        StringBuilder ports = new StringBuilder();
        for (int n = 0; n < MAX_VIRTIO_CONSOLES; n++) {
            String port = config.value(GuestKey.VIRT_CONSOLE.at(n));
            if (port.isEmpty()) {
                break;
            }
            if (port.equalsIgnoreCase("yes") || port.equalsIgnoreCase("on") || port.equals("1")) {
                port = String.valueOf(n);
            }
            ports.append(',').append(port).append('=').append(spec.guestDir()).append("/vtcon.").append(port);
        }
        if (!ports.isEmpty()) {
            devices.addAll(List.of("-s", pci.takeSlot() + ",virtio-console" + ports));
        }
    }

    private int intSetting(GuestKey key, int fallback) {
        String value = config.value(key);
        return Chars.isDigits(value) && value.length() < 4 ? Integer.parseInt(value) : fallback;
    }
}
