package org.vmbhyve.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vmbhyve.config.RcConf;
import org.vmbhyve.core.Startup;
import org.vmbhyve.core.Ui;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.doctor.Diagnosis;
import org.vmbhyve.doctor.Doctor;
import org.vmbhyve.doctor.DoctorContext;
import org.vmbhyve.doctor.JavaRuntime;

/**
 * {@code vm doctor [--json]}: whether this host is ready, one line per check. Any user may run
 * it and it changes nothing: the dispatcher runs it before, and instead of, the start-up checks
 * (it reports what they would refuse), so {@link #vm} is null and the context is read here.
 */
final class DoctorCommand extends CliCommand {

    final OptionValue json = new OptionValue();

    @Override
    void declare(CommandOptions options) {
        options.flag("--json", json);
    }

    @Override
    String helpName() {
        return "doctor";
    }

    @Override
    public Integer call() {
        Optional<VmContext> context = new Startup(io.env(), io.runner(), io.host(), Ui.SILENT)
                .readOnly(io.paths(), io.clock(), io.random(), io.workingDir());
        JavaRuntime java = JavaRuntime.of(Map.of(
                "java.home", System.getProperty("java.home", ""),
                "java.version", System.getProperty("java.version", ""),
                "java.class.path", System.getProperty("java.class.path", ""),
                "vm.archive", System.getProperty("vm.archive", "")), Runtime.version().feature());
        List<Diagnosis> lines = new Doctor().examine(
                new DoctorContext(RcConf.load(io.env()), io.runner(), io.host(), io.paths(), context, java));
        print(json.isSet() ? JsonOutput.render(lines) : text(lines));
        return Doctor.failed(lines) ? 1 : 0;
    }

    /** {@code STATUS  CHECK  DETAIL (fix: COMMAND)}, the check names padded to one width. */
    static String text(List<Diagnosis> lines) {
        int width = 0;
        for (Diagnosis line : lines) {
            width = Math.max(width, line.check().length());
        }
        StringBuilder out = new StringBuilder();
        for (Diagnosis line : lines) {
            out.append(String.format("%-4s  %-" + width + "s  %s", line.status(), line.check(), line.detail()));
            if (line.fix() != null) {
                out.append(" (fix: ").append(line.fix()).append(')');
            }
            out.append('\n');
        }
        return out.toString();
    }
}
