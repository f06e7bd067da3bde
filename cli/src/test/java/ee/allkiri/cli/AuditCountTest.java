package ee.allkiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import ee.allkiri.core.ReportJson;
import ee.allkiri.testkit.bundle.AnswerKeyRow;
import ee.allkiri.testkit.bundle.BundleForge;
import ee.allkiri.testkit.bundle.BundleSpec;
import ee.allkiri.testkit.bundle.PlantedDefect;
import ee.allkiri.testkit.pki.KeyCache;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code allkiri audit} on a forged bundle with the counting probes (testkit's answer key): a
 * window given as days, identifiers that are not personal numbers, an e-resident digi-ID, an
 * unknown age; and the time limit, past which the count is an error, never a silent zero.
 */
class AuditCountTest {

    @TempDir
    static Path bundleDir;

    @TempDir
    Path tmp;

    private static BundleSpec spec;
    private static BundleForge.Result bundle;

    @BeforeAll
    static void forge() throws Exception {
        spec = BundleSpec.of(40, 31).withDefectRate(0.03).withThreads(2).withProbes();
        bundle = BundleForge.write(spec, bundleDir.resolve("probes.asice"), new KeyCache(new BouncyCastleProvider()));
        assertThat(bundle.rows()).extracting(AnswerKeyRow::defect).containsAll(PlantedDefect.PROBES);
    }

    record Run(int exitCode, String stderr) {
    }

    /** Runs the command line with the bundle's trust, document and validation time, and standard error captured. */
    private static Run run(String command, Path out, String format, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, "--format", format, "--output", out.toString(),
                "--trust", bundle.trust().toString(), "--at", spec.windowUntil().plus(Duration.ofDays(30)).toString()));
        if (command.equals("audit")) {
            args.addAll(List.of("--document-sha256", HexFormat.of().formatHex(bundle.document().sha256())));
        }
        args.addAll(List.of(extra));
        args.add(bundle.container().toString());
        StringWriter err = new StringWriter();
        int code = Main.run(new Main.Streams(System.in, System.out, new PrintWriter(err, true)), args.toArray(String[]::new));
        return new Run(code, err.toString());
    }

    @Test
    @DisplayName("audit --from DAY --until DAY counts exactly whom the answer key counts, each exclusion as the key says")
    void theCountIsTheAnswerKeys() throws Exception {
        Path out = tmp.resolve("audit.json");
        Run run = run("audit", out, "json", "--from", spec.firstDay().toString(), "--until", spec.lastDay().toString());

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(Main.OK);
        JsonNode root = ReportJson.reader().readTree(Files.readString(out));
        assertThat(root.get("policy").get("from").asText()).isEqualTo(spec.windowFrom().toString());
        assertThat(root.get("policy").get("until").asText()).isEqualTo(spec.windowUntil().toString());
        Map<String, List<String>> byFile = new HashMap<>();
        for (JsonNode s : root.get("containers").get(0).get("signatures")) {
            List<String> exclusions = new ArrayList<>();
            s.get("exclusions").forEach(e -> exclusions.add(e.asText()));
            byFile.put(s.get("file").asText(), exclusions);
        }
        assertThat(byFile).hasSameSizeAs(bundle.rows());
        for (AnswerKeyRow row : bundle.rows()) {
            assertThat(byFile.get(row.file())).as(row.file() + " " + row.defect())
                    .isEqualTo(row.exclusions().stream().map(Enum::name).toList());
        }
        long counted = bundle.rows().stream().filter(AnswerKeyRow::counted).count();
        JsonNode summary = root.get("summary");
        assertThat(summary.get("counted").asLong()).isEqualTo(counted);
        assertThat(summary.get("complete").asBoolean()).isTrue();
        assertThat(summary.get("incomplete")).isEmpty();
        assertThat(summary.get("excluded").get("NOT_A_PERSONAL_NUMBER").asInt()).isEqualTo(3);
        assertThat(summary.get("excluded").get("AGE_UNKNOWN").asInt()).isEqualTo(1);

        assertThat(run("audit", tmp.resolve("a.txt"), "text", "--from", spec.firstDay().toString(), "--until",
                spec.lastDay().toString(), "--threshold", String.valueOf(counted)).exitCode()).isEqualTo(Main.OK);
        assertThat(run("audit", tmp.resolve("b.txt"), "text", "--from", spec.firstDay().toString(), "--until",
                spec.lastDay().toString(), "--threshold", String.valueOf(counted + 1)).exitCode()).isEqualTo(Main.FAILED);
    }

    @Test
    @DisplayName("the JSON and CSV signer carry the identifier type: a passport Smart-ID is PAS with no personal code")
    void theIdentifierTypeIsInTheOutput() throws Exception {
        Path json = tmp.resolve("v.json");
        Path csv = tmp.resolve("v.csv");
        assertThat(run("verify", json, "json").exitCode()).isEqualTo(Main.FAILED); // the bundle has invalid signatures
        run("verify", csv, "csv");

        List<JsonNode> passports = new ArrayList<>();
        for (JsonNode s : ReportJson.reader().readTree(Files.readString(json)).get("containers").get(0).get("signatures")) {
            if ("PAS".equals(s.path("signer").path("identifierType").asText())) { // an invalid signature value names no signer
                passports.add(s.get("signer"));
            }
        }
        assertThat(passports).hasSize(1);
        JsonNode passport = passports.get(0);
        assertThat(passport.get("personalCode").isNull()).isTrue();
        assertThat(passport.get("personalCodeValid").asBoolean()).isFalse();
        assertThat(passport.get("identifier").asText()).startsWith("K");

        CsvSchema header = CsvSchema.emptySchema().withHeader().withComments(); // the provenance is in # lines
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class).with(header)
                .readValues(csv.toFile())) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows).filteredOn(r -> r.get("identifierType").equals("PAS")).singleElement()
                .satisfies(r -> assertThat(r.get("personalCode")).isEmpty())
                .satisfies(r -> assertThat(r.get("identifier")).isEqualTo(passport.get("identifier").asText()));
        assertThat(rows).filteredOn(r -> r.get("identifierType").equals("IDC")).hasSize(2);
    }

    @Test
    @DisplayName("--mask-personal-codes hides an ID-card or passport number entirely, in every field")
    void maskingHidesDocumentNumbers() throws Exception {
        Path plain = tmp.resolve("plain.json");
        Path masked = tmp.resolve("masked.json");
        run("verify", plain, "json");
        run("verify", masked, "json", "--mask-personal-codes");
        List<String> numbers = new ArrayList<>();
        for (JsonNode s : ReportJson.reader().readTree(Files.readString(plain)).get("containers").get(0).get("signatures")) {
            String type = s.path("signer").path("identifierType").asText();
            if (type.equals("PAS") || type.equals("IDC")) {
                numbers.add(s.get("signer").get("identifier").asText());
            }
        }
        assertThat(numbers).hasSize(3);
        String maskedJson = Files.readString(masked);
        assertThat(maskedJson).doesNotContain(numbers);
        for (JsonNode s : ReportJson.reader().readTree(maskedJson).get("containers").get(0).get("signatures")) {
            if (s.path("signer").path("identifierType").asText().equals("PAS")) {
                assertThat(s.get("signer").get("identifier").asText()).matches("\\*+");
                assertThat(s.get("signer").get("commonName").asText()).endsWith("PASEE-********");
            }
        }
    }

    @Test
    @DisplayName("past --time-limit the audit exits 2 with one line naming LIMIT_TIME, and the JSON says the count is incomplete")
    void runningOutOfTimeIsAnErrorNotAZero() throws Exception {
        Path out = tmp.resolve("late.json");
        Run run = run("audit", out, "json", "--threshold", "1", "--time-limit", "PT0.000000001S");

        assertThat(run.exitCode()).isEqualTo(Main.ERROR);
        assertThat(run.stderr().strip().lines().filter(l -> !l.startsWith("allkiri: warning: no collection window")))
                .singleElement().asString().startsWith("allkiri: ").contains("LIMIT_TIME", bundle.container().toString());
        JsonNode root = ReportJson.reader().readTree(Files.readString(out));
        assertThat(root.get("containers").get(0).get("findings").get(0).get("code").asText()).isEqualTo("LIMIT_TIME");
        JsonNode summary = root.get("summary");
        assertThat(summary.get("complete").asBoolean()).isFalse();
        assertThat(summary.get("incomplete").get(0).asText()).isEqualTo(bundle.container().toString());
        assertThat(summary.get("thresholdReached").asBoolean()).isFalse();

        Run text = run("audit", tmp.resolve("late.txt"), "text", "--threshold", "1", "--time-limit", "PT0.000000001S");
        assertThat(text.exitCode()).isEqualTo(Main.ERROR);
        assertThat(run("audit", tmp.resolve("late2.txt"), "text", "--time-limit", "PT0.000000001S").exitCode())
                .as("no threshold: still an error").isEqualTo(Main.ERROR);
        assertThat(Files.readString(tmp.resolve("late.txt"))).contains("LIMIT_TIME").doesNotContain("NOT reached");
        assertThat(run("audit", tmp.resolve("late-summary.txt"), "text", "--summary", "--threshold", "1", "--time-limit",
                "PT0.000000001S").exitCode()).isEqualTo(Main.ERROR);
        assertThat(Files.readString(tmp.resolve("late-summary.txt"))).as("--summary: undecided, not unreached")
                .contains("UNDECIDED", "count INCOMPLETE").doesNotContain("NOT reached");
    }

    @Test
    @DisplayName("verify takes --time-limit too: LIMIT_TIME past it (exit 1); 10m is plenty; a bad value is a usage error")
    void verifyTakesTheTimeLimit() throws Exception {
        Path out = tmp.resolve("late.json");
        assertThat(run("verify", out, "json", "--time-limit", "PT0.000000001S").exitCode()).isEqualTo(Main.FAILED);
        assertThat(ReportJson.read(Files.readString(out)).containers().get(0).has(ee.allkiri.core.FindingCode.LIMIT_TIME))
                .isTrue();
        Path plenty = tmp.resolve("plenty.json");
        run("verify", plenty, "json", "--time-limit", "10m");
        assertThat(ReportJson.read(Files.readString(plenty)).containers().get(0).signatures()).hasSize(bundle.rows().size());
        for (String bad : List.of("0", "-5s", "soon", "10x", "PT0S")) {
            assertThat(Main.run("verify", "--time-limit", bad, "--trust", bundle.trust().toString(),
                    bundle.container().toString())).as(bad).isEqualTo(Main.ERROR);
        }
    }

    @Test
    @DisplayName("--time-limit reads seconds, 90s, 45m, 3h and ISO-8601")
    void durations() {
        assertThat(ContainerCommand.parseDuration("--time-limit", "90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(ContainerCommand.parseDuration("--time-limit", "90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(ContainerCommand.parseDuration("--time-limit", "45m")).isEqualTo(Duration.ofMinutes(45));
        assertThat(ContainerCommand.parseDuration("--time-limit", "3h")).isEqualTo(Duration.ofHours(3));
        assertThat(ContainerCommand.parseDuration("--time-limit", "PT1H30M")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    @DisplayName("a date in --until ends at the next day's 00:00 Tallinn time, also on the days the clocks change")
    void datesAreWholeTallinnDays() throws Exception {
        Path out = tmp.resolve("dst.json");
        run("audit", out, "json", "--from", "2026-03-29", "--until", "2026-10-25");
        JsonNode policy = ReportJson.reader().readTree(Files.readString(out)).get("policy");
        assertThat(policy.get("from").asText()).isEqualTo("2026-03-28T22:00:00Z");
        assertThat(policy.get("until").asText()).isEqualTo("2026-10-25T21:59:59.999999999Z");
    }
}
