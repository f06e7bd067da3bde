package ee.allkiri.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    private static VerificationReport sample() {
        Signer signer = new Signer("JÕEORG,JAAK-KRISTJAN,38001085718", "JAAK-KRISTJAN", "JÕEORG", null, "EE",
                "38001085718", true, TokenType.ID_CARD, true, "TEST of ESTEID2018", "ab");
        SignatureReport passed = new SignatureReport("META-INF/signatures0.xml", "S0", Indication.TOTAL_PASSED, null,
                Profile.LT, Qualification.NA, signer, Instant.parse("2024-09-02T12:36:40Z"),
                Instant.parse("2024-09-02T12:36:45Z"), Instant.parse("2024-09-02T12:36:45Z"),
                Instant.parse("2024-09-02T12:36:46Z"), List.of("test.txt"),
                List.of(Finding.of(FindingCode.TEST_CERTIFICATE, "META-INF/signatures0.xml", "test chain")));
        SignatureReport failed = new SignatureReport("META-INF/signatures1.xml", "S0", Indication.TOTAL_FAILED,
                SubIndication.HASH_FAILURE, Profile.LT, Qualification.NA, null, null, null, null, null, List.of(),
                List.of(Finding.of(FindingCode.REFERENCE_DIGEST_MISMATCH, "META-INF/signatures1.xml", "changed")));
        ContainerReport c = new ContainerReport("a.asice", List.of(),
                List.of(new DataFile("test.txt", "text/plain", 4, "00")), List.of(passed, failed));
        return new VerificationReport(List.of(c));
    }

    @Test
    void writesTheContractFields() throws Exception {
        JsonNode root = ReportJson.reader().readTree(ReportJson.write(sample()));
        assertThat(root.get("schemaVersion").asText()).isEqualTo("1");
        JsonNode container = root.get("containers").get(0);
        assertThat(container.get("path").asText()).isEqualTo("a.asice");
        assertThat(container.get("valid").asBoolean()).isFalse();
        assertThat(container.get("indication").asText()).isEqualTo("TOTAL_FAILED");
        JsonNode sig = container.get("signatures").get(0);
        assertThat(sig.get("file").asText()).isEqualTo("META-INF/signatures0.xml");
        assertThat(sig.get("valid").asBoolean()).isTrue();
        assertThat(sig.get("subIndication").isNull()).isTrue();
        assertThat(sig.get("profile").asText()).isEqualTo("LT");
        assertThat(sig.get("level").asText()).isEqualTo("NA");
        assertThat(sig.get("signer").get("personalCode").asText()).isEqualTo("38001085718");
        assertThat(sig.get("signer").get("tokenType").asText()).isEqualTo("ID_CARD");
        assertThat(sig.get("signer").get("test").asBoolean()).isTrue();
        assertThat(sig.get("bestSignatureTime").asText()).isEqualTo("2024-09-02T12:36:45Z");
        assertThat(sig.get("findings").get(0).get("code").asText()).isEqualTo("TEST_CERTIFICATE");
        assertThat(sig.get("findings").get(0).get("severity").asText()).isEqualTo("INFO");
        java.util.List<String> findingFields = new java.util.ArrayList<>();
        sig.get("findings").get(0).fieldNames().forEachRemaining(findingFields::add);
        assertThat(findingFields).containsExactly("code", "severity", "message", "location");
        JsonNode summary = root.get("summary");
        assertThat(summary.get("containers").asInt()).isEqualTo(1);
        assertThat(summary.get("signatures").asInt()).isEqualTo(2);
        assertThat(summary.get("valid").asInt()).isEqualTo(1);
        assertThat(summary.get("invalid").asInt()).isEqualTo(1);
        assertThat(summary.get("indeterminate").asInt()).isZero();
    }

    @Test
    void readsBackWhatItWrote() {
        VerificationReport original = sample();
        VerificationReport back = ReportJson.read(ReportJson.write(original));
        assertThat(back).isEqualTo(original);
        assertThat(back.summary()).isEqualTo(original.summary());
    }

    @Test
    void theSignersIdentifierTypeIsWrittenAndReadBack() throws Exception {
        Signer passport = new Signer("TAMM,MARI,PASEE-K0123456", "MARI", "TAMM", null, "EE", null, false,
                TokenType.SMART_ID, false, "EID-SK 2016", "cd", "PAS", "K0123456");
        SignatureReport s = new SignatureReport("META-INF/signatures-1.xml", "S0", Indication.TOTAL_PASSED, null,
                Profile.LT, Qualification.QESIG, passport, null, null, null, null, List.of("a.txt"), List.of());
        VerificationReport report = new VerificationReport(List.of(new ContainerReport("p.asice", List.of(),
                List.of(new DataFile("a.txt", "text/plain", 1, "00")), List.of(s))));

        String json = ReportJson.write(report);
        JsonNode signer = ReportJson.reader().readTree(json).get("containers").get(0).get("signatures").get(0).get("signer");
        assertThat(signer.get("personalCode").isNull()).isTrue();
        assertThat(signer.get("personalCodeValid").asBoolean()).isFalse();
        assertThat(signer.get("identifierType").asText()).isEqualTo("PAS");
        assertThat(signer.get("identifier").asText()).isEqualTo("K0123456");
        assertThat(ReportJson.read(json)).isEqualTo(report);

        JsonNode pno = ReportJson.reader().readTree(ReportJson.write(sample())).get("containers").get(0).get("signatures")
                .get(0).get("signer");
        assertThat(pno.get("identifierType").asText()).isEqualTo("PNO");
        assertThat(pno.get("identifier").asText()).isEqualTo("38001085718");
    }

    @Test
    void aReportWrittenBeforeTheIdentifierTypeWasKeptReadsAsAPersonalNumber() {
        String json = ReportJson.write(sample()).replaceAll("\\s*\"identifierType\" : \"PNO\",", "")
                .replaceAll("\\s*\"identifier\" : \"38001085718\",", "");
        assertThat(json).doesNotContain("identifier");
        Signer signer = ReportJson.read(json).containers().get(0).signatures().get(0).signer();
        assertThat(signer.identifierType()).isEqualTo("PNO");
        assertThat(signer.identifier()).isEqualTo("38001085718");
    }

    @Test
    void aSignerCannotCarryADocumentNumberAsItsPersonalCode() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Signer("X", "G", "S", null, "EE", "38001085718", true,
                TokenType.ID_CARD, false, "CA", "00", "IDC", "38001085718")).isInstanceOf(IllegalArgumentException.class);
    }
}
