package ee.allkiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.ocsp.testing.ExternalTool;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in real headless Chromium (issue #15): the figures, the chart over the whole
 * window (empty days included, a y-axis) and the table are there with and without JavaScript;
 * the filters, relative container names and masked personal codes; and screenshots at 1280 and
 * 390 pixels show nothing overflowing into the right margin, which must stay background white.
 * The screenshots are kept in {@code target/screenshots/} (docs/ has copies).
 */
class HtmlInBrowserTest {

    private static final List<Path> CHROMIUM = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"),
            Path.of("/usr/bin/google-chrome"));
    private static final String FOLDER = VerifyCommandTest.containers().toString();
    private static final List<String> CONTAINERS = List.of("valid-asice-esteid2018.asice", "2_signatures_duplicate_id.asice",
            "invalid-data-file.bdoc", "one-valid-and-multiple-invalid-signatures.asice", "missing_manifest.asice",
            "valid-bdoc-tm.bdoc", "signing_certificate_not_valid_during_timestamping.asice");

    @TempDir
    static Path tmp;
    private static Path report;

    @BeforeAll
    static void writeReport() throws Exception {
        Path bundle = Files.createDirectories(tmp.resolve("bundle/2024"));
        for (String name : CONTAINERS) {
            Files.copy(Path.of(FOLDER, name), bundle.resolve(name));
        }
        report = tmp.resolve("audit.html");
        int code = Main.run("audit", "--format", "html", "--output", report.toString(), "--trust", VerifyCommandTest.trust(),
                "--document-sha256", AuditCommandTest.documentSha256(), "--accept-test-certificates", "--threshold", "1",
                "--from", "2024-08-25", "--until", "2024-09-10", "--at", "2025-01-15T10:00:00Z", tmp.resolve("bundle").toString());
        assertThat(code).isEqualTo(Main.OK);
    }

    @Test
    void chromiumShowsTheAuditWithItsScript() throws Exception {
        String dom = render(report);
        assertThat(dom).contains("data-rendered=\"true\"");
        figures(dom);
        assertThat(dom).contains("id=\"filter-counted\"", "id=\"filter-excluded\"", "id=\"filter-x-DUPLICATE_PERSON\"");
        assertThat(dom).contains("id=\"rehearsal\"");
    }

    /**
     * Without its script (headless Chromium cannot switch scripts off and still print) the page
     * has the same figures, chart and table, and looks the same to the pixel.
     */
    @Test
    void theFiguresChartAndTableNeedNoScript() throws Exception {
        Path scriptless = tmp.resolve("scriptless.html");
        Files.writeString(scriptless, Files.readString(report).replaceAll("(?s)<script>.*?</script>", ""));
        assertThat(Files.readString(scriptless)).doesNotContain("<script");
        String dom = render(scriptless);
        assertThat(dom).doesNotContain("data-rendered=\"true\"");
        figures(dom);
        BufferedImage with = ImageIO.read(screenshot(report, 1280, 2000, "with-script").toFile());
        BufferedImage without = ImageIO.read(screenshot(scriptless, 1280, 2000, "without-script").toFile());
        int differing = 0;
        for (int y = 0; y < with.getHeight(); y++) {
            for (int x = 0; x < with.getWidth(); x++) {
                differing += with.getRGB(x, y) != without.getRGB(x, y) ? 1 : 0;
            }
        }
        assertThat(differing).as("pixels that differ without the script").isZero();
    }

    /**
     * A count that could not be completed (a container ran past the time budget) decides no
     * threshold: the figure says "undecided", never "no", and a banner names the containers.
     */
    @Test
    void anIncompleteCountIsUndecidedNotUnreached() throws Exception {
        Path late = tmp.resolve("incomplete.html");
        int code = Main.run("audit", "--format", "html", "--output", late.toString(), "--trust", VerifyCommandTest.trust(),
                "--document-sha256", AuditCommandTest.documentSha256(), "--accept-test-certificates", "--threshold", "1",
                "--from", "2024-08-25", "--until", "2024-09-10", "--at", "2025-01-15T10:00:00Z",
                "--time-limit", "PT0.000000001S", tmp.resolve("bundle").toString());
        assertThat(code).isEqualTo(Main.ERROR);

        String dom = render(late);

        assertThat(figure(dom, "threshold-reached")).isEqualTo("undecided");
        assertThat(dom).contains("id=\"incomplete\"", "2024/<wbr>valid-asice-esteid2018.asice");
        assertThat(figure(render(report), "threshold-reached")).as("a complete count decides").isEqualTo("yes");
        assertThat(Files.readString(report)).doesNotContain("id=\"incomplete\"");
    }

    private static void figures(String dom) {
        assertThat(figure(dom, "containers")).isEqualTo("7");
        assertThat(figure(dom, "counted")).isEqualTo("1");
        assertThat(figure(dom, "threshold-reached")).isEqualTo("yes");
        assertThat(dom).contains("data-days=\"17\"", "data-first=\"2024-08-25\"", "data-last=\"2024-09-10\"");
        assertThat(Pattern.compile("<rect [^>]*data-day=").matcher(dom).results().count()).isEqualTo(17);
        assertThat(dom).contains("data-day=\"2024-09-02\" data-count=\"1\"", "data-day=\"2024-08-25\" data-count=\"0\"");
        assertThat(dom).contains("class=\"y-tick\"");
        String rows = dom.substring(dom.indexOf("id=\"rows\""), dom.indexOf("</tbody>"));
        assertThat(Pattern.compile("<tr class=").matcher(rows).results().count()).isGreaterThanOrEqualTo(CONTAINERS.size());
        assertThat(rows).as("names relative to the folder given").contains("2024/").doesNotContain(FOLDER, tmp.toString());
        assertThat(rows).as("masked by default").doesNotContain("38001085718").contains("*******5718");
    }

    @Test
    void nothingOverflowsAt1280Or390Pixels() throws Exception {
        for (int width : List.of(1280, 390)) {
            Path shot = screenshot(report, width, width > 500 ? 3200 : 7000, "audit");
            BufferedImage image = ImageIO.read(shot.toFile());
            assertThat(image.getWidth()).isEqualTo(width);
            int margin = 8;
            List<String> dirty = new ArrayList<>();
            for (int y = 0; y < image.getHeight() && dirty.size() < 5; y++) {
                for (int x = width - margin; x < width; x++) {
                    int rgb = image.getRGB(x, y) & 0xFFFFFF;
                    if (rgb != 0xFFFFFF) {
                        dirty.add("(" + x + "," + y + ")=" + Integer.toHexString(rgb));
                        break;
                    }
                }
            }
            assertThat(dirty).as("something reaches the right margin at " + width + " px; see " + shot).isEmpty();
            long ink = 0;
            for (int y = 0; y < image.getHeight(); y += 4) {
                for (int x = 0; x < width; x += 4) {
                    ink += (image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
                }
            }
            assertThat(ink).as("the page was drawn at " + width + " px").isGreaterThan(1000);
        }
    }

    static Path chromium() {
        return CHROMIUM.stream().filter(Files::isExecutable).findFirst()
                .orElseGet(() -> ExternalTool.require("chromium", "chromium"));
    }

    private static List<String> command(Path profile, String... args) {
        List<String> command = new ArrayList<>(List.of(chromium().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        return command;
    }

    private static String render(Path html) throws Exception {
        Path profile = Files.createTempDirectory(tmp, "profile");
        List<String> command = command(profile, "--dump-dom", html.toUri().toString());
        Path out = Files.createTempFile(tmp, "dom", ".html");
        run(command, out);
        return Files.readString(out);
    }

    /** A screenshot of the top {@code height} pixels at {@code width}; kept in target/screenshots. */
    static Path screenshot(Path html, int width, int height, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Path shot = dir.resolve(name + "-" + width + ".png").toAbsolutePath();
        Files.deleteIfExists(shot);
        Path profile = Files.createTempDirectory(tmp, "profile");
        run(command(profile, "--window-size=" + width + "," + height, "--screenshot=" + shot, html.toUri().toString()),
                Files.createTempFile(tmp, "shot", ".txt"));
        assertThat(shot).exists();
        return shot;
    }

    private static void run(List<String> command, Path out) throws Exception {
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(Files.createTempFile(tmp, "chromium", ".err").toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("chromium finished").isTrue();
    }

    private static String figure(String dom, String id) {
        Matcher m = Pattern.compile("id=\"summary-" + id + "\"[^>]*>([^<]*)<").matcher(dom);
        assertThat(m.find()).as("figure " + id).isTrue();
        return m.group(1);
    }
}
