package ee.allkiri.cli;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.Signer;
import ee.allkiri.core.Summary;
import ee.allkiri.core.audit.AuditSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A readable report: one block per container, one line per signature, its findings indented.
 * A finding that is the same on several containers or signatures is printed once, first, with
 * its count. Files skipped in folders are listed at the end.
 */
final class TextReport {

    private TextReport() {
    }

    static void write(Output output, PrintWriter out) {
        List<ContainerReport> containers = output.verification().containers();
        RepeatedFindings repeated = RepeatedFindings.of(containers);
        repeated(repeated, containers.size(), output.verification().summary().signatures(), out);
        List<Output.Row> rows = output.rows();
        for (ContainerReport c : containers) {
            out.printf("%s: %s (%s)%n", c.path(), c.valid() ? "VALID" : "NOT VALID", c.indication());
            findings(repeated.ownOfContainer(c.findings()), out, "  ");
            for (Output.Row row : rows) {
                if (row.container() == c) {
                    signature(row, repeated, out);
                }
            }
        }
        skipped(output, out);
        Summary sum = output.verification().summary();
        out.printf("%d container(s), %d signature(s): %d valid, %d invalid, %d indeterminate%n",
                sum.containers(), sum.signatures(), sum.valid(), sum.invalid(), sum.indeterminate());
        if (output.isAudit()) {
            AuditSummary a = output.audit().summary();
            out.printf("counted: %d%s%n", a.counted(), a.threshold() == null ? ""
                    : " of " + a.threshold() + " needed: threshold " + (!a.complete() ? "UNDECIDED (the count is incomplete)"
                    : a.thresholdReached() ? "reached" : "NOT reached"));
            register(output, out);
            a.excluded().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> out.printf("excluded %s: %d%n", e.getKey(), e.getValue()));
            a.countedPerDay().forEach((day, n) -> out.printf("  %s: %d%n", day, n));
            if (!a.complete()) {
                out.printf("count INCOMPLETE: %d container(s) ran past the time budget (LIMIT_TIME): %s%n",
                        a.incomplete().size(), String.join(", ", a.incomplete()));
            }
        }
    }

    private static void signature(Output.Row row, RepeatedFindings repeated, PrintWriter out) {
        SignatureReport s = row.signature();
        out.printf("  %s: %s%s, %s, %s%n", s.file(), s.indication(),
                s.subIndication() == null ? "" : "/" + s.subIndication(), s.profile(), s.level());
        Signer signer = s.signer();
        if (signer != null) {
            out.printf("    signer: %s%s, %s%s%n", signer.commonName(),
                    signer.identifier() == null ? "" : " (" + signer.country() + " " + (signer.personalCode() != null
                            ? signer.personalCode() : signer.identifierType() + " " + signer.identifier()) + ")",
                    signer.tokenType(), signer.test() ? ", TEST" : "");
        }
        if (s.bestSignatureTime() != null) {
            out.printf("    signed at: %s%s%n", s.bestSignatureTime(),
                    s.claimedSigningTime() == null ? "" : " (claimed " + s.claimedSigningTime() + ")");
        }
        if (row.audited() != null) {
            out.printf("    %s%n", row.audited().counted() ? "COUNTED" : "EXCLUDED: "
                    + row.audited().exclusions().stream().map(Enum::name).collect(Collectors.joining(", "))
                    + (row.audited().duplicateOf() == null ? "" : " (duplicate of " + row.audited().duplicateOf().container()
                    + " " + row.audited().duplicateOf().file() + ")"));
        }
        findings(repeated.ownOfSignature(s.findings()), out, "    ");
    }

    /** For an audit checked against the population register's list: that it was, and with how many codes. */
    static void register(Output output, PrintWriter out) {
        java.util.Set<String> residents = output.audit().policy().residents();
        if (residents != null) {
            out.printf("register: checked against the population register's list of %d personal code(s); signers not in"
                    + " it are NOT_IN_REGISTER%n", residents.size());
        }
    }

    /** The repeated findings, once each, with where they are. */
    static void repeated(RepeatedFindings repeated, int containers, int signatures, PrintWriter out) {
        for (RepeatedFindings.Repeated r : repeated.list()) {
            Finding f = r.finding();
            int of = r.onSignatures() ? signatures : containers;
            String where = (r.count() == of ? "all " : "") + r.count() + " " + (r.onSignatures() ? "signatures" : "containers");
            out.printf("%s %s%s on %s: %s%n", f.severity(), f.code(),
                    r.sameLocation() && f.location() != null ? " [" + f.location() + "]" : "", where, f.message());
        }
    }

    static void skipped(Output output, PrintWriter out) {
        if (output.provenance() == null) {
            return;
        }
        output.provenance().skipped().forEach(s -> out.printf("skipped %s: %s%n", s.path(), SkipReasons.describe(s.reason())));
    }

    private static void findings(List<Finding> findings, PrintWriter out, String indent) {
        for (Finding f : findings) {
            out.printf("%s%s %s%s: %s%n", indent, f.severity(), f.code(),
                    f.location() == null ? "" : " [" + f.location() + "]", f.message());
        }
    }
}
