package dk.jobbro.search;

/**
 * Field names of the citizen index. Everything here is what a hard rule or a score bound needs and nothing that is
 * special-category data: no health limitations, support needs, circumstances or flags (CitizenIndexTest opens the
 * index and checks). Nothing is stored: the index answers ids; facts live in memory.
 */
final class CitizenFields {

    static final String ID = "id";
    static final String ID_VALUE = "id_value";
    static final String TARGET_GROUP = "target_group";
    static final String JOBCENTRE = "jobcentre";
    /** The commute circle's bounding box as one 4-dimensional point (minLat, minLon, maxLat, maxLon). */
    static final String COMMUTE_BOX = "commute_box";
    /** Home exactly (doubles as raw long bits) and the commute radius: the exact commute check. */
    static final String HOME_LATITUDE = "home_latitude";
    static final String HOME_LONGITUDE = "home_longitude";
    static final String COMMUTE_KM = "commute_km";
    /**
     * The home's {@link GeoCell} (a Z-order cell of about 300 m): the index is sorted by it,
     * so the citizens one posting's commute reaches are a few runs of neighbouring doc ids.
     */
    static final String HOME_CELL = "home_cell";
    static final String MAX_HOURS = "max_hours";
    static final String LICENCE = "licence";
    /** "language:ordinal" for every level up to the citizen's own: a requirement is one term. */
    static final String LANGUAGE = "language";
    static final String NOT_FOR_EMPLOYER = "not_for_employer";
    static final String NOT_FOR_OCCUPATION = "not_for_occupation";

    static final String YES = "yes";

    private CitizenFields() {
    }
}
