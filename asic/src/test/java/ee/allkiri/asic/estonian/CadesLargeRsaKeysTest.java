package ee.allkiri.asic.estonian;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.ContainerLimits;
import ee.allkiri.asic.Verifier;
import ee.allkiri.asic.hostile.LargeRsaKeys;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.testkit.cades.CadesForge;
import ee.allkiri.testkit.forge.ContainerForge;
import ee.allkiri.testkit.pki.PkiTrustSource;
import ee.allkiri.testkit.xades.DataFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.util.CollectionStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A CAdES signature (META-INF/signature001.p7s) whose SignedData carries many certificates with
 * 16,384-bit RSA keys (certificates are outside what a CMS signature signs): DSS reads them all,
 * and Bouncy Castle tests each modulus, seconds each. The verification holds them first, checking
 * its deadline before each, so the caller gets LIMIT_TIME and the verifying thread stops within
 * about one test, on both paths (as {@code hostile.LargeRsaKeysTest} for XAdES).
 */
class CadesLargeRsaKeysTest {

    private static final int KEYS = 24;
    private static final Duration BUDGET = Duration.ofMillis(300);

    @ParameterizedTest(name = "full validation only: {0}")
    @ValueSource(booleans = {false, true})
    void manyLargeRsaKeysInACadesSignatureStopAtTheDeadline(boolean fullValidationOnly) throws Exception {
        ContainerForge forge = BothPaths.forge();
        DataFile doc = forge.document();
        CadesForge.Part part = forge.cades().part(1, forge.spec(forge.personas().idCard(), doc).build());
        CMSSignedData signed = new CMSSignedData(part.signature());
        List<X509CertificateHolder> certificates = new ArrayList<>(signed.getCertificates().getMatches(null));
        for (byte[] certificate : LargeRsaKeys.certificates(KEYS)) {
            certificates.add(new X509CertificateHolder(certificate));
        }
        byte[] stuffed = CMSSignedData.replaceCertificatesAndCRLs(signed, new CollectionStore<>(certificates),
                signed.getAttributeCertificates(), signed.getCRLs()).getEncoded("DER");
        byte[] container = CadesForge.layout(List.of(doc), List.of(new CadesForge.Part(part.signatureName(), stuffed,
                part.manifestName(), part.manifest())), true).toBytes();
        Verifier.Builder builder = Verifier.builder().trust(List.of(new PkiTrustSource(BothPaths.pki())))
                .validationTime(BothPaths.AT).verifyingThreads(1).limits(ContainerLimits.DEFAULT.withTimeBudget(BUDGET));
        Verifier verifier = (fullValidationOnly ? builder.fullValidationOnly() : builder).build();
        LargeRsaKeys.Measured measured = LargeRsaKeys.verify(verifier, container, "large-keys-cades.asice");
        System.out.printf("large RSA keys in CAdES (full validation only: %s): verifying CPU after the answer %d ms%n",
                fullValidationOnly, measured.cpuAfterAnswerNanos() / 1_000_000);

        assertThat(measured.report().allFindings().map(Finding::code).toList()).containsExactly(FindingCode.LIMIT_TIME);
        assertThat(measured.threads()).as("the verifier's own thread did the work").hasSize(1);
        assertThat(verifier.statistics().running()).isZero();
        // one modulus test may run on past the deadline: a few seconds here; all 24 would be a minute or more
        assertThat(measured.cpuAfterAnswerNanos()).as("CPU of the verifying thread after the answer, ns").isLessThan(TimeUnit.SECONDS.toNanos(15));
    }
}
