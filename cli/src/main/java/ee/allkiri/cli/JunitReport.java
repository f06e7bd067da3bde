package ee.allkiri.cli;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.SignatureReport;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML in the Ant format CI servers read (it validates against the common JUnit.xsd):
 * one test suite per container, a test case named "container" for the container's own rules
 * and one per signature. A signature that is not valid (for an audit: that does not count) is
 * a failure whose text lists the findings and exclusions; the container's findings go to the
 * suite's system-out.
 */
final class JunitReport {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private JunitReport() {
    }

    static void write(Output output, Instant when, OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
        String timestamp = TIMESTAMP.format(when.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
        List<Output.Row> rows = output.rows();
        xml.writeStartDocument("UTF-8", "1.0");
        newline(xml, 0);
        xml.writeStartElement("testsuites");
        int id = 0;
        for (ContainerReport c : output.verification().containers()) {
            List<Output.Row> mine = rows.stream().filter(r -> r.container() == c).toList();
            long failures = mine.stream().filter(JunitReport::failed).count() + (containerFailed(c) ? 1 : 0);
            newline(xml, 1);
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", c.path());
            xml.writeAttribute("package", c.path());
            xml.writeAttribute("id", String.valueOf(id++));
            xml.writeAttribute("timestamp", timestamp);
            xml.writeAttribute("hostname", "localhost");
            xml.writeAttribute("tests", String.valueOf(mine.size() + 1));
            xml.writeAttribute("failures", String.valueOf(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("time", "0");
            newline(xml, 2);
            xml.writeEmptyElement("properties");
            testCase(xml, c.path(), "container", containerFailed(c), c.indication().name(), c.findings(), List.of());
            for (Output.Row row : mine) {
                SignatureReport s = row.signature();
                String message = s.indication() + (s.subIndication() == null ? "" : "/" + s.subIndication());
                List<String> exclusions = row.audited() == null ? List.of()
                        : row.audited().exclusions().stream().map(Enum::name).toList();
                if (!exclusions.isEmpty()) {
                    message += " not counted: " + String.join(", ", exclusions);
                }
                List<String> notes = new java.util.ArrayList<>();
                if (s.signer() != null) {
                    notes.add("signer: " + s.signer().commonName());
                }
                exclusions.forEach(e -> notes.add("EXCLUDED " + e));
                testCase(xml, c.path(), s.file(), failed(row), message, s.findings(), notes);
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

    private static boolean failed(Output.Row row) {
        return row.audited() != null ? !row.audited().counted() : !row.signature().valid();
    }

    private static boolean containerFailed(ContainerReport c) {
        return c.findings().stream().anyMatch(Finding::isError) || c.signatures().isEmpty();
    }

    private static void testCase(XMLStreamWriter xml, String className, String name, boolean failed, String message,
                                 List<Finding> findings, List<String> notes) throws XMLStreamException {
        newline(xml, 2);
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", className);
        xml.writeAttribute("name", name);
        xml.writeAttribute("time", "0");
        if (failed) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", message);
            xml.writeAttribute("type", message.split("[/ ]")[0]);
            xml.writeCharacters(lines(findings, notes));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static String lines(List<Finding> findings, List<String> notes) {
        List<String> out = new java.util.ArrayList<>(notes);
        findings.forEach(f -> out.add(f.severity() + " " + f.code() + ": " + f.message()));
        return String.join("\n", out);
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}
