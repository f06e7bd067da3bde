package ee.allkiri.asic.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.ContainerLimits;
import ee.allkiri.asic.Fixtures;
import ee.allkiri.asic.Verifier;
import ee.allkiri.asic.hostile.Hostile;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.testkit.forge.ContainerForge;
import ee.allkiri.testkit.forge.Variant;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.xades.DataFile;
import ee.allkiri.testkit.xades.Level;
import ee.allkiri.testkit.xades.SignatureSpec;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The mutant acceptance of issue 12: every mutant of the signed content of every valid container
 * ({@link Mutants}: each data file, each signed property, each element of SignedInfo, one bit at
 * a time, and the duplicate-content cases) is not valid, with the fast path and with DSS only,
 * and the two paths agree on it ({@link PathAgreement}). The valid containers are every fixture
 * that MANIFEST.csv expects VALID and that passes on both paths once rebuilt (at
 * {@link Fixtures#AT}, with the fixtures' trust), every forged variant that is valid, and forged containers
 * with twin and empty files under one and two signatures (issue 12's first finding).
 *
 * <p>By default it runs the CI-sized set ({@link Mutants.Scope#CI}); with
 * {@code -Dallkiri.mutants=full} every mutant ({@link Mutants.Scope#FULL});
 * {@code -Dallkiri.mutants.only=REGEX} keeps the bases whose name matches (to split a full run).
 * Either way it prints how many mutants it tried and how many were not valid on each path.
 */
class MutantAcceptanceTest {

    /** Fixtures expected VALID of which no signature passes once rebuilt at {@link Fixtures#AT} on both paths, with why: none. */
    static final Map<String, String> NOT_BASES = Map.of();
    /** Fixtures expected VALID of which only some signatures pass, with the ones that do (the others' CAs are not in fixtures/trust). */
    static final Map<String, List<String>> PARTLY_VALID = Map.of("Baltic_MoU_digital_signing_EST_LT_LV.bdoc",
            List.of("META-INF/signatures0.xml"));

    private static Mutants.Scope scope() {
        return "full".equals(System.getProperty("allkiri.mutants")) ? Mutants.Scope.FULL : Mutants.Scope.CI;
    }

    @Test
    void everyMutantOfValidSignedContentIsNotValidOnEitherPath() {
        Mutants.Scope scope = scope();
        Tally tally = new Tally();
        Map<String, List<String>> partly = new LinkedHashMap<>();
        List<String> notBases = new ArrayList<>();
        Pattern only = Pattern.compile(System.getProperty("allkiri.mutants.only", ".*"));
        long started = System.nanoTime();
        for (Base candidate : bases()) {
            if (!only.matcher(candidate.name()).matches()) {
                continue;
            }
            Targets targets = Targets.of(candidate);
            if (targets.signatures().isEmpty()) {
                notBases.add(candidate.name());
                continue;
            }
            if (!targets.whole()) {
                partly.put(candidate.name(), targets.signatures());
            }
            tally.bases++;
            Base base = candidate.restrictedTo(targets.dataFiles(), candidate.signatureFiles().stream()
                    .filter(targets.signatures()::contains).toList());
            long before = tally.tried;
            Mutants.each(base, scope, (kind, description, replaced, equivalent) -> {
                if (equivalent) {
                    tally.equivalent++;
                    return;
                }
                byte[] container = base.with(replaced);
                ContainerReport fast = base.fast().verify(container, base.name());
                ContainerReport full = base.full().verify(container, base.name());
                tally.count(kind, base + ": " + description, targets.affected(replaced.keySet()), fast, full);
            });
            if (scope == Mutants.Scope.FULL) {
                System.out.printf(Locale.ROOT, "  %s: %d mutants, %d false passes and %d disagreements so far, %.0f s%n", base,
                        tally.tried - before, tally.falsePasses.size(), tally.disagreements.size(),
                        (System.nanoTime() - started) / 1e9);
            }
        }
        System.out.println(tally.summary(scope) + String.format(Locale.ROOT, "%n  partly valid containers: %s%n  in %.0f s",
                partly, (System.nanoTime() - started) / 1e9));

        assertThat(notBases).as("VALID fixtures that are not valid bases")
                .containsExactlyInAnyOrderElementsOf(NOT_BASES.keySet().stream().filter(n -> only.matcher(n).matches()).toList());
        assertThat(partly).as("VALID fixtures of which only some signatures pass").isEqualTo(PARTLY_VALID.entrySet().stream()
                .filter(e -> only.matcher(e.getKey()).matches())
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(tally.falsePasses).as("mutants of signed content that pass").isEmpty();
        assertThat(tally.disagreements).as("mutants the paths disagree on").isEmpty();
        assertThat(tally.tried).as("mutants tried").isPositive();
        assertThat(tally.notValidFast).isEqualTo(tally.tried);
        assertThat(tally.notValidFull).isEqualTo(tally.tried);
    }

    /**
     * The signatures of a base that pass on both paths once it is rebuilt (the ones mutants are
     * made for), the data files they sign, and whether the whole container passes.
     */
    record Targets(List<String> signatures, Map<String, List<String>> signedFiles, boolean whole) {

        static Targets of(Base base) {
            byte[] rebuilt = base.with(Map.of());
            ContainerReport fast = base.fast().verify(rebuilt, base.name());
            ContainerReport full = base.full().verify(rebuilt, base.name());
            Map<String, List<String>> signed = new LinkedHashMap<>();
            for (int i = 0; i < full.signatures().size() && i < fast.signatures().size(); i++) {
                SignatureReport s = full.signatures().get(i);
                if (s.valid() && fast.signatures().get(i).valid()) {
                    signed.put(s.file(), s.signedFiles());
                }
            }
            return new Targets(List.copyOf(signed.keySet()), signed, fast.valid() && full.valid());
        }

        /** The data files some target signature signs. */
        List<String> dataFiles() {
            return signedFiles.values().stream().flatMap(List::stream).distinct().toList();
        }

        /** The target signatures whose signed content a change of these entries changes. */
        List<String> affected(java.util.Collection<String> entries) {
            List<String> out = new ArrayList<>();
            for (Map.Entry<String, List<String>> s : signedFiles.entrySet()) {
                if (entries.contains(s.getKey()) || s.getValue().stream().anyMatch(entries::contains)
                        || entries.stream().anyMatch(e -> e.startsWith("META-INF/ASiCManifest"))) {
                    out.add(s.getKey());
                }
            }
            return out;
        }
    }

    /** The valid containers: forged ones first, then the fixtures expected VALID. */
    static List<Base> bases() {
        List<Base> out = new ArrayList<>();
        ContainerForge forge = Hostile.FORGE;
        for (Variant v : Variant.values()) {
            if (v.indication() == Indication.TOTAL_PASSED) {
                out.add(Base.of(v.fileName(), forge.forge(v), Hostile.fast(), Hostile.full()));
            }
        }
        for (Map.Entry<String, byte[]> twins : twins(forge).entrySet()) {
            out.add(Base.of(twins.getKey(), twins.getValue(), Hostile.fast(), Hostile.full()));
        }
        Verifier fast = fixtureVerifier(false);
        Verifier full = fixtureVerifier(true);
        for (Fixtures.Row row : Fixtures.manifest()) {
            if (row.expected().equals("VALID")) {
                out.add(Base.of(row.name(), Fixtures.bytes(row.name()), fast, full));
            }
        }
        return out;
    }

    /**
     * Issue 12's first finding as forged containers: two files with the same content and two
     * empty files, signed by one LT signature, one time-mark, and two signers.
     */
    static Map<String, byte[]> twins(ContainerForge forge) {
        List<DataFile> files = List.of(DataFile.text("annex-1.txt", "the signed annex\n"),
                DataFile.text("annex-2.txt", "the signed annex\n"), DataFile.text("empty-1.txt", ""),
                DataFile.text("empty-2.txt", ""));
        Persona idCard = forge.personas().idCard();
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("twins-lt.asice", forge.container(files, List.of(spec(forge, idCard, files).build())));
        out.put("twins-tm.bdoc", forge.container(files, List.of(spec(forge, forge.personas().plainIdCard(), files)
                .level(Level.LT_TM).build())));
        out.put("twins-two-signers.asice", forge.container(files, List.of(spec(forge, idCard, files).id("S0").build(),
                spec(forge, forge.personas().mobileId(), files).id("S1").build())));
        return out;
    }

    private static SignatureSpec.Builder spec(ContainerForge forge, Persona persona, List<DataFile> files) {
        return forge.spec(persona, files.toArray(DataFile[]::new));
    }

    private static Verifier fixtureVerifier(boolean fullOnly) {
        Verifier.Builder b = Verifier.builder().trust(new CertificateFolderTrustSource(Fixtures.trust()))
                .validationTime(Fixtures.AT).limits(ContainerLimits.DEFAULT.withTimeBudget(Hostile.BUDGET));
        try {
            return (fullOnly ? b.fullValidationOnly() : b).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The counts of one run. */
    static final class Tally {
        int bases;
        long tried;
        long equivalent;
        long notValidFast;
        long notValidFull;
        final Map<Mutants.Kind, long[]> byKind = new EnumMap<>(Mutants.Kind.class);
        final List<String> falsePasses = new ArrayList<>();
        final List<String> disagreements = new ArrayList<>();

        /**
         * One mutant: it is not valid on a path when the container is not valid and none of the
         * signatures whose signed content it changed passes.
         */
        void count(Mutants.Kind kind, String what, List<String> affected, ContainerReport fast, ContainerReport full) {
            tried++;
            long[] k = byKind.computeIfAbsent(kind, x -> new long[3]);
            k[0]++;
            boolean fastPasses = passes(fast, affected);
            boolean fullPasses = passes(full, affected);
            if (!fastPasses) {
                notValidFast++;
                k[1]++;
            }
            if (!fullPasses) {
                notValidFull++;
                k[2]++;
            }
            boolean overBudget = fast.has(FindingCode.LIMIT_TIME) || full.has(FindingCode.LIMIT_TIME);
            if (fastPasses || fullPasses || overBudget || affected.isEmpty()) {
                falsePasses.add(what + (fastPasses ? " passes with the fast path" : "") + (fullPasses ? " passes with DSS only" : "")
                        + (overBudget ? " over the time budget" : "") + (affected.isEmpty() ? " changes no target signature" : ""));
            }
            List<String> differ = PathAgreement.disagreements(fast, full);
            if (!differ.isEmpty()) {
                disagreements.add(what + ": " + differ);
            }
        }

        private static boolean passes(ContainerReport report, List<String> affected) {
            return report.valid() || report.signatures().stream()
                    .anyMatch(s -> affected.contains(s.file()) && s.indication() == Indication.TOTAL_PASSED);
        }

        String summary(Mutants.Scope scope) {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                    "mutant acceptance (%s): %d valid containers, %d mutants tried (%d equivalent not tried); "
                            + "not valid with the fast path %d, with DSS only %d; path disagreements %d",
                    scope, bases, tried, equivalent, notValidFast, notValidFull, disagreements.size()));
            byKind.forEach((kind, k) -> out.append(String.format(Locale.ROOT, "%n  %-24s %7d tried, not valid: fast %d, full %d",
                    kind, k[0], k[1], k[2])));
            return out.toString();
        }
    }
}
