package dk.jobbro.matching;

/** DISCO-08 codes the specifications use: two siblings in one unit group, a cousin in the minor group, others. */
public final class Occupations {

    /** Lagermedarbejder, unit group 4321. */
    public static final String WAREHOUSE_WORKER = "432110";
    /** A sibling in unit group 4321. */
    public static final String STOCK_CLERK = "432190";
    /** Minor group 432, another unit group (4322). */
    public static final String PRODUCTION_CLERK = "432210";
    /** Rengøringsassistent, major group 9. */
    public static final String CLEANER = "911210";
    /** A sibling of the cleaner in unit group 9112. */
    public static final String WINDOW_CLEANER = "911290";
    /** Kok, unrelated to the others. */
    public static final String COOK = "512010";

    private Occupations() {
    }
}
