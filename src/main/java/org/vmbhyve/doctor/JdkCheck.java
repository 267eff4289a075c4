package org.vmbhyve.doctor;

import java.util.List;

/** The JDK the launcher ({@code scripts/vm}) picked: its version and home. */
final class JdkCheck implements Check {

    @Override
    public List<Diagnosis> run(DoctorContext host) {
        JavaRuntime java = host.java();
        return List.of(Diagnosis.pass("jdk", "Java " + java.version() + " in " + java.home()));
    }
}
