package ee.allkiri.asic.forge;

import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.testkit.forge.ContainerForge;
import ee.allkiri.testkit.pki.KeyCache;
import ee.allkiri.testkit.pki.PkiTrustSource;
import ee.allkiri.testkit.pki.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The testkit PKI, forge and verifier the asic tests share (keys are generated once per run). */
final class Forged {

    static final KeyCache KEYS = new KeyCache(new BouncyCastleProvider());
    static final TestPki PKI = TestPki.builder().seed(1).keys(KEYS).build();
    static final ContainerForge FORGE = new ContainerForge(PKI);
    /** Validates a month after the epoch, when every forged certificate but the expired one is valid. */
    static final Verifier VERIFIER = verifier(false);
    static final Verifier STRICT_TIMESTAMPS = verifier(true);

    private Forged() {
    }

    private static Verifier verifier(boolean strictTimestamps) {
        Verifier.Builder b = Verifier.builder().trust(new PkiTrustSource(PKI))
                .validationTime(PKI.epoch().plus(Duration.ofDays(30)));
        if (strictTimestamps) {
            b.strictTimestampCanonicalization();
        }
        try {
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every finding code on the container and its signatures. */
    static Set<FindingCode> codes(ContainerReport report) {
        return report.allFindings().map(Finding::code).collect(Collectors.toSet());
    }
}
