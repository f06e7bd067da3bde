package ee.allkiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.ocsp.testing.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report rendered by real headless Chromium: its script runs (there is no other way
 * for the figures to appear) and the summary figures in the DOM are the audit's.
 */
class HtmlInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path tmp;

    @Test
    void chromiumShowsTheAuditFigures() throws Exception {
        ExternalTool.require(CHROMIUM.toString(), "chromium");
        Path report = tmp.resolve("audit.html");
        int code = Main.run("audit", "--format", "html", "--output", report.toString(), "--at", VerifyCommandTest.AT,
                "--trust", VerifyCommandTest.trust(),
                "--document-sha256", AuditCommandTest.documentSha256(), "--accept-test-certificates", "--threshold", "1",
                VerifyCommandTest.fixture("valid-asice-esteid2018.asice"),
                VerifyCommandTest.fixture("2_signatures_duplicate_id.asice"),
                VerifyCommandTest.fixture("invalid-data-file.bdoc"));
        assertThat(code).isEqualTo(Main.OK);

        String dom = render(report);
        assertThat(dom).contains("data-rendered=\"true\"");
        assertThat(figure(dom, "signatures")).isEqualTo("4");
        assertThat(figure(dom, "valid")).isEqualTo("3");
        assertThat(figure(dom, "counted")).isEqualTo("1");
        assertThat(figure(dom, "threshold-reached")).isEqualTo("yes");
        assertThat(dom).contains("data-day=\"2024-09-02\"", "data-count=\"1\"");
        assertThat(Pattern.compile("<tr>").matcher(dom.substring(dom.indexOf("id=\"rows\""))).results().count()).isEqualTo(4);
    }

    private String render(Path html) throws Exception {
        Path profile = Files.createDirectory(tmp.resolve("profile"));
        List<String> command = List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--dump-dom", html.toUri().toString());
        Path out = tmp.resolve("dom.html");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(tmp.resolve("err.txt").toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return Files.readString(out);
    }

    private static String figure(String dom, String id) {
        Matcher m = Pattern.compile("id=\"summary-" + id + "\"[^>]*>([^<]*)<").matcher(dom);
        assertThat(m.find()).as("figure " + id).isTrue();
        return m.group(1);
    }
}
