package ee.allkiri.asic;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.Signer;
import ee.allkiri.core.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Who signed the real containers: token type and personal code from the certificates. */
class SignerIdentityFixturesTest {

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource({
            "valid_prod_bdoc_eid.bdoc, ID_CARD, 36404102711, false",
            "valid_prod_bdoc_mid.bdoc, MOBILE_ID, 36404102711, false",
            "InvestorToomas.bdoc, ID_CARD, 37712300255, false",
            "IB-4183_3.4kaart_RSA2047_TS.asice, ID_CARD, 47803276023, false",
            "valid-asice-esteid2018.asice, ID_CARD, 38001085718, true",
            "valid-bdoc-tm.bdoc, ID_CARD, 11404176865, true",
            "valid-asice.asice, ID_CARD, 11404176865, true"})
    void naturalPersons(String fixture, TokenType type, String code, boolean test) {
        Signer signer = Fixtures.verify(fixture).signatures().get(0).signer();
        assertThat(signer.tokenType()).isEqualTo(type);
        assertThat(signer.personalCode()).isEqualTo(code);
        assertThat(signer.country()).isEqualTo("EE");
        assertThat(signer.test()).isEqualTo(test);
    }

    @Test
    void theRealKlass3ESealHasNoPersonalCode() {
        Signer signer = Fixtures.verify("zip_file_without_asics_extension.bdoc").signatures().get(0).signer();
        assertThat(signer.tokenType()).isEqualTo(TokenType.E_SEAL);
        assertThat(signer.personalCode()).isNull();
        assertThat(signer.organization()).isEqualTo("Codeborne OÜ");
        assertThat(signer.isNaturalPerson()).isFalse();
    }

    @Test
    void anOrganisationCertificateWithARegistryCodeHasNoPersonalCode() {
        Signer signer = Fixtures.verify("et10_special-chars-datafile_org-signer_ec.bdoc").signatures().get(0).signer();
        assertThat(signer.personalCode()).isNull();
        assertThat(signer.organization()).startsWith("Innovaatik Grupp");
    }

    record Labelled(String fixture, int index, String label) {
        @Override
        public String toString() {
            return fixture + " #" + index + " [" + label + "]";
        }
    }

    static Stream<Labelled> labelledSignatures() {
        Pattern label = Pattern.compile("\\[(id-card|digi-id|mobile-id|e-seal)\\]|\\[other\\]");
        List<Labelled> out = new ArrayList<>();
        for (Fixtures.Row row : Fixtures.manifest()) {
            Matcher m = label.matcher(row.notes());
            int i = 0;
            while (m.find()) {
                if (m.group(1) != null) {
                    out.add(new Labelled(row.name(), i, m.group(1)));
                }
                i++;
            }
        }
        return out.stream();
    }

    /**
     * MANIFEST.csv labels each signature with a token kind, and allkiri agrees on every one. The
     * ESTEID2018 certificates with policy 1.3.6.1.4.1.51361.1.2.1 are ID-cards: in the ESTEID2018
     * policy arcs 1.1.x and 1.2.x are the same products from two card makers, x = 3 being Digi-ID;
     * 1.2.1 is the IDEMIA ID-card (the DigiDoc4 client and web-eid both read it so). The source
     * manifest called them digi-id; the copy in fixtures/ was corrected (issue #16, point 7).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("labelledSignatures")
    void agreesWithTheManifestLabels(Labelled labelled) {
        ContainerReport report = Fixtures.verify(labelled.fixture());
        if (labelled.index() >= report.signatures().size()) {
            // KS-15 repeats a signature file name; allkiri reads the first (ENTRY_DUPLICATE is the finding)
            assertThat(report.has(ee.allkiri.core.FindingCode.ENTRY_DUPLICATE)).isTrue();
            return;
        }
        SignatureReport signature = report.signatures().get(labelled.index());
        Signer signer = signature.signer();
        if (signer == null) {
            return; // no signing certificate identified: nothing to classify (its own finding says so)
        }
        TokenType expected = switch (labelled.label()) {
            case "id-card" -> TokenType.ID_CARD;
            case "mobile-id" -> TokenType.MOBILE_ID;
            case "e-seal" -> TokenType.E_SEAL;
            case "digi-id" -> TokenType.DIGI_ID;
            default -> throw new IllegalArgumentException(labelled.label());
        };
        assertThat(signer.tokenType()).isEqualTo(expected);
    }
}
