package ee.allkiri.cli;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.VerificationReport;
import ee.allkiri.core.audit.AuditReport;
import ee.allkiri.core.audit.AuditedSignature;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What a command hands to a format: the verification, and the audit when the command is
 * {@code audit}.
 *
 * @param verification the containers as verified
 * @param audit        the audit of them, or null for {@code verify}
 */
record Output(VerificationReport verification, AuditReport audit) {

    /** One signature with its container and, for an audit, its count. */
    record Row(ContainerReport container, SignatureReport signature, AuditedSignature audited) {
    }

    static Output of(VerificationReport verification) {
        return new Output(verification, null);
    }

    static Output of(AuditReport audit) {
        return new Output(new VerificationReport(audit.containers()), audit);
    }

    boolean isAudit() {
        return audit != null;
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
