package dk.jobbro.employer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CVR modulus-11 check: weights 2, 7, 6, 5, 4, 3, 2, 1 over the eight digits, sum divisible by 11. */
class CvrNumberTest {

    @Test
    void realCvrNumbersPass() {
        for (String cvr : new String[] {"55133018", "29189862", "64942212", "29190909"}) {
            assertTrue(CvrNumber.isValid(cvr), cvr);
        }
    }

    @Test
    void anyOneMistypedDigitFails() {
        String valid = "55133018";
        for (int i = 0; i < valid.length(); i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != valid.charAt(i)) {
                    String typo = valid.substring(0, i) + d + valid.substring(i + 1);
                    assertFalse(CvrNumber.isValid(typo), typo);
                }
            }
        }
    }

    @Test
    void anythingButEightAsciiDigitsFails() {
        for (String cvr : new String[] {null, "", "5513301", "551330180", "5513301x", "５５１３３０１８", "12345678"}) {
            assertFalse(CvrNumber.isValid(cvr), String.valueOf(cvr));
        }
    }
}
