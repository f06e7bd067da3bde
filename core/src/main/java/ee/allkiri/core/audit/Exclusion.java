package ee.allkiri.core.audit;

/**
 * Why a signature does not count towards an initiative. Stable codes, part of the audit
 * output contract; a signature may have several. Each carries its meaning and the part of
 * {@link AuditPolicy} (or of the verification) that decides it; {@code docs/finding-codes.md}
 * lists them all.
 *
 * @since 0.1.0
 */
public enum Exclusion {
    /** The signature is not TOTAL_PASSED (its sub-indication says why). */
    NOT_VALID("The signature is not TOTAL_PASSED; its findings and sub-indication say why.",
            "the verification"),
    /** Trusted lists show the signature is not qualified (its NOT_QUALIFIED finding); an initiative counts qualified signatures. */
    NOT_QUALIFIED("Trusted lists show the signature is not a qualified electronic signature (NOT_QUALIFIED, e.g. ADESIG_QC): an initiative counts qualified signatures.",
            "the verification (trusted lists)"),
    /** The container holding it has an ERROR finding of its own. */
    CONTAINER_INVALID("The container holding the signature has an ERROR finding of its own.",
            "the verification"),
    /** The signature does not cover exactly the initiative document. */
    NOT_THE_DOCUMENT("The signature does not cover exactly one data file whose SHA-256 is the initiative document's.",
            "AuditPolicy.documentSha256"),
    /** The same person signed again; only their latest valid signature counts, and {@link AuditedSignature#duplicateOf()} names it. */
    DUPLICATE_PERSON("The same person (country and personal code) has a later counted signature, which duplicateOf names "
            + "(container and signature file); one person counts once.",
            "always"),
    /** Under the minimum age at the signing time. */
    UNDER_AGE("The signer, by the birth date in the personal code, was younger than the minimum age on the signing day.",
            "AuditPolicy.minimumAge (default 16), AuditPolicy.zone"),
    /** The age on the signing day cannot be established, so the minimum age is not shown to be met. */
    AGE_UNKNOWN("The signer's age on the signing day cannot be established (a personal number without a birth date allkiri "
            + "can read, e.g. of another country, or no proven signing time); an unknown age never passes the age rule.",
            "AuditPolicy.minimumAge (above 0), AuditPolicy.zone"),
    /** Signed (by the best signature time) outside the collection window. */
    OUTSIDE_WINDOW("The proven signing time (time-stamp, or time-mark for BDOC-TM) is outside the collection window, or unproven.",
            "AuditPolicy.from, AuditPolicy.until"),
    /** The personal code fails its check digit or date. */
    BAD_PERSONAL_CODE("The signer's personal number fails its check digit or names no real date.",
            "always"),
    /** The certificate names no personal code. */
    NO_PERSONAL_CODE("The signer's certificate names no personal code (no serialNumber identifier of a natural person), so "
            + "the person cannot be counted once.",
            "always"),
    /** The certificate's identifier is a document number (ID-card, passport, ...), not a personal number. */
    NOT_A_PERSONAL_NUMBER("The certificate's serialNumber is an identifier of another ETSI EN 319 412-1 type than a personal "
            + "number (IDC identity card, PAS passport, TIN tax number, ...): it carries neither the person's personal code "
            + "nor a birth date, so the person can be neither counted once nor checked for age.",
            "always"),
    /** An e-seal: not a natural person. */
    NOT_NATURAL_PERSON("An e-seal: the signer is an organisation, not a natural person.",
            "always"),
    /** A TEST certificate (accepted only when the audit says so). */
    TEST_CERTIFICATE("The signer's certificate comes from a TEST chain.",
            "AuditPolicy.acceptTest (default false)"),
    /** The token type is not among the eligible ones (e.g. e-resident digi-ID by default). */
    NOT_ELIGIBLE_TOKEN("The signer's token type is not eligible (e.g. an e-resident digi-ID by default).",
            "AuditPolicy.eligibleTokens (default ID_CARD, DIGI_ID, MOBILE_ID, SMART_ID)"),
    /** The personal code's country is not among the eligible ones. */
    NOT_ELIGIBLE_COUNTRY("The personal code's country is not eligible.",
            "AuditPolicy.eligibleCountries (default EE)"),
    /** The population register's list of eligible people, given to the audit, does not have the signer's personal code. */
    NOT_IN_REGISTER("The signature passes every other rule, but the signer's personal code is not in the population "
            + "register's list of people confirmed as eligible that the count was made with (audit --residents).",
            "AuditPolicy.residents (default: no list, no such check)");

    private final String description;
    private final String decidedBy;

    Exclusion(String description, String decidedBy) {
        this.description = description;
        this.decidedBy = decidedBy;
    }

    /** What the code means, in one sentence. */
    public String description() {
        return description;
    }

    /** The audit setting that decides it, or "always" / "the verification". */
    public String decidedBy() {
        return decidedBy;
    }
}
