package ee.allkiri.asic.internal.signature;

import ee.allkiri.asic.VerificationPolicy;
import ee.allkiri.asic.internal.xades.CoreValidation;
import ee.allkiri.asic.internal.xades.SignatureModel;
import ee.allkiri.core.Profile;
import ee.allkiri.core.Signer;
import ee.allkiri.ocsp.internal.OcspResponse;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * Everything known about one signature once the engine has judged it: what the rules read.
 * Immutable.
 *
 * @param signature  the signature as the engines received it
 * @param judgement  the engine's judgement
 * @param revocation the signer's OCSP evidence as allkiri verified it
 * @param policy     the verification policy
 * @param settings   the verifier's rule options
 * @param identity   who signed, as the signer's certificate names them; null without a certificate
 */
record SignatureFacts(SignatureCase signature, Judgement judgement, SignerRevocation.Outcome revocation,
                      VerificationPolicy policy, VerifierSettings settings, Signer identity) {

    SignatureFacts(SignatureCase signature, Judgement judgement, SignerRevocation.Outcome revocation,
                   VerificationPolicy policy, VerifierSettings settings) {
        this(signature, judgement, revocation, policy, settings, signature.core().signer() == null ? null
                : ee.allkiri.core.internal.SignerIdentity.of(signature.core().signer()));
    }

    String file() {
        return signature.file();
    }

    SignatureModel model() {
        return signature.model();
    }

    CoreValidation.Result core() {
        return signature.core();
    }

    Profile profile() {
        return signature.model().profile();
    }

    /** The signer's certificate: the KeyInfo certificate whose key verified the signature value. */
    X509Certificate signer() {
        return signature.core().signer();
    }

    /** The earliest signature time-stamp's time, or null without one. */
    Instant timestampTime() {
        return judgement.timestamps().isEmpty() ? null : judgement.timestamps().get(0).productionTime();
    }

    /**
     * The time the signature is proven to have existed at: a time-mark's producedAt, or the
     * earliest good signature time-stamp; null when nothing proves it.
     */
    Instant proof() {
        if (profile() == Profile.LT_TM) {
            OcspResponse mark = revocation.response();
            return mark == null ? null : mark.producedAt();
        }
        return judgement.timestamps().stream().filter(Judgement.Timestamp::isGood).map(Judgement.Timestamp::productionTime)
                .findFirst().orElse(null);
    }
}
