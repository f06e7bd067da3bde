package ee.allkiri.testkit.service;

import ee.allkiri.testkit.pki.Authority;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.tsp.TSPAlgorithms;

/**
 * An RFC 3161 time-stamping unit: tokens with an ESSCertIDv2 (SHA-256) signing-certificate
 * attribute, the unit's certificate included, and a serial number derived from what is stamped,
 * so that stamping the same imprint at the same time gives the same token. Immutable and
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class TimeStampAuthority {

    /** The ETSI EN 319 421 best-practices time-stamp policy SK's TSAs use. */
    public static final String POLICY = "0.4.0.2023.1.1";

    private static final DigestCalculatorProvider DIGESTS = new BcDigestCalculatorProvider();

    private final Authority unit;
    private final String digest;

    public TimeStampAuthority(Authority unit) {
        this(unit, null);
    }

    private TimeStampAuthority(Authority unit, String digest) {
        this.unit = unit;
        this.digest = digest;
    }

    /**
     * The same unit signing its tokens with another digest than SHA-256 (for the signed
     * attributes, the ESSCertIDv2 and the signature), e.g. {@code SHA-1}: a token made with an
     * algorithm past its sunset.
     */
    public TimeStampAuthority withDigest(String value) {
        return new TimeStampAuthority(unit, value);
    }

    public Authority authority() {
        return unit;
    }

    /** A time-stamp token (CMS ContentInfo, DER) over a SHA-256 imprint. */
    public byte[] token(byte[] sha256, Instant genTime) {
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        return token(requests.generate(TSPAlgorithms.SHA256, sha256), genTime);
    }

    /** A time-stamp token over an imprint made with another digest algorithm (e.g. {@code TSPAlgorithms.SHA1}). */
    public byte[] token(ASN1ObjectIdentifier imprintAlgorithm, byte[] imprint, Instant genTime) {
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        return token(requests.generate(imprintAlgorithm, imprint), genTime);
    }

    /** A token answering a request. */
    public byte[] token(TimeStampRequest request, Instant genTime) {
        try {
            return generator(genTime, genTime.getNano() != 0).generate(request, serial(request, genTime), Date.from(genTime))
                    .getEncoded();
        } catch (TSPException | IOException e) {
            throw new IllegalStateException("cannot make a time-stamp token", e);
        }
    }

    /**
     * A DER TimeStampResp (RFC 3161 2.4.2) answering a DER TimeStampReq: granted with the
     * status string "Operation Okay", or rejected with a reason.
     */
    public byte[] respond(byte[] requestDer, Instant genTime) {
        try {
            TimeStampRequest request = new TimeStampRequest(requestDer);
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(generator(genTime, false),
                    TSPAlgorithms.ALLOWED);
            return responses.generateGrantedResponse(request, serial(request, genTime), Date.from(genTime),
                    "Operation Okay").getEncoded();
        } catch (TSPException | IOException e) {
            throw new IllegalArgumentException("not a time-stamp request: " + e.getMessage(), e);
        }
    }

    /**
     * @param millis whether genTime keeps its milliseconds (a forged time such as 23:59:59.500); the
     *               loopback service answers in whole seconds, as it always has, so that its clock's
     *               time-stamp never falls after an OCSP response made in the same second
     */
    private TimeStampTokenGenerator generator(Instant genTime, boolean millis) {
        try {
            Attribute signingTime = new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(genTime))));
            SignerInfoGenerator signerInfo = new SignerInfoGeneratorBuilder(DIGESTS)
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(
                            new AttributeTable(signingTime)))
                    .build(digest == null ? unit.signer().contentSigner() : unit.signer().contentSigner(digest),
                            new X509CertificateHolder(unit.certificate().getEncoded()));
            AlgorithmIdentifier certIdDigest = digest == null || digest.equals("SHA-256")
                    ? new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)
                    : new org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder().find(digest);
            TimeStampTokenGenerator generator = new TimeStampTokenGenerator(signerInfo, DIGESTS.get(certIdDigest),
                    new ASN1ObjectIdentifier(POLICY));
            generator.addCertificates(new JcaCertStore(List.of(unit.certificate())));
            if (millis) {
                generator.setResolution(TimeStampTokenGenerator.R_MILLISECONDS); // genTime 20250702205959.5Z
            }
            return generator;
        } catch (OperatorCreationException | TSPException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("cannot set up the time-stamping unit", e);
        }
    }

    private static BigInteger serial(TimeStampRequest request, Instant genTime) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(request.getMessageImprintDigest());
            sha.update(ByteBuffer.allocate(12).putLong(genTime.getEpochSecond()).putInt(genTime.getNano()).array());
            byte[] digest = sha.digest();
            return new BigInteger(1, java.util.Arrays.copyOf(digest, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
