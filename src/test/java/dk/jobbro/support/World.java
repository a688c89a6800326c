package dk.jobbro.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builders for a small hand-made world of employers, postings and citizens, as JSON bodies.
 * Defaults are one ordinary, unremarkable case in Aarhus; each test changes only what it is about.
 */
public final class World {

    /** Aarhus C and places at known distances from it. */
    public static final double[] AARHUS = {56.1567, 10.2108};
    public static final double[] RANDERS = {56.4607, 10.0364};   // ~36 km north of Aarhus
    public static final double[] AALBORG = {57.0488, 9.9217};     // ~100 km north

    private World() {
    }

    private static final java.util.concurrent.atomic.AtomicLong NEXT_CVR =
            new java.util.concurrent.atomic.AtomicLong(1_000_000 + (System.nanoTime() / 1000) % 8_000_000);

    /** A CVR number no other call in this JVM returns, passing the modulus-11 check (weights 2,7,6,5,4,3,2,1). */
    public static String cvr() {
        int[] weights = {2, 7, 6, 5, 4, 3, 2};
        while (true) {
            String base = String.valueOf(1_000_000 + NEXT_CVR.getAndIncrement() % 9_000_000);
            int sum = 0;
            for (int i = 0; i < 7; i++) {
                sum += (base.charAt(i) - '0') * weights[i];
            }
            int check = (11 - sum % 11) % 11;
            if (check < 10) {
                return base + check;
            }
        }
    }

    public static Map<String, Object> employer(String name, String cvr) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("cvr", cvr);
        m.put("address", place("8000", AARHUS));
        m.put("ordinaryEmployees", 40);
        return m;
    }

    public static Map<String, Object> place(String postcode, double[] at) {
        Map<String, Object> m = new HashMap<>();
        m.put("postcode", postcode);
        m.put("latitude", at[0]);
        m.put("longitude", at[1]);
        return m;
    }

    public static PostingBuilder posting(long employerId) {
        return new PostingBuilder(employerId);
    }

    public static CitizenBuilder citizen() {
        return new CitizenBuilder();
    }

    /** One circumstance as a consultant records it; {@code handled} without a code. */
    public static Map<String, Object> circumstance(String area, String severity, boolean handled) {
        Map<String, Object> m = new HashMap<>();
        m.put("area", area);
        m.put("severity", severity);
        m.put("handled", handled);
        m.put("recordedBy", "konsulent-1");
        return m;
    }

    /** The body of {@code PUT /citizens/{id}/circumstances}. */
    @SafeVarargs
    public static Map<String, Object> circumstances(Map<String, Object>... entries) {
        return Map.of("circumstances", List.of(entries));
    }

    public static final class PostingBuilder {
        private final Map<String, Object> m = new HashMap<>();

        PostingBuilder(long employerId) {
            m.put("employerId", employerId);
            m.put("kind", "INTERNSHIP");
            m.put("title", "Praktik");
            m.put("description", "En god arbejdsplads.");
            m.put("occupationCode", "432110");
            m.put("hoursPerWeek", Map.of("min", 10, "max", 37));
            m.put("slots", 1);
            m.put("workplace", place("8000", AARHUS));
        }

        public PostingBuilder set(String key, Object value) {
            m.put(key, value);
            return this;
        }

        public PostingBuilder kind(String kind) {
            return set("kind", kind);
        }

        public PostingBuilder title(String title) {
            return set("title", title);
        }

        public PostingBuilder occupation(String code) {
            return set("occupationCode", code);
        }

        public PostingBuilder at(String postcode, double[] where) {
            return set("workplace", place(postcode, where));
        }

        public PostingBuilder hours(int min, int max) {
            return set("hoursPerWeek", Map.of("min", min, "max", max));
        }

        public PostingBuilder requiredSkills(String... codes) {
            return set("requiredSkills", List.of(codes));
        }

        public PostingBuilder desiredSkills(String... codes) {
            return set("desiredSkills", List.of(codes));
        }

        public PostingBuilder support(String... kinds) {
            return set("supportOffered", List.of(kinds));
        }

        public PostingBuilder demands(String... demands) {
            return set("physicalDemands", List.of(demands));
        }

        public PostingBuilder language(String language, String level) {
            List<Object> list = new ArrayList<>();
            list.add(Map.of("language", language, "level", level));
            return set("languageRequirements", list);
        }

        public Map<String, Object> build() {
            return new HashMap<>(m);
        }
    }

    public static final class CitizenBuilder {
        private final Map<String, Object> m = new HashMap<>();

        CitizenBuilder() {
            m.put("name", "Test Borger");
            m.put("jobcentre", "Aarhus");
            m.put("targetGroup", "INSURED_UNEMPLOYED");
            m.put("home", place("8000", AARHUS));
            m.put("maxCommuteKm", 30);
            m.put("maxHoursPerWeek", 37);
            m.put("drivingLicence", true);
            m.put("languages", List.of(Map.of("language", "da", "level", "NATIVE")));
        }

        public CitizenBuilder set(String key, Object value) {
            m.put(key, value);
            return this;
        }

        public CitizenBuilder targetGroup(String group) {
            return set("targetGroup", group);
        }

        public CitizenBuilder skills(String... codes) {
            List<Object> list = new ArrayList<>();
            for (String c : codes) {
                list.add(Map.of("code", c, "level", "GOOD"));
            }
            return set("skills", list);
        }

        public CitizenBuilder wants(String... occupations) {
            return set("occupationsWanted", List.of(occupations));
        }

        public CitizenBuilder held(String... occupations) {
            return set("occupationsHeld", List.of(occupations));
        }

        public CitizenBuilder needs(String... support) {
            return set("supportNeeds", List.of(support));
        }

        public CitizenBuilder limitations(String... limitations) {
            return set("healthLimitations", List.of(limitations));
        }

        public Map<String, Object> build() {
            return new HashMap<>(m);
        }
    }
}
