package ee.allkiri.asic.redteam;

import ee.allkiri.asic.Fixtures;
import ee.allkiri.asic.Verifier;
import ee.allkiri.asic.hostile.Hostile;
import ee.allkiri.testkit.forge.Variant;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The verifiers that judge the attacks, each on both routes: the fast path (primed, so that an
 * attack on a known signer class meets the fast path and not only DSS) and full validation
 * ({@code fullValidationOnly()}). Built once per run; keys come from the hostile-input tests'
 * test PKI, so they are generated once.
 */
public enum Judges {
    /** The test PKI's anchors at a month after its epoch (as the hostile-input tests). */
    TEST_PKI,
    /** The real fixtures' trust folder at a pinned instant. */
    FIXTURES;

    /** The instant the fixture attacks are validated at (as FastPathDifferentialTest). */
    public static final Instant FIXTURES_AT = Instant.parse("2026-06-01T00:00:00Z");

    /** The two ways a verifier judges a signature. */
    public enum Route {
        FAST_PATH, FULL_VALIDATION;

        @Override
        public String toString() {
            return this == FAST_PATH ? "fast path" : "full validation";
        }
    }

    private static final Map<Judges, Map<Route, Verifier>> BUILT = new EnumMap<>(Judges.class);

    /** The verifier of this trust for the route. */
    public synchronized Verifier verifier(Route route) {
        return BUILT.computeIfAbsent(this, k -> new EnumMap<>(Route.class))
                .computeIfAbsent(route, r -> build(r == Route.FULL_VALIDATION));
    }

    private Verifier build(boolean fullValidationOnly) {
        if (this == TEST_PKI) {
            Verifier verifier = Hostile.build(fullValidationOnly);
            if (!fullValidationOnly) {
                for (Variant v : Variant.values()) {
                    if (v.name().startsWith("VALID_")) {
                        verifier.verify(Hostile.FORGE.forge(v), v.fileName());
                    }
                }
            }
            return verifier;
        }
        try {
            Verifier.Builder b = Verifier.builder().trust(new CertificateFolderTrustSource(Fixtures.trust()))
                    .validationTime(FIXTURES_AT);
            if (fullValidationOnly) {
                b.fullValidationOnly();
            }
            Verifier verifier = b.build();
            if (!fullValidationOnly) {
                for (String fixture : DuplicateContentAttacks.FIXTURES) {
                    verifier.verify(Fixtures.bytes(fixture), fixture);
                }
            }
            return verifier;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
