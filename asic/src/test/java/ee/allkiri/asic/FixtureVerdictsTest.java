package ee.allkiri.asic;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.SubIndication;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture with a known verdict in MANIFEST.csv gets that verdict, offline, against the
 * fixtures' trust folder; the one exception is pinned below with the reason.
 */
class FixtureVerdictsTest {

    private static final String BALTIC = "Baltic_MoU_digital_signing_EST_LT_LV.bdoc";
    private static final String REVOCATION_26H = "revocation_timestamp_delta_26h.asice";

    static Stream<Fixtures.Row> knownVerdicts() {
        return Fixtures.manifest().stream()
                .filter(r -> !r.expected().equals("UNKNOWN"))
                .filter(r -> !r.name().equals(BALTIC));
    }

    /**
     * digidoc4j 6.1 decides VALID (two warnings); SiVa-Test expects TOTAL-FAILED for the
     * byte-identical EE_SER-AEX-B-LT-V-20.asice, because the OCSP response was produced 26 hours
     * after the time-stamp. allkiri decides as the Estonian validation service does (issue 16,
     * point 3), and MANIFEST.csv records that decision: INVALID, for this reason.
     */
    @Test
    @DisplayName("revocation 26 h after the time-stamp: TOTAL_FAILED as SiVa says")
    void revocationADayAfterTheTimestampFailsAsSivaSays() {
        ContainerReport report = Fixtures.verify(REVOCATION_26H);
        SignatureReport signature = report.signatures().get(0);
        assertThat(signature.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(signature.subIndication()).isEqualTo(SubIndication.SIG_CONSTRAINTS_FAILURE);
        assertThat(signature.has(FindingCode.OCSP_TOO_LATE_AFTER_TIMESTAMP)).isTrue();
        assertThat(report.valid()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knownVerdicts")
    void agreesWithTheExpectedVerdict(Fixtures.Row row) {
        ContainerReport report = Fixtures.verify(row.name());
        assertThat(report.valid()).as("valid, findings: %s", report.allFindings().toList())
                .isEqualTo(row.expected().equals("VALID"));
        if (row.expected().equals("INDETERMINATE")) {
            assertThat(report.signatures()).extracting(SignatureReport::indication).contains(Indication.INDETERMINATE);
        }
    }

    /**
     * MANIFEST.csv expects VALID, as digidoc4j decides with the live EU LOTL. The Lithuanian
     * (NSC IssuingCA-B) and Latvian (E-ME SI CA1) signers' CAs are in no trust material at hand
     * offline, so no chain can be built for signatures 1 and 2: INDETERMINATE with
     * NO_CERTIFICATE_CHAIN_FOUND is the right answer for this trust. The Estonian signature
     * passes. Given the two CAs as trust anchors, the container would pass.
     */
    @Test
    @DisplayName("Baltic MoU: the foreign signatures are indeterminate without their CAs (MANIFEST assumes the live LOTL)")
    void balticMouNeedsTheForeignCertificationAuthorities() {
        ContainerReport report = Fixtures.verify(BALTIC);
        assertThat(report.signatures()).hasSize(3);
        assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.TOTAL_PASSED);
        for (SignatureReport foreign : report.signatures().subList(1, 3)) {
            assertThat(foreign.indication()).isEqualTo(Indication.INDETERMINATE);
            assertThat(foreign.subIndication()).isEqualTo(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
            assertThat(foreign.has(FindingCode.CERTIFICATE_CHAIN_UNTRUSTED)).isTrue();
            assertThat(foreign.signer().country()).isIn("LT", "LV");
        }
        assertThat(report.valid()).isFalse();
    }

    @Test
    void everyFixtureGetsAVerdictWithoutException() throws Exception {
        for (Fixtures.Row row : Fixtures.manifest()) {
            ContainerReport report = Fixtures.verify(row.name());
            assertThat(report.indication()).isNotNull();
        }
    }
}
