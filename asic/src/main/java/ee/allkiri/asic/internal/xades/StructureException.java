package ee.allkiri.asic.internal.xades;

import ee.allkiri.core.FindingCode;

/** A signature whose structure does not fit: the reader's refusal, with its finding code. */
final class StructureException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient FindingCode code;

    StructureException(String message) {
        this(FindingCode.SIGNATURE_STRUCTURE_INVALID, message);
    }

    StructureException(FindingCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    FindingCode code() {
        return code;
    }
}
