package dk.jobbro.matching;

/**
 * One named part of a match score: {@code value} in [0, 1] times {@code weight} gives {@code points}; the
 * points of all components sum to the score. {@code text} says it in Danish for the consultant.
 */
public record ScoreComponent(String name, double value, double weight, double points, String text) {

    static ScoreComponent of(String name, double value, double weight, String text) {
        return new ScoreComponent(name, round(value), weight, round(value * weight), text);
    }

    /** The same numbers with {@code text}. */
    ScoreComponent withText(String text) {
        return new ScoreComponent(name, value, weight, points, text);
    }

    static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
