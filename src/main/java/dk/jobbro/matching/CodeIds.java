package dk.jobbro.matching;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dense int ids for skill and occupation codes, so that scanning every eligible posting (or citizen) compares ints
 * and indexes arrays instead of hashing strings. Ids are handed out once and never reused, and each id's code can be
 * read back; thread-safe. One per posting index.
 */
public final class CodeIds {

    private final Dictionary skills = new Dictionary();
    private final Dictionary occupations = new Dictionary();

    public int skill(String code) {
        return skills.id(code);
    }

    public int occupation(String code) {
        return occupations.id(code);
    }

    /** The code a skill id was handed out for. */
    public String skillCode(int id) {
        return skills.code(id);
    }

    /** The code an occupation id was handed out for. */
    public String occupationCode(int id) {
        return occupations.code(id);
    }

    /** Ids handed out so far: every skill id is below this (a search sizes its arrays with it). */
    public int skillCount() {
        return skills.count;
    }

    public int occupationCount() {
        return occupations.count;
    }

    /** Codes to ids and back. Reads are lock-free; a new code takes the lock once. */
    private static final class Dictionary {

        private final Map<String, Integer> ids = new ConcurrentHashMap<>();
        /** Written before the id is published in {@link #ids}, so whoever holds an id can read its code. */
        private volatile String[] codes = new String[256];
        private volatile int count;

        int id(String code) {
            Integer id = ids.get(code);
            return id != null ? id : add(code);
        }

        private synchronized int add(String code) {
            return ids.computeIfAbsent(code, k -> {
                int id = count;
                if (id == codes.length) {
                    codes = Arrays.copyOf(codes, id * 2);
                }
                codes[id] = k;
                count = id + 1;
                return id;
            });
        }

        String code(int id) {
            return codes[id];
        }
    }
}
