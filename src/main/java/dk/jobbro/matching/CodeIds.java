package dk.jobbro.matching;

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
    private final Map<String, Integer> occupations = new ConcurrentHashMap<>();
    private final AtomicInteger occupationCount = new AtomicInteger();

    public int skill(String code) {
        return skills.computeIfAbsent(code, k -> skillCount.getAndIncrement());
    }

    public int occupation(String code) {
        return occupations.computeIfAbsent(code, k -> occupationCount.getAndIncrement());
    }

    /** Ids handed out so far: every skill id is below this (a search sizes its arrays with it). */
    int skillCount() {
        return skillCount.get();
    }

    int occupationCount() {
        return occupationCount.get();
    }
}
