package ee.allkiri.cli;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.Provenance;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.Signer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One row per signature (RFC 4180: CRLF line ends, fields with the separator, a quote or a line
 * break quoted), after a UTF-8 byte order mark (so that spreadsheets read the names right) and
 * the provenance as {@code # key: value} lines. A container without signatures gets one row with
 * an empty signature file, so that no container disappears from the table. A text cell that a
 * spreadsheet would run as a formula ({@code = + - @}) gets a leading apostrophe.
 */
final class CsvReport {

    private static final List<String> HEADER = List.of("container", "containerValid", "containerFindings", "file", "id",
            "valid", "indication", "subIndication", "profile", "level", "commonName", "givenName", "surname", "country",
            "personalCode", "identifierType", "identifier", "tokenType", "test", "claimedSigningTime", "bestSignatureTime",
            "timestampTime", "ocspProducedAt", "findings", "containerSha256", "containerSize");

    private final char separator;
    private final PrintWriter out;

    private CsvReport(char separator, PrintWriter out) {
        this.separator = separator;
        this.out = out;
    }

    static void write(Output output, char separator, PrintWriter out) {
        new CsvReport(separator, out).write(output);
    }

    private void write(Output output) {
        if (output.provenance() != null) {
            provenance(output.provenance());
        }
        List<String> header = new ArrayList<>(HEADER);
        if (output.isAudit()) {
            header.addAll(List.of("signedAt", "counted", "exclusions", "duplicateOfContainer", "duplicateOfFile"));
        }
        line(header);
        for (ContainerReport container : output.verification().containers()) {
            if (container.signatures().isEmpty()) {
                List<String> cells = new ArrayList<>(List.of(container.path(), String.valueOf(container.valid()),
                        codes(container.findings())));
                while (cells.size() < HEADER.size() - 2) {
                    cells.add("");
                }
                cells.addAll(input(output, container));
                while (cells.size() < header.size()) {
                    cells.add("");
                }
                line(cells);
            }
        }
        for (Output.Row row : output.rows()) {
            SignatureReport s = row.signature();
            Signer p = s.signer();
            List<String> cells = new ArrayList<>(List.of(row.container().path(), String.valueOf(row.container().valid()),
                    codes(row.container().findings()), s.file(), text(s.id()), String.valueOf(s.valid()),
                    s.indication().name(), text(s.subIndication()), s.profile().name(), s.level().name(),
                    p == null ? "" : text(p.commonName()), p == null ? "" : text(p.givenName()),
                    p == null ? "" : text(p.surname()), p == null ? "" : text(p.country()),
                    p == null ? "" : text(p.personalCode()), p == null ? "" : text(p.identifierType()),
                    p == null ? "" : text(p.identifier()), p == null ? "" : p.tokenType().name(),
                    p == null ? "" : String.valueOf(p.test()), text(s.claimedSigningTime()), text(s.bestSignatureTime()),
                    text(s.timestampTime()), text(s.ocspProducedAt()), codes(s.findings())));
            cells.addAll(input(output, row.container()));
            if (row.audited() != null) {
                cells.add(text(row.audited().signedAt()));
                cells.add(String.valueOf(row.audited().counted()));
                cells.add(row.audited().exclusions().stream().map(Enum::name).collect(Collectors.joining(" ")));
                cells.add(row.audited().duplicateOf() == null ? "" : row.audited().duplicateOf().container());
                cells.add(row.audited().duplicateOf() == null ? "" : row.audited().duplicateOf().file());
            }
            line(cells);
        }
    }

    /** The container file's SHA-256 and size, when the provenance has them. */
    private static List<String> input(Output output, ContainerReport c) {
        if (output.provenance() == null) {
            return List.of("", "");
        }
        return output.provenance().input(c.path())
                .map(i -> List.of(text(i.sha256()), text(i.size())))
                .orElse(List.of("", ""));
    }

    /** The provenance as comment lines: one {@code # key: value} each. */
    private void provenance(Provenance p) {
        comment("allkiriVersion", p.allkiriVersion());
        comment("validationTime", p.validationTime().toString());
        for (Map.Entry<String, String> e : p.options().entrySet()) {
            comment("option." + e.getKey(), e.getValue());
        }
        int n = 0;
        for (Provenance.Trust t : p.trust()) {
            n++;
            comment("trust." + n + ".source", t.source());
            for (Provenance.TrustList l : t.lists()) {
                comment("trust." + n + ".list", l.name() + " sequence " + l.sequence() + " issued " + l.issued()
                        + " nextUpdate " + l.nextUpdate() + " sha256 " + l.sha256() + " " + l.url());
            }
            if (!t.anchors().isEmpty()) {
                comment("trust." + n + ".anchors", t.anchors().size() + " certificates, set sha256 " + t.anchorsSha256());
            }
        }
        for (Provenance.Input i : p.inputs()) {
            if (i.unreadable() != null) {
                comment("unreadable", i.path() + " (" + i.unreadable() + ")");
            }
        }
        for (Provenance.Skipped s : p.skipped()) {
            comment("skipped", s.path() + " (" + s.reason() + ")");
        }
    }

    private void comment(String key, String value) {
        out.print("# " + key + ": " + oneLine(value) + "\r\n");
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\r', ' ').replace('\n', ' ');
    }

    private static String codes(List<Finding> findings) {
        return findings.stream().map(f -> f.code().name()).collect(Collectors.joining(" "));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private void line(List<String> cells) {
        out.print(cells.stream().map(this::cell).collect(Collectors.joining(String.valueOf(separator))));
        out.print("\r\n");
    }

    private String cell(String value) {
        String cell = defuse(value);
        if (cell.indexOf(separator) < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0
                && !cell.startsWith("#")) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    /** A cell a spreadsheet would take for a formula gets a leading apostrophe (OWASP CSV injection). */
    static String defuse(String cell) {
        if (cell.length() > 1 && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
