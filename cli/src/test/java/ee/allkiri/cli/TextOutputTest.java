package ee.allkiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text format (issue #15): a finding repeated on every container or signature is printed
 * once with its count, and {@code --summary} gives the counts of an audit without a block per
 * signature.
 */
class TextOutputTest {

    @TempDir
    Path tmp;

    private static final String[] CONTAINERS = {VerifyCommandTest.fixture("valid-asice-esteid2018.asice"),
            VerifyCommandTest.fixture("2_signatures_duplicate_id.asice"), VerifyCommandTest.fixture("invalid-data-file.bdoc")};

    @Test
    void aRepeatedFindingIsPrintedOnceWithItsCount() throws Exception {
        Path out = tmp.resolve("verify.txt");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("verify", "--trust", "ee-prod",
                "--trust", VerifyCommandTest.trust(), "--at", "2026-01-01T00:00:00Z", "--output", out.toString()));
        args.addAll(java.util.List.of(CONTAINERS));
        Main.run(args.toArray(String[]::new));
        String text = Files.readString(out);
        assertThat(count(text, "TRUST_LIST_STALE")).isEqualTo(1);
        assertThat(text).contains("TRUST_LIST_STALE [https://sr.riik.ee/tsl/estonian-tsl.xml] on all 3 containers");
        assertThat(text).as("same code and message: once").contains("TEST_CERTIFICATE on 3 signatures: issued by TEST of ESTEID2018");
        assertThat(count(text, "TEST_CERTIFICATE")).as("another CA, another message: where it is").isEqualTo(2);
        assertThat(count(text, "REFERENCE_DIGEST_MISMATCH")).as("a finding on one signature stays where it is").isEqualTo(1);
    }

    @Test
    void anAuditSummaryHasTheCountsAndNoSignatureBlocks() throws Exception {
        Path out = tmp.resolve("summary.txt");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("audit", "--summary", "--trust",
                VerifyCommandTest.trust(), "--document-sha256", AuditCommandTest.documentSha256(), "--accept-test-certificates",
                "--from", "2024-09-01", "--until", "2024-09-30", "--output", out.toString()));
        args.addAll(java.util.List.of(CONTAINERS));
        assertThat(Main.run(args.toArray(String[]::new))).isEqualTo(Main.OK);
        String text = Files.readString(out);
        assertThat(text).doesNotContain("META-INF/signatures0.xml", "signer:");
        assertThat(text).contains("counted: 1", "excluded signatures by reason", "counted by token type",
                "counted per day (Europe/Tallinn)", "signatures by verdict", "signatures by token type");
        assertThat(text).containsPattern("(?m)^  DUPLICATE_PERSON +2$").containsPattern("(?m)^  2024-09-02 +1$")
                .containsPattern("(?m)^  ID_CARD +1$");
    }

    @Test
    void summaryIsForTextOnly() {
        assertThat(Main.run("verify", "--summary", "--format", "json", "--trust", VerifyCommandTest.trust(), CONTAINERS[0]))
                .isEqualTo(Main.ERROR);
    }

    private static long count(String text, String word) {
        return Pattern.compile(Pattern.quote(word)).matcher(text).results().count();
    }
}
