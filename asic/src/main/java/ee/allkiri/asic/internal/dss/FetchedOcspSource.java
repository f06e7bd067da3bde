package ee.allkiri.asic.internal.dss;

import eu.europa.esig.dss.enumerations.RevocationOrigin;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.DSSRevocationUtils;
import eu.europa.esig.dss.spi.x509.revocation.ocsp.OCSPSource;
import eu.europa.esig.dss.spi.x509.revocation.ocsp.OCSPToken;
import java.io.IOException;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;

/**
 * Hands DSS one OCSP response that allkiri fetched online and has already verified, so that
 * DSS's validation of a signature without embedded revocation data sees it as external
 * revocation data. Never fetches anything. Immutable and thread-safe.
 */
final class FetchedOcspSource implements OCSPSource {

    private static final long serialVersionUID = 1L;

    private final byte[] response;

    FetchedOcspSource(byte[] response) {
        this.response = response.clone();
    }

    /** The token when the response is about the certificate, else null (DSS's "no data"). */
    @Override
    public OCSPToken getRevocationToken(CertificateToken certificate, CertificateToken issuer) {
        try {
            Object object = new OCSPResp(response).getResponseObject();
            if (!(object instanceof BasicOCSPResp basic)) {
                return null;
            }
            SingleResp single = DSSRevocationUtils.getLatestSingleResponse(basic, certificate, issuer);
            if (single == null) {
                return null;
            }
            OCSPToken token = new OCSPToken(basic, single, certificate, issuer);
            token.setExternalOrigin(RevocationOrigin.EXTERNAL);
            return token;
        } catch (IOException | OCSPException | RuntimeException e) {
            return null;
        }
    }
}
