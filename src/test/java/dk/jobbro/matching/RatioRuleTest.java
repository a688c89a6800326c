package dk.jobbro.matching;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RatioRuleTest {

    private final RatioRule rule = new RatioRule(5, 50, 10, 1);

    @Test
    void onePlacementPerFiveEmployeesUpToFiftyAtLeastOneThenOnePerTen() {
        assertEquals(1, rule.capacity(0), "every employer may host one");
        assertEquals(1, rule.capacity(9));
        assertEquals(2, rule.capacity(10));
        assertEquals(10, rule.capacity(50));
        assertEquals(10, rule.capacity(59));
        assertEquals(12, rule.capacity(75));
        assertEquals(17, rule.capacity(120));
    }
}
