package ee.allkiri.cli;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.Signer;
import ee.allkiri.core.Summary;
import ee.allkiri.core.audit.AuditPolicy;
import ee.allkiri.core.audit.AuditSummary;
import ee.allkiri.core.audit.Exclusion;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One self-contained HTML page (no external assets; a content security policy forbids them),
 * readable without JavaScript: the summary figures, a bar chart per day over the whole window
 * (inline SVG), filters for the table (radio buttons and CSS: all, counted, excluded, each
 * exclusion), the table of signatures, and how the report was made. The only script sorts the
 * table by a column. Containers are named relative to the folder given, never by the auditor's
 * absolute path; personal codes are masked unless the caller said otherwise. The table wraps
 * long cells instead of overflowing and becomes one card per signature on narrow screens.
 */
final class HtmlReport {

    private final Output output;
    private final StringBuilder body = new StringBuilder();
    private final StringBuilder filterRules = new StringBuilder();

    private HtmlReport(Output output) {
        this.output = output;
    }

    static void write(Output output, PrintWriter out) {
        HtmlReport page = new HtmlReport(output);
        page.header();
        page.figures();
        page.chart();
        page.table();
        if (output.provenance() != null) {
            HtmlProvenance.write(output, page.body);
        }
        String html = template().replace("/*FILTERS*/", page.filterRules.toString())
                .replace("<!--BODY-->", page.body.toString())
                .replace("<!--TITLE-->", output.isAudit() ? "allkiri audit" : "allkiri verification");
        out.print(html);
    }

    private void header() {
        body.append("<header><h1 id=\"title\">").append(output.isAudit() ? "allkiri audit" : "allkiri verification")
                .append("</h1>");
        if (output.isAudit()) {
            AuditPolicy p = output.audit().policy();
            body.append("<p class=\"muted\" id=\"subtitle\">Document SHA-256 <code>").append(Html.breakable(p.documentSha256()))
                    .append("</code>; ").append(window(p)).append("; minimum age ").append(p.minimumAge()).append("</p>");
            if (p.acceptTest()) {
                body.append("<p class=\"banner rehearsal\" id=\"rehearsal\"><b>Rehearsal, not a real count:</b> signatures"
                        + " made with TEST certificates were counted (<code>--accept-test-certificates</code>).</p>");
            }
            if (p.from() == null && p.until() == null) {
                body.append("<p class=\"banner warning\" id=\"no-window\">No collection window was given: signatures of"
                        + " any date count.</p>");
            }
            AuditSummary a = output.audit().summary();
            if (!a.complete()) {
                body.append("<p class=\"banner rehearsal\" id=\"incomplete\"><b>The count is incomplete:</b> ")
                        .append(a.incomplete().size()).append(" container(s) ran past the time budget (LIMIT_TIME), so")
                        .append(" their signatures are unknown and whether the threshold is reached is undecided: ")
                        .append(a.incomplete().stream().map(path -> Html.breakable(output.name(path)))
                                .collect(Collectors.joining(", "))).append(".</p>");
            }
            if (p.residents() != null) {
                body.append("<p class=\"muted\" id=\"register\">Checked against the population register's list of ")
                        .append(p.residents().size()).append(" personal code(s): a signer not in it is not counted"
                                + " (<code>NOT_IN_REGISTER</code>).</p>");
            }
        } else {
            body.append("<p class=\"muted\" id=\"subtitle\">The verdict on every signature.</p>");
        }
        body.append("</header>");
    }

    private static String window(AuditPolicy p) {
        if (p.from() == null && p.until() == null) {
            return "no collection window";
        }
        return "collection window " + local(p.from(), p.zone()) + " to " + local(p.until(), p.zone()) + " ("
                + Html.text(p.zone().getId()) + ")";
    }

    private static String local(Instant at, ZoneId zone) {
        return at == null ? "open" : Html.text(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(at.atZone(zone)));
    }

    private void figures() {
        Summary s = output.verification().summary();
        body.append("<section class=\"figures\" id=\"figures\">");
        figure("containers", "containers", s.containers(), null);
        figure("signatures", "signatures", s.signatures(), null);
        figure("valid", "valid", s.valid(), "ok");
        figure("invalid", "invalid", s.invalid(), s.invalid() > 0 ? "bad" : null);
        figure("indeterminate", "indeterminate", s.indeterminate(), s.indeterminate() > 0 ? "bad" : null);
        if (output.isAudit()) {
            AuditSummary a = output.audit().summary();
            figure("counted", "counted", a.counted(), "ok");
            figure("excluded", "excluded", a.signatures() - a.counted(), null);
            if (a.threshold() != null) {
                figure("threshold", "threshold", a.threshold(), null);
            }
            if (!a.complete()) {
                figure("threshold-reached", "threshold reached", "undecided", "bad");
            } else {
                figure("threshold-reached", "threshold reached", a.thresholdReached() ? "yes" : "no",
                        a.thresholdReached() ? "ok" : "bad");
            }
        }
        if (output.provenance() != null) {
            long unreadable = output.provenance().inputs().stream().filter(i -> i.unreadable() != null).count();
            if (unreadable > 0) {
                figure("unreadable", "unreadable inputs", unreadable, "bad");
            }
            if (!output.provenance().skipped().isEmpty()) {
                figure("skipped", "files skipped", output.provenance().skipped().size(), null);
            }
        }
        body.append("</section>");
    }

    private void figure(String id, String label, Object value, String tone) {
        body.append("<div class=\"figure\"><b id=\"summary-").append(id).append('"')
                .append(tone == null ? "" : " class=\"" + tone + "\"").append('>').append(Html.text(value)).append("</b>")
                .append(Html.text(label)).append("</div>");
    }

    private void chart() {
        SortedMap<LocalDate, Integer> perDay;
        LocalDate first = null;
        LocalDate last = null;
        String label;
        if (output.isAudit()) {
            AuditPolicy p = output.audit().policy();
            perDay = output.audit().summary().countedPerDay();
            first = p.from() == null ? null : p.from().atZone(p.zone()).toLocalDate();
            last = p.until() == null ? null : p.until().atZone(p.zone()).toLocalDate();
            label = "counted signatures per day (" + p.zone().getId() + ")";
        } else {
            perDay = validPerDay(AuditPolicy.ESTONIA);
            label = "valid signatures per day by the proven signing time (" + AuditPolicy.ESTONIA.getId() + ")";
        }
        body.append("<h2>Signatures per day</h2><div class=\"chart\" id=\"chart\">")
                .append(HtmlChart.svg(perDay, first, last, label)).append("</div>");
    }

    private SortedMap<LocalDate, Integer> validPerDay(ZoneId zone) {
        SortedMap<LocalDate, Integer> out = new TreeMap<>();
        for (Output.Row row : output.rows()) {
            Instant at = row.signature().bestSignatureTime();
            if (row.signature().valid() && at != null) {
                out.merge(at.atZone(zone).toLocalDate(), 1, Integer::sum);
            }
        }
        return out;
    }

    private void table() {
        List<String> columns = new ArrayList<>(List.of("container", "signature", "signer", "personal code", "token",
                "signed at", "verdict"));
        if (output.isAudit()) {
            columns.add("exclusions");
        }
        columns.add("findings");
        body.append("<h2>Signatures</h2><section class=\"rows\" id=\"table\">");
        filters();
        body.append("<div class=\"table-wrap\"><table id=\"signatures\"><thead><tr id=\"head\">");
        for (int i = 0; i < columns.size(); i++) {
            body.append("<th scope=\"col\" data-column=\"").append(i).append("\">").append(Html.text(columns.get(i)))
                    .append("</th>");
        }
        body.append("</tr></thead><tbody id=\"rows\">");
        for (ContainerReport c : output.verification().containers()) {
            if (c.signatures().isEmpty()) {
                containerRow(c, columns);
            }
        }
        for (Output.Row row : output.rows()) {
            signatureRow(row, columns);
        }
        body.append("</tbody></table></div></section>");
    }

    /** Radio buttons and the CSS that hides rows: they work without a script. */
    private void filters() {
        Map<String, Integer> options = new java.util.LinkedHashMap<>();
        List<Output.Row> rows = output.rows();
        int noSignature = (int) output.verification().containers().stream().filter(c -> c.signatures().isEmpty()).count();
        options.put("all", rows.size() + noSignature);
        if (output.isAudit()) {
            options.put("counted", (int) rows.stream().filter(r -> r.audited().counted()).count());
            options.put("excluded", (int) rows.stream().filter(r -> !r.audited().counted()).count() + noSignature);
            Map<Exclusion, Integer> byReason = new EnumMap<>(Exclusion.class);
            byReason.putAll(output.audit().summary().excluded());
            byReason.forEach((e, n) -> options.put("x-" + e.name(), n));
        } else {
            options.put("valid", (int) rows.stream().filter(r -> r.signature().valid()).count());
            options.put("invalid", (int) rows.stream().filter(r -> !r.signature().valid()).count() + noSignature);
        }
        body.append("<fieldset class=\"filters\"><legend>Show</legend>");
        for (Map.Entry<String, Integer> o : options.entrySet()) {
            String id = "filter-" + o.getKey();
            String label = o.getKey().startsWith("x-") ? o.getKey().substring(2) : o.getKey();
            body.append("<input type=\"radio\" name=\"filter\" id=\"").append(id).append('"')
                    .append(o.getKey().equals("all") ? " checked" : "").append("><label for=\"").append(id).append("\">")
                    .append(Html.breakable(label)).append(" (").append(o.getValue()).append(")</label> ");
            if (!o.getKey().equals("all")) {
                filterRules.append("#").append(id).append(":checked ~ .table-wrap tbody tr:not(.").append(o.getKey())
                        .append(") { display: none; }\n");
            }
        }
        body.append("</fieldset>");
    }

    private void containerRow(ContainerReport c, List<String> columns) {
        List<String> cells = new ArrayList<>();
        cells.add(Html.breakable(output.name(c)));
        cells.add("<span class=\"muted\">no signature</span>");
        cells.add("");
        cells.add("");
        cells.add("");
        cells.add("");
        cells.add(Html.text(c.indication()));
        if (output.isAudit()) {
            cells.add("");
        }
        cells.add(codes(c.findings()));
        row(output.isAudit() ? "excluded" : "invalid", columns, cells);
    }

    private void signatureRow(Output.Row row, List<String> columns) {
        SignatureReport s = row.signature();
        Signer p = s.signer();
        List<String> cells = new ArrayList<>();
        cells.add(Html.breakable(output.name(row.container())));
        cells.add(Html.breakable(s.file()));
        cells.add(p == null ? "" : Html.breakable(p.commonName()));
        cells.add(p == null ? "" : Html.text(p.personalCode()));
        cells.add(p == null ? "" : Html.text(p.tokenType().name()) + (p.test() ? " TEST" : ""));
        Instant at = row.audited() != null ? row.audited().signedAt() : s.bestSignatureTime();
        cells.add(at == null ? "<span class=\"muted\">not proven</span>" : Html.text(at));
        cells.add(Html.breakable(s.indication() + (s.subIndication() == null ? "" : "/" + s.subIndication())));
        String classes;
        if (row.audited() != null) {
            cells.add(row.audited().counted() ? "<span class=\"ok\">counted</span>"
                    : row.audited().exclusions().stream().map(e -> Html.breakable(e.name())).collect(Collectors.joining(" "))
                    + duplicateOf(row.audited()));
            classes = row.audited().counted() ? "counted"
                    : "excluded " + row.audited().exclusions().stream().map(e -> "x-" + e.name()).collect(Collectors.joining(" "));
        } else {
            classes = s.valid() ? "valid" : "invalid";
        }
        cells.add(codes(s.findings()));
        row(classes, columns, cells);
    }

    /** For a duplicate, the signature that counts instead: its container (by name) and file. */
    private String duplicateOf(ee.allkiri.core.audit.AuditedSignature audited) {
        if (audited.duplicateOf() == null) {
            return "";
        }
        return " <span class=\"muted duplicate-of\">of " + Html.breakable(output.name(audited.duplicateOf().container()))
                + " " + Html.breakable(audited.duplicateOf().file()) + "</span>";
    }

    private void row(String classes, List<String> columns, List<String> cells) {
        body.append("<tr class=\"").append(classes).append("\">");
        for (int i = 0; i < cells.size(); i++) {
            String column = columns.get(i);
            String css = column.equals("findings") || column.equals("exclusions") ? " class=\"codes\""
                    : column.equals("personal code") || column.equals("signed at") ? " class=\"nowrap\"" : "";
            body.append("<td data-label=\"").append(Html.text(column)).append('"').append(css).append('>')
                    .append(cells.get(i)).append("</td>");
        }
        body.append("</tr>");
    }

    private static String codes(List<Finding> findings) {
        return findings.stream().map(f -> "<span class=\"sev-" + f.severity().name().toLowerCase(java.util.Locale.ROOT) + "\">"
                + Html.breakable(f.code().name()) + "</span>").collect(Collectors.joining(" "));
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
