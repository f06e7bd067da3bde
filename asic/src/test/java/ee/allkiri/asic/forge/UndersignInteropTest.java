package ee.allkiri.asic.forge;

import ee.allkiri.core.audit.Audit;
import ee.allkiri.core.audit.AuditPolicy;
import ee.allkiri.core.audit.AuditReport;
import ee.allkiri.core.audit.AuditedSignature;
import ee.allkiri.core.audit.Exclusion;
import java.util.Map;
import java.util.stream.Collectors;

import static ee.allkiri.core.FindingCode.TIMESTAMP_EXCLUSIVE_C14N;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Severity;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.SubIndication;
import ee.allkiri.ocsp.testing.ExternalTool;
import ee.allkiri.testkit.interop.Undersign;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.pki.PersonaSpec;
import ee.allkiri.testkit.pki.PersonalCodes;
import ee.allkiri.testkit.pki.Personas;
import ee.allkiri.testkit.pki.PkiTrustSource;
import ee.allkiri.testkit.pki.TestPki;
import ee.allkiri.testkit.service.LoopbackServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * allkiri verifies what the real undersign 0.1.337 (the library rahvaalgatus signs with) makes
 * with the testkit PKI, its time-stamps and OCSP responses coming from the loopback services.
 * Needs Node.js and npm on the PATH (every test fails, naming them, otherwise) and {@code npm ci}
 * run in {@code testkit/src/test/node} (scripts/test does both).
 */
class UndersignInteropTest {

    private static final byte[] INITIATIVE = "<!DOCTYPE html>\n<html><body><h1>Algatus</h1></body></html>\n"
            .getBytes(StandardCharsets.UTF_8);

    private static TestPki pki;
    private static Personas personas;
    private static LoopbackServices services;
    private static Undersign undersign;
    private static Verifier verifier;

    @BeforeAll
    static void start() throws Exception {
        ExternalTool.require("node", "nodejs");
        ExternalTool.require("npm", "npm");
        // undersign stamps the real time, so the PKI's epoch is now
        pki = TestPki.builder().seed(5).epoch(Instant.now().truncatedTo(ChronoUnit.SECONDS)).keys(Forged.KEYS).build();
        personas = new Personas(pki);
        services = LoopbackServices.start(pki, Clock.systemUTC());
        undersign = new Undersign(Path.of(System.getProperty("allkiri.undersign")));
        verifier = Verifier.builder().trust(new PkiTrustSource(pki)).build();
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    private static ContainerReport sign(Path work, List<Persona> signers, Undersign.Document document) throws Exception {
        return verifier.verify(undersign.sign(pki, services, document, signers, work, 8));
    }

    private static Undersign.Document initiative() {
        return Undersign.Document.of("initiative.html", "text/html", INITIATIVE);
    }

    @Test
    @DisplayName("ID-card, digi-ID, Mobile-ID, Smart-ID and old ID-card signatures pass, with the time-stamp quirk warning")
    void validSignaturesPass(@TempDir Path work) throws Exception {
        List<Persona> signers = List.of(personas.idCard(), personas.digiId(), personas.mobileId(), personas.smartId(),
                personas.plainIdCard());
        ContainerReport report = sign(work, signers, initiative());

        assertThat(report.indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.signatures()).extracting(SignatureReport::file).containsExactly("META-INF/signatures-1.xml",
                "META-INF/signatures-2.xml", "META-INF/signatures-3.xml", "META-INF/signatures-4.xml",
                "META-INF/signatures-5.xml");
        assertThat(report.signatures()).extracting(SignatureReport::id).containsOnly("signature");
        assertThat(report.signatures()).allSatisfy(s -> assertThat(s.findings()).extracting(Finding::code, Finding::severity)
                .contains(tuple(TIMESTAMP_EXCLUSIVE_C14N, Severity.WARNING)));
        assertThat(report.signatures()).extracting(s -> s.signer().personalCode())
                .containsExactlyElementsOf(signers.stream().map(Persona::code).toList());

        Verifier strict = Verifier.builder().trust(new PkiTrustSource(pki)).strictTimestampCanonicalization().build();
        ContainerReport strictReport = strict.verify(work.resolve("undersign.asice"));
        assertThat(strictReport.signatures()).extracting(SignatureReport::indication, SignatureReport::subIndication)
                .containsOnly(tuple(Indication.INDETERMINATE, SubIndication.NO_POE));
    }

    @Test
    @DisplayName("a document changed after undersign signed it fails")
    void alteredDocumentFails(@TempDir Path work) throws Exception {
        byte[] altered = new String(INITIATIVE, StandardCharsets.UTF_8).replace("Algatus", "Muudetud algatus")
                .getBytes(StandardCharsets.UTF_8);
        ContainerReport report = sign(work, List.of(personas.idCard()),
                new Undersign.Document("initiative.html", "text/html", INITIATIVE, altered));

        assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(Forged.codes(report)).contains(FindingCode.REFERENCE_DIGEST_MISMATCH);
    }

    @Test
    @DisplayName("a revoked signer's undersign signature fails")
    void revokedSignerFails(@TempDir Path work) throws Exception {
        ContainerReport report = sign(work, List.of(personas.revoked()), initiative());

        assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.signatures().get(0).subIndication()).isEqualTo(SubIndication.REVOKED);
    }

    @Test
    @DisplayName("an expired signer's undersign signature does not pass")
    void expiredSignerDoesNotPass(@TempDir Path work) throws Exception {
        ContainerReport report = sign(work, List.of(personas.expired()), initiative());

        assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(Forged.codes(report)).contains(FindingCode.CERTIFICATE_EXPIRED);
    }

    @Test
    @DisplayName("a bundle of 1,001 undersign signatures by 1,001 people verifies")
    void largeBundleVerifies(@TempDir Path work) throws Exception {
        List<Persona> signers = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            String code = PersonalCodes.of(LocalDate.of(1950 + i % 50, 1 + i % 12, 1 + i % 28), i % 2 == 0, i % 1000);
            PersonaSpec spec = switch (i % 4) {
                case 0, 1 -> PersonaSpec.idCard("Signer", "Number" + i, code);
                case 2 -> PersonaSpec.mobileId("Signer", "Number" + i, code);
                default -> PersonaSpec.smartId("Signer", "Number" + i, code);
            };
            signers.add(pki.persona(spec));
        }
        ContainerReport report = sign(work, signers, initiative());

        assertThat(report.signatures()).hasSize(1001);
        assertThat(report.signatures()).extracting(SignatureReport::indication).containsOnly(Indication.TOTAL_PASSED);
        assertThat(report.indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.signatures()).extracting(s -> s.signer().personalCode()).doesNotHaveDuplicates();

        AuditReport audit = Audit.of(List.of(report), AuditPolicy.forDocument(sha256(INITIATIVE))
                .withWindow(pki.epoch().minus(1, ChronoUnit.HOURS), Instant.now().plus(1, ChronoUnit.HOURS))
                .withThreshold(1000));
        assertThat(audit.summary().counted()).isEqualTo(1001);
        assertThat(audit.summary().thresholdReached()).isTrue();
    }

    @Test
    @DisplayName("the audit of undersign signatures counts each eligible person once and says why the others do not count")
    void auditOfUndersignSignatures(@TempDir Path work) throws Exception {
        Persona adult = pki.persona(PersonaSpec.idCard("Mari", "Maasikas", PersonalCodes.of(LocalDate.of(1980, 5, 5), false, 11)));
        Persona sameAdultAgain = pki.persona(PersonaSpec.mobileId("Mari", "Maasikas", adult.code()));
        Persona child = pki.persona(PersonaSpec.smartId("Juku", "Juurikas",
                PersonalCodes.of(LocalDate.now().minusYears(12), true, 12)));
        List<Persona> signers = List.of(adult, personas.smartId(), child, personas.revoked(), sameAdultAgain);
        ContainerReport report = sign(work, signers, initiative());

        AuditReport audit = Audit.of(List.of(report), AuditPolicy.forDocument(sha256(INITIATIVE))
                .withWindow(pki.epoch().minus(1, ChronoUnit.HOURS), Instant.now().plus(1, ChronoUnit.HOURS)));
        Map<String, List<Exclusion>> byFile = audit.signatures().stream()
                .collect(Collectors.toMap(a -> a.signature().file(), AuditedSignature::exclusions));
        assertThat(byFile.get("META-INF/signatures-2.xml")).isEmpty();
        assertThat(byFile.get("META-INF/signatures-3.xml")).containsExactly(Exclusion.UNDER_AGE);
        assertThat(byFile.get("META-INF/signatures-4.xml")).containsExactly(Exclusion.NOT_VALID);
        assertThat(List.of(byFile.get("META-INF/signatures-1.xml"), byFile.get("META-INF/signatures-5.xml")))
                .as("the same person twice: one counts, the other is a duplicate")
                .containsExactlyInAnyOrder(List.of(), List.of(Exclusion.DUPLICATE_PERSON));
        assertThat(audit.summary().counted()).isEqualTo(2);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
