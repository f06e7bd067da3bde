package ee.allkiri.asic.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import ee.allkiri.asic.ContainerLimits;
import ee.allkiri.asic.Fixtures;
import ee.allkiri.asic.Verifier;
import ee.allkiri.asic.hostile.Hostile;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.testkit.forge.Variant;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * No false pass: a valid container whose signed content was changed is never TOTAL_PASSED. Each
 * input is a {@link MutationPlan} that edits one {@link Region} of a valid base container (forged
 * ones and shared fixtures that pass offline): a data file's bytes, the first signature's
 * SignedInfo or SignedProperties, or the signer's certificate. The container is rebuilt as a
 * well-formed ZIP so the edit reaches the signature layer. The oracle ({@link SignedParts})
 * decides independently whether the bound bytes changed (an added comment or whitespace inside a
 * start tag binds the same bytes and may pass); when they did, the verdict must not be
 * TOTAL_PASSED, with the fast path or without it. Every input must also give a report within the
 * time budget.
 */
class SignedContentFuzzTest {

    private static final List<Variant> FORGED = List.of(Variant.VALID_LT, Variant.VALID_LTA, Variant.VALID_TM,
            Variant.VALID_TWO_FILES, Variant.VALID_MULTI_SIGNATURE, Variant.TIMESTAMP_WITHOUT_C14N, Variant.TEST_SIGNER);
    private static final int MAX_FIXTURES = 6;
    private static List<Base> bases;

    @BeforeAll
    static void bases() throws IOException {
        List<Base> all = new ArrayList<>();
        for (Variant v : FORGED) {
            all.add(Base.of(v.fileName(), Hostile.FORGE.forge(v), Hostile.fast(), Hostile.full()));
        }
        Verifier fast = fixtureVerifier(false);
        Verifier full = fixtureVerifier(true);
        for (Fixtures.Row row : Fixtures.manifest()) {
            if (row.expected().equals("VALID") && all.size() < FORGED.size() + MAX_FIXTURES) {
                Base base = Base.of(row.name(), Fixtures.bytes(row.name()), fast, full);
                byte[] rebuilt = base.with("", new byte[0]);
                if (passes(base, rebuilt, false) && passes(base, rebuilt, true)) {
                    all.add(base);
                }
            }
        }
        bases = List.copyOf(all);
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        for (int i = 0; i < bases.size(); i++) {
            for (Region region : Region.values()) {
                MutationPlan.Edit flip = new MutationPlan.Edit(0, 0x0123, 3);
                seeds.put(bases.get(i).name() + "-" + region, MutationPlan.seed(i, region, (i + region.ordinal()) % 2 == 1, flip));
            }
        }
        // one plan with the most edits, so that the fuzzer (which never grows an input past its longest seed) may use them all
        byte[] longest = new byte[3 + 4 * MutationPlan.MAX_EDITS];
        new java.util.Random(7).nextBytes(longest);
        seeds.put("most-edits", longest);
        SeedCorpus.write(SignedContentFuzzTest.class, "signedContentMutantsNeverPass", seeds);
    }

    private static Verifier fixtureVerifier(boolean fullOnly) throws IOException {
        Verifier.Builder b = Verifier.builder().trust(new CertificateFolderTrustSource(Fixtures.trust())).validationTime(Fixtures.AT)
                .limits(ContainerLimits.DEFAULT.withTimeBudget(Hostile.BUDGET));
        return (fullOnly ? b.fullValidationOnly() : b).build();
    }

    private static boolean passes(Base base, byte[] container, boolean full) {
        return base.verifier(full).verify(container, base.name()).indication() == Indication.TOTAL_PASSED;
    }

    @FuzzTest(maxDuration = "2m")
    void signedContentMutantsNeverPass(byte[] data) {
        MutationPlan plan = MutationPlan.of(data, bases.size());
        Base base = bases.get(plan.base());
        Region region = plan.region() == Region.SIGNER_CERTIFICATE && !base.singleCertificateCopy()
                ? Region.SIGNED_INFO : plan.region();
        byte[] container;
        boolean changed;
        if (region == Region.DATA_FILE) {
            byte[] original = base.entries().get(base.dataFile());
            byte[] mutated = plan.apply(original, 0, original.length);
            changed = !Arrays.equals(original, mutated);
            container = base.with(base.dataFile(), mutated);
        } else {
            byte[] original = base.entries().get(base.signatureFile());
            int[] range = SignedParts.range(original, region);
            byte[] mutated = plan.apply(original, range[0], range[1]);
            changed = !Arrays.equals(SignedParts.bound(original, region), SignedParts.bound(mutated, region));
            container = base.with(base.signatureFile(), mutated);
        }

        ContainerReport report = base.verifier(plan.fullValidation()).verify(container, base.name());

        assertThat(report.has(FindingCode.LIMIT_TIME)).as("over the time budget").isFalse();
        if (changed) {
            assertThat(report.indication()).as("%s, %s %s, %s: %s", base, region, plan.edits(),
                    plan.fullValidation() ? "DSS only" : "fast path", report).isNotEqualTo(Indication.TOTAL_PASSED);
        }
    }
}
