package ee.allkiri.testkit.bundle;

import ee.allkiri.core.audit.Exclusion;
import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.testkit.TestPkis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleForgeTest {

    @Test
    @DisplayName("a bundle has rahvaalgatus' layout: mimetype stored first, the initiative, signatures-1..N, the manifest")
    void rahvaalgatusLayout(@TempDir Path dir) throws Exception {
        BundleForge.Result result = BundleForge.write(BundleSpec.of(12, 3).withThreads(2), dir.resolve("b.asice"),
                TestPkis.KEYS);
        try (ZipFile zip = new ZipFile(result.container().toFile())) {
            List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
            assertThat(names.get(0)).isEqualTo("mimetype");
            assertThat(zip.getEntry("mimetype").getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(names.get(1)).isEqualTo(BundleForge.DOCUMENT);
            assertThat(names.subList(2, 14)).containsExactly("META-INF/signatures-1.xml", "META-INF/signatures-2.xml",
                    "META-INF/signatures-3.xml", "META-INF/signatures-4.xml", "META-INF/signatures-5.xml",
                    "META-INF/signatures-6.xml", "META-INF/signatures-7.xml", "META-INF/signatures-8.xml",
                    "META-INF/signatures-9.xml", "META-INF/signatures-10.xml", "META-INF/signatures-11.xml",
                    "META-INF/signatures-12.xml");
            assertThat(names.get(14)).isEqualTo("META-INF/manifest.xml");
            String xml = new String(zip.getInputStream(zip.getEntry("META-INF/signatures-1.xml")).readAllBytes());
            assertThat(xml).contains("Id=\"signature\"").contains("<xades:SignatureTimeStamp><xades:EncapsulatedTimeStamp>");
        }
    }

    @Test
    @DisplayName("the same spec gives the same bytes and answer key, whatever the number of threads")
    void deterministic(@TempDir Path dir) throws Exception {
        BundleForge.Result one = BundleForge.write(BundleSpec.of(30, 5).withThreads(1), dir.resolve("one.asice"),
                TestPkis.KEYS);
        BundleForge.Result two = BundleForge.write(BundleSpec.of(30, 5).withThreads(3), dir.resolve("two.asice"),
                TestPkis.KEYS);
        assertThat(Files.readAllBytes(two.container())).isEqualTo(Files.readAllBytes(one.container()));
        assertThat(Files.readAllLines(two.answerKey())).isEqualTo(Files.readAllLines(one.answerKey()));
    }

    @Test
    @DisplayName("the answer key has a row per signature, parses back, and plants every defect kind when asked")
    void answerKey(@TempDir Path dir) throws Exception {
        BundleForge.Result result = BundleForge.write(BundleSpec.of(120, 9).withDefectRate(0.05), dir.resolve("b.asice"),
                TestPkis.KEYS);
        List<String> lines = Files.readAllLines(result.answerKey());
        assertThat(lines.get(0)).isEqualTo(AnswerKeyRow.HEADER);
        List<AnswerKeyRow> parsed = lines.subList(1, lines.size()).stream().map(AnswerKeyRow::parse).toList();
        assertThat(parsed).isEqualTo(result.rows()).hasSize(120);
        assertThat(parsed).extracting(AnswerKeyRow::defect).containsAll(PlantedDefect.RANDOM)
                .doesNotContainAnyElementsOf(PlantedDefect.PROBES);
        assertThat(parsed).filteredOn(r -> r.defect() == PlantedDefect.DUPLICATE_PERSON)
                .allSatisfy(r -> assertThat(parsed).filteredOn(o -> o.personalCode().equals(r.personalCode())
                        && o.exclusion() == Exclusion.DUPLICATE_PERSON).hasSize(1));
        Properties description = new Properties();
        try (var in = Files.newInputStream(result.description())) {
            description.load(in);
        }
        assertThat(description.getProperty("min_age")).isEqualTo("16");
        assertThat(description.getProperty("window_until")).isEqualTo(BundleSpec.of(1, 9).windowUntil().toString());
        assertThat(result.trust().resolve("allkiri-root-g1e.pem")).exists();
    }

    @Test
    @DisplayName("with probes: a window of whole Tallinn days and each counting probe, with its identifier and its reasons")
    void probes(@TempDir Path dir) throws Exception {
        BundleSpec spec = BundleSpec.of(20, 9).withProbes();
        BundleForge.Result result = BundleForge.write(spec, dir.resolve("p.asice"), TestPkis.KEYS);
        List<String> lines = Files.readAllLines(result.answerKey());
        List<AnswerKeyRow> parsed = lines.subList(1, lines.size()).stream().map(AnswerKeyRow::parse).toList();

        assertThat(parsed).isEqualTo(result.rows());
        assertThat(parsed).extracting(AnswerKeyRow::defect).containsAll(PlantedDefect.PROBES);
        assertThat(parsed).filteredOn(r -> r.defect() == PlantedDefect.NOT_A_PERSONAL_NUMBER)
                .extracting(r -> r.serialNumber().substring(0, 6)).containsExactlyInAnyOrder("IDCEE-", "IDCEE-", "PASEE-");
        AnswerKeyRow passport = parsed.stream().filter(r -> r.serialNumber().startsWith("PASEE-")).findFirst().orElseThrow();
        assertThat(passport.tokenType()).isEqualTo(ee.allkiri.core.TokenType.SMART_ID);
        assertThat(parsed).filteredOn(r -> r.defect() == PlantedDefect.AGE_UNKNOWN).singleElement()
                .satisfies(r -> assertThat(r.serialNumber()).startsWith("PNOLV-32"))
                .satisfies(r -> assertThat(r.exclusions()).containsExactly(Exclusion.AGE_UNKNOWN, Exclusion.NOT_ELIGIBLE_COUNTRY));
        assertThat(parsed).filteredOn(r -> r.defect() == PlantedDefect.E_RESIDENT_DIGI_ID).singleElement()
                .satisfies(r -> assertThat(r.serialNumber()).isEqualTo(r.personalCode()));
        assertThat(parsed).filteredOn(r -> r.defect() == PlantedDefect.DAY_EDGE_INSIDE).extracting(AnswerKeyRow::timestamp)
                .containsExactlyInAnyOrder(java.time.Instant.parse("2025-04-02T21:00:00Z"),
                        java.time.Instant.parse("2025-07-02T20:59:59.500Z"));
        assertThat(parsed).filteredOn(r -> r.defect() == PlantedDefect.DAY_EDGE_OUTSIDE).extracting(AnswerKeyRow::timestamp)
                .containsExactlyInAnyOrder(java.time.Instant.parse("2025-04-02T20:59:59.999Z"),
                        java.time.Instant.parse("2025-07-02T21:00:00Z"));
        Properties description = new Properties();
        try (var in = Files.newInputStream(result.description())) {
            description.load(in);
        }
        assertThat(description.getProperty("window_first_day")).isEqualTo("2025-04-03");
        assertThat(description.getProperty("window_last_day")).isEqualTo("2025-07-02");
        assertThat(description.getProperty("window_until")).isEqualTo("2025-07-02T20:59:59.999999999Z");
        assertThat(description.getProperty("signers")).isEqualTo(String.valueOf(parsed.size()));
    }
}
