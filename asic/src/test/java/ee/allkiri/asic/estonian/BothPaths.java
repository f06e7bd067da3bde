package ee.allkiri.asic.estonian;

import ee.allkiri.asic.Verifier;
import ee.allkiri.asic.forge.ForgedAccess;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Severity;
import ee.allkiri.core.spi.TrustSource;
import ee.allkiri.testkit.forge.ContainerForge;
import ee.allkiri.testkit.forge.Variant;
import ee.allkiri.testkit.pki.PkiTrustSource;
import ee.allkiri.testkit.pki.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The two ways a verifier judges signatures, for the tests of issue 16's rules: the default
 * (the fast path for the common shape, DSS for the rest) and {@code fullValidationOnly()} (DSS
 * for every signature). The default verifier has passed one valid LT and one valid time-mark
 * signature before a test uses it, so that the fast path knows their qualification class and
 * takes the signatures it can.
 */
enum BothPaths {
    FAST_PATH(false),
    FULL_VALIDATION(true);

    /** A month after the testkit's epoch: every forged certificate but the expired one is valid. */
    static final Instant AT = ForgedAccess.pki().epoch().plus(Duration.ofDays(30));

    private final boolean full;
    private volatile Verifier plain;

    BothPaths(boolean full) {
        this.full = full;
    }

    static TestPki pki() {
        return ForgedAccess.pki();
    }

    static ContainerForge forge() {
        return new ContainerForge(pki());
    }

    /** This path's verifier with the testkit PKI's anchors, at {@link #AT}. */
    Verifier verifier() {
        Verifier v = plain;
        if (v == null) {
            v = build(UnaryOperator.identity(), new PkiTrustSource(pki()));
            plain = v;
        }
        return v;
    }

    /** This path's verifier with options, trusting the sources (default: the testkit PKI's anchors). */
    Verifier verifier(UnaryOperator<Verifier.Builder> options, TrustSource... trust) {
        return build(options, trust.length == 0 ? new TrustSource[] {new PkiTrustSource(pki())} : trust);
    }

    private Verifier build(UnaryOperator<Verifier.Builder> options, TrustSource... trust) {
        Verifier.Builder b = Verifier.builder().trust(List.of(trust)).validationTime(AT);
        if (full) {
            b.fullValidationOnly();
        }
        try {
            Verifier v = options.apply(b).build();
            if (!full) {
                ContainerForge forge = forge();
                v.verify(forge.forge(Variant.VALID_LT), "warm-up.asice");
                v.verify(forge.forge(Variant.VALID_TM), "warm-up.bdoc");
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The severities of a code's findings on the container and its signatures. */
    static List<Severity> severities(ContainerReport report, FindingCode code) {
        return report.allFindings().filter(f -> f.code() == code).map(Finding::severity).toList();
    }
}
