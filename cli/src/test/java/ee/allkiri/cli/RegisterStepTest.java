package ee.allkiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.ReportJson;
import ee.allkiri.core.audit.Audit;
import ee.allkiri.core.audit.AuditPolicy;
import ee.allkiri.core.audit.AuditReport;
import ee.allkiri.core.audit.AuditedSignature;
import ee.allkiri.core.audit.Exclusion;
import ee.allkiri.core.audit.SignatureKey;
import ee.allkiri.testkit.bundle.AnswerKeyRow;
import ee.allkiri.testkit.bundle.BundleForge;
import ee.allkiri.testkit.bundle.BundleSpec;
import ee.allkiri.testkit.bundle.PlantedDefect;
import ee.allkiri.testkit.pki.KeyCache;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auditor's workflow after counting (issue #15) on a forged bundle with re-signers: a
 * duplicate names the signature that counts instead ({@code duplicateOf}), the counted signers'
 * codes go to the population register ({@code --export-counted}) and its answer comes back
 * ({@code --residents}, {@link AuditPolicy#withResidents}): whoever it did not confirm is
 * {@code NOT_IN_REGISTER}, and the count falls by exactly those. In the library and on the
 * command line.
 */
class RegisterStepTest {

    @TempDir
    static Path bundleDir;

    @TempDir
    Path tmp;

    private static BundleSpec spec;
    private static BundleForge.Result bundle;
    private static AuditReport audit;

    @BeforeAll
    static void forgeAndAudit() throws Exception {
        spec = BundleSpec.of(40, 47).withDefectRate(0.05).withThreads(2);
        bundle = BundleForge.write(spec, bundleDir.resolve("bundle.asice"), new KeyCache(new BouncyCastleProvider()));
        assertThat(bundle.rows()).extracting(AnswerKeyRow::defect).contains(PlantedDefect.DUPLICATE_PERSON);
        assertThat(bundle.rows()).filteredOn(r -> r.exclusions().contains(Exclusion.DUPLICATE_PERSON)).isNotEmpty();
        ContainerReport report = Verifier.builder().trust(new CertificateFolderTrustSource(bundle.trust()))
                .validationTime(spec.windowUntil().plus(Duration.ofDays(30))).build().verify(bundle.container());
        audit = Audit.of(List.of(report), policy());
        assertThat(audit.summary().counted()).isEqualTo((int) bundle.rows().stream().filter(AnswerKeyRow::counted).count());
    }

    private static AuditPolicy policy() {
        return AuditPolicy.forDocument(HexFormat.of().formatHex(bundle.document().sha256()))
                .withWindow(spec.windowFrom(), spec.windowUntil()).withMinimumAge(spec.minAge());
    }

    /** The answer key's counted signers' codes, sorted. */
    private static List<String> countedCodes() {
        return bundle.rows().stream().filter(AnswerKeyRow::counted).map(AnswerKeyRow::personalCode).sorted().distinct().toList();
    }

    private static Map<String, AnswerKeyRow> keyByFile() {
        return bundle.rows().stream().collect(Collectors.toMap(AnswerKeyRow::file, Function.identity()));
    }

    // ---------------------------------------------------------------- the library

    @Test
    @DisplayName("library: each DUPLICATE_PERSON names the same person's later signature, which counts")
    void aDuplicateNamesTheSignatureThatCounts() {
        Map<SignatureKey, AuditedSignature> byKey = audit.signatures().stream()
                .collect(Collectors.toMap(AuditedSignature::key, Function.identity()));
        Map<String, AnswerKeyRow> key = keyByFile();
        List<AuditedSignature> duplicates = audit.signatures().stream()
                .filter(s -> s.exclusions().contains(Exclusion.DUPLICATE_PERSON)).toList();
        assertThat(duplicates).hasSize((int) bundle.rows().stream()
                .filter(r -> r.exclusions().contains(Exclusion.DUPLICATE_PERSON)).count());
        for (AuditedSignature duplicate : duplicates) {
            AuditedSignature kept = byKey.get(duplicate.duplicateOf());
            assertThat(kept).as(duplicate.key() + " names a signature of the audit").isNotNull();
            assertThat(kept.counted()).isTrue();
            assertThat(key.get(kept.signature().file()).personalCode()).isEqualTo(key.get(duplicate.signature().file()).personalCode());
            assertThat(kept.signedAt()).isAfter(duplicate.signedAt());
        }
        assertThat(audit.signatures()).filteredOn(s -> !s.exclusions().contains(Exclusion.DUPLICATE_PERSON))
                .allSatisfy(s -> assertThat(s.duplicateOf()).isNull());
    }

    @Test
    @DisplayName("library: the counted codes are the answer key's; a signer missing from the register's answer is NOT_IN_REGISTER")
    void theRegistersAnswerExcludesWhomItDidNotConfirm() {
        List<String> counted = audit.countedPersonalCodes();
        assertThat(counted).isEqualTo(countedCodes());
        Set<String> missing = Set.of(counted.get(0), counted.get(counted.size() / 2), counted.get(counted.size() - 1));
        Set<String> confirmed = new HashSet<>(counted);
        confirmed.removeAll(missing);

        AuditReport checked = Audit.of(audit.containers(), policy().withResidents(confirmed));

        assertThat(checked.summary().counted()).isEqualTo(audit.summary().counted() - missing.size());
        assertThat(checked.countedPersonalCodes()).containsExactlyElementsOf(new TreeSet<>(confirmed));
        for (int i = 0; i < audit.signatures().size(); i++) {
            AuditedSignature before = audit.signatures().get(i);
            AuditedSignature after = checked.signatures().get(i);
            String code = before.signature().signer() == null ? null : before.signature().signer().personalCode();
            boolean unconfirmed = code != null && missing.contains(code) && (before.counted() || before.duplicateOf() != null);
            assertThat(after.exclusions()).as(before.key().toString())
                    .isEqualTo(unconfirmed ? List.of(Exclusion.NOT_IN_REGISTER) : before.exclusions());
        }
        assertThat(checked.summary().excluded().get(Exclusion.NOT_IN_REGISTER)).isGreaterThanOrEqualTo(missing.size());
    }

    @Test
    @DisplayName("library: an empty register answer excludes everyone who would count")
    void anEmptyAnswerExcludesEveryone() {
        AuditReport none = Audit.of(audit.containers(), policy().withResidents(Set.of()).withThreshold(1));
        assertThat(none.summary().counted()).isZero();
        assertThat(none.summary().thresholdReached()).isFalse();
        for (int i = 0; i < audit.signatures().size(); i++) {
            AuditedSignature before = audit.signatures().get(i);
            boolean wouldCount = before.counted() || before.duplicateOf() != null;
            assertThat(none.signatures().get(i).exclusions()).as(before.key().toString())
                    .isEqualTo(wouldCount ? List.of(Exclusion.NOT_IN_REGISTER) : before.exclusions());
        }
    }

    // ---------------------------------------------------------------- the command line

    record Run(int exitCode, String stderr) {
    }

    private static Run audit(Path out, String format, String... extra) {
        List<String> args = new ArrayList<>(List.of("audit", "--format", format, "--output", out.toString(),
                "--trust", bundle.trust().toString(), "--at", spec.windowUntil().plus(Duration.ofDays(30)).toString(),
                "--document-sha256", HexFormat.of().formatHex(bundle.document().sha256()),
                "--from", spec.windowFrom().toString(), "--until", spec.windowUntil().toString(),
                "--min-age", String.valueOf(spec.minAge())));
        args.addAll(List.of(extra));
        args.add(bundle.container().toString());
        StringWriter err = new StringWriter();
        int code = Main.run(new Main.Streams(System.in, System.out, new PrintWriter(err, true)), args.toArray(String[]::new));
        return new Run(code, err.toString());
    }

    private static Map<String, JsonNode> signaturesByFile(Path json) throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode s : ReportJson.reader().readTree(Files.readString(json)).get("containers").get(0).get("signatures")) {
            out.put(s.get("file").asText(), s);
        }
        return out;
    }

    @Test
    @DisplayName("audit --export-counted writes the counted signers' codes, sorted, one a line, in full, also when HTML is masked")
    void exportCounted() throws Exception {
        Path codes = tmp.resolve("codes.txt");
        Run run = audit(tmp.resolve("audit.html"), "html", "--export-counted", codes.toString());

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(Main.OK);
        byte[] bytes = Files.readAllBytes(codes);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(String.join("\n", countedCodes()) + "\n");
        assertThat(Files.readString(tmp.resolve("audit.html"))).doesNotContain(countedCodes().get(0));
    }

    @Test
    @DisplayName("audit --residents: a counted signer missing from it is NOT_IN_REGISTER, the count falls by exactly those, provenance names the list")
    void residentsOnTheCommandLine() throws Exception {
        List<String> counted = countedCodes();
        List<String> missing = List.of(counted.get(1), counted.get(counted.size() - 2));
        List<String> lines = new ArrayList<>(List.of("# population register answer, query 2026-001", ""));
        counted.stream().filter(c -> !missing.contains(c)).forEach(c -> lines.add(c + "   # confirmed"));
        lines.add("");
        Path list = tmp.resolve("register-answer.txt");
        Files.writeString(list, String.join("\r\n", lines) + "\r\n");
        Path json = tmp.resolve("checked.json");

        Run run = audit(json, "json", "--residents", list.toString(), "--threshold", String.valueOf(counted.size() - 2));

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(Main.OK);
        JsonNode root = ReportJson.reader().readTree(Files.readString(json));
        JsonNode summary = root.get("summary");
        assertThat(summary.get("counted").asInt()).isEqualTo(counted.size() - missing.size());
        assertThat(root.get("policy").get("residents").asInt()).isEqualTo(counted.size() - missing.size());
        JsonNode options = root.get("provenance").get("options");
        assertThat(options.get("residents").asText()).isEqualTo("register-answer.txt");
        assertThat(options.get("residentsSha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(list))));
        assertThat(options.get("residentsCodes").asText()).isEqualTo(String.valueOf(counted.size() - missing.size()));
        Map<String, AnswerKeyRow> key = keyByFile();
        Map<String, JsonNode> byFile = signaturesByFile(json);
        for (AnswerKeyRow row : bundle.rows()) {
            JsonNode s = byFile.get(row.file());
            List<String> exclusions = new ArrayList<>();
            s.get("exclusions").forEach(e -> exclusions.add(e.asText()));
            boolean wouldCount = row.counted() || row.exclusions().equals(List.of(Exclusion.DUPLICATE_PERSON));
            assertThat(exclusions).as(row.file()).isEqualTo(wouldCount && missing.contains(row.personalCode())
                    ? List.of("NOT_IN_REGISTER") : row.exclusions().stream().map(Enum::name).toList());
        }
        assertThat(key).hasSameSizeAs(byFile);

        assertThat(audit(tmp.resolve("more.txt"), "text", "--residents", list.toString(), "--threshold",
                String.valueOf(counted.size() - 1)).exitCode()).as("the threshold is judged on the final count").isEqualTo(Main.FAILED);
        assertThat(Files.readString(tmp.resolve("more.txt"))).contains("register: checked against the population register's"
                + " list of " + (counted.size() - missing.size()) + " personal code(s)");
        Path html = tmp.resolve("checked.html");
        audit(html, "html", "--residents", list.toString());
        assertThat(Files.readString(html)).contains("id=\"register\"", "id=\"filter-x-NOT_IN_REGISTER\"",
                "id=\"p-option-residentsSha256\"");
    }

    @Test
    @DisplayName("audit --residents with an empty list: nobody counts")
    void anEmptyListOnTheCommandLine() throws Exception {
        Path list = Files.writeString(tmp.resolve("empty.txt"), "# the register confirmed nobody\n\n");
        Path json = tmp.resolve("none.json");
        Run run = audit(json, "json", "--residents", list.toString(), "--threshold", "1");
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(Main.FAILED);
        JsonNode summary = ReportJson.reader().readTree(Files.readString(json)).get("summary");
        assertThat(summary.get("counted").asInt()).isZero();
        assertThat(summary.get("excluded").get("NOT_IN_REGISTER").asInt()).isEqualTo((int) bundle.rows().stream()
                .filter(r -> r.counted() || r.exclusions().equals(List.of(Exclusion.DUPLICATE_PERSON))).count());
    }

    @Test
    @DisplayName("a malformed --residents line is a usage error (exit 2) naming the line, before anything is verified")
    void aMalformedListIsAUsageError() throws Exception {
        String good = countedCodes().get(0);
        String badCheckDigit = good.substring(0, 10) + (char) ('0' + (good.charAt(10) - '0' + 1) % 10);
        Path list = Files.writeString(tmp.resolve("bad.txt"), "# answer\n" + good + "\n\n" + badCheckDigit + "\n");
        Path out = tmp.resolve("never.json");

        Run run = audit(out, "json", "--residents", list.toString());

        assertThat(run.exitCode()).isEqualTo(Main.ERROR);
        assertThat(run.stderr().strip().lines().filter(l -> !l.contains("warning"))).singleElement().asString()
                .startsWith("allkiri: --residents " + list).contains("line 4");
        assertThat(out).doesNotExist();
        assertThat(audit(out, "json", "--residents", tmp.resolve("absent.txt").toString()).exitCode()).isEqualTo(Main.ERROR);
        assertThat(out).doesNotExist();
    }

    @Test
    @DisplayName("--export-counted is not written when the count is incomplete, and may not be the report's own file")
    void noExportOfAnIncompleteCount() throws Exception {
        Path codes = Files.writeString(tmp.resolve("codes.txt"), "earlier\n");
        Run run = audit(tmp.resolve("late.json"), "json", "--export-counted", codes.toString(), "--time-limit", "PT0.000000001S");
        assertThat(run.exitCode()).isEqualTo(Main.ERROR);
        assertThat(run.stderr()).contains("--export-counted");
        assertThat(Files.readString(codes)).isEqualTo("earlier\n");
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .containsExactlyInAnyOrder("codes.txt", "late.json");
        }

        Path same = tmp.resolve("same.json");
        assertThat(audit(same, "json", "--export-counted", same.toString()).exitCode()).isEqualTo(Main.ERROR);
        assertThat(audit(tmp.resolve("x.json"), "json", "--export-counted", tmp.resolve("no/such/folder/c.txt").toString())
                .exitCode()).isEqualTo(Main.ERROR);
        assertThat(tmp.resolve("x.json")).doesNotExist();
    }

    @Test
    @DisplayName("duplicateOf in JSON, CSV, text, JUnit XML and HTML")
    void duplicateOfInEveryFormat() throws Exception {
        AuditedSignature duplicate = audit.signatures().stream().filter(s -> s.duplicateOf() != null).findFirst().orElseThrow();
        String file = duplicate.signature().file();
        String kept = duplicate.duplicateOf().file();
        String container = bundle.container().toString();

        Path json = tmp.resolve("a.json");
        audit(json, "json");
        JsonNode node = signaturesByFile(json).get(file).get("duplicateOf");
        assertThat(node.get("container").asText()).isEqualTo(container);
        assertThat(node.get("file").asText()).isEqualTo(kept);
        assertThat(signaturesByFile(json).get(kept).get("duplicateOf").isNull()).isTrue();

        Path csv = tmp.resolve("a.csv");
        audit(csv, "csv");
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader().withComments()).readValues(csv.toFile())) {
            List<Map<String, String>> rows = it.readAll();
            assertThat(rows).filteredOn(r -> r.get("file").equals(file)).singleElement()
                    .satisfies(r -> assertThat(r.get("duplicateOfContainer")).isEqualTo(container))
                    .satisfies(r -> assertThat(r.get("duplicateOfFile")).isEqualTo(kept));
            assertThat(rows).filteredOn(r -> r.get("file").equals(kept)).singleElement()
                    .satisfies(r -> assertThat(r.get("duplicateOfFile")).isEmpty());
        }

        Path text = tmp.resolve("a.txt");
        audit(text, "text");
        assertThat(Files.readString(text)).contains("DUPLICATE_PERSON (duplicate of " + container + " " + kept + ")");

        Path junit = tmp.resolve("a.xml");
        audit(junit, "junit");
        assertThat(Files.readString(junit)).contains("DUPLICATE OF bundle.asice " + kept);

        Path html = tmp.resolve("a.html");
        audit(html, "html");
        assertThat(Files.readString(html)).contains("<span class=\"muted duplicate-of\">of bundle.asice "
                + Html.breakable(kept) + "</span>");
    }
}
