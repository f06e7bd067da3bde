package ee.allkiri.assertj;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.PersonalCodeMask;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.Signer;
import ee.allkiri.core.audit.AuditReport;
import ee.allkiri.core.audit.AuditSummary;
import ee.allkiri.core.audit.AuditedSignature;
import java.util.List;

/**
 * Renders reports for failure messages: every finding with its code, severity and place;
 * personal codes (also inside names and messages) printed with the assertion's mask.
 */
final class Describe {

    /** The most excluded signatures an audit failure message lists. */
    static final int MAX_LISTED = 50;

    private final PersonalCodeMask mask;

    Describe(PersonalCodeMask mask) {
        this.mask = mask;
    }

    /** A personal code as the messages print it. */
    String code(String personalCode) {
        return mask.apply(personalCode);
    }

    String container(ContainerReport c) {
        StringBuilder sb = new StringBuilder();
        sb.append(c.path()).append(": ").append(c.valid() ? "valid" : "NOT valid").append(" (").append(c.indication()).append(")\n");
        findings(sb, c.findings(), "  ", null);
        for (SignatureReport s : c.signatures()) {
            sb.append("  ").append(signature(s));
        }
        return sb.toString();
    }

    String signature(SignatureReport s) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.file()).append(": ").append(s.indication());
        if (s.subIndication() != null) {
            sb.append('/').append(s.subIndication());
        }
        if (s.signer() != null) {
            sb.append(", signed by ").append(within(s.signer().commonName(), s.signer()));
        }
        sb.append('\n');
        findings(sb, s.findings(), "    ", s.signer());
        return sb.toString();
    }

    /** The audit's figures and its excluded signatures (the first {@value #MAX_LISTED}). */
    String audit(AuditReport a) {
        AuditSummary s = a.summary();
        StringBuilder sb = new StringBuilder();
        sb.append(s.signatures()).append(" signature(s), ").append(s.valid()).append(" valid, ").append(s.counted())
                .append(" counted");
        if (s.threshold() != null) {
            sb.append(", threshold ").append(s.threshold()).append(s.thresholdReached() ? " reached" : " NOT reached");
        }
        sb.append(", excluded ").append(s.excluded()).append('\n');
        List<AuditedSignature> excluded = a.signatures().stream().filter(x -> !x.counted()).toList();
        for (AuditedSignature x : excluded.subList(0, Math.min(MAX_LISTED, excluded.size()))) {
            SignatureReport sig = x.signature();
            sb.append("  ").append(x.container()).append(' ').append(sig.file());
            if (sig.signer() != null) {
                sb.append(" by ").append(code(sig.signer().personalCode()));
            }
            sb.append(": ").append(x.exclusions()).append(", ").append(sig.indication());
            sig.findings().stream().filter(f -> f.isError()).forEach(f -> sb.append(' ').append(f.code()));
            sb.append('\n');
        }
        if (excluded.size() > MAX_LISTED) {
            sb.append("  ... and ").append(excluded.size() - MAX_LISTED).append(" more excluded\n");
        }
        return sb.toString();
    }

    private String within(String text, Signer signer) {
        return signer == null ? text : mask.applyWithin(text, signer.personalCode());
    }

    private void findings(StringBuilder sb, List<Finding> findings, String indent, Signer signer) {
        for (Finding f : findings) {
            sb.append(indent).append(f.severity()).append(' ').append(f.code()).append(": ")
                    .append(within(f.message(), signer)).append('\n');
        }
    }
}
