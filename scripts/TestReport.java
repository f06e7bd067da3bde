import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The last step of scripts/test: reads the JUnit XML reports that Surefire and Failsafe wrote in
 * every module during this run ({@code java scripts/TestReport.java SINCE_EPOCH_MILLIS ROOT}),
 * names each skipped test with its reason, and prints one line
 * {@code tests: P passed, F failed, S skipped}. Exits 1 when a test failed or was skipped, or
 * when no test ran: a skipped test proves nothing, so the build must not pass with one.
 */
public class TestReport {

    record Skip(String test, String reason) {
    }

    public static void main(String[] args) throws Exception {
        long since = Long.parseLong(args[0]);
        Path root = Path.of(args.length > 1 ? args[1] : ".");
        int tests = 0;
        int failed = 0;
        int files = 0;
        List<Skip> skipped = new ArrayList<>();
        for (Path report : reports(root, since)) {
            files++;
            Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile()).getDocumentElement();
            tests += Integer.parseInt(suite.getAttribute("tests"));
            failed += Integer.parseInt(suite.getAttribute("failures")) + Integer.parseInt(suite.getAttribute("errors"));
            NodeList cases = suite.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element testCase = (Element) cases.item(i);
                NodeList skip = testCase.getElementsByTagName("skipped");
                if (skip.getLength() > 0) {
                    String reason = ((Element) skip.item(0)).getAttribute("message");
                    skipped.add(new Skip(testCase.getAttribute("classname") + "." + testCase.getAttribute("name"),
                            reason.isEmpty() ? "no reason given" : reason));
                }
            }
        }
        for (Skip s : skipped) {
            System.out.println("skipped: " + s.test() + ": " + s.reason());
        }
        System.out.println("scripts/test: " + tests + " tests in " + files + " report files of this run");
        System.out.println("tests: " + (tests - failed - skipped.size()) + " passed, " + failed + " failed, "
                + skipped.size() + " skipped");
        if (tests == 0) {
            System.out.println("scripts/test: no test ran");
        } else if (!skipped.isEmpty()) {
            System.out.println("scripts/test: " + skipped.size() + " tests skipped (see above); every test must run");
        }
        System.exit(tests == 0 || failed > 0 || !skipped.isEmpty() ? 1 : 0);
    }

    /** TEST-*.xml under each module's target/surefire-reports and target/failsafe-reports, written since the start. */
    static List<Path> reports(Path root, long since) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                for (String kind : List.of("surefire-reports", "failsafe-reports")) {
                    Path dir = module.resolve("target").resolve(kind);
                    if (!Files.isDirectory(dir)) {
                        continue;
                    }
                    try (Stream<Path> files = Files.list(dir)) {
                        for (Path f : files.sorted().toList()) {
                            String name = f.getFileName().toString();
                            if (name.startsWith("TEST-") && name.endsWith(".xml")
                                    && Files.getLastModifiedTime(f).toMillis() >= since) {
                                out.add(f);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }
}
