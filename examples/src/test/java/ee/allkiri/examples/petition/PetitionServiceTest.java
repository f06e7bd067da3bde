package ee.allkiri.examples.petition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ReportJson;
import ee.allkiri.examples.Shared;
import ee.allkiri.testkit.forge.ContainerForge;
import ee.allkiri.testkit.forge.Variant;
import ee.allkiri.testkit.pki.PkiTrustSource;
import ee.allkiri.testkit.pki.TestPki;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The petition endpoint over loopback: real and forged uploads, and what is not a container. */
class PetitionServiceTest {

    static final Path REAL_ID_CARD = Shared.fixture("valid_prod_bdoc_eid.bdoc");
    static final Path REAL_TAMPERED = Shared.fixture("invalid-data-file.bdoc");
    static final Path REAL_NOT_A_CONTAINER = Shared.fixture("notABDoc.bdoc");

    static ContainerForge forge;
    static Verifier verifier;
    static PetitionService service;
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        TestPki pki = TestPki.create(8);
        forge = new ContainerForge(pki);
        verifier = Verifier.builder()
                .trust(new CertificateFolderTrustSource(Shared.fixtureTrust()), new PkiTrustSource(pki))
                .clock(Clock.fixed(pki.epoch().plus(Duration.ofDays(1)), ZoneOffset.UTC))
                .build();
        service = PetitionService.builder()
                .verifier(verifier)
                .initiative(Initiative.of("real-2017", Shared.signedDocument(REAL_ID_CARD)))
                .initiative(Initiative.of("forged", forge.document().content()))
                .initiative(Initiative.of("other", "another initiative\n".getBytes(StandardCharsets.UTF_8)))
                .start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static HttpResponse<String> post(PetitionService to, String initiative, byte[] body) throws Exception {
        return send(to, initiative, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    static HttpResponse<String> send(PetitionService to, String initiative, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(to.uri().resolve("/initiatives/" + initiative + "/signatures"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/vnd.etsi.asic-e+zip")
                .POST(body).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        return ReportJson.reader().readTree(response.body());
    }

    static List<String> codes(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field == null ? n.asText() : n.get(field).asText()));
        return out;
    }

    @Test
    void aRealIdCardSignatureOnTheInitiativeIsAcceptedWithItsSigner() throws Exception {
        HttpResponse<String> response = post(service, "real-2017", Files.readAllBytes(REAL_ID_CARD));
        JsonNode body = json(response);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.get("accepted").asBoolean()).isTrue();
        assertThat(body.get("verdict").asText()).isEqualTo("TOTAL_PASSED");
        assertThat(codes(body.get("reasons"), null)).isEmpty();
        assertThat(body.get("signer").get("personalCode").asText()).isEqualTo("36404102711");
        assertThat(body.get("signer").get("tokenType").asText()).isEqualTo("ID_CARD");
        assertThat(body.get("signedAt").asText()).isEqualTo("2017-07-26T08:54:15Z");
    }

    @Test
    void aForgedValidSignatureOnTheInitiativeIsAccepted() throws Exception {
        HttpResponse<String> response = post(service, "forged", forge.forge(Variant.VALID_LT));
        JsonNode body = json(response);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.get("accepted").asBoolean()).isTrue();
        assertThat(body.get("signer").get("personalCode").asText())
                .isEqualTo(forge.personas().idCard().code());
    }

    @Test
    void aTamperedContainerIsRefusedWithTheDigestFinding() throws Exception {
        HttpResponse<String> response = post(service, "forged", forge.forge(Variant.DATA_FILE_ALTERED));
        JsonNode body = json(response);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(body.get("accepted").asBoolean()).isFalse();
        assertThat(body.get("verdict").asText()).isEqualTo("TOTAL_FAILED");
        // the altered file is not among what the signature signed: invalid, not a signature on another document
        assertThat(codes(body.get("reasons"), null)).contains("NOT_VALID").doesNotContain("NOT_THE_DOCUMENT");
        assertThat(codes(body.get("findings"), "code")).contains("REFERENCE_DIGEST_MISMATCH");
    }

    @Test
    void aRealTamperedContainerIsRefusedWithTheDigestFinding() throws Exception {
        HttpResponse<String> response = post(service, "real-2017", Files.readAllBytes(REAL_TAMPERED));
        JsonNode body = json(response);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(codes(body.get("reasons"), null)).contains("NOT_VALID");
        assertThat(codes(body.get("findings"), "code")).contains("REFERENCE_DIGEST_MISMATCH");
    }

    @Test
    void aValidSignatureOnAnotherDocumentIsRefused() throws Exception {
        HttpResponse<String> response = post(service, "other", forge.forge(Variant.VALID_LT));
        JsonNode body = json(response);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(body.get("verdict").asText()).isEqualTo("TOTAL_PASSED");
        assertThat(codes(body.get("reasons"), null)).containsExactly("NOT_THE_DOCUMENT");
    }

    @Test
    void aTestCertificateIsRefusedUnlessTheServiceIsForStaging() throws Exception {
        byte[] upload = forge.forge(Variant.TEST_SIGNER);
        assertThat(codes(json(post(service, "forged", upload)).get("reasons"), null)).containsExactly("TEST_CERTIFICATE");

        try (PetitionService staging = PetitionService.builder().verifier(verifier)
                .initiative(Initiative.of("forged", forge.document().content())).acceptTestCertificates().start()) {
            assertThat(post(staging, "forged", upload).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aNonContainerUploadIsA400WithAJsonErrorBody() throws Exception {
        for (byte[] upload : List.of(Files.readAllBytes(REAL_NOT_A_CONTAINER),
                "<html>not a container</html>".getBytes(StandardCharsets.UTF_8), new byte[0])) {
            HttpResponse<String> response = post(service, "real-2017", upload);
            JsonNode body = json(response);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(body.get("error").asText()).isEqualTo("NOT_A_CONTAINER");
            assertThat(body.get("findings")).isNotEmpty();
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void anUploadOverTheCapIsA413BeforeItIsVerified() throws Exception {
        try (PetitionService small = PetitionService.builder().verifier(verifier)
                .initiative(Initiative.of("forged", forge.document().content())).maxUploadBytes(1024).start()) {
            byte[] upload = new byte[4096];
            HttpResponse<String> declared = post(small, "forged", upload);
            HttpResponse<String> chunked = send(small, "forged",
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(upload)));

            for (HttpResponse<String> response : List.of(declared, chunked)) {
                assertThat(response.statusCode()).isEqualTo(413);
                assertThat(json(response).get("error").asText()).isEqualTo("UPLOAD_TOO_LARGE");
            }
        }
    }

    @Test
    void anUnknownInitiativeOrMethodIsAJsonError() throws Exception {
        HttpResponse<String> unknown = post(service, "no-such-initiative", new byte[1]);
        HttpResponse<String> get = CLIENT.send(HttpRequest.newBuilder(service.uri().resolve("/initiatives/forged/signatures"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> elsewhere = CLIENT.send(HttpRequest.newBuilder(service.uri().resolve("/initiatives/forged"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("error").asText()).isEqualTo("UNKNOWN_INITIATIVE");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(json(get).get("error").asText()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(json(elsewhere).get("error").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aContainerWithMoreThanOneSignatureIsRefusedBeforeItIsVerified() throws Exception {
        Verifier.Statistics before = verifier.statistics();
        HttpResponse<String> response = post(service, "forged", Files.readAllBytes(Shared.fixture("2_signatures_duplicate_id.asice")));
        JsonNode body = json(response);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(body.get("verdict").asText()).isEqualTo("NOT_VERIFIED");
        assertThat(codes(body.get("reasons"), null)).containsExactly("NOT_ONE_SIGNATURE");
        assertThat(body.get("signatures").asInt()).isEqualTo(2);
        assertThat(body.get("findings")).isEmpty();
        assertThat(verifier.statistics()).as("no signature was verified").isEqualTo(before);
    }

    @Test
    void theCommandLineTakesTrustAndAcceptsTestCertificatesWhenAsked() throws Exception {
        Path container = Shared.fixture("valid-asice-esteid2018.asice");
        Path document = Files.write(Files.createTempFile("initiative", ".txt"), Shared.signedDocument(container));
        try {
            String[] args = {"--trust", Shared.fixtureTrust().toString(), "--accept-test-certificates", "0",
                    "trial=" + document};
            try (PetitionService trial = PetitionService.start(args)) {
                assertThat(post(trial, "trial", Files.readAllBytes(container)).statusCode()).isEqualTo(200);
            }
            try (PetitionService strict = PetitionService.start(new String[] {"--trust", Shared.fixtureTrust().toString(), "0",
                    "trial=" + document})) {
                HttpResponse<String> refused = post(strict, "trial", Files.readAllBytes(container));
                assertThat(refused.statusCode()).isEqualTo(422);
                assertThat(codes(json(refused).get("reasons"), null)).containsExactly("TEST_CERTIFICATE");
            }
        } finally {
            Files.deleteIfExists(document);
        }
    }

    @Test
    void theCommandLineAnswersHelp() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), PetitionService.class.getName(), "--help")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).startsWith("usage: PetitionService").contains("--trust", "--accept-test-certificates");
    }
}
