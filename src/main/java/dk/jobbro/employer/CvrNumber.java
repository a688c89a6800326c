package dk.jobbro.employer;

/**
 * The Danish CVR number's check: eight digits whose weighted sum (weights 2, 7, 6, 5, 4, 3, 2, 1) is divisible by
 * 11 (Erhvervsstyrelsen's modulus-11 rule). It catches every single mistyped digit and most swapped pairs.
 */
public final class CvrNumber {

    private static final int[] WEIGHTS = {2, 7, 6, 5, 4, 3, 2, 1};

    private CvrNumber() {
    }

    /** True for eight ASCII digits that pass the modulus-11 check; false for anything else, null included. */
    public static boolean isValid(String cvr) {
        if (cvr == null || cvr.length() != WEIGHTS.length) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            char c = cvr.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return sum % 11 == 0;
    }
}
