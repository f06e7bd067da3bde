package ee.allkiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.DataFile;
import ee.allkiri.core.Indication;
import ee.allkiri.core.PersonalCodeMask;
import ee.allkiri.core.Profile;
import ee.allkiri.core.Qualification;
import ee.allkiri.core.ReportJson;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.Signer;
import ee.allkiri.core.TokenType;
import ee.allkiri.core.VerificationReport;
import ee.allkiri.core.audit.Audit;
import ee.allkiri.core.audit.AuditPolicy;
import ee.allkiri.core.audit.AuditReport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The library entry to the command line's formats writes what the commands write. */
class ReportWriterTest {

    static final String CODE = "38001085718";
    static final String DOCUMENT = "b".repeat(64);

    static ContainerReport container() {
        Signer signer = new Signer("JÕEORG,JAAK-KRISTJAN," + CODE, "JAAK-KRISTJAN", "JÕEORG", null, "EE", CODE, true,
                TokenType.ID_CARD, false, "ESTEID2018", "00");
        SignatureReport signature = new SignatureReport("META-INF/signatures-1.xml", "S", Indication.TOTAL_PASSED, null,
                Profile.LT, Qualification.QESIG, signer, null, null, Instant.parse("2026-01-05T10:00:00Z"), null,
                List.of("initiative.html"), List.of());
        return new ContainerReport("bundle.asice", List.of(), List.of(new DataFile("initiative.html", "text/html", 1, DOCUMENT)),
                List.of(signature));
    }

    static AuditReport audit() {
        return Audit.of(List.of(container()), AuditPolicy.forDocument(DOCUMENT));
    }

    static String written(ReportWriter writer, AuditReport report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void offersEveryFormatOfTheCommandLine() {
        assertThat(Arrays.stream(ReportWriter.Format.values()).map(f -> f.name().toLowerCase(java.util.Locale.ROOT)))
                .containsExactly(Arrays.stream(OutputFormat.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void auditCsvCarriesTheCountAndTheFullPersonalCode() throws Exception {
        String csv = written(ReportWriter.of(ReportWriter.Format.CSV), audit());
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).startsWith("\uFEFFcontainer,").contains(CODE)
                .contains(",signedAt,counted,exclusions,duplicateOfContainer,duplicateOfFile\r\n")
                .endsWith(",true,,,\r\n"); // counted: no exclusions, a duplicate of nothing
    }

    @Test
    void maskingHidesThePersonalCodeAndTheBirthDate() throws Exception {
        String csv = written(ReportWriter.of(ReportWriter.Format.CSV).maskingPersonalCodes(), audit());
        assertThat(csv).doesNotContain(CODE).doesNotContain("380010").contains("*******5718");
        String lastTwo = written(ReportWriter.of(ReportWriter.Format.CSV).withMask(PersonalCodeMask.LAST_TWO), audit());
        assertThat(lastTwo).doesNotContain("5718").contains("*********18");
    }

    @Test
    void htmlIsMaskedUnlessAskedOtherwise() throws Exception {
        assertThat(written(ReportWriter.of(ReportWriter.Format.HTML), audit())).doesNotContain(CODE).contains("*******5718");
        assertThat(written(ReportWriter.of(ReportWriter.Format.HTML).withMask(PersonalCodeMask.NONE), audit())).contains(CODE);
        assertThat(written(ReportWriter.of(ReportWriter.Format.CSV), audit())).contains(CODE);
    }

    @Test
    void auditJsonIsTheAuditContract() throws Exception {
        JsonNode root = ReportJson.reader().readTree(written(ReportWriter.of(ReportWriter.Format.JSON), audit()));
        assertThat(root.get("schemaVersion").asText()).isEqualTo("1");
        assertThat(root.get("summary").get("counted").asInt()).isEqualTo(1);
    }

    @Test
    void junitXmlIsDatedByTheGivenClock() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-02-03T04:05:06Z"), ZoneOffset.UTC);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriter.of(ReportWriter.Format.JUNIT).withClock(clock).write(new VerificationReport(List.of(container())), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("timestamp=\"2026-02-03T04:05:06\"");
    }
}
