package ee.allkiri.testkit.pki;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.PersonalCode;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PersonalCodesTest {

    @Test
    @DisplayName("a known code comes out with its check digit")
    void knownCode() {
        assertThat(PersonalCodes.of(LocalDate.of(1980, 1, 8), false, 571)).isEqualTo("38001085718");
    }

    @Test
    @DisplayName("codes for every century, sex and many sequences pass core's check; the wrong digit fails it")
    void codesAreWellFormed() {
        for (int year : new int[] {1899, 1955, 2001, 2012}) {
            for (int seq = 0; seq < 1000; seq += 7) {
                String code = PersonalCodes.of(LocalDate.of(year, 1 + seq % 12, 1 + seq % 28), seq % 2 == 0, seq);
                PersonalCode parsed = PersonalCode.estonian(code);
                assertThat(parsed.isWellFormed()).as(code).isTrue();
                assertThat(parsed.birthDate()).contains(LocalDate.of(year, 1 + seq % 12, 1 + seq % 28));
                assertThat(PersonalCode.estonian(PersonalCodes.withWrongCheckDigit(code)).isWellFormed()).isFalse();
            }
        }
    }
}
