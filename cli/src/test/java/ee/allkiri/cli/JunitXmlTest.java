package ee.allkiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * JUnit XML for CI servers (issue #15): the {@code classname} has no absolute path and no file
 * extension (which Jenkins would split into packages), suites are named relative to the folder
 * given, and times are measured.
 */
class JunitXmlTest {

    @TempDir
    Path tmp;

    @Test
    void classNamesAreRelativeWithoutExtensionsAndTimesAreMeasured() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("fixtures/ci"));
        Files.copy(Path.of(VerifyCommandTest.fixture("2_signatures_duplicate_id.asice")), folder.resolve("two.v2.asice"));
        Files.copy(Path.of(VerifyCommandTest.fixture("valid-bdoc-tm.bdoc")), folder.resolve("tm.bdoc"));
        Path out = tmp.resolve("junit.xml");
        assertThat(Main.run("verify", "--format", "junit", "--output", out.toString(), "--trust", VerifyCommandTest.trust(),
                "--threads", "1", tmp.resolve("fixtures").toString())).isEqualTo(Main.OK);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.toFile());
        List<String> suites = new ArrayList<>();
        List<BigDecimal> suiteTimes = new ArrayList<>();
        NodeList suiteNodes = xml.getElementsByTagName("testsuite");
        for (int i = 0; i < suiteNodes.getLength(); i++) {
            Element e = (Element) suiteNodes.item(i);
            suites.add(e.getAttribute("name"));
            suiteTimes.add(new BigDecimal(e.getAttribute("time")));
        }
        assertThat(suites).containsExactly("ci/tm.bdoc", "ci/two.v2.asice");
        assertThat(suiteTimes).allMatch(t -> t.signum() > 0, "measured");
        List<String> classNames = new ArrayList<>();
        BigDecimal signatureTime = BigDecimal.ZERO;
        NodeList cases = xml.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            classNames.add(e.getAttribute("classname"));
            if (e.getAttribute("name").startsWith("META-INF/")) {
                signatureTime = signatureTime.add(new BigDecimal(e.getAttribute("time")));
            }
        }
        assertThat(classNames).containsOnly("ci/tm", "ci/two_v2");
        assertThat(String.join(" ", classNames)).doesNotContain(tmp.toString(), ".asice", ".bdoc");
        assertThat(signatureTime.signum()).as("signature times are measured").isPositive();
    }

    @Test
    void aClassNameHasNoDotsForCiServersToSplit() {
        assertThat(JunitReport.className("2024/petition.v2.asice")).isEqualTo("2024/petition_v2");
        assertThat(JunitReport.className("bundle.asice")).isEqualTo("bundle");
        assertThat(JunitReport.className(".hidden")).isEqualTo("_hidden");
    }
}
