package dk.jobbro.matching;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Dense int ids for skill and occupation codes, so that scanning every eligible posting compares ints and indexes
 * arrays instead of hashing strings. Ids are handed out once and never reused; thread-safe. One per posting index.
 */
public final class CodeIds {

    private final Map<String, Integer> skills = new ConcurrentHashMap<>();
    private final AtomicInteger skillCount = new AtomicInteger();
    /** The code of each skill id; grown under the lock of {@link #skill}'s first sight of a code. */
    private volatile String[] skillCodes = new String[256];
    private final Map<String, Integer> occupations = new ConcurrentHashMap<>();
    private final AtomicInteger occupationCount = new AtomicInteger();

    public int skill(String code) {
        Integer id = skills.get(code);
        return id != null ? id : newSkill(code);
    }

    private synchronized int newSkill(String code) {
        return skills.computeIfAbsent(code, k -> {
            int id = skillCount.get();
            if (id == skillCodes.length) {
                skillCodes = Arrays.copyOf(skillCodes, id * 2);
            }
            skillCodes[id] = k;
            skillCount.set(id + 1);
            return id;
        });
    }

    /** The code a skill id was handed out for. */
    public String skillCode(int id) {
        return skillCodes[id];
    }

    public int occupation(String code) {
        return occupations.computeIfAbsent(code, k -> occupationCount.getAndIncrement());
    }

    /** Ids handed out so far: every skill id is below this (a search sizes its arrays with it). */
    public int skillCount() {
        return skillCount.get();
    }

    int occupationCount() {
        return occupationCount.get();
    }
}
