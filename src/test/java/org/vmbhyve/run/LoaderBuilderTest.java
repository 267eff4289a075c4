package org.vmbhyve.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmbhyve.config.ConfigValues;

/** Loader command lines and the grub files they read, as upstream's guest::load makes them. */
class LoaderBuilderTest {

    private static final String DIR = "/vm/g";
    private static final String DISK = "/vm/g/disk0.img";

    private static LoaderPlan plan(String config, boolean foreground, String iso) {
        MachineSpec spec = new MachineSpec("g", DIR, ConfigValues.parse("memory=1G\nuuid=\"U\"\n" + config),
                (disk, dev) -> dev.equals("zvol") ? "/dev/zvol/tank/vm/g/" + disk : DIR + "/" + disk, "1", null,
                foreground, false, iso, List.of(), null, "/vm/.config/null.iso", List.of());
        MachinePlan machine = new BhyveCommandBuilder(spec).build();
        return new LoaderBuilder(spec, machine).build(DISK, "/usr/local/sbin/grub-bhyve", iso);
    }

    private static List<String> words(String line) {
        return List.of(line.split(" "));
    }

    @Test
    void bhyveloadInTheBackgroundTalksToTheNmdmPort() {
        LoaderPlan plan = plan("loader=\"bhyveload\"\nwired_memory=\"yes\"\nloader_timeout=\"0\"\n"
                + "bhyveload_args=\"-e machdep.hyperthreading_allowed=0\"\nbhyveload_loader=\"/boot/userboot.so\"\n", false, null);
        assertEquals(words("bhyveload -c /dev/nmdm-g.1A -S -m 1G -e smbios.system.uuid=U -e autoboot_delay=0"
                + " -e bhyve_vm_name=g -e machdep.hyperthreading_allowed=0 -l /boot/userboot.so -d " + DISK + " g"), plan.argv());
        assertEquals(List.of(), plan.files());
    }

    @Test
    void bhyveloadBootsTheInstallMediumOrAVirtio9pShare() {
        assertEquals(words("bhyveload -m 1G -e smbios.system.uuid=U -e autoboot_delay=3 -e bhyve_vm_name=g -d /iso/x.iso g"),
                plan("loader=\"bhyveload\"\n", true, "/iso/x.iso").argv());
        assertEquals(words("bhyveload -m 1G -e smbios.system.uuid=U -e autoboot_delay=3 -e bhyve_vm_name=g"
                + " -h /srv/root -e vfs.root.mountfrom=p9fs:rootfs g"),
                new LoaderBuilder(spec9p(), new BhyveCommandBuilder(spec9p()).build()).build("rootfs=/srv/root", null, null).argv());
    }

    private static MachineSpec spec9p() {
        return new MachineSpec("g", DIR, ConfigValues.parse("loader=\"bhyveload\"\nmemory=1G\nuuid=\"U\"\ndisk0_dev=\"9p\"\n"),
                (disk, dev) -> disk, "1", null, true, false, null, List.of(), null, "", List.of());
    }

    @Test
    void grubWithoutMenuLinesReadsTheGuestsOwnConfig() {
        LoaderPlan plan = plan("loader=\"grub\"\ngrub_run_partition=\"msdos2\"\ngrub_run_dir=\"/grub\"\n"
                + "grub_run_file=\"menu.lst\"\ndisk1_name=\"data\"\ndisk1_dev=\"zvol\"\n", true, null);
        assertEquals(words("/usr/local/sbin/grub-bhyve -m /vm/g/device.map -M 1G -r hd0,msdos2 -d /grub -g menu.lst g"),
                plan.argv());
        assertEquals(List.of(new LoaderPlan.GuestFile("device.map",
                List.of("(hd0) " + DISK, "(hd1) /dev/zvol/tank/vm/g/data"))), plan.files());
    }

    @Test
    void grubMenuLinesBecomeAGrubCfg() {
        LoaderPlan plan = plan("loader=\"grub\"\ngrub_run0=\"linux /vmlinuz root=/dev/vda1\"\ngrub_run1=\"initrd /initrd.img\"\n"
                + "grub_run2=\"boot\"\n", true, null);
        assertEquals(words("/usr/local/sbin/grub-bhyve -m /vm/g/device.map -M 1G -r host -d /vm/g g"), plan.argv());
        assertEquals(new LoaderPlan.GuestFile("grub.cfg", List.of("timeout=3", "menuentry 'g (bhyve run)' {",
                "    root=hd0,1", "    linux /vmlinuz root=/dev/vda1", "    initrd /initrd.img", "}")), plan.files().get(1));
    }

    @Test
    void grubInstallBootsTheCdrom() {
        LoaderPlan plain = plan("loader=\"grub\"\n", false, "/iso/d.iso");
        assertEquals(words("/usr/local/sbin/grub-bhyve -c /dev/nmdm-g.1A -m /vm/g/device.map -M 1G -r cd0 g"), plain.argv());
        assertEquals(List.of("(cd0) /iso/d.iso", "(hd0) " + DISK), plain.files().get(0).lines());
        LoaderPlan menu = plan("loader=\"grub\"\ngrub_install0=\"linux /install/vmlinuz\"\n", true, "/iso/d.iso");
        assertEquals(List.of("timeout=3", "menuentry 'g (bhyve install)' {", "    root=cd0", "    linux /install/vmlinuz", "}"),
                menu.files().get(1).lines());
    }

    @Test
    void unloadableGuestsFailWithUpstreamsLogMessage() {
        MachineSpec spec = new MachineSpec("g", DIR, ConfigValues.parse("loader=\"grub\"\nmemory=1G\n"),
                (disk, dev) -> disk, "1", null, true, false, null, List.of(), null, "", List.of());
        LoaderBuilder loader = new LoaderBuilder(spec, new BhyveCommandBuilder(spec).build());
        assertEquals("fatal; grub requested but sysutils/grub2-bhyve not installed?",
                assertThrows(LoaderBuilder.LoaderFailure.class, () -> loader.build(DISK, null, null)).getMessage());
        assertEquals("fatal; non-uefi loaders require a boot disk device",
                assertThrows(LoaderBuilder.LoaderFailure.class, () -> loader.build("", null, null)).getMessage());
        assertEquals(15, assertThrows(LoaderBuilder.LoaderFailure.class, () -> loader.build("", null, null)).status());
    }
}
