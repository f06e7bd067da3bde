package ee.allkiri.core.audit;

import ee.allkiri.core.TokenType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of one initiative's count.
 *
 * @param documentSha256    SHA-256 of the initiative document, lower-case hex (required)
 * @param from              start of the collection window (inclusive), or null for none
 * @param until             end of the collection window (inclusive), or null for none; for a window that ends
 *                          with a calendar day use {@link #withDays} or {@link #endOfDay}, which end it at the
 *                          next day's 00:00 in {@code zone} (exclusive), not at a whole second before it
 * @param minimumAge        minimum age in full years on the signing day (default 16, as for
 *                          national initiatives)
 * @param threshold         signatures needed, or null when no threshold applies
 * @param eligibleTokens    token types that count (default: ID-card, digi-ID, Mobile-ID, Smart-ID)
 * @param eligibleCountries personal-code countries that count (default: EE)
 * @param acceptTest        whether TEST certificates count (default: never)
 * @param zone              the time zone whose calendar decides ages and days (default Europe/Tallinn)
 * @param residents         the Estonian personal codes the population register confirmed as eligible (eleven
 *                          digits each), or null when the count is not checked against a register (the default);
 *                          with a list, a signature that would count but whose signer is not in it is
 *                          {@link Exclusion#NOT_IN_REGISTER}, and an empty list excludes everyone
 * @since 0.1.0
 */
public record AuditPolicy(String documentSha256, Instant from, Instant until, int minimumAge, Integer threshold,
                          Set<TokenType> eligibleTokens, Set<String> eligibleCountries, boolean acceptTest, ZoneId zone,
                          Set<String> residents) {

    /** The minimum age of national initiatives: 16. */
    public static final int DEFAULT_MINIMUM_AGE = 16;
    /** The token types that count by default: ID-card, digi-ID, Mobile-ID, Smart-ID (not e-resident digi-ID). */
    public static final Set<TokenType> DEFAULT_TOKENS =
            Set.copyOf(EnumSet.of(TokenType.ID_CARD, TokenType.DIGI_ID, TokenType.MOBILE_ID, TokenType.SMART_ID));
    /** The default time zone for ages and days: Europe/Tallinn. */
    public static final ZoneId ESTONIA = ZoneId.of("Europe/Tallinn");

    public AuditPolicy {
        Objects.requireNonNull(documentSha256, "documentSha256");
        documentSha256 = documentSha256.toLowerCase(Locale.ROOT);
        if (documentSha256.length() != 64 || !documentSha256.chars().allMatch(c -> HexFormat.isHexDigit(c))) {
            throw new IllegalArgumentException("documentSha256 must be 64 hex digits");
        }
        if (from != null && until != null && from.isAfter(until)) {
            throw new IllegalArgumentException("the collection window ends before it starts");
        }
        if (minimumAge < 0) {
            throw new IllegalArgumentException("minimumAge must not be negative");
        }
        if (threshold != null && threshold < 0) {
            throw new IllegalArgumentException("threshold must not be negative");
        }
        eligibleTokens = Set.copyOf(eligibleTokens);
        eligibleCountries = Set.copyOf(eligibleCountries);
        Objects.requireNonNull(zone, "zone");
        if (residents != null) {
            Set<String> codes = new java.util.HashSet<>();
            for (String code : residents) {
                codes.add(residentCode(code));
            }
            residents = Set.copyOf(codes);
        }
    }

    /**
     * The bare eleven digits of a valid Estonian personal code ({@code 38001085718} or {@code PNOEE-38001085718}).
     *
     * @throws IllegalArgumentException when it is not one: the format, century digit, date or check digit fails
     */
    static String residentCode(String code) {
        Objects.requireNonNull(code, "a resident's personal code");
        ee.allkiri.core.PersonalCode parsed = ee.allkiri.core.PersonalCode.fromSerialNumber(code.strip(), "EE")
                .filter(c -> c.isEstonian() && c.isWellFormed())
                .orElseThrow(() -> new IllegalArgumentException("not a valid Estonian personal code: '" + code + "'"));
        return parsed.code();
    }

    /**
     * The defaults for a national initiative on the given document: no window, minimum age 16,
     * no threshold, {@link #DEFAULT_TOKENS}, Estonian personal codes, no TEST certificates,
     * Tallinn time.
     *
     * @param documentSha256 SHA-256 of the initiative document, hex
     * @return the policy
     */
    public static AuditPolicy forDocument(String documentSha256) {
        return new AuditPolicy(documentSha256, null, null, DEFAULT_MINIMUM_AGE, null, DEFAULT_TOKENS, Set.of("EE"), false,
                ESTONIA, null);
    }

    /** The same policy with a collection window (either end may be null: open). */
    public AuditPolicy withWindow(Instant from, Instant until) {
        return new AuditPolicy(documentSha256, from, until, minimumAge, threshold, eligibleTokens, eligibleCountries,
                acceptTest, zone, residents);
    }

    /**
     * The same policy with a collection window of whole calendar days in the policy's zone: from
     * {@link #startOfDay the start of the first day} (inclusive) to {@link #endOfDay the end of the
     * last day} (the next day's 00:00, exclusive). Either end may be null: open.
     */
    public AuditPolicy withDays(LocalDate firstDay, LocalDate lastDay) {
        return withWindow(firstDay == null ? null : startOfDay(firstDay), lastDay == null ? null : endOfDay(lastDay));
    }

    /** The first instant of the day in the policy's zone (its 00:00; a day on which the clocks change too). */
    public Instant startOfDay(LocalDate day) {
        return startOfDay(day, zone);
    }

    /** The first instant of the day in the zone. */
    public static Instant startOfDay(LocalDate day, java.time.ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    /**
     * The last instant of the day in the policy's zone, for an inclusive {@link #until()}: one
     * nanosecond before the next day's 00:00. An {@link Instant} counts nanoseconds, so nothing
     * lies between the two: a signature proven at 23:59:59.500 is inside, one at 00:00:00.000
     * the next day is not. A day on which the clocks change is 23 or 25 hours long.
     */
    public Instant endOfDay(LocalDate day) {
        return endOfDay(day, zone);
    }

    /** The last instant of the day in the zone: one nanosecond before the next day's 00:00 (see {@link #endOfDay(LocalDate)}). */
    public static Instant endOfDay(LocalDate day, java.time.ZoneId zone) {
        return startOfDay(day.plusDays(1), zone).minusNanos(1);
    }

    /** The same policy with another minimum age in full years. */
    public AuditPolicy withMinimumAge(int years) {
        return new AuditPolicy(documentSha256, from, until, years, threshold, eligibleTokens, eligibleCountries,
                acceptTest, zone, residents);
    }

    /** The same policy with a threshold (null: none). */
    public AuditPolicy withThreshold(Integer signatures) {
        return new AuditPolicy(documentSha256, from, until, minimumAge, signatures, eligibleTokens, eligibleCountries,
                acceptTest, zone, residents);
    }

    /** The same policy with other eligible token types. */
    public AuditPolicy withEligibleTokens(Set<TokenType> tokens) {
        return new AuditPolicy(documentSha256, from, until, minimumAge, threshold, tokens, eligibleCountries,
                acceptTest, zone, residents);
    }

    /** The same policy with other eligible personal-code countries (ISO 3166 alpha-2). */
    public AuditPolicy withEligibleCountries(Set<String> countries) {
        return new AuditPolicy(documentSha256, from, until, minimumAge, threshold, eligibleTokens, countries,
                acceptTest, zone, residents);
    }

    /**
     * The same policy checked against the population register's answer: the personal codes it
     * confirmed as eligible (bare eleven digits or {@code PNOEE-}; each must be a valid Estonian
     * personal code). A signature that would count but whose signer is not among them is
     * {@link Exclusion#NOT_IN_REGISTER}; an empty set excludes everyone. Null: no register check.
     *
     * @throws IllegalArgumentException when a code is not a valid Estonian personal code
     */
    public AuditPolicy withResidents(Set<String> codes) {
        return new AuditPolicy(documentSha256, from, until, minimumAge, threshold, eligibleTokens, eligibleCountries,
                acceptTest, zone, codes);
    }

    /** Whether the count is checked against a population register list ({@link #withResidents}). */
    public boolean checksRegister() {
        return residents != null;
    }

    /** Counts signatures made with TEST certificates: for rehearsals, never for a real count. */
    public AuditPolicy acceptingTestCertificates() {
        return new AuditPolicy(documentSha256, from, until, minimumAge, threshold, eligibleTokens, eligibleCountries,
                true, zone, residents);
    }
}
