package ee.allkiri.cli;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.Provenance;
import ee.allkiri.core.SignatureReport;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML in the Ant format CI servers read (it validates against the common JUnit.xsd):
 * one test suite per container, a test case named "container" for the container's own rules
 * and one per signature. A signature that is not valid (for an audit: that does not count) is
 * a failure whose text lists the findings and exclusions; the container's findings go to the
 * suite's system-out.
 *
 * <p>The suite name is the container's name relative to the folder given (never the auditor's
 * absolute path); the {@code classname} is that name without its extension and with dots
 * replaced, since CI servers split class names at dots into packages. Times are the measured
 * seconds. Each suite's {@code properties} carry the provenance (and the container's SHA-256
 * and size).
 */
final class JunitReport {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private JunitReport() {
    }

    static void write(Output output, Instant when, OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
        String timestamp = TIMESTAMP.format(when.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
        List<Output.Row> rows = output.rows();
        Map<String, String> common = output.provenance() == null ? Map.of() : properties(output.provenance());
        xml.writeStartDocument("UTF-8", "1.0");
        newline(xml, 0);
        xml.writeStartElement("testsuites");
        int id = 0;
        for (ContainerReport c : output.verification().containers()) {
            List<Output.Row> mine = rows.stream().filter(r -> r.container() == c).toList();
            long failures = mine.stream().filter(JunitReport::failed).count() + (containerFailed(c) ? 1 : 0);
            String name = output.name(c);
            String className = className(name);
            Duration total = output.timings().container(c.path());
            newline(xml, 1);
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", name);
            xml.writeAttribute("package", "allkiri");
            xml.writeAttribute("id", String.valueOf(id++));
            xml.writeAttribute("timestamp", timestamp);
            xml.writeAttribute("hostname", "localhost");
            xml.writeAttribute("tests", String.valueOf(mine.size() + 1));
            xml.writeAttribute("failures", String.valueOf(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("time", seconds(total));
            properties(xml, common, output, c);
            testCase(xml, className, "container", output.timings().opening(c.path()), containerFailed(c), c.indication().name(), c.findings(), List.of());
            for (Output.Row row : mine) {
                SignatureReport s = row.signature();
                String message = s.indication() + (s.subIndication() == null ? "" : "/" + s.subIndication());
                List<String> exclusions = row.audited() == null ? List.of()
                        : row.audited().exclusions().stream().map(Enum::name).toList();
                if (!exclusions.isEmpty()) {
                    message += " not counted: " + String.join(", ", exclusions);
                }
                List<String> notes = new ArrayList<>();
                if (s.signer() != null) {
                    notes.add("signer: " + s.signer().commonName());
                }
                exclusions.forEach(e -> notes.add("EXCLUDED " + e));
                if (row.audited() != null && row.audited().duplicateOf() != null) {
                    notes.add("DUPLICATE OF " + output.name(row.audited().duplicateOf().container()) + " "
                            + row.audited().duplicateOf().file());
                }
                testCase(xml, className, s.file(), output.timings().signature(c.path(), s.file()), failed(row), message,
                        s.findings(), notes);
            }
            newline(xml, 2);
            xml.writeStartElement("system-out");
            xml.writeCharacters(lines(c.findings(), List.of()));
            xml.writeEndElement();
            newline(xml, 2);
            xml.writeEmptyElement("system-err");
            newline(xml, 1);
            xml.writeEndElement();
        }
        newline(xml, 0);
        xml.writeEndElement();
        newline(xml, 0);
        xml.writeEndDocument();
        xml.flush();
    }

    /**
     * A class name CI servers show as one class: the name without its extension, dots and
     * spaces replaced by underscores (Jenkins takes what is before the last dot for a package).
     */
    static String className(String name) {
        String base = name;
        int dot = base.lastIndexOf('.');
        int slash = base.lastIndexOf('/');
        if (dot > slash + 1) {
            base = base.substring(0, dot);
        }
        return base.replaceAll("[.\\s]", "_");
    }

    /** The provenance as {@code allkiri.*} properties, the same on every suite. */
    private static Map<String, String> properties(Provenance p) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("allkiri.version", p.allkiriVersion());
        out.put("allkiri.validationTime", p.validationTime().toString());
        p.options().forEach((k, v) -> out.put("allkiri.option." + k, v));
        int n = 0;
        for (Provenance.Trust t : p.trust()) {
            n++;
            out.put("allkiri.trust." + n + ".source", t.source());
            int m = 0;
            for (Provenance.TrustList l : t.lists()) {
                m++;
                String prefix = "allkiri.trust." + n + ".list." + m + ".";
                out.put(prefix + "name", l.name());
                out.put(prefix + "sequence", String.valueOf(l.sequence()));
                out.put(prefix + "issued", l.issued().toString());
                out.put(prefix + "sha256", l.sha256());
            }
            if (!t.anchors().isEmpty()) {
                out.put("allkiri.trust." + n + ".anchors", String.valueOf(t.anchors().size()));
                out.put("allkiri.trust." + n + ".anchorsSha256", t.anchorsSha256());
            }
        }
        out.put("allkiri.skipped", String.valueOf(p.skipped().size()));
        return out;
    }

    private static void properties(XMLStreamWriter xml, Map<String, String> common, Output output, ContainerReport c)
            throws XMLStreamException {
        newline(xml, 2);
        if (output.provenance() == null) {
            xml.writeEmptyElement("properties");
            return;
        }
        Map<String, String> all = new LinkedHashMap<>(common);
        output.provenance().input(c.path()).ifPresent(i -> {
            all.put("allkiri.container.name", i.name());
            if (i.sha256() != null) {
                all.put("allkiri.container.sha256", i.sha256());
                all.put("allkiri.container.size", String.valueOf(i.size()));
            }
            if (i.unreadable() != null) {
                all.put("allkiri.container.unreadable", i.unreadable().name());
            }
        });
        xml.writeStartElement("properties");
        for (Map.Entry<String, String> e : all.entrySet()) {
            newline(xml, 3);
            xml.writeEmptyElement("property");
            xml.writeAttribute("name", e.getKey());
            xml.writeAttribute("value", e.getValue() == null ? "" : e.getValue());
        }
        newline(xml, 2);
        xml.writeEndElement();
    }

    private static boolean failed(Output.Row row) {
        return row.audited() != null ? !row.audited().counted() : !row.signature().valid();
    }

    private static boolean containerFailed(ContainerReport c) {
        return c.findings().stream().anyMatch(Finding::isError) || c.signatures().isEmpty();
    }

    private static void testCase(XMLStreamWriter xml, String className, String name, Duration time, boolean failed,
                                 String message, List<Finding> findings, List<String> notes) throws XMLStreamException {
        newline(xml, 2);
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", className);
        xml.writeAttribute("name", name);
        xml.writeAttribute("time", seconds(time));
        if (failed) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", message);
            xml.writeAttribute("type", message.split("[/ ]")[0]);
            xml.writeCharacters(lines(findings, notes));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** Seconds with millisecond precision, as JUnit writes them. */
    static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toNanos()).movePointLeft(9).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    private static String lines(List<Finding> findings, List<String> notes) {
        List<String> out = new ArrayList<>(notes);
        findings.forEach(f -> out.add(f.severity() + " " + f.code() + ": " + f.message()));
        return String.join("\n", out);
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}
