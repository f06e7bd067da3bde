package ee.allkiri.cli;

import ee.allkiri.core.Finding;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.Signer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One row per signature (RFC 4180: comma separated, CRLF line ends, fields with a comma,
 * quote or line break quoted). A container without signatures gets one row with an empty
 * signature file, so that no container disappears from the table.
 */
final class CsvReport {

    private static final List<String> HEADER = List.of("container", "containerValid", "containerFindings", "file", "id",
            "valid", "indication", "subIndication", "profile", "level", "commonName", "givenName", "surname", "country",
            "personalCode", "identifierType", "identifier", "tokenType", "test", "claimedSigningTime", "bestSignatureTime", "timestampTime",
            "ocspProducedAt", "findings");

    private CsvReport() {
    }

    static void write(Output output, PrintWriter out) {
        List<String> header = new ArrayList<>(HEADER);
        if (output.isAudit()) {
            header.addAll(List.of("signedAt", "counted", "exclusions"));
        }
        line(out, header);
        for (var container : output.verification().containers()) {
            if (container.signatures().isEmpty()) {
                List<String> cells = new ArrayList<>(List.of(container.path(), String.valueOf(container.valid()),
                        codes(container.findings())));
                while (cells.size() < header.size()) {
                    cells.add("");
                }
                line(out, cells);
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
            if (row.audited() != null) {
                cells.add(text(row.audited().signedAt()));
                cells.add(String.valueOf(row.audited().counted()));
                cells.add(row.audited().exclusions().stream().map(Enum::name).collect(Collectors.joining(" ")));
            }
            line(out, cells);
        }
    }

    private static String codes(List<Finding> findings) {
        return findings.stream().map(f -> f.code().name()).collect(Collectors.joining(" "));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static void line(PrintWriter out, List<String> cells) {
        out.print(cells.stream().map(CsvReport::quote).collect(Collectors.joining(",")));
        out.print("\r\n");
    }

    static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
