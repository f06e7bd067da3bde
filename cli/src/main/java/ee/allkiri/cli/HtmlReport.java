package ee.allkiri.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.Signer;
import ee.allkiri.core.Summary;
import ee.allkiri.core.audit.AuditSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One self-contained HTML file (no external assets; a content security policy forbids them):
 * the summary figures, a chart of signatures per day and a sortable table, drawn by an inline
 * script from the data embedded in the page.
 */
final class HtmlReport {

    private static final List<String> COLUMNS = List.of("container", "signature", "signer", "personal code", "token",
            "signed at", "verdict", "findings");

    private HtmlReport() {
    }

    static void write(Output output, PrintWriter out) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        Summary summary = output.verification().summary();
        data.put("title", output.isAudit() ? "allkiri audit" : "allkiri verification");
        ArrayNode figures = data.putArray("figures");
        figure(figures, "containers", "containers", summary.containers(), null);
        figure(figures, "signatures", "signatures", summary.signatures(), null);
        figure(figures, "valid", "valid", summary.valid(), "ok");
        figure(figures, "invalid", "invalid", summary.invalid(), summary.invalid() > 0 ? "bad" : null);
        figure(figures, "indeterminate", "indeterminate", summary.indeterminate(), summary.indeterminate() > 0 ? "bad" : null);
        Map<LocalDate, Integer> perDay;
        if (output.isAudit()) {
            AuditSummary a = output.audit().summary();
            figure(figures, "counted", "counted", a.counted(), "ok");
            figure(figures, "excluded", "excluded", a.signatures() - a.counted(), null);
            if (a.threshold() != null) {
                figure(figures, "threshold", "threshold", a.threshold(), null);
            }
            ObjectNode reached = figures.addObject();
            reached.put("id", "threshold-reached");
            reached.put("label", "threshold reached");
            reached.put("value", a.thresholdReached() ? "yes" : "no");
            reached.put("tone", a.thresholdReached() ? "ok" : "bad");
            perDay = a.countedPerDay();
            data.put("subtitle", "document SHA-256 " + output.audit().policy().documentSha256() + "; counted signatures per day");
        } else {
            perDay = validPerDay(output, ZoneId.of("Europe/Tallinn"));
            data.put("subtitle", "valid signatures per day by best signature time");
        }
        ObjectNode days = data.putObject("perDay");
        perDay.forEach((d, n) -> days.put(d.toString(), n));
        ArrayNode columns = data.putArray("columns");
        COLUMNS.forEach(columns::add);
        if (output.isAudit()) {
            columns.insert(COLUMNS.size() - 1, "exclusions");
        }
        ArrayNode rows = data.putArray("rows");
        for (Output.Row row : output.rows()) {
            SignatureReport s = row.signature();
            Signer p = s.signer();
            ArrayNode r = rows.addArray();
            r.add(row.container().path());
            r.add(s.file());
            r.add(p == null ? "" : nonNull(p.commonName()));
            r.add(p == null ? "" : nonNull(p.personalCode()));
            r.add(p == null ? "" : p.tokenType().name());
            Instant at = row.audited() != null ? row.audited().signedAt() : s.bestSignatureTime();
            r.add(at == null ? "" : at.toString());
            r.add(s.indication() + (s.subIndication() == null ? "" : "/" + s.subIndication()));
            if (row.audited() != null) {
                r.add(row.audited().counted() ? "counted"
                        : row.audited().exclusions().stream().map(Enum::name).collect(Collectors.joining(" ")));
            }
            r.add(s.findings().stream().map(f -> f.code().name()).collect(Collectors.joining(" ")));
        }
        String json = data.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        out.print(template().replace("/*DATA*/", json));
    }

    private static void figure(ArrayNode figures, String id, String label, int value, String tone) {
        ObjectNode f = figures.addObject();
        f.put("id", id);
        f.put("label", label);
        f.put("value", String.valueOf(value));
        if (tone != null) {
            f.put("tone", tone);
        }
    }

    private static Map<LocalDate, Integer> validPerDay(Output output, ZoneId zone) {
        Map<LocalDate, Integer> out = new TreeMap<>();
        for (Output.Row row : output.rows()) {
            if (row.signature().valid() && row.signature().bestSignatureTime() != null) {
                out.merge(row.signature().bestSignatureTime().atZone(zone).toLocalDate(), 1, Integer::sum);
            }
        }
        return out;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String template() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.html")) {
            if (in == null) {
                throw new IllegalStateException("report.html missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
