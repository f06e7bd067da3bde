package ee.allkiri.cli;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.Summary;
import ee.allkiri.core.audit.AuditSummary;
import ee.allkiri.core.audit.Exclusion;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --format text --summary}: the counts of a run, for bundles of thousands of signatures:
 * containers, verdicts, findings per code, token types; for an audit the count, the exclusions
 * per code, the counted signatures per day and per token type. No line per signature.
 */
final class TextSummary {

    private TextSummary() {
    }

    static void write(Output output, PrintWriter out) {
        Summary sum = output.verification().summary();
        out.printf("%d container(s), %d signature(s): %d valid, %d invalid, %d indeterminate%n",
                sum.containers(), sum.signatures(), sum.valid(), sum.invalid(), sum.indeterminate());
        long validContainers = output.verification().containers().stream().filter(ContainerReport::valid).count();
        out.printf("containers: %d valid, %d not valid%n", validContainers, sum.containers() - validContainers);
        Map<String, Integer> verdicts = new TreeMap<>();
        Map<String, Integer> findings = new TreeMap<>();
        Map<String, Integer> tokens = new TreeMap<>();
        for (ContainerReport c : output.verification().containers()) {
            c.findings().stream().distinct().forEach(f -> findings.merge(key(f, "container"), 1, Integer::sum));
            for (SignatureReport s : c.signatures()) {
                verdicts.merge(s.indication() + (s.subIndication() == null ? "" : "/" + s.subIndication()), 1, Integer::sum);
                s.findings().stream().distinct().forEach(f -> findings.merge(key(f, "signature"), 1, Integer::sum));
                tokens.merge(s.signer() == null ? "no signer" : s.signer().tokenType().name(), 1, Integer::sum);
            }
        }
        section(out, "signatures by verdict", verdicts);
        section(out, "findings (each counted once per container or signature)", findings);
        section(out, "signatures by token type", tokens);
        TextReport.skipped(output, out);
        if (output.isAudit()) {
            audit(output, out);
        }
    }

    private static void audit(Output output, PrintWriter out) {
        AuditSummary a = output.audit().summary();
        out.printf("counted: %d%s%n", a.counted(), a.threshold() == null ? ""
                : " of " + a.threshold() + " needed: threshold " + (!a.complete() ? "UNDECIDED (the count is incomplete)"
                : a.thresholdReached() ? "reached" : "NOT reached"));
        TextReport.register(output, out);
        if (!a.complete()) {
            out.printf("count INCOMPLETE: %d container(s) ran past the time budget (LIMIT_TIME): %s%n",
                    a.incomplete().size(), String.join(", ", a.incomplete()));
        }
        Map<String, Integer> excluded = new TreeMap<>();
        for (Map.Entry<Exclusion, Integer> e : a.excluded().entrySet()) {
            excluded.put(e.getKey().name(), e.getValue());
        }
        section(out, "excluded signatures by reason (a signature may have several)", excluded);
        Map<String, Integer> counted = new TreeMap<>();
        output.audit().signatures().stream().filter(s -> s.counted()).forEach(s -> counted.merge(
                s.signature().signer() == null ? "no signer" : s.signature().signer().tokenType().name(), 1, Integer::sum));
        section(out, "counted by token type", counted);
        Map<String, Integer> perDay = new TreeMap<>();
        a.countedPerDay().forEach((day, n) -> perDay.put(day.toString(), n));
        section(out, "counted per day (" + output.audit().policy().zone().getId() + ")", perDay);
    }

    private static String key(Finding f, String where) {
        return f.severity() + " " + f.code() + " (" + where + ")";
    }

    private static void section(PrintWriter out, String title, Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return;
        }
        out.printf("%s:%n", title);
        int width = counts.keySet().stream().mapToInt(String::length).max().orElse(0);
        counts.forEach((k, n) -> out.printf("  %-" + width + "s %d%n", k, n));
    }
}
