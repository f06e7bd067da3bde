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
 * No false pass, and no disagreement between the paths. Each input is a {@link MutationPlan}
 * that edits one {@link Region} of a valid base container (forged ones and shared fixtures that
 * pass offline): a data file's bytes, a signature's SignedInfo or SignedProperties, the signer's
 * certificate, or the validation data in its unsigned properties (a time-stamp token, an OCSP
 * response, a certificate of CertificateValues, each edited as DER). The container is rebuilt
 * as a well-formed ZIP so the edit reaches the signature layer, and verified by the verifier
 * with the fast path and by the one that lets DSS judge every signature. Three oracles:
 * <ul>
 *   <li>no false pass: when {@link SignedParts} (independent of allkiri) finds the bound bytes
 *       of signed content changed, neither verdict is TOTAL_PASSED (an added comment, or a space
 *       inside a start tag, binds the same bytes and may pass);</li>
 *   <li>the paths agree ({@link PathAgreement}): indication, sub-indication, level and error
 *       codes of the container and of every signature;</li>
 *   <li>both give a report within the time budget.</li>
 * </ul>
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
                seeds.put(bases.get(i).name() + "-" + region, MutationPlan.seed(i, region, i + region.ordinal(), flip));
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
        Mutant mutant = mutate(base, plan);

        ContainerReport fast = base.fast().verify(mutant.container(), base.name());
        ContainerReport full = base.full().verify(mutant.container(), base.name());

        String what = base + ", " + mutant.description() + " " + plan.edits();
        assertThat(fast.has(FindingCode.LIMIT_TIME)).as("over the time budget with the fast path: " + what).isFalse();
        assertThat(full.has(FindingCode.LIMIT_TIME)).as("over the time budget with DSS only: " + what).isFalse();
        if (mutant.signedContentChanged()) {
            assertThat(fast.indication()).as("fast path, %s: %s", what, fast).isNotEqualTo(Indication.TOTAL_PASSED);
            assertThat(full.indication()).as("DSS only, %s: %s", what, full).isNotEqualTo(Indication.TOTAL_PASSED);
        }
        assertThat(PathAgreement.disagreements(fast, full)).as("fast path and DSS only disagree on %s", what).isEmpty();
    }

    /** A mutated container, what was edited, and whether the edit changed signed content. */
    record Mutant(byte[] container, String description, boolean signedContentChanged) {
    }

    /** Applies the plan to its region of the base (a missing region falls back to another one). */
    static Mutant mutate(Base base, MutationPlan plan) {
        int which = plan.which();
        if (plan.region() == Region.DATA_FILE) {
            String file = base.dataFiles().get(which % base.dataFiles().size());
            byte[] original = base.entries().get(file);
            byte[] mutated = plan.apply(original, 0, original.length);
            return new Mutant(base.with(file, mutated), "data file " + file, !Arrays.equals(original, mutated));
        }
        int index = which % base.signatureFiles().size();
        String file = base.signatureFiles().get(index);
        byte[] original = base.entries().get(file);
        Region region = plan.region();
        if (region == Region.SIGNER_CERTIFICATE && !base.singleCertificateCopies().get(index)) {
            region = Region.SIGNED_INFO;
        }
        if (!region.signed()) {
            return evidence(base, file, original, region, which, plan);
        }
        int[] range = SignedParts.range(original, region);
        byte[] mutated = plan.apply(original, range[0], range[1]);
        boolean changed = !Arrays.equals(SignedParts.bound(original, region), SignedParts.bound(mutated, region));
        return new Mutant(base.with(file, mutated), region + " of " + file, changed);
    }

    /** Edits the DER of one evidence value; a signature without that kind of evidence gets the next kind edited. */
    private static Mutant evidence(Base base, String file, byte[] original, Region region, int which, MutationPlan plan) {
        List<Region> kinds = List.of(Region.TIMESTAMP_TOKEN, Region.OCSP_RESPONSE, Region.CERTIFICATE_VALUES);
        for (int k = 0; k < kinds.size(); k++) {
            Region kind = kinds.get((kinds.indexOf(region) + k) % kinds.size());
            List<int[]> ranges = Evidence.ranges(original, kind);
            byte[] der = ranges.isEmpty() ? null : Evidence.decode(original, ranges.get(which % ranges.size()));
            if (der != null) {
                int[] range = ranges.get(which % ranges.size());
                byte[] mutated = Evidence.replace(original, range, plan.apply(der, 0, der.length));
                return new Mutant(base.with(file, mutated), kind + " #" + (which % ranges.size()) + " of " + file, false);
            }
        }
        return new Mutant(base.with("", new byte[0]), "nothing (" + file + " has no evidence)", false);
    }
}
