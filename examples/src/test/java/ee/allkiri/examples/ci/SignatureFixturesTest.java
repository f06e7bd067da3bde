package ee.allkiri.examples.ci;

import static ee.allkiri.assertj.AllkiriAssertions.assertThat;

import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.TokenType;
import ee.allkiri.core.audit.Audit;
import ee.allkiri.core.audit.AuditPolicy;
import ee.allkiri.examples.Shared;
import ee.allkiri.testkit.forge.ContainerForge;
import ee.allkiri.testkit.forge.Variant;
import ee.allkiri.testkit.pki.PkiTrustSource;
import ee.allkiri.testkit.pki.TestPki;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A CI fixture check as a project that ships signed containers would write it: offline,
 * deterministic (a fixed validation time), failing with the report's findings in the log.
 * The good fixtures must stay valid and signed by whom we think; the known-bad ones must
 * stay bad for the reason we keep them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignatureFixturesTest {

    static final Path SAMPLE = Shared.root().resolve("samples/valid-ee-id-card.bdoc");
    static final Instant CHECKED_AT = Instant.parse("2026-01-01T00:00:00Z");

    Verifier production;
    ContainerForge forge;
    Verifier testkit;

    @BeforeAll
    void verifiers() throws Exception {
        production = Verifier.builder()
                .trust(new CertificateFolderTrustSource(Shared.root().resolve("samples/trust")))
                .validationTime(CHECKED_AT)
                .build();
        TestPki pki = TestPki.create(3);
        forge = new ContainerForge(pki);
        testkit = Verifier.builder().trust(new PkiTrustSource(pki))
                .validationTime(pki.epoch().plus(Duration.ofDays(30)))
                .build();
    }

    @Test
    void theSampleIdCardContainerStaysValidAndSignedByItsSigner() throws Exception {
        ContainerReport report = production.verify(SAMPLE);

        assertThat(report).isValid().hasSignatureCount(1).signedBy("36404102711")
                .doesNotHaveFinding(FindingCode.TRUST_LIST_STALE);
        assertThat(report).signature("META-INF/signatures0.xml").isValid().hasTokenType(TokenType.ID_CARD)
                .doesNotHaveFinding(FindingCode.TEST_CERTIFICATE);
    }

    @Test
    void theSampleCountsForItsOwnDocument() throws Exception {
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Shared.signedDocument(SAMPLE)));

        assertThat(Audit.of(List.of(production.verify(SAMPLE)), AuditPolicy.forDocument(digest)))
                .hasCounted(1).counts("36404102711");
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"DATA_FILE_ALTERED", "SIGNATURE_VALUE_BROKEN", "REVOKED_SIGNER",
            "UNSIGNED_EXTRA_FILE", "OCSP_NONCE_WRONG", "ZIP_BOMB"})
    void aKnownBadFixtureStaysBadForItsReason(Variant variant) {
        ContainerReport report = testkit.verify(forge.forge(variant), variant.fileName());

        assertThat(report).isNotValid().hasIndication(variant.indication());
        variant.codes().forEach(code -> assertThat(report).hasFinding(code));
    }
}
