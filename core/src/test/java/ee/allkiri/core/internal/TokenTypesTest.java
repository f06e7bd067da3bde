package ee.allkiri.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.TokenType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenTypesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "1.3.6.1.4.1.51361.1.1.1, ID_CARD",
            "1.3.6.1.4.1.51361.1.2.1, ID_CARD",
            "1.3.6.1.4.1.51361.1.1.3, DIGI_ID",
            "1.3.6.1.4.1.51361.1.2.3, DIGI_ID",
            "1.3.6.1.4.1.51361.1.1.4, E_RESIDENT_DIGI_ID",
            "1.3.6.1.4.1.51361.2.1.6, E_RESIDENT_DIGI_ID",
            "1.3.6.1.4.1.51455.1.1.1, ID_CARD",
            "1.3.6.1.4.1.10015.1.1.3.3, ID_CARD",
            "1.3.6.1.4.1.10015.1.2.4, DIGI_ID",
            "1.3.6.1.4.1.10015.1.3.2, MOBILE_ID",
            "1.3.6.1.4.1.10015.18.1, MOBILE_ID",
            "1.3.6.1.4.1.10015.17.2, SMART_ID",
            "1.3.6.1.4.1.10015.7.1.2.6, E_SEAL",
            "1.3.6.1.4.1.10015.3.1.1, ID_CARD",
            "1.3.6.1.4.1.10015.3.2.1, DIGI_ID",
            "1.3.6.1.4.1.10015.3.3.1, MOBILE_ID",
            "2.999.1.3.6.1.4.1.10015.17.2, SMART_ID",
            "1.3.6.1.4.1.32061.1.1.1, UNKNOWN"})
    void classifiesByCertificatePolicy(String oid, TokenType expected) {
        assertThat(TokenTypes.classify(List.of(oid), true, null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} with O={1} is {2}")
    @CsvSource({
            "1.3.6.1.4.1.10015.1.2.4, ESTEID (DIGI-ID E-RESIDENT), E_RESIDENT_DIGI_ID",
            "1.3.6.1.4.1.10015.3.2.1, ESTEID (DIGI-ID E-RESIDENT), E_RESIDENT_DIGI_ID",
            "1.3.6.1.4.1.10015.1.2.4, ESTEID (DIGI-ID), DIGI_ID",
            "1.3.6.1.4.1.10015.1.2.4, '', DIGI_ID",
            "1.3.6.1.4.1.10015.1.1.3.3, ESTEID (DIGI-ID E-RESIDENT), ID_CARD",
            "1.3.6.1.4.1.10015.1.3.2, ESTEID (MOBIIL-ID), MOBILE_ID"})
    void aPre2018DigiIdOfAnEResidentIsToldApartByItsOrganisation(String oid, String organization, TokenType expected) {
        assertThat(TokenTypes.classify(List.of(oid), true, organization)).isEqualTo(expected);
    }

    @Test
    void aPrefixMustEndAtAnArcBoundary() {
        assertThat(TokenTypes.classify(List.of("1.3.6.1.4.1.10015.17"), true, null)).isEqualTo(TokenType.SMART_ID);
        assertThat(TokenTypes.classify(List.of("1.3.6.1.4.1.10015.170"), true, null)).isEqualTo(TokenType.UNKNOWN);
    }

    @Test
    void anOrganizationWithoutPersonalCodeOrKnownPolicyIsAnESeal() {
        assertThat(TokenTypes.classify(List.of(), false, "Codeborne OÜ")).isEqualTo(TokenType.E_SEAL);
        assertThat(TokenTypes.classify(List.of(), true, "ESTEID")).isEqualTo(TokenType.UNKNOWN);
    }

    @Test
    void testChainsAreRecognisedByPolicyOrIssuer() {
        assertThat(TokenTypes.isTest(List.of("2.999.1.3.6.1.4.1.10015.17.2"), "EID-SK 2016")).isTrue();
        assertThat(TokenTypes.isTest(List.of(), "TEST of ESTEID2018")).isTrue();
        assertThat(TokenTypes.isTest(List.of(), "Test ESTEID2025")).isTrue();
        assertThat(TokenTypes.isTest(List.of(), "DEMO LV eID ICA 2021")).isTrue();
        assertThat(TokenTypes.isTest(List.of(), "ESTEID2018")).isFalse();
        assertThat(TokenTypes.isTest(List.of(), null)).isFalse();
    }

    @Test
    void derPolicyReaderReadsOids() {
        // OCTET STRING { SEQUENCE { SEQUENCE { OID 1.3.6.1.4.1.10015.17.2 } } }
        byte[] body = encodeOid("1.3.6.1.4.1.10015.17.2");
        byte[] info = tlv(0x30, body);
        byte[] seq = tlv(0x30, info);
        byte[] ext = tlv(0x04, seq);
        assertThat(Der.policyOids(ext)).containsExactly("1.3.6.1.4.1.10015.17.2");
    }

    private static byte[] encodeOid(String dotted) {
        String[] arcs = dotted.split("\\.");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long v = Long.parseLong(arcs[i]);
            java.util.ArrayDeque<Integer> bytes = new java.util.ArrayDeque<>();
            bytes.push((int) (v & 0x7f));
            v >>= 7;
            while (v > 0) {
                bytes.push((int) ((v & 0x7f) | 0x80));
                v >>= 7;
            }
            bytes.forEach(out::write);
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        byte[] out = new byte[content.length + 2];
        out[0] = (byte) tag;
        out[1] = (byte) content.length;
        System.arraycopy(content, 0, out, 2, content.length);
        return out;
    }
}
