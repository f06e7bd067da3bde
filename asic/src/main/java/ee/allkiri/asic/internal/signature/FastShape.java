package ee.allkiri.asic.internal.signature;

import ee.allkiri.asic.internal.fast.Algorithms;
import ee.allkiri.asic.internal.xades.SignatureModel;
import ee.allkiri.asic.internal.xades.XmlAlgorithms;
import ee.allkiri.core.Profile;

/**
 * The one shape of signature the fast path handles: an LT signature with one signature
 * time-stamp holding one token, or a BDOC time-mark with none; file references without
 * transforms; one certificate in KeyInfo; signed SigningTime and a SigningCertificate naming
 * one certificate; no content time-stamps; validation data only in CertificateValues and
 * RevocationValues (OCSP, no CRL); the algorithms of {@link Algorithms}. Anything else goes the
 * full way. Stateless.
 */
final class FastShape {

    private FastShape() {
    }

    static boolean fits(SignatureModel model) {
        Profile profile = model.profile();
        SignatureModel.UnsignedProperties unsigned = model.unsigned();
        SignatureModel.SignedProperties signed = model.signed();
        if (profile != Profile.LT && profile != Profile.LT_TM) {
            return false;
        }
        if (profile == Profile.LT && (unsigned.signatureTimestamps().size() != 1
                || unsigned.signatureTimestamps().get(0).tokens().size() != 1
                || !c14n(unsigned.signatureTimestamps().get(0).canonicalizationMethod()))) {
            return false;
        }
        if (!unsigned.otherProperties().isEmpty() || !unsigned.crlValues().isEmpty()
                || model.keyInfoCertificates().size() != 1 || signed.signingTime() == null
                || signed.signingCertificates().size() != 1 || !signed.contentTimestamps().isEmpty()
                || !Algorithms.DIGESTS.containsKey(signed.signingCertificates().get(0).digestMethod())) {
            return false;
        }
        SignatureModel.SignedInfo info = model.signedInfo();
        if (!XmlAlgorithms.CANONICALIZATIONS.contains(info.canonicalizationMethod())
                || !Algorithms.SIGNATURES.containsKey(info.signatureMethod())) {
            return false;
        }
        for (SignatureModel.Reference ref : info.references()) {
            boolean transformsOk = ref.transforms().isEmpty()
                    || (ref.isSignedProperties() && ref.transforms().size() == 1);
            if (!transformsOk || !Algorithms.DIGESTS.containsKey(ref.digestMethod())) {
                return false;
            }
        }
        return true;
    }

    private static boolean c14n(String method) {
        return method == null || XmlAlgorithms.CANONICALIZATIONS.contains(method);
    }
}
