package ee.allkiri.cli;

import ee.allkiri.core.Provenance;
import java.util.List;
import java.util.Map;

/**
 * The "How this report was made" section of the HTML report: the allkiri version, the
 * validation time, the options and policy, each trust source (lists with sequence number,
 * issue date and SHA-256; anchors by count and set digest), each container by name, SHA-256 and
 * size, and the files skipped. Containers are listed open up to {@value #OPEN_UP_TO}, folded
 * beyond (a click shows them; no script needed).
 */
final class HtmlProvenance {

    static final int OPEN_UP_TO = 20;

    private HtmlProvenance() {
    }

    static void write(Output output, StringBuilder out) {
        Provenance p = output.provenance();
        out.append("<section id=\"provenance\"><h2>How this report was made</h2><table class=\"facts\"><tbody>");
        fact(out, "allkiri-version", "allkiri version", Html.text(p.allkiriVersion()));
        fact(out, "validation-time", "validation time", Html.text(p.validationTime()));
        for (Map.Entry<String, String> e : p.options().entrySet()) {
            fact(out, "option-" + e.getKey(), e.getKey(), Html.breakable(e.getValue()));
        }
        out.append("</tbody></table>");
        trust(p.trust(), out);
        inputs(p.inputs(), out);
        skipped(p.skipped(), out);
        out.append("</section>");
    }

    private static void fact(StringBuilder out, String id, String name, String valueHtml) {
        out.append("<tr id=\"p-").append(Html.text(id)).append("\"><th scope=\"row\">").append(Html.text(name))
                .append("</th><td>").append(valueHtml).append("</td></tr>");
    }

    private static void trust(List<Provenance.Trust> trust, StringBuilder out) {
        out.append("<h3>Trust</h3><ul id=\"trust\">");
        for (Provenance.Trust t : trust) {
            out.append("<li><b>").append(Html.breakable(t.source())).append("</b>");
            if (!t.lists().isEmpty()) {
                out.append("<ul>");
                for (Provenance.TrustList l : t.lists()) {
                    out.append("<li class=\"trust-list\">trusted list ").append(Html.text(l.name())).append(", sequence ")
                            .append(l.sequence()).append(", issued ").append(Html.text(l.issued())).append(", next update ")
                            .append(l.nextUpdate() == null ? "none" : Html.text(l.nextUpdate())).append(", SHA-256 <code>")
                            .append(Html.text(l.sha256())).append("</code></li>");
                }
                out.append("</ul>");
            }
            if (!t.anchors().isEmpty()) {
                out.append("<div>").append(t.anchors().size()).append(" certificates trusted directly, set SHA-256 <code>")
                        .append(Html.text(t.anchorsSha256())).append("</code></div>");
            }
            out.append("</li>");
        }
        out.append("</ul>");
    }

    private static void inputs(List<Provenance.Input> inputs, StringBuilder out) {
        out.append("<details id=\"inputs\"").append(inputs.size() <= OPEN_UP_TO ? " open" : "").append("><summary>")
                .append(inputs.size()).append(" input file(s) with their SHA-256 and size</summary>")
                .append("<table class=\"facts\"><thead><tr><th>name</th><th>SHA-256</th><th>bytes</th></tr></thead><tbody>");
        for (Provenance.Input i : inputs) {
            out.append("<tr><td>").append(Html.breakable(i.name())).append("</td><td><code>")
                    .append(i.sha256() == null ? "unreadable: " + Html.text(i.unreadable()) : Html.text(i.sha256()))
                    .append("</code></td><td>").append(i.size() == null ? "" : i.size()).append("</td></tr>");
        }
        out.append("</tbody></table></details>");
    }

    private static void skipped(List<Provenance.Skipped> skipped, StringBuilder out) {
        if (skipped.isEmpty()) {
            return;
        }
        out.append("<details id=\"skipped\"").append(skipped.size() <= OPEN_UP_TO ? " open" : "").append("><summary>")
                .append(skipped.size()).append(" file(s) skipped</summary><ul>");
        for (Provenance.Skipped s : skipped) {
            out.append("<li>").append(Html.breakable(s.name() == null ? s.path() : s.name())).append(": ")
                    .append(Html.text(SkipReasons.describe(s.reason()))).append("</li>");
        }
        out.append("</ul></details>");
    }
}
