package ee.allkiri.core.audit;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.DataFile;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.PersonalCode;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.Signer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Counts the distinct, eligible people who validly signed an initiative document inside its
 * collection window. Works on verification reports; stateless and thread-safe.
 *
 * <p>Each signature is judged on its own first (valid, the document, the window, age, personal
 * code, natural person, TEST, eligibility). Among those that pass, one person counts once:
 * their latest signature (as rahvaalgatus keeps the latest when a person re-signs); the others
 * are {@link Exclusion#DUPLICATE_PERSON}, each naming the one that counts
 * ({@link AuditedSignature#duplicateOf()}).
 *
 * <p>With the population register's answer ({@link AuditPolicy#withResidents}), a signature
 * that passes every other per-signature rule but whose signer is not in the list is
 * {@link Exclusion#NOT_IN_REGISTER} (all of that person's signatures, so none of them is a
 * duplicate of another); the count then falls by exactly the counted people the register did
 * not confirm.
 *
 * <p>Only a personal number identifies a person: a certificate whose serialNumber is an
 * identity card or passport number is {@link Exclusion#NOT_A_PERSONAL_NUMBER}, so one person
 * signing with an ID-card and again with a Smart-ID account registered on a passport counts
 * once. Every unknown fails closed: an age that cannot be established is
 * {@link Exclusion#AGE_UNKNOWN}, and a container whose verification ran past the time budget
 * ({@code LIMIT_TIME}) makes the count {@linkplain AuditSummary#complete() incomplete}, never a
 * container with no signatures.
 *
 * @since 0.1.0
 */
public final class Audit {

    private Audit() {
    }

    /**
     * Audits verified containers under a policy.
     *
     * @param containers the verifier's reports on every container of the count
     * @param policy     the initiative's rules
     * @return every signature counted or excluded (with the reasons), and the figures
     */
    public static AuditReport of(List<ContainerReport> containers, AuditPolicy policy) {
        List<Judged> judged = new ArrayList<>();
        int order = 0;
        for (ContainerReport container : containers) {
            Map<String, String> digests = new HashMap<>();
            for (DataFile f : container.dataFiles()) {
                digests.putIfAbsent(f.name(), f.sha256());
            }
            boolean containerInvalid = container.findings().stream().anyMatch(Finding::isError);
            for (SignatureReport s : container.signatures()) {
                judged.add(judge(container.path(), s, digests, containerInvalid, policy, order++));
            }
        }
        if (policy.residents() != null) {
            excludeUnregistered(judged, policy.residents());
        }
        markDuplicates(judged);
        List<AuditedSignature> out = judged.stream()
                .map(j -> new AuditedSignature(j.container, j.signature, j.signedAt, j.exclusions,
                        j.duplicateOf == null ? null : new SignatureKey(j.duplicateOf.container, j.duplicateOf.signature.file())))
                .toList();
        List<String> incomplete = containers.stream().filter(Audit::unfinished).map(ContainerReport::path).toList();
        return new AuditReport(containers, out, policy, summarize(containers.size(), out, policy, incomplete));
    }

    /** A container whose verification was abandoned past the time budget: its signatures are unknown, not absent. */
    static boolean unfinished(ContainerReport container) {
        return container.has(FindingCode.LIMIT_TIME);
    }

    /** A signature being judged; mutable only inside one audit run. */
    private static final class Judged {
        final String container;
        final SignatureReport signature;
        final Instant signedAt;
        final PersonalCode code;
        final String person;
        final int order;
        final List<Exclusion> exclusions = new ArrayList<>();
        Judged duplicateOf;

        Judged(String container, SignatureReport signature, Instant signedAt, PersonalCode code, int order) {
            this.container = container;
            this.signature = signature;
            this.signedAt = signedAt;
            this.code = code;
            this.person = code == null ? null : code.country() + "-" + code.code();
            this.order = order;
        }
    }

    private static Judged judge(String container, SignatureReport s, Map<String, String> digests, boolean containerInvalid,
                                AuditPolicy policy, int order) {
        Signer signer = s.signer();
        Optional<PersonalCode> code = signer == null ? Optional.empty() : signer.parsedPersonalCode();
        Judged j = new Judged(container, s, signedAt(s), code.orElse(null), order);
        boolean valid = s.indication() == Indication.TOTAL_PASSED;
        if (!valid) {
            j.exclusions.add(Exclusion.NOT_VALID);
        }
        if (s.has(FindingCode.NOT_QUALIFIED)) {
            j.exclusions.add(Exclusion.NOT_QUALIFIED);
        }
        if (containerInvalid) {
            j.exclusions.add(Exclusion.CONTAINER_INVALID);
        }
        if ((valid || !s.signedFiles().isEmpty()) && !signsExactly(s, digests, policy.documentSha256())) {
            j.exclusions.add(Exclusion.NOT_THE_DOCUMENT);
        }
        if ((policy.from() != null || policy.until() != null) && !inWindow(j.signedAt, policy)) {
            j.exclusions.add(Exclusion.OUTSIDE_WINDOW);
        }
        if (signer == null) {
            return j;
        }
        if (!signer.isNaturalPerson()) {
            j.exclusions.add(Exclusion.NOT_NATURAL_PERSON);
        } else if (signer.hasOtherIdentifier()) {
            j.exclusions.add(Exclusion.NOT_A_PERSONAL_NUMBER);
        } else if (code.isEmpty()) {
            j.exclusions.add(Exclusion.NO_PERSONAL_CODE);
        } else if (!signer.personalCodeValid() || !code.get().isWellFormed()) {
            j.exclusions.add(Exclusion.BAD_PERSONAL_CODE);
        } else if (policy.minimumAge() > 0) {
            Optional<Integer> age = ageOnSigningDay(code.get(), j.signedAt, policy);
            if (age.isEmpty()) {
                j.exclusions.add(Exclusion.AGE_UNKNOWN);
            } else if (age.get() < policy.minimumAge()) {
                j.exclusions.add(Exclusion.UNDER_AGE);
            }
        }
        if (signer.test() && !policy.acceptTest()) {
            j.exclusions.add(Exclusion.TEST_CERTIFICATE);
        }
        if (signer.isNaturalPerson() && !policy.eligibleTokens().contains(signer.tokenType())) {
            j.exclusions.add(Exclusion.NOT_ELIGIBLE_TOKEN);
        }
        if (code.isPresent() && !policy.eligibleCountries().contains(code.get().country())) {
            j.exclusions.add(Exclusion.NOT_ELIGIBLE_COUNTRY);
        }
        return j;
    }

    /** The proven signing time: the time-stamp, or the time-mark for BDOC-TM. */
    static Instant signedAt(SignatureReport s) {
        if (s.timestampTime() != null) {
            return s.timestampTime();
        }
        if (s.profile() == ee.allkiri.core.Profile.LT_TM && s.ocspProducedAt() != null) {
            return s.ocspProducedAt();
        }
        return null;
    }

    private static boolean signsExactly(SignatureReport s, Map<String, String> digests, String documentSha256) {
        return s.signedFiles().size() == 1 && documentSha256.equals(digests.get(s.signedFiles().get(0)));
    }

    private static boolean inWindow(Instant at, AuditPolicy policy) {
        if (at == null) {
            return false;
        }
        return (policy.from() == null || !at.isBefore(policy.from())) && (policy.until() == null || !at.isAfter(policy.until()));
    }

    /** Full years on the signing day in the policy's zone; empty when the time is unproven or the code has no birth date. */
    private static Optional<Integer> ageOnSigningDay(PersonalCode code, Instant at, AuditPolicy policy) {
        if (at == null) {
            return Optional.empty();
        }
        return code.ageOn(at.atZone(policy.zone()).toLocalDate());
    }

    /** Every signature that passed the other rules, of a signer not in the register's list (or with no Estonian code), fails closed. */
    private static void excludeUnregistered(List<Judged> judged, java.util.Set<String> residents) {
        for (Judged j : judged) {
            if (j.exclusions.isEmpty() && (j.code == null || !j.code.isEstonian() || !residents.contains(j.code.code()))) {
                j.exclusions.add(Exclusion.NOT_IN_REGISTER);
            }
        }
    }

    private static void markDuplicates(List<Judged> judged) {
        Map<String, Judged> latest = new HashMap<>();
        for (Judged j : judged) {
            if (!j.exclusions.isEmpty() || j.person == null) {
                continue;
            }
            Judged kept = latest.get(j.person);
            if (kept == null || isLater(j, kept)) {
                latest.put(j.person, j);
            }
        }
        for (Judged j : judged) {
            if (j.exclusions.isEmpty() && j.person != null && latest.get(j.person) != j) {
                j.exclusions.add(Exclusion.DUPLICATE_PERSON);
                j.duplicateOf = latest.get(j.person);
            }
        }
    }

    private static boolean isLater(Judged a, Judged b) {
        int byTime = compare(a.signedAt, b.signedAt);
        return byTime != 0 ? byTime > 0 : a.order > b.order;
    }

    private static int compare(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    private static AuditSummary summarize(int containers, List<AuditedSignature> signatures, AuditPolicy policy,
                                          List<String> incomplete) {
        int valid = 0;
        int counted = 0;
        Map<Exclusion, Integer> excluded = new EnumMap<>(Exclusion.class);
        TreeMap<LocalDate, Integer> perDay = new TreeMap<>();
        for (AuditedSignature s : signatures) {
            if (s.signature().indication() == Indication.TOTAL_PASSED) {
                valid++;
            }
            if (s.counted()) {
                counted++;
                if (s.signedAt() != null) {
                    perDay.merge(s.signedAt().atZone(policy.zone()).toLocalDate(), 1, Integer::sum);
                }
            }
            for (Exclusion e : s.exclusions()) {
                excluded.merge(e, 1, Integer::sum);
            }
        }
        boolean reached = policy.threshold() == null || incomplete.isEmpty() && counted >= policy.threshold();
        return new AuditSummary(containers, signatures.size(), valid, counted, excluded, policy.threshold(), reached, perDay,
                incomplete);
    }

}
