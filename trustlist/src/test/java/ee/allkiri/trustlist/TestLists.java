package ee.allkiri.trustlist;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Trusted lists the tests write and sign themselves with throwaway keys: a national list with
 * services whose status history the test chooses, and a list of lists pointing to lists.
 */
public final class TestLists {

    public static final String QC = "http://uri.etsi.org/TrstSvc/Svctype/CA/QC";
    public static final String QTST = "http://uri.etsi.org/TrstSvc/Svctype/TSA/QTST";
    public static final String GRANTED = "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted";
    public static final String WITHDRAWN = "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/withdrawn";

    private TestLists() {
    }

    /** A throwaway list signer: an RSA key and a self-signed certificate. */
    public record Signer(KeyPair keys, X509Certificate certificate) {
        public static Signer create(String commonName) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair keys = generator.generateKeyPair();
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                X500Name name = new X500Name("CN=" + commonName + ",C=EE");
                var holder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                        Date.from(now.minus(3650, ChronoUnit.DAYS)), Date.from(now.plus(3650, ChronoUnit.DAYS)), name,
                        keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
                X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
                return new Signer(keys, certificate);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** One status period: the status URI and since when. */
    public record Period(String status, Instant from) {
    }

    /** A service: type, name, certificate, and its history (oldest first). */
    public record Service(String type, String name, X509Certificate certificate, List<Period> history) {
        public static Service granted(String type, String name, X509Certificate certificate, Instant from) {
            return new Service(type, name, certificate, List.of(new Period(GRANTED, from)));
        }
    }

    /** A pointer of a list of lists to a trusted list. */
    public record Pointer(String url, String territory, X509Certificate signer) {
    }

    public static String trustedList(String territory, int sequence, Instant issued, Instant nextUpdate,
                                     List<Service> services) {
        StringBuilder xml = head("http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUgeneric", territory, sequence, issued,
                nextUpdate, "");
        xml.append("<TrustServiceProviderList><TrustServiceProvider><TSPInformation>")
                .append("<TSPName><Name xml:lang=\"en\">allkiri test TSP</Name></TSPName>")
                .append("<TSPAddress>").append(address()).append("</TSPAddress>")
                .append("<TSPInformationURI><URI xml:lang=\"en\">https://example.org/tsp</URI></TSPInformationURI>")
                .append("</TSPInformation><TSPServices>");
        for (Service s : services) {
            List<Period> history = new ArrayList<>(s.history());
            Period current = history.remove(history.size() - 1);
            xml.append("<TSPService><ServiceInformation>").append(serviceInformation(s, current)).append("</ServiceInformation>");
            if (!history.isEmpty()) {
                xml.append("<ServiceHistory>");
                for (int i = history.size() - 1; i >= 0; i--) {
                    xml.append("<ServiceHistoryInstance>").append(serviceInformation(s, history.get(i)))
                            .append("</ServiceHistoryInstance>");
                }
                xml.append("</ServiceHistory>");
            }
            xml.append("</TSPService>");
        }
        xml.append("</TSPServices></TrustServiceProvider></TrustServiceProviderList></TrustServiceStatusList>");
        return xml.toString();
    }

    public static String listOfLists(int sequence, Instant issued, Instant nextUpdate, List<Pointer> pointers) {
        StringBuilder p = new StringBuilder("<PointersToOtherTSL>");
        for (Pointer pointer : pointers) {
            p.append("<OtherTSLPointer><ServiceDigitalIdentities><ServiceDigitalIdentity><DigitalId><X509Certificate>")
                    .append(base64(pointer.signer()))
                    .append("</X509Certificate></DigitalId></ServiceDigitalIdentity></ServiceDigitalIdentities>")
                    .append("<TSLLocation>").append(pointer.url()).append("</TSLLocation><AdditionalInformation>")
                    .append("<OtherInformation><TSLType>http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUgeneric</TSLType></OtherInformation>")
                    .append("<OtherInformation><SchemeTerritory>").append(pointer.territory()).append("</SchemeTerritory></OtherInformation>")
                    .append("<OtherInformation><tslx:MimeType>application/vnd.etsi.tsl+xml</tslx:MimeType></OtherInformation>")
                    .append("</AdditionalInformation></OtherTSLPointer>");
        }
        p.append("</PointersToOtherTSL>");
        return head("http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUlistofthelists", "EU", sequence, issued, nextUpdate,
                p.toString()).append("</TrustServiceStatusList>").toString();
    }

    /** Signs the list as trusted lists are signed: enveloped XAdES, SHA-256. */
    public static byte[] sign(String xml, Signer signer) {
        XAdESSignatureParameters parameters = new XAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
        parameters.setSignaturePackaging(SignaturePackaging.ENVELOPED);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(signer.certificate()));
        XAdESService service = new XAdESService(new CommonCertificateVerifier());
        DSSDocument document = new InMemoryDocument(xml.getBytes(StandardCharsets.UTF_8), "list.xml");
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(signer.keys().getPrivate());
            rsa.update(toBeSigned.getBytes());
            SignatureValue value = new SignatureValue(SignatureAlgorithm.RSA_SHA256, rsa.sign());
            return service.signDocument(document, parameters, value).openStream().readAllBytes();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StringBuilder head(String type, String territory, int sequence, Instant issued, Instant nextUpdate,
                                      String pointers) {
        return new StringBuilder()
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<TrustServiceStatusList xmlns=\"http://uri.etsi.org/02231/v2#\"")
                .append(" xmlns:ecc=\"http://uri.etsi.org/TrstSvc/SvcInfoExt/eSigDir-1999-93-EC-TrustedList/#\"")
                .append(" xmlns:tslx=\"http://uri.etsi.org/02231/v2/additionaltypes#\"")
                .append(" Id=\"TL\" TSLTag=\"http://uri.etsi.org/19612/TSLTag\"><SchemeInformation>")
                .append("<TSLVersionIdentifier>5</TSLVersionIdentifier>")
                .append("<TSLSequenceNumber>").append(sequence).append("</TSLSequenceNumber>")
                .append("<TSLType>").append(type).append("</TSLType>")
                .append("<SchemeOperatorName><Name xml:lang=\"en\">allkiri test operator</Name></SchemeOperatorName>")
                .append("<SchemeOperatorAddress>").append(address()).append("</SchemeOperatorAddress>")
                .append("<SchemeName><Name xml:lang=\"en\">").append(territory).append(":allkiri test list</Name></SchemeName>")
                .append("<SchemeInformationURI><URI xml:lang=\"en\">https://example.org/</URI></SchemeInformationURI>")
                .append("<StatusDeterminationApproach>http://uri.etsi.org/TrstSvc/TrustedList/StatusDetn/EUappropriate</StatusDeterminationApproach>")
                .append("<SchemeTypeCommunityRules><URI xml:lang=\"en\">http://uri.etsi.org/TrstSvc/TrustedList/schemerules/EUcommon</URI></SchemeTypeCommunityRules>")
                .append("<SchemeTerritory>").append(territory).append("</SchemeTerritory>")
                .append("<PolicyOrLegalNotice><TSLLegalNotice xml:lang=\"en\">test only</TSLLegalNotice></PolicyOrLegalNotice>")
                .append("<HistoricalInformationPeriod>65535</HistoricalInformationPeriod>")
                .append(pointers)
                .append("<ListIssueDateTime>").append(issued).append("</ListIssueDateTime>")
                .append("<NextUpdate><dateTime>").append(nextUpdate).append("</dateTime></NextUpdate>")
                .append("</SchemeInformation>");
    }

    private static String serviceInformation(Service s, Period period) {
        StringBuilder xml = new StringBuilder()
                .append("<ServiceTypeIdentifier>").append(s.type()).append("</ServiceTypeIdentifier>")
                .append("<ServiceName><Name xml:lang=\"en\">").append(s.name()).append("</Name></ServiceName>")
                .append("<ServiceDigitalIdentity><DigitalId><X509Certificate>").append(base64(s.certificate()))
                .append("</X509Certificate></DigitalId></ServiceDigitalIdentity>")
                .append("<ServiceStatus>").append(period.status()).append("</ServiceStatus>")
                .append("<StatusStartingTime>").append(period.from()).append("</StatusStartingTime>");
        if (QC.equals(s.type())) {
            xml.append("<ServiceInformationExtensions><Extension Critical=\"true\"><ecc:Qualifications>")
                    .append("<ecc:QualificationElement><ecc:Qualifiers>")
                    .append("<ecc:Qualifier uri=\"http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/QCWithQSCD\"/>")
                    .append("</ecc:Qualifiers><ecc:CriteriaList assert=\"atLeastOne\"><ecc:KeyUsage>")
                    .append("<ecc:KeyUsageBit name=\"nonRepudiation\">true</ecc:KeyUsageBit>")
                    .append("</ecc:KeyUsage></ecc:CriteriaList></ecc:QualificationElement>")
                    .append("</ecc:Qualifications></Extension><Extension Critical=\"true\"><AdditionalServiceInformation>")
                    .append("<URI xml:lang=\"en\">http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForeSignatures</URI>")
                    .append("</AdditionalServiceInformation></Extension></ServiceInformationExtensions>");
        }
        return xml.toString();
    }

    private static String address() {
        return "<PostalAddresses><PostalAddress xml:lang=\"en\"><StreetAddress>1 Test street</StreetAddress>"
                + "<Locality>Tallinn</Locality><CountryName>EE</CountryName></PostalAddress></PostalAddresses>"
                + "<ElectronicAddress><URI xml:lang=\"en\">mailto:test@example.org</URI></ElectronicAddress>";
    }

    private static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
