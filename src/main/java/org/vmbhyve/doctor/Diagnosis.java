package org.vmbhyve.doctor;

/**
 * One line of {@code vm doctor}; the components are its {@code --json} fields.
 *
 * @param check the short name of what was looked at ({@code vmm}, {@code vm_dir}, {@code tap})
 * @param detail what was found, in a few words
 * @param fix the command (or, for hardware, the step) that mends a WARN or FAIL; null otherwise
 */
public record Diagnosis(String check, Status status, String detail, String fix) {

    public static Diagnosis pass(String check, String detail) {
        return new Diagnosis(check, Status.PASS, detail, null);
    }

    public static Diagnosis info(String check, String detail) {
        return new Diagnosis(check, Status.INFO, detail, null);
    }

    public static Diagnosis warn(String check, String detail, String fix) {
        return new Diagnosis(check, Status.WARN, detail, fix);
    }

    public static Diagnosis fail(String check, String detail, String fix) {
        return new Diagnosis(check, Status.FAIL, detail, fix);
    }
}
