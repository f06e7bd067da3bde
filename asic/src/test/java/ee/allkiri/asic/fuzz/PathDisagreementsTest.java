package ee.allkiri.asic.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.Fixtures;
import ee.allkiri.asic.Verifier;
import ee.allkiri.asic.hostile.Hostile;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.testkit.forge.Variant;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reproducers of the disagreements between the fast path and DSS that the differential
 * oracle found, by name (the fuzz input of the first is also replayed from SignedContentFuzzTestInputs).
 * Each was a signature the fast path passed and DSS did not, because of a certificate the
 * signature carries that DSS builds a chain through or cannot parse; the fast path now leaves
 * such a signature to DSS ({@code fast.CarriedCertificates}).
 */
class PathDisagreementsTest {

    private static Verifier fixtureVerifier(boolean fullOnly) throws IOException {
        Verifier.Builder b = Verifier.builder().trust(new CertificateFolderTrustSource(Fixtures.trust())).validationTime(Fixtures.AT);
        return (fullOnly ? b.fullValidationOnly() : b).build();
    }

    /** Verifies the base once (so the fast path knows its class), then the mutant on both paths. */
    private static ContainerReport[] bothPaths(Base base, byte[] mutant) {
        assertThat(base.fast().verify(base.with(Map.of()), base.name()).indication()).isEqualTo(Indication.TOTAL_PASSED);
        return new ContainerReport[] {base.fast().verify(mutant, base.name()), base.full().verify(mutant, base.name())};
    }

    @Test
    @DisplayName("fuzz seed valid-asice.asice-CERTIFICATE_VALUES: one bit makes the signer's CA copy in CertificateValues "
            + "another subject with the same key; DSS builds the chain through it and finds no anchor, so the fast path must not pass")
    void caCopyWithAnotherSubjectInCertificateValues() throws IOException {
        Base base = Base.of("valid-asice.asice", Fixtures.bytes("valid-asice.asice"), fixtureVerifier(false), fixtureVerifier(true));
        byte[] signature = base.entries().get(base.signatureFile());
        List<int[]> certificates = Evidence.ranges(signature, Region.CERTIFICATE_VALUES);
        byte[] der = Evidence.decode(signature, certificates.get(1)); // TEST of ESTEID-SK 2015, the signer's CA
        der[291] ^= 1 << 3; // the commonName attribute's OID 2.5.4.3 becomes organizationalUnitName 2.5.4.11

        ContainerReport[] reports = bothPaths(base, base.with(base.signatureFile(),
                Evidence.replace(signature, certificates.get(1), der)));

        assertThat(subject(der)).contains("OU=TEST of ESTEID-SK 2015").doesNotContain("CN=");
        assertThat(reports[1].indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(PathAgreement.disagreements(reports[0], reports[1])).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"VALID_LT", "VALID_TM", "VALID_MULTI_SIGNATURE"})
    @DisplayName("a forged signature whose CA copy in CertificateValues has another subject: the paths agree")
    void forgedCaCopyWithAnotherSubject(Variant variant) {
        Base base = Base.of(variant.fileName(), Hostile.FORGE.forge(variant), Hostile.fast(), Hostile.full());
        byte[] signature = base.entries().get(base.signatureFile());
        int[] range = Evidence.ranges(signature, Region.CERTIFICATE_VALUES).get(0); // the signer's CA
        byte[] der = Evidence.decode(signature, range);
        X509Certificate ca = certificate(der);
        byte[] name = ca.getSubjectX500Principal().getEncoded();
        int at = lastIndexOf(der, name);
        der[at + name.length - 2] ^= 1; // a letter of the subject's last attribute

        ContainerReport[] reports = bothPaths(base, base.with(base.signatureFile(), Evidence.replace(signature, range, der)));

        assertThat(certificate(der).getPublicKey()).isEqualTo(ca.getPublicKey());
        assertThat(certificate(der).getSubjectX500Principal()).isNotEqualTo(ca.getSubjectX500Principal());
        assertThat(PathAgreement.disagreements(reports[0], reports[1])).isEmpty();
    }

    /**
     * The disagreements EvidenceMutantsTest found: one bit in a certificate the signature carries
     * beside the ones the fast path relies on, which DSS builds through or cannot parse.
     */
    enum EvidenceCase {
        /** In the copy of the OCSP responder's certificate inside the OCSP response (its subject): DSS finds no trusted responder. */
        RESPONDER_COPY_IN_OCSP("NoAdditionalCertificates_LT.asice", Region.OCSP_RESPONSE, 0, 929, FindingCode.OCSP_RESPONDER_UNTRUSTED),
        /** The same in a time-mark signature. */
        RESPONDER_COPY_IN_TIME_MARK("valid-bdoc-tm-newer.bdoc", Region.OCSP_RESPONSE, 0, 938, FindingCode.OCSP_RESPONDER_UNTRUSTED),
        /** A UTF8String of the responder certificate inside the OCSP response no longer UTF-8: DSS throws. */
        RESPONDER_COPY_NOT_UTF8("valid-asice.asice", Region.OCSP_RESPONSE, 0, 895, FindingCode.SIGNATURE_UNPROCESSABLE),
        /** The RSA key of the responder certificate inside the OCSP response unreadable: DSS cannot load the certificate. */
        RESPONDER_KEY_UNREADABLE("valid-asice-esteid2018.asice", Region.OCSP_RESPONSE, 0, 1205, FindingCode.SIGNATURE_UNPROCESSABLE),
        /** The root's authority key identifier in CertificateValues no longer a SEQUENCE: DSS throws. */
        ROOT_EXTENSION_UNPARSABLE("valid-asice-esteid2018.asice", Region.CERTIFICATE_VALUES, 5, 534,
                FindingCode.SIGNATURE_UNPROCESSABLE);

        final String fixture;
        final Region region;
        final int value;
        final int at;
        final FindingCode dss;

        EvidenceCase(String fixture, Region region, int value, int at, FindingCode dss) {
            this.fixture = fixture;
            this.region = region;
            this.value = value;
            this.at = at;
            this.dss = dss;
        }
    }

    @ParameterizedTest
    @EnumSource(EvidenceCase.class)
    @DisplayName("EvidenceMutantsTest: one bit in a carried certificate the fast path does not rely on makes DSS fail; the paths agree")
    void carriedCertificateDssCannotUse(EvidenceCase c) throws IOException {
        Base base = Base.of(c.fixture, Fixtures.bytes(c.fixture), fixtureVerifier(false), fixtureVerifier(true));
        byte[] signature = base.entries().get(base.signatureFile());
        int[] range = Evidence.ranges(signature, c.region).get(c.value);
        byte[] der = Evidence.decode(signature, range);
        der[c.at] ^= (byte) (1 << (c.at % 8)); // as EvidenceMutantsTest flips it

        ContainerReport[] reports = bothPaths(base, base.with(base.signatureFile(), Evidence.replace(signature, range, der)));

        assertThat(reports[1].signatures().get(0).has(c.dss)).as(reports[1].toString()).isTrue();
        assertThat(PathAgreement.disagreements(reports[0], reports[1])).isEmpty();
    }

    private static String subject(byte[] der) {
        return certificate(der).getSubjectX500Principal().getName();
    }

    private static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int lastIndexOf(byte[] in, byte[] part) {
        for (int i = in.length - part.length; i >= 0; i--) {
            if (java.util.Arrays.equals(in, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
