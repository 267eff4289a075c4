package org.vmbhyve.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the guest's log (mode 0644, for every user) shows of a bhyve command line: no VNC password. */
class BhyveCommandLogTest {

    @Test
    void theFramebuffersPasswordIsHiddenAndNothingElseChanges() {
        List<String> devices = List.of("-s", "0,hostbridge", "-s", "7,fbuf,tcp=0.0.0.0:5900,w=800,h=600,password=s3cret,wait",
                "-s", "8,fbuf,tcp=0.0.0.0:5901,password=a,b", "-s", "4,virtio-blk,/vm/web/password=x.img");

        assertEquals("-s 0,hostbridge -s 7,fbuf,tcp=0.0.0.0:5900,w=800,h=600,password=(hidden),wait"
                + " -s 8,fbuf,tcp=0.0.0.0:5901,password=(hidden),b -s 4,virtio-blk,/vm/web/password=x.img",
                BhyveCommand.logged(devices));
        assertEquals("7,fbuf,password=(hidden)", BhyveCommand.withoutPassword("7,fbuf,password="));
        assertEquals("", BhyveCommand.withoutPassword(""));
    }
}
