package org.vmbhyve.doctor;

import java.util.List;

/**
 * One aspect of host readiness. A check only reads: it runs probes through the context's
 * process runner and reads files, and never loads, creates or changes anything. It returns at
 * least one line; what this user cannot see is an INFO or WARN line, never an exception.
 */
public interface Check {

    List<Diagnosis> run(DoctorContext host);
}
