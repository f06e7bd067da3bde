package ee.allkiri.core;

/**
 * Qualification of a signature or seal (EU 910/2014 article 3; ETSI TS 119 615), as far as
 * the trust material can establish it. {@link #NA} when the trust source carries no
 * qualification data (plain certificates).
 *
 * @since 0.1.0
 */
public enum Qualification {
    QESIG,
    QESEAL,
    QES,
    ADESIG_QC,
    ADESEAL_QC,
    ADES_QC,
    ADESIG,
    ADESEAL,
    ADES,
    INDETERMINATE_QESIG,
    INDETERMINATE_QESEAL,
    INDETERMINATE_QES,
    INDETERMINATE_ADESIG_QC,
    INDETERMINATE_ADESEAL_QC,
    INDETERMINATE_ADES_QC,
    INDETERMINATE_ADESIG,
    INDETERMINATE_ADESEAL,
    INDETERMINATE_ADES,
    NOT_ADES_QC_QSCD,
    NOT_ADES_QC,
    NOT_ADES,
    NA;

    /** True for a qualified electronic signature or seal. */
    public boolean isQualified() {
        return this == QESIG || this == QESEAL || this == QES;
    }
}
