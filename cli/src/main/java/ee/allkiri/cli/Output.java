package ee.allkiri.cli;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Provenance;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.VerificationReport;
import ee.allkiri.core.audit.AuditReport;
import ee.allkiri.core.audit.AuditedSignature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What a command hands to a format: the verification, the audit when the command is
 * {@code audit}, how the report was made and how long each part took.
 *
 * @param verification the containers as verified
 * @param audit        the audit of them, or null for {@code verify}
 * @param provenance   how the report was made, or null when the caller did not say
 * @param timings      measured times ({@link Timings#NONE} when not measured)
 */
record Output(VerificationReport verification, AuditReport audit, Provenance provenance, Timings timings) {

    Output {
        timings = timings == null ? Timings.NONE : timings;
    }

    /** One signature with its container and, for an audit, its count. */
    record Row(ContainerReport container, SignatureReport signature, AuditedSignature audited) {
    }

    static Output of(VerificationReport verification) {
        return new Output(verification, null, null, Timings.NONE);
    }

    static Output of(AuditReport audit) {
        return new Output(new VerificationReport(audit.containers()), audit, null, Timings.NONE);
    }

    Output with(Provenance value, Timings times) {
        return new Output(verification, audit, value, times);
    }

    boolean isAudit() {
        return audit != null;
    }

    /**
     * The container's name for published reports: relative to the folder given on the command
     * line (from the provenance), else the file's own name; never the auditor's absolute path.
     */
    String name(ContainerReport c) {
        return name(c.path());
    }

    /** {@link #name(ContainerReport)} of the container with this path. */
    String name(String containerPath) {
        if (provenance != null) {
            var input = provenance.input(containerPath);
            if (input.isPresent()) {
                return input.get().name();
            }
        }
        Path file = Path.of(containerPath).getFileName();
        return file == null ? containerPath : file.toString();
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        Iterator<AuditedSignature> audited = audit == null ? null : audit.signatures().iterator();
        for (ContainerReport c : verification.containers()) {
            for (SignatureReport s : c.signatures()) {
                rows.add(new Row(c, s, audited == null ? null : audited.next()));
            }
        }
        return rows;
    }
}
