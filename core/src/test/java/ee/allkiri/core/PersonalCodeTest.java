package ee.allkiri.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalCodeTest {

    @Test
    void readsTheEtsiSemanticForm() {
        PersonalCode code = PersonalCode.fromSerialNumber("PNOEE-38001085718", "EE").orElseThrow();
        assertThat(code.country()).isEqualTo("EE");
        assertThat(code.type()).isEqualTo("PNO");
        assertThat(code.code()).isEqualTo("38001085718");
        assertThat(code.semanticForm()).isEqualTo("PNOEE-38001085718");
    }

    @Test
    void readsAPlainElevenDigitSerialOfAnEstonianCertificate() {
        assertThat(PersonalCode.fromSerialNumber("47101010033", "EE")).contains(new PersonalCode("EE", "PNO", "47101010033"));
    }

    @Test
    void aPlainEightDigitSerialIsACompanyRegistryCodeNotAPerson() {
        assertThat(PersonalCode.fromSerialNumber("11439963", "EE")).isEmpty();
    }

    @Test
    void aPlainSerialOfAnotherCountryIsNotReadAsAPersonalCode() {
        assertThat(PersonalCode.fromSerialNumber("38001085718", "LV")).isEmpty();
        assertThat(PersonalCode.fromSerialNumber(null, "EE")).isEmpty();
        assertThat(PersonalCode.fromSerialNumber("  ", "EE")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "38001085718, 1980-01-08",
            "47101010033, 1971-01-01",
            "60001019906, 2000-01-01",
            "50001010006, 2000-01-01",
            "14212128025, 1842-12-12"})
    void wellFormedEstonianCodesGiveTheirBirthDate(String value, LocalDate birth) {
        PersonalCode code = PersonalCode.estonian(value);
        assertThat(code.isWellFormed()).isTrue();
        assertThat(code.birthDate()).contains(birth);
    }

    @ParameterizedTest
    @CsvSource({
            "38001085719, wrong check digit",
            "38013085718, month 13",
            "38002305714, 30 February",
            "78001085718, century digit 7",
            "3800108571, ten digits",
            "3800108571X, not a digit"})
    void malformedEstonianCodesAreNotWellFormed(String value, String why) {
        PersonalCode code = new PersonalCode("EE", "PNO", value);
        assertThat(code.isWellFormed()).as(why).isFalse();
    }

    @Test
    void theCheckDigitUsesTheSecondWeightRoundWhenTheFirstGivesTen() {
        // 3760101007: first round 10, second round 5
        assertThat(PersonalCode.checkDigit("3760101007")).isEqualTo(5);
        assertThat(PersonalCode.estonian("37601010075").isWellFormed()).isTrue();
        // 3760101020: both rounds 10, so the digit is 0
        assertThat(PersonalCode.checkDigit("3760101020")).isZero();
        assertThat(PersonalCode.estonian("37601010200").isWellFormed()).isTrue();
    }

    @Test
    void ageCountsFullYearsOnTheDay() {
        PersonalCode code = PersonalCode.estonian("38001085718");
        assertThat(code.ageOn(LocalDate.of(1996, 1, 7))).contains(15);
        assertThat(code.ageOn(LocalDate.of(1996, 1, 8))).contains(16);
    }

    @Test
    void maskingHidesTheBirthDateAndSexAsPublishedReportsDo() {
        PersonalCode code = PersonalCode.estonian("38001085718");
        assertThat(code.masked()).isEqualTo("*******5718").isEqualTo(PersonalCodeMask.PUBLISHED.apply(code.code()))
                .doesNotContain("380010");
    }

    @Test
    void foreignCodesAreKeptAsGivenAndNotChecked() {
        PersonalCode code = PersonalCode.fromSerialNumber("PNOLV-321806-14495", "LV").orElseThrow();
        assertThat(code.country()).isEqualTo("LV");
        assertThat(code.code()).isEqualTo("321806-14495");
        assertThat(code.isWellFormed()).isTrue();
        assertThat(code.birthDate()).isEmpty();
    }

    @ParameterizedTest(name = "{0} is kept as a {1} identifier, never a valid personal code")
    @CsvSource({
            "IDCEE-AB1234567, IDC, AB1234567",
            "PASEE-K0123456, PAS, K0123456",
            "IDCEE-38001085718, IDC, 38001085718",
            "IDCEE-38001085719, IDC, 38001085719",
            "TINEE-38001085718, TIN, 38001085718"})
    void otherIdentifierTypesAreNotPersonalNumbers(String serialNumber, String type, String value) {
        PersonalCode id = PersonalCode.fromSerialNumber(serialNumber, "EE").orElseThrow();
        assertThat(id.type()).isEqualTo(type);
        assertThat(id.code()).isEqualTo(value);
        assertThat(id.isPersonalNumber()).isFalse();
        assertThat(id.isEstonian()).isFalse();
        assertThat(id.isWellFormed()).isFalse();
        assertThat(id.birthDate()).isEmpty();
        assertThat(id.semanticForm()).isEqualTo(serialNumber);
    }

    @Test
    void thePlainFormOfOldCertificatesIsAPersonalNumber() {
        PersonalCode code = PersonalCode.fromSerialNumber("38001085718", "EE").orElseThrow();
        assertThat(code.isPersonalNumber()).isTrue();
        assertThat(code.type()).isEqualTo(PersonalCode.PERSONAL_NUMBER);
    }

    @Test
    void estonianRefusesIdentifiersThatAreNotEstonianPersonalNumbers() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PersonalCode.estonian("IDCEE-38001085718"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PersonalCode.estonian("PNOLV-321806-14495"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PersonalCode.estonian("PNOEE-38001085718").code()).isEqualTo("38001085718");
    }
}
