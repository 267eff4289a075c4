package org.vmbhyve.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.config.Chars;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.error.VmException;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.Guests;

/**
 * {@code vm start --dry-run}: prints the loader and bhyve command lines the supervisor would
 * run for the first boot, changing nothing; first the helper programs its devices need
 * (such as swtpm). What only a real start creates is shown by a
 * placeholder: {@code <tap>} for a tap interface, {@code <mac>} and {@code <uuid>} for values
 * that would be generated and saved.
 */
public final class DryRun {

    private final VmContext vm;
    private final PrintWriter out;

    public DryRun(VmContext vm, PrintWriter out) {
        this.vm = vm;
        this.out = out;
    }

    public int show(String name, String iso, boolean foreground) {
        Guest guest = new Guests(vm).require(name, name + " doesn't appear to be a valid virtual machine");
        ConfigValues config = guest.config();
        if (config.value(GuestKey.UUID).isEmpty()) {
            config = config.with("uuid", "<uuid>");
        }
        String cpu = CpuTopology.of(config);
        if (config.value(GuestKey.LOADER).isEmpty() || cpu.isEmpty() || config.value(GuestKey.MEMORY).isEmpty()) {
            throw new VmException("incomplete virtual machine configuration");
        }
        String bootrom = null;
        if (Firmware.isUefi(config.value(GuestKey.LOADER))) {
            bootrom = Firmware.bootrom(guest, config, vm.paths(), false);
        }
        List<GuestNic> nics = new ArrayList<>();
        for (int n = 0; !config.value(GuestKey.NETWORK_TYPE.at(n)).isEmpty(); n++) {
            String mac = config.value(GuestKey.NETWORK_MAC.at(n));
            String device = config.value(GuestKey.NETWORK_DEVICE.at(n));
            nics.add(new GuestNic(config.value(GuestKey.NETWORK_TYPE.at(n)), device.isEmpty() ? "<tap>" : device,
                    mac.isEmpty() ? "<mac>" : mac));
        }
        GuestDevices devices = new GuestDevices(new GuestDevice.Context(vm, guest, config));
        Optional<String> refusal = devices.refusal();
        if (refusal.isPresent()) {
            throw new VmException(refusal.get());
        }
        String isoArg = iso == null ? "" : iso;
        MachineSpec spec = new MachineSpec(name, guest.dir().toString(), config, guest, cpu, bootrom,
                foreground, false, isoArg, nics,
                VncPort.needed(config, bootrom != null) ? VncPort.firstFree(vm.runner()).orElse(null) : null,
                vm.vmDir().resolve(".config/null.iso").toString(), devices.lpcDevices());
        for (List<String> helper : devices.helpers()) {
            out.println(quoted(helper));
        }
        MachinePlan plan = new BhyveCommandBuilder(spec).build();
        if (bootrom == null) {
            String disk0 = config.value(GuestKey.DISK_NAME.at(0));
            String bootDisk = disk0.isEmpty() ? "" : guest.diskPath(disk0, config.get(GuestKey.DISK_DEV.at(0), "file"));
            Optional<Path> grubBhyve = vm.runner().which("grub-bhyve");
            String grub = grubBhyve.isPresent() ? grubBhyve.get().toString() : null;
            LoaderPlan loader = new LoaderBuilder(spec, plan).build(bootDisk, grub, isoArg);
            for (LoaderPlan.GuestFile file : loader.files()) {
                out.println("# " + file.name() + ":");
                for (String line : file.lines()) {
                    out.println("#   " + line);
                }
            }
            out.println(quoted(loader.argv()));
        }
        out.println(quoted(plan.bhyve().argv()));
        return 0;
    }

    /** The argv as one sh command line, quoting words that need it (in a loop: no lambda on this path). */
    static String quoted(List<String> argv) {
        StringBuilder line = new StringBuilder();
        for (String word : argv) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(isPlain(word) ? word : "'" + word.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }

    /** {@code [A-Za-z0-9_@%+=:,./-]+}: a word sh reads as it is. */
    static boolean isPlain(String word) {
        if (word.isEmpty()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!Chars.isAlnum(c) && "_@%+=:,./-".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
