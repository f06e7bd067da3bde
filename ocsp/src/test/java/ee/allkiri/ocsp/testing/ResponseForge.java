package ee.allkiri.ocsp.testing;

import ee.allkiri.ocsp.internal.OcspFormatException;
import ee.allkiri.ocsp.internal.OcspResponse;
import ee.allkiri.ocsp.testing.TestPki.Issued;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** Builds OCSP responses for the tests, correct by default, with each field open to change. */
public final class ResponseForge {

    private record Entry(CertificateID id, CertificateStatus status, Instant thisUpdate, Instant nextUpdate) {
    }

    private final Issued signer;
    private X500Name responderName;
    private final List<X509Certificate> certificates = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();
    private Instant producedAt;
    private byte[] nonce;

    private ResponseForge(Issued signer) {
        this.signer = signer;
        this.responderName = X500Name.getInstance(signer.certificate().getSubjectX500Principal().getEncoded());
        this.certificates.add(signer.certificate());
    }

    /** A response signed with the key of {@code signer}, naming it as responder and carrying its certificate. */
    public static ResponseForge signedBy(Issued signer) {
        return new ResponseForge(signer);
    }

    public ResponseForge good(X509Certificate certificate, X509Certificate issuer, Instant thisUpdate, Instant nextUpdate) {
        return about(id(certificate.getSerialNumber(), issuer), CertificateStatus.GOOD, thisUpdate, nextUpdate);
    }

    public ResponseForge revoked(X509Certificate certificate, X509Certificate issuer, Instant thisUpdate, Instant revokedAt, int reason) {
        return about(id(certificate.getSerialNumber(), issuer), new RevokedStatus(Date.from(revokedAt), reason), thisUpdate, null);
    }

    public ResponseForge unknown(X509Certificate certificate, X509Certificate issuer, Instant thisUpdate) {
        return about(id(certificate.getSerialNumber(), issuer), new UnknownStatus(), thisUpdate, null);
    }

    public ResponseForge about(CertificateID id, CertificateStatus status, Instant thisUpdate, Instant nextUpdate) {
        entries.add(new Entry(id, status, thisUpdate, nextUpdate));
        if (producedAt == null) {
            producedAt = thisUpdate;
        }
        return this;
    }

    public ResponseForge producedAt(Instant instant) {
        this.producedAt = instant;
        return this;
    }

    /** Names another responder than the signing key's owner. */
    public ResponseForge responderName(X500Name name) {
        this.responderName = name;
        return this;
    }

    /** Replaces the certificates in the response. */
    public ResponseForge certificates(X509Certificate... others) {
        certificates.clear();
        certificates.addAll(List.of(others));
        return this;
    }

    /** Sets the nonce extension's extnValue content (normally a DER OCTET STRING). */
    public ResponseForge nonceExtension(byte[] value) {
        this.nonce = value.clone();
        return this;
    }

    public byte[] build() {
        try {
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(responderName));
            for (Entry e : entries) {
                builder.addResponse(e.id(), e.status(), Date.from(e.thisUpdate()),
                        e.nextUpdate() == null ? null : Date.from(e.nextUpdate()), (Extensions) null);
            }
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, nonce)));
            }
            List<X509CertificateHolder> chain = new ArrayList<>();
            for (X509Certificate c : certificates) {
                chain.add(new JcaX509CertificateHolder(c));
            }
            var basic = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(TestPki.BC).build(signer.key()),
                    chain.toArray(X509CertificateHolder[]::new), Date.from(producedAt));
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (OCSPException | OperatorCreationException | GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public OcspResponse parse() {
        try {
            return OcspResponse.parse(build());
        } catch (OcspFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CertificateID id(BigInteger serial, X509Certificate issuer) {
        try {
            return new CertificateID(new JcaDigestCalculatorProviderBuilder().setProvider(TestPki.BC).build()
                    .get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer), serial);
        } catch (OCSPException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final int KEY_COMPROMISE = CRLReason.keyCompromise;
}
