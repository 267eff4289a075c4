package org.vmbhyve.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmbhyve.config.ConfigValues;

/**
 * The bhyve argv for a config, element by element: the recorded upstream runs
 * (spec/examples/start-*) and upstream's slot rules for what they do not cover.
 */
class BhyveCommandBuilderTest {

    private static final String DIR = "/vm/g";
    private static final String UUID = "11111111-2222-3333-4444-555555555555";

    private static MachineSpec spec(String config, String cpu, String bootrom, boolean foreground, String iso,
                                    List<GuestNic> nics, Integer vncPort) {
        return new MachineSpec("g", DIR, ConfigValues.parse(config),
                (disk, dev) -> dev.equals("custom") ? disk : DIR + "/" + disk, cpu, bootrom, foreground, false, iso,
                nics, vncPort, "/vm/.config/null.iso", List.of());
    }

    private static List<String> argv(MachineSpec spec) {
        return new BhyveCommandBuilder(spec).build().bhyve().argv();
    }

    private static List<String> words(String line) {
        return List.of(line.split(" "));
    }

    @Test
    void freebsdExampleWithTwoNics() {
        MachineSpec spec = spec("loader=\"bhyveload\"\ncpu=2\nmemory=2G\ndisk0_type=\"virtio-blk\"\n"
                + "disk0_name=\"disk0.img\"\nuuid=\"" + UUID + "\"\n", "2", null, true, null,
                List.of(new GuestNic("virtio-net", "tap0", "58:9c:fc:00:00:01"),
                        new GuestNic("virtio-net", "tap1", "58:9c:fc:00:00:02")), null);
        assertEquals(words("bhyve -s 0,hostbridge -s 31,lpc -s 0:4:0,virtio-blk,/vm/g/disk0.img"
                + " -s 0:5:0,virtio-net,tap0,mac=58:9c:fc:00:00:01 -s 0:5:1,virtio-net,tap1,mac=58:9c:fc:00:00:02"
                + " -c 2 -m 2G -AHPw -U " + UUID + " -u -l com1,stdio g"), argv(spec));
    }

    @Test
    void devicesExample() {
        MachineSpec spec = spec("loader=\"bhyveload\"\ncpu=4\nmemory=4G\nwired_memory=\"yes\"\nhostbridge=\"amd\"\n"
                + "comports=\"com1 com2\"\nutctime=\"no\"\nbhyve_options=\"-x\"\n"
                + "disk0_type=\"virtio-blk\"\ndisk0_name=\"disk0.img\"\ndisk1_type=\"ahci-hd\"\ndisk1_name=\"data.img\"\n"
                + "disk1_opts=\"nocache,direct\"\ndisk2_type=\"nvme\"\ndisk2_name=\"fast.img\"\nuuid=\"" + UUID + "\"\n",
                "4,sockets=1,cores=2,threads=2", null, true, null,
                List.of(new GuestNic("virtio-net", "tap0", "58:9c:fc:00:00:01"),
                        new GuestNic("e1000", "tap1", "58:9c:fc:00:00:02")), null);
        MachinePlan plan = new BhyveCommandBuilder(spec).build();
        assertEquals(words("bhyve -s 0,amd_hostbridge -s 31,lpc -s 0:4:0,virtio-blk,/vm/g/disk0.img"
                + " -s 0:4:1,ahci-hd,/vm/g/data.img,nocache,direct -s 0:4:2,nvme,/vm/g/fast.img"
                + " -s 0:5:0,virtio-net,tap0,mac=58:9c:fc:00:00:01 -s 0:5:1,e1000,tap1,mac=58:9c:fc:00:00:02"
                + " -c 4,sockets=1,cores=2,threads=2 -m 4G -AHPw -x -S -U " + UUID
                + " -l com1,stdio -l com2,/dev/nmdm-g.2A g"), plan.bhyve().argv());
        assertEquals(List.of("com2=/dev/nmdm-g.2B"), plan.bhyve().consoleFile());
        assertEquals(true, plan.wiredMemory());
    }

    @Test
    void installMediumGoesToTheInstallSlot() {
        MachineSpec spec = spec("loader=\"bhyveload\"\ncpu=1\nmemory=256M\ndisk0_type=\"virtio-blk\"\ndisk0_name=\"disk0.img\"\n",
                "1", null, true, "/vm/.iso/FreeBSD.iso", List.of(), null);
        assertEquals(words("bhyve -s 0,hostbridge -s 31,lpc -s 0:4:0,virtio-blk,/vm/g/disk0.img -c 1 -m 256M -AHPw -u"
                + " -s 3:0,ahci-cd,/vm/.iso/FreeBSD.iso,ro,bootindex=1 -l com1,stdio g"), argv(spec));
        MachineSpec image = spec("cpu=1\nmemory=256M\ninstall_slot=7\n", "1", null, true, "/vm/.img/x.img", List.of(), null);
        assertEquals(List.of("-s", "7:0,ahci-hd,/vm/.img/x.img,ro"), new BhyveCommandBuilder(image).build().bhyve().isoDevice());
    }

    @Test
    void backgroundConsolesUseNmdmAndTheLoaderGetsPortA() {
        MachinePlan plan = new BhyveCommandBuilder(spec("cpu=1\nmemory=1G\n", "1", null, false, null, List.of(), null)).build();
        assertEquals(List.of("-l", "com1,/dev/nmdm-g.1A"), plan.bhyve().console());
        assertEquals(List.of("com1=/dev/nmdm-g.1B"), plan.bhyve().consoleFile());
        assertEquals("/dev/nmdm-g.1A", plan.loaderConsole());
        MachinePlan foreground = new BhyveCommandBuilder(spec("cpu=1\nmemory=1G\n", "1", null, true, null, List.of(), null)).build();
        assertNull(foreground.loaderConsole());
    }

    @Test
    void uefiGuestsGiveEachDiskItsOwnSlotAndGetAFramebuffer() {
        MachineSpec spec = spec("loader=\"uefi\"\ncpu=2\nmemory=2G\ngraphics=\"yes\"\nxhci_mouse=\"yes\"\n"
                + "graphics_res=\"1280x720\"\nvnc_password=\"pw\"\ndisk0_type=\"ahci-hd\"\ndisk0_name=\"disk0.img\"\n"
                + "disk1_type=\"virtio-blk\"\ndisk1_name=\"d1.img\"\nutctime=\"no\"\n", "2",
                "/usr/local/share/uefi-firmware/BHYVE_UEFI.fd", false, "/iso/win.iso",
                List.of(new GuestNic("e1000", "tap3", "58:9c:fc:00:00:09")), 5900);
        MachinePlan plan = new BhyveCommandBuilder(spec).build();
        assertEquals(words("bhyve -s 0,hostbridge -s 31,lpc -s 0:4:0,ahci-hd,/vm/g/disk0.img -s 0:5:0,virtio-blk,/vm/g/d1.img"
                + " -s 0:6:0,e1000,tap3,mac=58:9c:fc:00:00:09 -s 0:7:0,fbuf,tcp=0.0.0.0:5900,w=1280,h=720,password=pw,wait"
                + " -s 0:8:0,xhci,tablet -c 2 -m 2G -AHPw -l bootrom,/usr/local/share/uefi-firmware/BHYVE_UEFI.fd"
                + " -s 3:0,ahci-cd,/iso/win.iso,ro,bootindex=1 -l com1,/dev/nmdm-g.1A g"), plan.bhyve().argv());
        assertEquals(List.of("com1=/dev/nmdm-g.1B", "vnc=0.0.0.0:5900"), plan.bhyve().consoleFile());
        // the automatic wait is for the install boot only
        assertEquals("0:7:0,fbuf,tcp=0.0.0.0:5900,w=1280,h=720,password=pw",
                DeviceWords.withoutAutoWait(plan.bhyve().devices(), spec.config()).get(11));
    }

    @Test
    void ahciDevicesShareControllersUpToTheLimit() {
        MachineSpec spec = spec("cpu=1\nmemory=1G\nahci_device_limit=\"2\"\n"
                + "disk0_type=\"ahci-hd\"\ndisk0_name=\"a.img\"\ndisk1_type=\"ahci-cd\"\ndisk1_name=\"/x.iso\"\ndisk1_dev=\"custom\"\n"
                + "disk2_type=\"ahci-hd\"\ndisk2_name=\"c.img\"\n", "1", null, true, null, List.of(), null);
        // the last, partly filled controller is placed without its bus, as upstream does
        assertEquals(words("bhyve -s 0,hostbridge -s 31,lpc -s 0:4:0,ahci,hd:/vm/g/a.img,cd:/x.iso -s 4:1,ahci,hd:/vm/g/c.img"
                + " -c 1 -m 1G -AHPw -u -l com1,stdio g"), argv(spec));
    }

    @Test
    void passthruRandomAndVirtioConsoles() {
        MachineSpec spec = spec("cpu=1\nmemory=1G\nvirt_random=\"yes\"\npassthru0=\"2/0/0\"\npassthru1=\"2/0/1\"\n"
                + "passthru2=\"3/0/0\"\npassthru3=\"6/0/0=9:0\"\nvirt_console0=\"yes\"\nvirt_console1=\"org.agent\"\n"
                + "sound=\"yes\"\n", "1", null, true, null, List.of(), null);
        assertEquals(words("bhyve -s 0,hostbridge -s 31,lpc -s 0:4:0,virtio-rnd -s 0:5:0,passthru,2/0/0"
                + " -s 0:5:1,passthru,2/0/1 -s 0:6:0,passthru,3/0/0 -s 0:9:0,passthru,6/0/0"
                + " -s 0:7:0,hda,play=/dev/dsp0 -s 0:8:0,virtio-console,0=/vm/g/vtcon.0,org.agent=/vm/g/vtcon.org.agent"
                + " -c 1 -m 1G -AHPw -u -S -l com1,stdio g"), argv(spec));
    }

    @Test
    void devicesPastSlot30MoveToTheNextBus() {
        StringBuilder config = new StringBuilder("cpu=1\nmemory=1G\nstart_slot=30\n");
        for (int n = 0; n < 9; n++) {
            config.append("disk").append(n).append("_type=\"nvme\"\ndisk").append(n).append("_name=\"d").append(n).append("\"\n");
        }
        List<String> argv = argv(spec(config.toString(), "1", null, true, null,
                List.of(new GuestNic("virtio-net", "tap0", "")), null));
        assertEquals("0:30:7,nvme,/vm/g/d7", argv.get(20));
        assertEquals("1:0:0,nvme,/vm/g/d8", argv.get(22));
        assertEquals("1:1:0,virtio-net,tap0", argv.get(24));
        assertEquals("-Y", argv.get(argv.size() - 4));
    }

    @Test
    void configValuesStayOneArgvElement() {
        MachineSpec spec = spec("cpu=1\nmemory=1G\ndisk0_type=\"virtio-blk\"\ndisk0_name=\"my disk;rm -rf.img\"\n",
                "1", null, true, null, List.of(), null);
        assertEquals("0:4:0,virtio-blk,/vm/g/my disk;rm -rf.img", argv(spec).get(6));
    }

    /** The reboot's device lines drop {@code ,wait} as the pattern {@code ,wait\\b} did (ASCII text). */
    @Test
    void withoutWaitAsThePattern() {
        String alphabet = ",wait_x0 .=:-";
        java.util.Random random = new java.util.Random(17);
        List<String> corpus = new java.util.ArrayList<>(List.of("fbuf,tcp=0.0.0.0:5900,w=800,h=600,wait",
                "fbuf,wait,tcp=1", "fbuf,waiting", "fbuf,wait_x", ",wait", ",wai", ",wait,wait", "x,wait0"));
        for (int i = 0; i < 20000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(14); n > 0; n--) {
                text.append(random.nextInt(3) == 0 ? ",wait" : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
            }
            corpus.add(text.toString());
        }
        for (String device : corpus) {
            assertEquals(device.replaceAll(",wait\\b", ""), DeviceWords.withoutWait(device), device);
        }
    }
}
