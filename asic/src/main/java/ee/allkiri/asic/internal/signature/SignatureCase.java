package ee.allkiri.asic.internal.signature;

import ee.allkiri.asic.internal.xades.CoreValidation;
import ee.allkiri.asic.internal.xades.SignatureModel;
import ee.allkiri.ocsp.internal.OcspResponse;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.w3c.dom.Document;

/**
 * One signature as the engines receive it: read, with its signed content already checked.
 *
 * @param file           the signature file's entry name
 * @param xml            the file's bytes as written
 * @param document       the parsed file
 * @param model          the signature, read positionally
 * @param core           allkiri's own signed-content check
 * @param inputs         the container's data files and manifest
 * @param validationTime the time the verification is for
 * @param ocsps          the OCSP responses of RevocationValues, parsed (those that parse)
 * @param certificates   the certificates the signature carries, parsed (those that parse)
 * @param lenient        read non-DER certificates leniently
 * @param fetchedOcsp    an OCSP response fetched online for a B or T signature, else null
 */
record SignatureCase(String file, byte[] xml, Document document, SignatureModel model, CoreValidation.Result core,
                     SignatureInputs inputs, Instant validationTime, List<OcspResponse> ocsps,
                     List<X509Certificate> certificates, boolean lenient, byte[] fetchedOcsp) {

    SignatureCase {
        ocsps = List.copyOf(ocsps);
        certificates = List.copyOf(certificates);
    }

    /** The same signature with an OCSP response fetched online. */
    SignatureCase withFetchedOcsp(byte[] der) {
        return new SignatureCase(file, xml, document, model, core, inputs, validationTime, ocsps, certificates, lenient, der);
    }
}
