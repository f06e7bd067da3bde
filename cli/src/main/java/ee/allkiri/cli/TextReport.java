package ee.allkiri.cli;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.Signer;
import ee.allkiri.core.Summary;
import ee.allkiri.core.VerificationReport;
import java.io.PrintWriter;
import java.util.List;

/** A readable summary: one block per container, one line per signature, its findings indented. */
final class TextReport {

    private TextReport() {
    }

    static void write(VerificationReport report, PrintWriter out) {
        for (ContainerReport c : report.containers()) {
            out.printf("%s: %s (%s)%n", c.path(), c.valid() ? "VALID" : "NOT VALID", c.indication());
            findings(c.findings(), out, "  ");
            for (SignatureReport s : c.signatures()) {
                out.printf("  %s: %s%s, %s, %s%n", s.file(), s.indication(),
                        s.subIndication() == null ? "" : "/" + s.subIndication(), s.profile(), s.level());
                Signer signer = s.signer();
                if (signer != null) {
                    out.printf("    signer: %s%s, %s%s%n", signer.commonName(),
                            signer.personalCode() == null ? "" : " (" + signer.country() + " " + signer.personalCode() + ")",
                            signer.tokenType(), signer.test() ? ", TEST" : "");
                }
                if (s.bestSignatureTime() != null) {
                    out.printf("    signed at: %s%s%n", s.bestSignatureTime(),
                            s.claimedSigningTime() == null ? "" : " (claimed " + s.claimedSigningTime() + ")");
                }
                findings(s.findings(), out, "    ");
            }
        }
        Summary sum = report.summary();
        out.printf("%d container(s), %d signature(s): %d valid, %d invalid, %d indeterminate%n",
                sum.containers(), sum.signatures(), sum.valid(), sum.invalid(), sum.indeterminate());
    }

    private static void findings(List<Finding> findings, PrintWriter out, String indent) {
        for (Finding f : findings) {
            out.printf("%s%s %s%s: %s%n", indent, f.severity(), f.code(),
                    f.location() == null ? "" : " [" + f.location() + "]", f.message());
        }
    }
}
