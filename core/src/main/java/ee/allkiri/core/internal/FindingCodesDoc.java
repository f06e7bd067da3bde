package ee.allkiri.core.internal;

import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Severity;
import ee.allkiri.core.audit.Exclusion;

/**
 * Renders the table of every finding code (and audit exclusion code) as Markdown: the page
 * {@code docs/finding-codes.md} is this output, and a test keeps the two equal. Run
 * {@code java -cp core/target/classes ee.allkiri.core.internal.FindingCodesDoc > docs/finding-codes.md}
 * after adding a code.
 */
public final class FindingCodesDoc {

    private FindingCodesDoc() {
    }

    public static void main(String[] args) {
        System.out.print(markdown());
    }

    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Finding codes\n\n");
        sb.append("Generated from `ee.allkiri.core.FindingCode` by `FindingCodesDoc`; do not edit by hand.\n");
        sb.append("Codes are stable: a code never changes meaning; new rules get new codes. ");
        sb.append("The indication is what a signature gets when the finding is an error on it.\n\n");
        sb.append("| code | default severity | indication | meaning | source |\n");
        sb.append("|---|---|---|---|---|\n");
        for (FindingCode code : FindingCode.values()) {
            String indication = code.defaultSeverity() == Severity.ERROR
                    ? code.indication() + (code.subIndication() == null ? "" : " / " + code.subIndication()) : "";
            sb.append("| `").append(code).append("` | ").append(code.defaultSeverity()).append(" | ").append(indication)
                    .append(" | ").append(escape(code.description())).append(" | ").append(escape(code.source())).append(" |\n");
        }
        sb.append("\n# Audit exclusion codes\n\n");
        sb.append("Why a signature does not count in `allkiri audit` (a signature may have several).\n\n");
        sb.append("| code | meaning | decided by |\n|---|---|---|\n");
        for (Exclusion e : Exclusion.values()) {
            sb.append("| `").append(e).append("` | ").append(escape(e.description())).append(" | ")
                    .append(escape(e.decidedBy())).append(" |\n");
        }
        return sb.toString();
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
