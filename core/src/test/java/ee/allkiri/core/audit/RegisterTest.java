package ee.allkiri.core.audit;

import static ee.allkiri.core.audit.AuditTest.DAY1;
import static ee.allkiri.core.audit.AuditTest.DAY2;
import static ee.allkiri.core.audit.AuditTest.DOC;
import static ee.allkiri.core.audit.AuditTest.bundle;
import static ee.allkiri.core.audit.AuditTest.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Profile;
import ee.allkiri.core.Qualification;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.Signer;
import ee.allkiri.core.SubIndication;
import ee.allkiri.core.TokenType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The population-register step: the counted signers' codes go to the register, its answer comes
 * back as {@link AuditPolicy#withResidents} and excludes whoever it did not confirm
 * ({@link Exclusion#NOT_IN_REGISTER}); {@link RegisterList} reads the answer.
 */
class RegisterTest {

    private int file;

    private SignatureReport valid(Signer signer, Instant at) {
        return new SignatureReport("META-INF/signatures" + (++file) + ".xml", "S" + file, Indication.TOTAL_PASSED, null,
                Profile.LT, Qualification.QESIG, signer, at, at, at, at.plusSeconds(2), List.of("initiative.html"), List.of());
    }

    private SignatureReport invalid(Signer signer, Instant at) {
        return new SignatureReport("META-INF/signatures" + (++file) + ".xml", "S" + file, Indication.TOTAL_FAILED,
                SubIndication.HASH_FAILURE, Profile.LT, Qualification.NA, signer, at, at, at, at, List.of("initiative.html"),
                List.of(Finding.of(FindingCode.REFERENCE_DIGEST_MISMATCH, "x", "m")));
    }

    /** Four people who count, one signing twice, one under age, one invalid signature. */
    private ContainerReport bundleOfSeven() {
        return bundle(DOC,
                valid(person("38001085718", TokenType.ID_CARD, false), DAY1),
                valid(person("47101010033", TokenType.SMART_ID, false), DAY1),
                valid(person("37605030299", TokenType.MOBILE_ID, false), DAY1),
                valid(person("37605030299", TokenType.ID_CARD, false), DAY2),
                valid(person("36002290001", TokenType.ID_CARD, false), DAY2),
                valid(person("61101010001", TokenType.MOBILE_ID, false), DAY1),
                invalid(person("48907120014", TokenType.ID_CARD, false), DAY1));
    }

    @Test
    void theCountedSignersCodesAreSortedOnceEachInFull() {
        AuditReport r = Audit.of(List.of(bundleOfSeven()), AuditPolicy.forDocument(DOC));
        assertThat(r.summary().counted()).isEqualTo(4);
        assertThat(r.countedPersonalCodes()).containsExactly("36002290001", "37605030299", "38001085718", "47101010033");
    }

    @Test
    void aCountedSignerMissingFromTheRegisterIsExcludedAndTheCountFallsByExactlyThose() {
        ContainerReport c = bundleOfSeven();
        AuditReport without = Audit.of(List.of(c), AuditPolicy.forDocument(DOC));
        Set<String> confirmed = Set.of("38001085718", "36002290001", "61101010001", "48907120014", "49403136526");

        AuditReport with = Audit.of(List.of(c), AuditPolicy.forDocument(DOC).withResidents(confirmed));

        assertThat(with.policy().checksRegister()).isTrue();
        assertThat(with.summary().counted()).isEqualTo(without.summary().counted() - 2);
        assertThat(with.summary().excluded()).containsEntry(Exclusion.NOT_IN_REGISTER, 3);
        assertThat(with.signatures()).extracting(AuditedSignature::exclusions).containsExactly(
                List.of(),
                List.of(Exclusion.NOT_IN_REGISTER),
                List.of(Exclusion.NOT_IN_REGISTER),          // both of this person's signatures: none duplicates the other
                List.of(Exclusion.NOT_IN_REGISTER),
                List.of(),
                List.of(Exclusion.UNDER_AGE),                // in the register, still under age
                List.of(Exclusion.NOT_VALID));               // nothing added to a signature that fails already
        assertThat(with.signatures()).allSatisfy(s -> assertThat(s.duplicateOf()).isNull());
        assertThat(with.countedPersonalCodes()).containsExactly("36002290001", "38001085718");
        for (int i = 0; i < with.signatures().size(); i++) {
            AuditedSignature before = without.signatures().get(i);
            AuditedSignature after = with.signatures().get(i);
            if (!after.exclusions().contains(Exclusion.NOT_IN_REGISTER) && !before.exclusions().contains(Exclusion.DUPLICATE_PERSON)) {
                assertThat(after.exclusions()).as("signature %d is judged as without the list", i).isEqualTo(before.exclusions());
            }
        }
    }

    @Test
    void theFullListChangesNothingAndAnEmptyListExcludesEveryoneCounted() {
        ContainerReport c = bundleOfSeven();
        AuditReport without = Audit.of(List.of(c), AuditPolicy.forDocument(DOC));

        AuditReport all = Audit.of(List.of(c), AuditPolicy.forDocument(DOC)
                .withResidents(Set.copyOf(without.countedPersonalCodes())));
        assertThat(all.signatures()).extracting(AuditedSignature::exclusions)
                .isEqualTo(without.signatures().stream().map(AuditedSignature::exclusions).toList());
        assertThat(all.summary().counted()).isEqualTo(4);

        AuditReport none = Audit.of(List.of(c), AuditPolicy.forDocument(DOC).withResidents(Set.of()).withThreshold(1));
        assertThat(none.summary().counted()).isZero();
        assertThat(none.summary().thresholdReached()).isFalse();
        assertThat(none.summary().excluded()).containsEntry(Exclusion.NOT_IN_REGISTER, 5)
                .doesNotContainKey(Exclusion.DUPLICATE_PERSON);
    }

    @Test
    void withoutAListNothingIsCheckedAgainstARegister() {
        AuditPolicy policy = AuditPolicy.forDocument(DOC);
        assertThat(policy.residents()).isNull();
        assertThat(policy.checksRegister()).isFalse();
        assertThat(Audit.of(List.of(bundleOfSeven()), policy).summary().excluded()).doesNotContainKey(Exclusion.NOT_IN_REGISTER);
    }

    @Test
    void aForeignPersonalNumberIsNeverInTheEstonianRegister() {
        Signer latvian = AuditTest.identified("PNOLV-321806-14495", TokenType.SMART_ID);
        AuditPolicy latviaToo = AuditPolicy.forDocument(DOC).withEligibleCountries(Set.of("EE", "LV")).withMinimumAge(0);
        AuditReport r = Audit.of(List.of(bundle(DOC, valid(latvian, DAY1))), latviaToo);
        assertThat(r.countedPersonalCodes()).containsExactly("PNOLV-321806-14495");
        assertThat(Audit.of(List.of(bundle(DOC, valid(latvian, DAY1))), latviaToo.withResidents(Set.of("38001085718")))
                .signatures().get(0).exclusions()).containsExactly(Exclusion.NOT_IN_REGISTER);
    }

    @Test
    void thePolicyTakesOnlyValidEstonianPersonalCodes() {
        AuditPolicy policy = AuditPolicy.forDocument(DOC);
        assertThat(policy.withResidents(Set.of("PNOEE-38001085718", " 47101010033 ")).residents())
                .containsExactlyInAnyOrder("38001085718", "47101010033");
        for (String bad : List.of("38001085719", "3800108571", "380010857180", "78001085718", "38013325718",
                "IDCEE-38001085718", "PNOLV-321806-14495", "")) {
            assertThatThrownBy(() -> policy.withResidents(Set.of(bad))).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aRegisterListIsOneCodePerLineWithBlankLinesAndComments() throws Exception {
        String text = "\uFEFF# answer of the population register, 2026-03-12\r\n"
                + "38001085718\r\n"
                + "\r\n"
                + "   47101010033   # confirmed\n"
                + "PNOEE-36002290001\n"
                + "38001085718\n"
                + "#\n"
                + "   \n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        RegisterList list = RegisterList.parse(bytes);

        assertThat(list.codes()).containsExactlyInAnyOrder("38001085718", "47101010033", "36002290001");
        assertThat(list.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(RegisterList.parse(new byte[0]).codes()).isEmpty();
        assertThat(RegisterList.parse("# nobody\n".getBytes(StandardCharsets.UTF_8)).codes()).isEmpty();
    }

    @Test
    void aMalformedLineIsRefusedByItsNumber() {
        assertThat(malformedLine("38001085718\n\n38001085719\n")).isEqualTo(3);     // check digit
        assertThat(malformedLine("# list\n38001085718 47101010033\n")).isEqualTo(2);  // two codes on a line
        assertThat(malformedLine("38001085718,\n")).isEqualTo(1);
        assertThat(malformedLine("38001085718\r\n47101010033\r\nMari Maasikas\r\n")).isEqualTo(3);
        assertThat(malformedLine("38001085718\n4710101003\n")).isEqualTo(2);          // ten digits
        byte[] latin1 = "38001085718\nJ\u00f5eorg\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> RegisterList.parse(latin1)).isInstanceOf(RegisterList.MalformedLineException.class)
                .extracting(e -> ((RegisterList.MalformedLineException) e).line()).isEqualTo(2);
    }

    private static int malformedLine(String text) {
        try {
            RegisterList.parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (RegisterList.MalformedLineException e) {
            return e.line();
        }
        throw new AssertionError("accepted: " + text);
    }
}
