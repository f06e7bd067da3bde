package ee.allkiri.assertj;

import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.PersonalCodeMask;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.SubIndication;
import ee.allkiri.core.TokenType;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one signature's verdict.
 *
 * @since 0.1.0
 */
public final class SignatureReportAssert extends AbstractAssert<SignatureReportAssert, SignatureReport> {

    Describe describe = new Describe(PersonalCodeMask.NONE);

    SignatureReportAssert(SignatureReport actual) {
        super(actual, SignatureReportAssert.class);
    }

    /**
     * Failure messages print personal codes with this mask (also inside names and messages), for
     * CI logs that others read.
     *
     * @param value the mask, e.g. {@link PersonalCodeMask#LAST_TWO}
     * @return this
     */
    public SignatureReportAssert maskingPersonalCodes(PersonalCodeMask value) {
        this.describe = new Describe(java.util.Objects.requireNonNull(value, "mask"));
        return this;
    }

    /**
     * Failure messages print personal codes with {@link PersonalCodeMask#PUBLISHED} (no birth
     * date, no sex).
     *
     * @return this
     */
    public SignatureReportAssert maskingPersonalCodes() {
        return maskingPersonalCodes(PersonalCodeMask.PUBLISHED);
    }

    public SignatureReportAssert isValid() {
        isNotNull();
        if (!actual.valid()) {
            failWithMessage("Expected a valid signature, but:%n%s", describe.signature(actual));
        }
        return this;
    }

    /** The signature is not TOTAL_PASSED. */
    public SignatureReportAssert isNotValid() {
        isNotNull();
        if (actual.valid()) {
            failWithMessage("Expected the signature not to be valid, but it is:%n%s", describe.signature(actual));
        }
        return this;
    }

    public SignatureReportAssert hasIndication(Indication indication, SubIndication sub) {
        isNotNull();
        if (actual.indication() != indication || actual.subIndication() != sub) {
            failWithMessage("Expected %s/%s, but:%n%s", indication, sub, describe.signature(actual));
        }
        return this;
    }

    public SignatureReportAssert signedBy(String personalCode) {
        isNotNull();
        if (actual.signer() == null || !Objects.equals(actual.signer().personalCode(), personalCode)) {
            failWithMessage("Expected a signature by %s, but:%n%s", describe.code(personalCode), describe.signature(actual));
        }
        return this;
    }

    public SignatureReportAssert hasTokenType(TokenType type) {
        isNotNull();
        if (actual.signer() == null || actual.signer().tokenType() != type) {
            failWithMessage("Expected token type %s, but:%n%s", type, describe.signature(actual));
        }
        return this;
    }

    public SignatureReportAssert hasFinding(FindingCode code) {
        isNotNull();
        if (!actual.has(code)) {
            failWithMessage("Expected finding %s, but:%n%s", code, describe.signature(actual));
        }
        return this;
    }

    public SignatureReportAssert doesNotHaveFinding(FindingCode code) {
        isNotNull();
        if (actual.has(code)) {
            failWithMessage("Expected no finding %s, but:%n%s", code, describe.signature(actual));
        }
        return this;
    }
}
