package ee.allkiri.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ee.allkiri.core.ReportJson;
import ee.allkiri.core.VerificationReport;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;

/**
 * The JSON form of an audit: exactly the verify JSON (same {@code schemaVersion}), with
 * {@code counted}, {@code exclusions} and {@code duplicateOf} on every signature, and the audit's figures added to
 * {@code summary} ({@code counted}, {@code excluded} per reason, {@code thresholdReached},
 * {@code threshold}, {@code complete} and the {@code incomplete} containers, {@code countedPerDay})
 * and the {@code policy} it ran with.
 *
 * @since 0.1.0
 */
public final class AuditJson {

    private AuditJson() {
    }

    public static JsonNode tree(AuditReport report) {
        ObjectNode root = ReportJson.tree(new VerificationReport(report.containers()));
        Iterator<AuditedSignature> audited = report.signatures().iterator();
        for (JsonNode container : root.withArray("containers")) {
            for (JsonNode signature : container.withArray("signatures")) {
                AuditedSignature a = audited.next();
                ObjectNode node = (ObjectNode) signature;
                node.put("signedAt", a.signedAt() == null ? null : a.signedAt().toString());
                node.put("counted", a.counted());
                ArrayNode exclusions = node.putArray("exclusions");
                a.exclusions().forEach(e -> exclusions.add(e.name()));
                if (a.duplicateOf() == null) {
                    node.putNull("duplicateOf");
                } else {
                    node.putObject("duplicateOf").put("container", a.duplicateOf().container())
                            .put("file", a.duplicateOf().file());
                }
            }
        }
        ObjectNode summary = (ObjectNode) root.get("summary");
        AuditSummary s = report.summary();
        summary.put("counted", s.counted());
        ObjectNode excluded = summary.putObject("excluded");
        for (Exclusion e : Exclusion.values()) {
            if (s.excluded().containsKey(e)) {
                excluded.put(e.name(), s.excluded().get(e));
            }
        }
        summary.put("threshold", s.threshold());
        summary.put("thresholdReached", s.thresholdReached());
        summary.put("complete", s.complete());
        ArrayNode incomplete = summary.putArray("incomplete");
        s.incomplete().forEach(incomplete::add);
        ObjectNode perDay = summary.putObject("countedPerDay");
        s.countedPerDay().forEach((day, n) -> perDay.put(day.toString(), n));
        AuditPolicy p = report.policy();
        ObjectNode policy = root.putObject("policy");
        policy.put("documentSha256", p.documentSha256());
        policy.put("from", p.from() == null ? null : p.from().toString());
        policy.put("until", p.until() == null ? null : p.until().toString());
        policy.put("minimumAge", p.minimumAge());
        ArrayNode tokens = policy.putArray("eligibleTokens");
        p.eligibleTokens().stream().sorted().forEach(t -> tokens.add(t.name()));
        ArrayNode countries = policy.putArray("eligibleCountries");
        p.eligibleCountries().stream().sorted().forEach(countries::add);
        policy.put("acceptTest", p.acceptTest());
        policy.put("zone", p.zone().getId());
        policy.put("residents", p.residents() == null ? null : p.residents().size());
        return root;
    }

    public static void write(AuditReport report, OutputStream out) throws IOException {
        ReportJson.writer().writeValue(out, tree(report));
    }

    public static String write(AuditReport report) {
        try {
            return ReportJson.writer().writeValueAsString(tree(report));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
