package dk.jobbro.search;

/** Field names of a posting document. Bump {@link PostingIndex#SCHEMA_VERSION} when a field changes meaning. */
final class PostingFields {

    static final String ID = "id";
    static final String ID_SORT = "id_sort";
    static final String EMPLOYER_ID = "employer_id";
    static final String EMPLOYER_NAME = "employer_name";
    static final String KIND = "kind";
    static final String STATUS = "status";
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String OCCUPATION = "occupation";
    static final String OCCUPATION_UNIT = "occupation_unit";
    static final String OCCUPATION_MINOR = "occupation_minor";
    static final String OCCUPATION_TEXT = "occupation_text";
    static final String SKILL_REQUIRED = "skill_required";
    static final String SKILL_DESIRED = "skill_desired";
    /** The occupation's essential skills the posting does not name (PostingFacts.occupationSkills): terms, stored. */
    static final String SKILL_OCCUPATION = "skill_occupation";
    static final String SKILL_OCCUPATION_STORED = "skill_occupation_stored";
    static final String SKILL_TEXT = "skill_text";
    static final String LOCATION = "location";
    /** The workplace's {@link GeoCell}: the index is sorted by it ({@link PostingIndex#WORKPLACE_ORDER}). */
    static final String LOCATION_CELL = "location_cell";
    static final String HOURS_MIN = "hours_min";
    static final String HOURS_MAX = "hours_max";
    static final String SLOTS = "slots";
    static final String SLOTS_FILLED = "slots_filled";
    static final String FREE_SLOTS = "free_slots";
    static final String SUPPORT = "support";
    static final String DEMAND = "demand";
    static final String LICENCE = "licence";
    static final String LANGUAGE_LEVEL = "language_level";
    static final String LANGUAGES_STORED = "languages";
    static final String DEADLINE_DAY = "deadline_day";
    static final String POSTCODE = "postcode";
    /** "yes" when the posting is OPEN with a free slot: one term instead of two filters on the hot path. */
    static final String MATCHABLE = "matchable";

    /** Suffix of a stored-only twin: Lucene fixes a field's index options on first use. */
    static final String STORED = "_stored";
    static final String LICENCE_REQUIRED = "required";
    static final long NO_DEADLINE = Long.MAX_VALUE;

    private PostingFields() {
    }
}
