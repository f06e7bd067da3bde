package ee.allkiri.assertj;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.SignatureReport;
import java.util.List;

/** Renders reports for failure messages: every finding with its code, severity and place. */
final class Describe {

    private Describe() {
    }

    static String container(ContainerReport c) {
        StringBuilder sb = new StringBuilder();
        sb.append(c.path()).append(": ").append(c.valid() ? "valid" : "NOT valid").append(" (").append(c.indication()).append(")\n");
        findings(sb, c.findings(), "  ");
        for (SignatureReport s : c.signatures()) {
            sb.append("  ").append(signature(s));
        }
        return sb.toString();
    }

    static String signature(SignatureReport s) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.file()).append(": ").append(s.indication());
        if (s.subIndication() != null) {
            sb.append('/').append(s.subIndication());
        }
        if (s.signer() != null) {
            sb.append(", signed by ").append(s.signer().commonName());
        }
        sb.append('\n');
        findings(sb, s.findings(), "    ");
        return sb.toString();
    }

    private static void findings(StringBuilder sb, List<Finding> findings, String indent) {
        for (Finding f : findings) {
            sb.append(indent).append(f.severity()).append(' ').append(f.code()).append(": ").append(f.message()).append('\n');
        }
    }
}
