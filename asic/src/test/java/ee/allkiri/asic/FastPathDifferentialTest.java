package ee.allkiri.asic;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.forge.ForgedAccess;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.spi.TrustSource;
import ee.allkiri.testkit.bundle.BundleForge;
import ee.allkiri.testkit.bundle.BundleSpec;
import ee.allkiri.testkit.forge.ContainerForge;
import ee.allkiri.testkit.forge.Variant;
import ee.allkiri.testkit.pki.PkiTrustSource;
import ee.allkiri.testkit.pki.TestPki;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import ee.allkiri.trustlist.EmbeddedSnapshots;
import ee.allkiri.trustlist.TrustSpecs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast path passes only what DSS passes, with the same report, and it keeps taking the
 * signatures it is for. Every fixture and forged variant is verified by a verifier without the
 * fast path and twice by one with it (the second time the fast path knows the signature's
 * qualification class): the three reports are equal, and the second verification takes the path
 * this test names for it, checked through {@link Verifier#statistics()}. A fast path that
 * silently stopped taking signatures, or took one it should not, fails here.
 *
 * <p>It runs at several validation times across the policy's dates (before and after the SHA-1
 * sunset of 2020-01-01 with the fixtures, before and after 2029-01-01 when RSA keys expire in
 * DSS's policy) and with the option combinations of {@link Options}.
 */
class FastPathDifferentialTest {

    /** Both verifiers judge at the same instant (DSS's best signature time of a failed signature is that instant). */
    static final Instant AT = Fixtures.AT;
    private static final TestPki PKI = ForgedAccess.pki();
    private static final ContainerForge FORGE = new ContainerForge(PKI);
    /** A month after the testkit's epoch (2025-06-02), as the other forged tests. */
    private static final Instant FORGED_AT = PKI.epoch().plus(Duration.ofDays(30));
    private static final Instant BEFORE_RSA_EXPIRY = Instant.parse("2028-12-31T12:00:00Z");
    private static final Instant AFTER_RSA_EXPIRY = Instant.parse("2029-01-02T00:00:00Z");

    /**
     * The option combinations: none, all four, and four more so that every pair of options is seen
     * in all four of its states (a pairwise cover). {@code requireQualified()} needs trust with
     * trusted-list data (the builder refuses it otherwise), so with the fixture certificates and
     * the testkit PKI the combinations are applied without it ({@link #withoutTrustedLists}),
     * which still covers every pair of the other three options; with the trusted lists all six run.
     */
    enum Options {
        NONE(false, false, false, false),
        ALL(true, true, true, true),
        TIMESTAMPS_AND_DER(true, true, false, false),
        QUALIFIED_AND_MIMETYPE(false, false, true, true),
        TIMESTAMPS_AND_QUALIFIED(true, false, true, false),
        DER_AND_MIMETYPE(false, true, false, true);

        private final boolean strictTimestamps;
        private final boolean rejectNonDer;
        private final boolean requireQualified;
        private final boolean strictMimetype;

        Options(boolean strictTimestamps, boolean rejectNonDer, boolean requireQualified, boolean strictMimetype) {
            this.strictTimestamps = strictTimestamps;
            this.rejectNonDer = rejectNonDer;
            this.requireQualified = requireQualified;
            this.strictMimetype = strictMimetype;
        }

        Verifier.Builder apply(Verifier.Builder b) {
            return apply(b, requireQualified);
        }

        /** The combination without {@code requireQualified()}, for trust without trusted-list data. */
        Verifier.Builder withoutTrustedLists(Verifier.Builder b) {
            return apply(b, false);
        }

        private Verifier.Builder apply(Verifier.Builder b, boolean qualified) {
            if (strictTimestamps) {
                b.strictTimestampCanonicalization();
            }
            if (rejectNonDer) {
                b.rejectNonDerCertificates();
            }
            if (qualified) {
                b.requireQualified();
            }
            if (strictMimetype) {
                b.strictMimetype();
            }
            return b;
        }
    }

    /** How the second (primed) verification of a container went: signatures on each path. */
    record Paths(long fast, long full) {
        static final Paths FAST = new Paths(1, 0);
        static final Paths FULL = new Paths(0, 1);

        @Override
        public String toString() {
            return equals(FAST) ? "FAST" : equals(FULL) ? "FULL" : "fast " + fast + ", full " + full;
        }
    }

    /** A pair of verifiers over the same trust, at the same instant, with the same options. */
    record Pair(Verifier fast, Verifier full) {
        static Pair of(Instant at, UnaryOperator<Verifier.Builder> options, TrustSource... trust) {
            try {
                Verifier.Builder fast = options.apply(Verifier.builder().trust(List.of(trust)).validationTime(at));
                Verifier.Builder full = options.apply(Verifier.builder().trust(List.of(trust)).validationTime(at)).fullValidationOnly();
                return new Pair(fast.build(), full.build());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Verifies without the fast path, then twice with it: the reports must be equal. Returns
         * the paths of the second verification with the fast path.
         */
        Paths compare(byte[] container, String name) {
            ContainerReport expected = full.verify(container, name);
            assertThat(fast.verify(container, name)).as(name).isEqualTo(expected);
            Verifier.Statistics before = fast.statistics();
            assertThat(fast.verify(container, name)).as(name + " (fast path primed)").isEqualTo(expected);
            Verifier.Statistics after = fast.statistics();
            assertThat(full.statistics().fastPath()).isZero();
            return new Paths(after.fastPath() - before.fastPath(), after.fullValidation() - before.fullValidation());
        }
    }

    private static Map<String, Paths> fixtures(Pair pair) {
        Map<String, Paths> paths = new TreeMap<>();
        for (Fixtures.Row row : Fixtures.manifest()) {
            paths.put(row.name(), pair.compare(Fixtures.bytes(row.name()), row.name()));
        }
        return paths;
    }

    /** The fixtures of which the primed verification took the fast path for some signature. */
    private static Map<String, Paths> onTheFastPath(Map<String, Paths> paths) {
        Map<String, Paths> out = new TreeMap<>();
        paths.forEach((name, p) -> {
            if (p.fast() > 0) {
                out.put(name, p);
            }
        });
        return out;
    }

    private static Map<Variant, Paths> forged(Pair pair) {
        Map<Variant, Paths> paths = new EnumMap<>(Variant.class);
        for (Variant variant : Variant.values()) {
            paths.put(variant, pair.compare(FORGE.forge(variant), variant.fileName()));
        }
        return paths;
    }

    /** The fixtures that take the fast path at {@link #AT} with the fixture certificates (every other one goes to DSS). */
    private static final Map<String, Paths> FAST_FIXTURES = fixtures(
            "2_signatures_duplicate_id.asice", new Paths(2, 0),
            "EE_LT_sig_OCSP_15m6s_after_TS.asice", Paths.FAST,
            "KS-19_IB-3721_bdoc21-TM-2fil-samename-1sig3.bdoc", Paths.FAST,
            "NoAdditionalCertificates_LT.asice", Paths.FAST,
            "NoAdditionalOcspCertificate.bdoc", Paths.FAST,
            "bdoc-tm-with-large-data-file.bdoc", Paths.FAST,
            "bdoc-with-tm-and-ts-signature.bdoc", new Paths(1, 1),
            "latvian_LT_signature_with_7min_difference_between_TS_and_OCSP.asice", Paths.FAST,
            "one-valid-and-multiple-invalid-signatures.asice", new Paths(2, 7),
            "plus-in-datafile-name-percent-encoded-in-signature.asice", Paths.FAST,
            "policyImplied.asice", Paths.FAST,
            "signed-container-with-empty-datafiles.asice", Paths.FAST,
            "signed-container-with-empty-datafiles.bdoc", Paths.FAST,
            "space-in-datafile-name-percent-encoded-in-signature.asice", Paths.FAST,
            "valid-asice-esteid2018.asice", Paths.FAST,
            "valid-asice.asice", Paths.FAST,
            "valid-bdoc-tm-newer.bdoc", Paths.FAST,
            "validTSwImplicitPolicy.asice", Paths.FAST,
            "valid_prod_bdoc_eid.bdoc", Paths.FAST,
            "valid_prod_bdoc_mid.bdoc", Paths.FAST);

    /**
     * At 2019-06-01, before the SHA-1 sunset: only what was signed by then can pass, so only
     * those signatures (none with SHA-1, which never takes the fast path) take it.
     */
    private static final Map<String, Paths> FAST_FIXTURES_2019 = fixtures(
            "KS-19_IB-3721_bdoc21-TM-2fil-samename-1sig3.bdoc", Paths.FAST,
            "bdoc-tm-with-large-data-file.bdoc", Paths.FAST,
            "bdoc-with-tm-and-ts-signature.bdoc", new Paths(1, 1),
            "valid-asice.asice", Paths.FAST,
            "validTSwImplicitPolicy.asice", Paths.FAST,
            "valid_prod_bdoc_eid.bdoc", Paths.FAST,
            "valid_prod_bdoc_mid.bdoc", Paths.FAST);

    /**
     * At 2029-06-01, after RSA keys expire in DSS's policy: no RSA signer, CA or time-stamping
     * unit takes the fast path, nor any signature DSS no longer passes then.
     */
    private static final Map<String, Paths> FAST_FIXTURES_2029 = fixtures(
            "2_signatures_duplicate_id.asice", new Paths(2, 0),
            "EE_LT_sig_OCSP_15m6s_after_TS.asice", Paths.FAST,
            "one-valid-and-multiple-invalid-signatures.asice", new Paths(2, 7),
            "signed-container-with-empty-datafiles.bdoc", Paths.FAST,
            "valid-asice-esteid2018.asice", Paths.FAST);

    private static Map<String, Paths> fixtures(Object... nameThenPaths) {
        Map<String, Paths> out = new TreeMap<>();
        for (int i = 0; i < nameThenPaths.length; i += 2) {
            out.put((String) nameThenPaths[i], (Paths) nameThenPaths[i + 1]);
        }
        return out;
    }

    static Stream<Arguments> fixtureTimes() {
        return Stream.of(Arguments.of("2019-06-01T00:00:00Z", FAST_FIXTURES_2019), Arguments.of(AT.toString(), FAST_FIXTURES),
                Arguments.of("2029-06-01T00:00:00Z", FAST_FIXTURES_2029));
    }

    @ParameterizedTest(name = "at {0}")
    @MethodSource("fixtureTimes")
    void withTheFixtureCertificatesTheFastPathAgreesWithDss(String at, Map<String, Paths> fast) {
        Map<String, Paths> paths = fixtures(Pair.of(Instant.parse(at), UnaryOperator.identity(),
                new CertificateFolderTrustSource(Fixtures.trust())));

        assertThat(onTheFastPath(paths)).isEqualTo(fast);
    }

    @ParameterizedTest
    @EnumSource(value = Options.class, mode = EnumSource.Mode.EXCLUDE, names = "NONE")
    void withTheFixtureCertificatesAndOptionsTheFastPathAgreesWithDss(Options options) {
        Map<String, Paths> paths = fixtures(Pair.of(AT, options::withoutTrustedLists, new CertificateFolderTrustSource(Fixtures.trust())));

        assertThat(onTheFastPath(paths)).isEqualTo(FAST_FIXTURES);
    }

    @ParameterizedTest
    @EnumSource(Options.class)
    void withTrustedListsTheFastPathAgreesWithDss(Options options) {
        List<TrustSource> lists = List.of(TrustSpecs.parse(EmbeddedSnapshots.EE_TEST, List.of()),
                TrustSpecs.parse(EmbeddedSnapshots.EE_PROD, List.of()));
        Map<String, Paths> paths = fixtures(Pair.of(AT, b -> options.apply(b).acceptStaleTrustLists(),
                lists.toArray(TrustSource[]::new)));

        Map<String, Paths> expected = new TreeMap<>(FAST_FIXTURES);
        expected.remove("latvian_LT_signature_with_7min_difference_between_TS_and_OCSP.asice"); // its CA is in no Estonian list
        assertThat(onTheFastPath(paths)).isEqualTo(expected);
    }

    /**
     * The path of each forged variant's primed verification: a valid signature of the common shape
     * and a defect the rules find after the engine (manifest, mimetype, key usage, the time-mark
     * policy) take the fast path; a defect in what the engine judges, an LTA or CAdES signature, B
     * and T levels go to DSS; a container refused before any signature is judged takes neither.
     * After {@code rsaUntil} the Smart-ID signer (RSA) of the multi-signature container goes to DSS.
     */
    private static Map<Variant, Paths> forgedPaths(boolean rsaExpired) {
        Map<Variant, Paths> out = new EnumMap<>(Variant.class);
        for (Variant v : List.of(Variant.VALID_LT, Variant.VALID_TM, Variant.VALID_TWO_FILES, Variant.MANIFEST_ABSENT,
                Variant.MANIFEST_MISSING_ENTRY, Variant.MANIFEST_WRONG_ENTRY, Variant.MANIFEST_EXTRA_ENTRY, Variant.MIMETYPE_WRONG,
                Variant.MIMETYPE_DEFLATED, Variant.MIMETYPE_NOT_FIRST_ENTRY, Variant.UNSIGNED_EXTRA_FILE, Variant.OCSP_LATE,
                Variant.TIME_MARK_POLICY_WITHOUT_SPURI, Variant.TIMESTAMP_WITHOUT_C14N, Variant.DUPLICATE_SIGNATURE_FILE,
                Variant.AUTHENTICATION_CERTIFICATE, Variant.TEST_SIGNER, Variant.PERSONAL_CODE_BAD_CHECKSUM)) {
            out.put(v, Paths.FAST);
        }
        for (Variant v : List.of(Variant.VALID_LTA, Variant.B_LEVEL, Variant.T_LEVEL, Variant.DATA_FILE_ALTERED,
                Variant.SIGNATURE_OVER_OTHER_DOCUMENT, Variant.SIGNATURE_VALUE_BROKEN, Variant.REVOKED_SIGNER,
                Variant.EXPIRED_SIGNER, Variant.NOT_YET_VALID_SIGNER, Variant.OCSP_BEFORE_TIME_STAMP, Variant.OCSP_NONCE_WRONG,
                Variant.OCSP_NONCE_ABSENT, Variant.TIME_MARK_BY_AIA_RESPONDER, Variant.UNAUTHORIZED_OCSP_RESPONDER,
                Variant.UNTRUSTED_TSA, Variant.TIMESTAMP_IMPRINT_WRONG, Variant.SIGNING_CERTIFICATE_DIGEST_WRONG,
                Variant.VALID_CADES_LT, Variant.CADES_DATA_FILE_ALTERED)) {
            out.put(v, Paths.FULL);
        }
        out.put(Variant.ZIP_BOMB, new Paths(0, 0));
        out.put(Variant.XML_WITH_DTD, new Paths(0, 0));
        out.put(Variant.VALID_MULTI_SIGNATURE, rsaExpired ? new Paths(6, 1) : new Paths(7, 0));
        return out;
    }

    static Stream<Arguments> forgedTimes() {
        return Stream.of(Arguments.of(FORGED_AT.toString(), false), Arguments.of(BEFORE_RSA_EXPIRY.toString(), false),
                Arguments.of(AFTER_RSA_EXPIRY.toString(), true));
    }

    @ParameterizedTest(name = "at {0}")
    @MethodSource("forgedTimes")
    void onEveryForgedVariantTheFastPathAgreesWithDss(String at, boolean rsaExpired) {
        Map<Variant, Paths> paths = forged(Pair.of(Instant.parse(at), UnaryOperator.identity(), new PkiTrustSource(PKI)));

        assertThat(paths).isEqualTo(forgedPaths(rsaExpired));
    }

    @ParameterizedTest
    @EnumSource(value = Options.class, mode = EnumSource.Mode.EXCLUDE, names = "NONE")
    void onEveryForgedVariantWithOptionsTheFastPathAgreesWithDss(Options options) {
        Map<Variant, Paths> paths = forged(Pair.of(FORGED_AT, options::withoutTrustedLists, new PkiTrustSource(PKI)));

        assertThat(paths).isEqualTo(forgedPaths(false));
    }

    @Test
    void onAForgedBundleTheFastPathAgreesWithDss(@TempDir Path dir) throws IOException {
        BundleSpec spec = BundleSpec.of(300, 5).withDefectRate(0.05);
        BundleForge.Result bundle = BundleForge.write(spec, dir.resolve("bundle.asice"), ForgedAccess.keys());
        Pair pair = Pair.of(spec.windowUntil().plus(Duration.ofDays(30)), UnaryOperator.identity(),
                new CertificateFolderTrustSource(bundle.trust()));
        byte[] container = Files.readAllBytes(bundle.container());
        ContainerReport expected = pair.full().verify(container, "bundle.asice");
        assertThat(pair.fast().verify(container, "bundle.asice")).isEqualTo(expected);
        assertThat(pair.fast().statistics().fastPath()).as("signatures that took the fast path").isGreaterThan(250);
    }
}
