package ee.allkiri.asic;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.trustlist.TrustSpecs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.BasicOCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.ocsp.ResponseBytes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OCSP rules on the real containers of {@code fixtures/}: each OCSP-related fixture
 * gives exactly the OCSP findings in the table, and fixtures with a tampered OCSP response give
 * the codes no fixture shows.
 */
class OcspFixturesTest {

    /** file | the signature's OCSP and revocation findings, in order. */
    private static final String TABLE = """
            TM-16_unknown.4.asice | OCSP_STATUS_UNKNOWN
            bdoc-tm-ocsp-revoked.bdoc | OCSP_STATUS_REVOKED
            unknown_ocsp.asice | OCSP_RESPONDER_NOT_AUTHORIZED TM_OCSP_NONCE_MISMATCH TM_RESPONDER_NOT_ALLOWED
            bdoc21-vigane-ocsp.bdoc | OCSP_RESPONSE_INVALID REVOCATION_MISSING
            NoOcspCertificateAnywhere.bdoc | TM_RESPONDER_NOT_ALLOWED
            TS-08_23634_TS_OCSP_before_TS.asice | OCSP_BEFORE_TIMESTAMP
            23200_weakdigest-wrong-nonce.asice | TM_OCSP_NONCE_MISMATCH
            esteid2018signerAiaOcspLT.asice | OCSP_RESPONDER_UNTRUSTED
            EE_LT_sig_OCSP_15m6s_after_TS.asice | OCSP_NOT_FRESH
            zip_file_without_asics_extension.bdoc | REVOCATION_MISSING OCSP_RESPONDER_STATUS_UNCHECKED REVOCATION_MISSING OCSP_RESPONDER_STATUS_UNCHECKED
            PSS-signature.asice |
            NoAdditionalOcspCertificate.bdoc |
            latvian_LT_signature_with_7min_difference_between_TS_and_OCSP.asice |
            valid-asice-esteid2018.asice |
            valid-bdoc-tm.bdoc |
            valid-asice.asice |
            """;

    private static final Set<FindingCode> REVOCATION_CODES = Set.of(FindingCode.REVOCATION_MISSING,
            FindingCode.REVOCATION_UNAVAILABLE, FindingCode.CERTIFICATE_REVOKED, FindingCode.TM_OCSP_NONCE_MISSING,
            FindingCode.TM_OCSP_NONCE_MISMATCH, FindingCode.TM_RESPONDER_NOT_ALLOWED);

    private static final Pattern OCSP_VALUE = Pattern.compile("(EncapsulatedOCSPValue[^>]*>)([^<]+)(<)");

    static Verifier verifier;

    @BeforeAll
    static void trust() throws IOException {
        verifier = Verifier.builder().trust(TrustSpecs.parse(Fixtures.trust().toString())).validationTime(Fixtures.AT).build();
    }

    static Stream<String> rows() {
        return TABLE.lines().map(String::strip).filter(l -> !l.isEmpty());
    }

    static List<FindingCode> ocspCodes(SignatureReport report) {
        return report.findings().stream().map(Finding::code)
                .filter(c -> c.name().startsWith("OCSP_") || REVOCATION_CODES.contains(c)).toList();
    }

    static SignatureReport firstSignature(ContainerReport report) {
        return report.signatures().get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    @DisplayName("each OCSP fixture gives exactly the OCSP findings in the table")
    void fixtureTable(String row) throws IOException {
        String[] parts = row.split("\\|", -1);
        String name = parts[0].strip();
        List<FindingCode> expected = Arrays.stream(parts[1].strip().split("\\s+")).filter(s -> !s.isEmpty())
                .map(FindingCode::valueOf).toList();
        ContainerReport report = verifier.verify(Fixtures.container(name));
        SignatureReport signature = report.signatures().stream()
                .filter(s -> !Collections.disjoint(ocspCodes(s), expected) || expected.isEmpty())
                .findFirst().orElse(firstSignature(report));
        assertThat(ocspCodes(signature)).as(name + ": " + signature.findings()).isEqualTo(expected);
        if (expected.isEmpty() || expected.equals(List.of(FindingCode.OCSP_NOT_FRESH))) {
            assertThat(signature.indication()).as(name + ": " + signature.findings()).isEqualTo(Indication.TOTAL_PASSED);
        } else {
            assertThat(signature.indication()).as(name).isNotEqualTo(Indication.TOTAL_PASSED);
        }
    }

    @Test
    @DisplayName("RFC 6960 4.1.1: another signer's OCSP response put into a signature is OCSP_CERT_ID_MISMATCH")
    void swappedResponseIsCertIdMismatch() throws IOException {
        byte[] foreign = ocspOf("test.asice");
        ContainerReport report = verifier.verify(withOcsp("valid-asice.asice", der -> foreign), "swapped.asice");
        assertThat(ocspCodes(firstSignature(report))).contains(FindingCode.OCSP_CERT_ID_MISMATCH);
        assertThat(firstSignature(report).valid()).isFalse();
    }

    @Test
    @DisplayName("RFC 6960 3.2 (2): an OCSP response whose signature bits were changed is OCSP_SIGNATURE_INVALID")
    void alteredResponseSignatureIsInvalid() throws IOException {
        ContainerReport report = verifier.verify(withOcsp("valid-asice.asice", OcspFixturesTest::flipSignatureBit), "flipped.asice");
        assertThat(ocspCodes(firstSignature(report))).contains(FindingCode.OCSP_SIGNATURE_INVALID);
        assertThat(firstSignature(report).valid()).isFalse();
    }

    @Test
    @DisplayName("RFC 6960 4.2.2.1: verifying before the embedded response was produced is OCSP_OUT_OF_WINDOW")
    void responseFromAfterTheValidationTimeIsOutOfWindow() throws IOException {
        SignatureReport valid = firstSignature(verifier.verify(Fixtures.container("valid-asice.asice")));
        Verifier early = Verifier.builder().trust(TrustSpecs.parse(Fixtures.trust().toString()))
                .validationTime(valid.ocspProducedAt().minus(Duration.ofMinutes(5))).build();
        SignatureReport report = firstSignature(early.verify(Fixtures.container("valid-asice.asice")));
        assertThat(ocspCodes(report)).contains(FindingCode.OCSP_OUT_OF_WINDOW);
    }

    /** The first embedded OCSP response of a fixture. */
    static byte[] ocspOf(String fixture) throws IOException {
        try (ZipFile zip = new ZipFile(Fixtures.container(fixture).toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (e.getName().startsWith("META-INF/") && e.getName().contains("signatures")) {
                    Matcher m = OCSP_VALUE.matcher(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                    if (m.find()) {
                        return Base64.getMimeDecoder().decode(m.group(2));
                    }
                }
            }
        }
        throw new IllegalArgumentException(fixture + " embeds no OCSP response");
    }

    /** The fixture with its signatures' first OCSP response replaced (unsigned properties, so the signature holds). */
    static byte[] withOcsp(String fixture, UnaryOperator<byte[]> alter) throws IOException {
        try (ZipFile zip = new ZipFile(Fixtures.container(fixture).toFile());
             ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                byte[] content = zip.getInputStream(e).readAllBytes();
                if (e.getName().startsWith("META-INF/") && e.getName().contains("signatures")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    Matcher m = OCSP_VALUE.matcher(xml);
                    if (m.find()) {
                        byte[] altered = alter.apply(Base64.getMimeDecoder().decode(m.group(2)));
                        xml = xml.substring(0, m.start(2)) + Base64.getEncoder().encodeToString(altered) + xml.substring(m.end(2));
                    }
                    content = xml.getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry copy = new ZipEntry(e.getName());
                if (e.getName().equals("mimetype")) {
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(content.length);
                    copy.setCrc(crc.getValue());
                }
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        }
    }

    /** The OCSPResponse with one bit of its BasicOCSPResponse signature flipped. */
    static byte[] flipSignatureBit(byte[] der) {
        try {
            OCSPResponse response = OCSPResponse.getInstance(ASN1Primitive.fromByteArray(der));
            BasicOCSPResponse basic = BasicOCSPResponse.getInstance(response.getResponseBytes().getResponse().getOctets());
            byte[] signature = basic.getSignature().getBytes();
            signature[signature.length / 2] ^= 0x01;
            BasicOCSPResponse forged = new BasicOCSPResponse(basic.getTbsResponseData(), basic.getSignatureAlgorithm(),
                    new DERBitString(signature), basic.getCerts());
            return new OCSPResponse(response.getResponseStatus(), new ResponseBytes(OCSPObjectIdentifiers.id_pkix_ocsp_basic,
                    new DEROctetString(forged.getEncoded()))).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
