package ee.allkiri.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Masks for published reports keep the end of a code: the birth date and sex (its start) never show. */
class PersonalCodeMaskTest {

    private static final String CODE = "38001085718";

    @Test
    void thePublishedMaskHidesTheBirthDateAndSex() {
        assertThat(PersonalCodeMask.PUBLISHED).isEqualTo(PersonalCodeMask.SERIAL);
        String masked = PersonalCodeMask.SERIAL.apply(CODE);
        assertThat(masked).isEqualTo("*******5718").hasSameSizeAs(CODE);
        assertThat(masked).doesNotContain("3800108", "800108");
    }

    @Test
    void lastTwoKeepsOnlyWhatTellsRowsApart() {
        assertThat(PersonalCodeMask.LAST_TWO.apply(CODE)).isEqualTo("*********18");
    }

    @Test
    void noneKeepsTheCode() {
        assertThat(PersonalCodeMask.NONE.apply(CODE)).isEqualTo(CODE);
        assertThat(PersonalCodeMask.NONE.applyWithin("JÕEORG,JAAK," + CODE, CODE)).endsWith(CODE);
    }

    @Test
    void shortCodesAreStarsOnly() {
        assertThat(PersonalCodeMask.SERIAL.apply("1234")).isEqualTo("****");
        assertThat(PersonalCodeMask.LAST_TWO.apply("12")).isEqualTo("**");
        assertThat(PersonalCodeMask.SERIAL.apply(null)).isNull();
    }

    @Test
    void codesInsideNamesAndMessagesAreMaskedToo() {
        assertThat(PersonalCodeMask.SERIAL.applyWithin("JÕEORG,JAAK-KRISTJAN," + CODE, CODE))
                .isEqualTo("JÕEORG,JAAK-KRISTJAN,*******5718");
        assertThat(PersonalCodeMask.SERIAL.applyWithin("personal code PNOEE-" + CODE + " fails", CODE))
                .isEqualTo("personal code PNOEE-*******5718 fails");
    }

    @Test
    void optionValues() {
        assertThat(PersonalCodeMask.fromOptionValue("last-two")).isEqualTo(PersonalCodeMask.LAST_TWO);
        assertThat(PersonalCodeMask.fromOptionValue("SERIAL")).isEqualTo(PersonalCodeMask.SERIAL);
        assertThat(PersonalCodeMask.LAST_TWO.optionValue()).isEqualTo("last-two");
        assertThatThrownBy(() -> PersonalCodeMask.fromOptionValue("birthday")).isInstanceOf(IllegalArgumentException.class);
    }
}
