package ee.allkiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ee.allkiri.asic.testing.ContainerForge;
import ee.allkiri.ocsp.testing.OnlineCa;
import ee.allkiri.testkit.pki.Authority;
import ee.allkiri.testkit.pki.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code allkiri verify --online} against OpenSSL's {@code openssl ocsp} responder of the
 * testkit PKI's ESTEID2018-like CA ({@link OnlineCa}). Only the test that gets an answer needs
 * openssl (and fails, naming it, when it is missing).
 */
class VerifyOnlineTest {

    static final OnlineCa ONLINE = new OnlineCa();
    static final Authority CA = ONLINE.ca();

    @TempDir
    static Path directory;

    static Path trust;
    static Path container;

    @BeforeAll
    static void start() throws Exception {
        trust = Files.createDirectories(directory.resolve("trust"));
        Files.writeString(trust.resolve("ca.pem"), Pem.certificate(CA.certificate()));
        container = directory.resolve("b-level.asice");
        Files.write(container, ContainerForge.bLevel(ONLINE.good(), "initiative.txt", "We propose.",
                Instant.now().minusSeconds(60)));
    }

    @AfterAll
    static void stop() {
        ONLINE.close();
    }

    static int run(String... args) {
        return Main.run(args);
    }

    static JsonNode signature(Path report) throws IOException {
        return new ObjectMapper().readTree(report.toFile()).path("containers").get(0).path("signatures").get(0);
    }

    static List<String> codes(JsonNode signature) {
        List<String> codes = new ArrayList<>();
        signature.path("findings").forEach(f -> codes.add(f.path("code").asText()));
        return codes;
    }

    @Test
    @DisplayName("offline (the default) a B-level signature fails: exit 1, PROFILE_NOT_LONG_TERM")
    void offlineBLevelFails() throws IOException {
        Path report = directory.resolve("offline.json");
        int exit = run("verify", "--trust", trust.toString(), "--format", "json", "--output", report.toString(), container.toString());
        assertThat(exit).isEqualTo(Main.FAILED);
        assertThat(codes(signature(report))).contains("PROFILE_NOT_LONG_TERM");
    }

    @Test
    @DisplayName("--online with --ocsp-url for the issuer: the signer is checked now and the container passes")
    void onlineBLevelPasses() throws Exception {
        Path report = directory.resolve("online.json");
        int exit = run("verify", "--trust", trust.toString(), "--online", "--ocsp-url", CA.commonName() + "=" + ONLINE.url(),
                "--format", "json", "--output", report.toString(), container.toString());
        JsonNode signature = signature(report);
        assertThat(exit).as(signature.toString()).isEqualTo(Main.OK);
        assertThat(codes(signature)).contains("REVOCATION_CHECKED_ONLINE");
        assertThat(signature.path("indication").asText()).isEqualTo("TOTAL_PASSED");
    }

    @Test
    @DisplayName("--online with the responder down: exit 1, REVOCATION_UNAVAILABLE, indeterminate")
    void onlineResponderDown() throws IOException {
        Path report = directory.resolve("down.json");
        int exit = run("verify", "--trust", trust.toString(), "--online", "--ocsp-url", CA.commonName() + "=http://127.0.0.1:1/",
                "--format", "json", "--output", report.toString(), container.toString());
        assertThat(exit).isEqualTo(Main.FAILED);
        assertThat(codes(signature(report))).contains("REVOCATION_UNAVAILABLE");
        assertThat(signature(report).path("indication").asText()).isEqualTo("INDETERMINATE");
    }

    @Test
    @DisplayName("usage errors exit 2: responders without --online, --online without a responder, --online with --at, a bad --ocsp-url")
    void onlineUsageErrors() {
        String t = trust.toString();
        String c = container.toString();
        assertThat(run("verify", "--trust", t, "--ocsp-url", CA.commonName() + "=http://127.0.0.1:1/", c)).isEqualTo(Main.ERROR);
        assertThat(run("verify", "--trust", t, "--online", c)).isEqualTo(Main.ERROR);
        assertThat(run("verify", "--trust", t, "--online", "--ocsp-allow-aia", "http://127.0.0.1:1/", "--at",
                "2024-01-01T00:00:00Z", c)).isEqualTo(Main.ERROR);
        assertThat(run("verify", "--trust", t, "--online", "--ocsp-url", "no-equals-sign", c)).isEqualTo(Main.ERROR);
        assertThat(run("verify", "--trust", t, "--online", "--ocsp-url", CA.commonName() + "=ftp://127.0.0.1/", c)).isEqualTo(Main.ERROR);
        assertThat(run("verify", "--trust", t, "--offline", "--online", "--ocsp-allow-aia", "http://127.0.0.1:1/", c))
                .isEqualTo(Main.ERROR);
    }
}
