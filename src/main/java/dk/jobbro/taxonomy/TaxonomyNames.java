package dk.jobbro.taxonomy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every name of one kind of taxonomy entry (skills or occupations), folded for look-up: codes and URIs, Danish and
 * English preferred labels, alternative labels and synonyms. Answers three questions: which code a term names
 * exactly ({@link #resolve}), which entries a half-typed term may mean ({@link #typeahead}: prefixes of the whole
 * name or of any word in it, then names within a small edit distance), and so which few entries an unknown term
 * was nearest to.
 *
 * <p>Folding makes case, diacritics and punctuation irrelevant: {@code TRUCKKORSEL}, {@code truckkørsel} and
 * {@code Truckkørsel} are one key; ø becomes o and æ ae, as a keyboard without Danish letters writes them.
 *
 * <p>Cost: built once per taxonomy version (a full ESCO import, about 150,000 names, takes well under a second); a
 * prefix look-up is two binary searches; the fuzzy step scans the distinct words (about 30,000 for ESCO) with a
 * bounded edit distance and runs only when the prefixes found fewer than asked for. Immutable, so thread-safe.
 */
final class TaxonomyNames {

    /** How strong a name is: a code beats a preferred label beats an alternative one. */
    enum Tier { CODE, PREFERRED, ALTERNATIVE }

    enum Language { DA, EN }

    /** One name of an entry, with its folded key. */
    record Name(String code, String text, String folded, Language language, Tier tier) {
    }

    /** The shape an entry must have to be named. */
    record Entry(String code, String labelDa, String labelEn, List<String> codes, List<String> alternativesDa,
                 List<String> alternativesEn) {
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Below this many characters a typed word is only matched as a prefix: one edit there changes everything. */
    private static final int FUZZY_FROM = 4;

    private final Map<String, Entry> entries;
    private final Map<String, String> exactCodes;
    private final Map<String, String> folded;
    private final Name[] names;
    /** Indexes into {@link #names}, sorted by folded name: the whole-name prefix search. */
    private final int[] byName;
    private final String[] wordKeys;
    /** For each distinct word (sorted), the names that contain it. */
    private final int[][] wordNames;

    private TaxonomyNames(Map<String, Entry> entries, List<Name> names) {
        this.entries = entries;
        this.names = names.toArray(Name[]::new);
        Map<String, String> codes = new HashMap<>();
        Map<String, String> keys = new HashMap<>();
        // Strongest first (the list is ordered by tier, then language, then code): a weaker name never takes over.
        for (Name n : names) {
            if (n.tier() == Tier.CODE) {
                codes.putIfAbsent(n.text(), n.code());
            }
            keys.putIfAbsent(n.folded(), n.code());
        }
        this.exactCodes = Map.copyOf(codes);
        this.folded = Map.copyOf(keys);
        Integer[] order = new Integer[this.names.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparing(i -> this.names[i].folded()));
        this.byName = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        Map<String, Set<Integer>> words = new HashMap<>();
        for (int i = 0; i < this.names.length; i++) {
            if (this.names[i].tier() == Tier.CODE) {
                continue;
            }
            for (String w : this.names[i].folded().split(" ")) {
                if (!w.isEmpty()) {
                    words.computeIfAbsent(w, k -> new HashSet<>()).add(i);
                }
            }
        }
        this.wordKeys = words.keySet().stream().sorted().toArray(String[]::new);
        this.wordNames = new int[wordKeys.length][];
        for (int i = 0; i < wordKeys.length; i++) {
            wordNames[i] = words.get(wordKeys[i]).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
    }

    static final TaxonomyNames EMPTY = of(List.of());

    /** The names of these entries; {@code entries} in code order, so that ties go to the lower code. */
    static TaxonomyNames of(List<Entry> entries) {
        List<Entry> byCode = entries.stream().sorted(Comparator.comparing(Entry::code)).toList();
        List<Name> names = new ArrayList<>();
        add(names, byCode, e -> e.codes().stream(), Language.DA, Tier.CODE);
        add(names, byCode, e -> Stream.of(e.labelDa()), Language.DA, Tier.PREFERRED);
        add(names, byCode, e -> Stream.of(e.labelEn()), Language.EN, Tier.PREFERRED);
        // "Truckkørsel (truckcertifikat)" is also "Truckkørsel": the qualifier in brackets is how the seed tells
        // near names apart, not what a consultant types.
        add(names, byCode, e -> Stream.concat(withoutQualifier(e.labelDa()),
                e.alternativesDa().stream()), Language.DA, Tier.ALTERNATIVE);
        add(names, byCode, e -> Stream.concat(withoutQualifier(e.labelEn()),
                e.alternativesEn().stream()), Language.EN, Tier.ALTERNATIVE);
        Map<String, Entry> byCodeMap = new HashMap<>();
        byCode.forEach(e -> byCodeMap.put(e.code(), e));
        return new TaxonomyNames(Map.copyOf(byCodeMap), names);
    }

    private static void add(List<Name> names, List<Entry> entries, Function<Entry, Stream<String>> of,
                            Language language, Tier tier) {
        for (Entry e : entries) {
            Set<String> seen = new HashSet<>();
            of.apply(e).filter(n -> n != null && !n.isBlank()).forEach(n -> {
                String key = fold(n);
                if (!key.isEmpty() && seen.add(key)) {
                    names.add(new Name(e.code(), n.strip(), key, language, tier));
                }
            });
        }
    }

    private static Stream<String> withoutQualifier(String label) {
        int open = label.indexOf('(');
        return open > 0 && label.strip().endsWith(")") ? Stream.of(label.substring(0, open))
                : Stream.empty();
    }

    /** Lower case, without diacritics (ø as o, æ as ae), punctuation as single spaces. */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("ø", "o").replace("æ", "ae").replace("ß", "ss")
                .replace("đ", "d").replace("ł", "l");
        String bare = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return NOT_WORD.matcher(bare).replaceAll(" ").strip();
    }

    /** The code {@code term} names: a code or URI as written, else any name once folded (the strongest wins). */
    Optional<String> resolve(String term) {
        if (term == null || term.isBlank()) {
            return Optional.empty();
        }
        String code = exactCodes.get(term.strip());
        return code != null ? Optional.of(code) : Optional.ofNullable(folded.get(fold(term)));
    }

    /**
     * Up to {@code limit} entries that {@code typed} may mean, best first: the whole name equal, then starting
     * with it, then a word of the name starting with each typed word, then names whose words are within one edit
     * (four to six letters typed) or two (more) of the typed words' prefixes; within each, labels before codes,
     * Danish names before English ones, preferred labels before alternative ones, shorter names first, then the lower code.
     */
    List<NameMatch> typeahead(String typed, int limit) {
        String q = typed == null ? "" : fold(typed);
        if (q.isEmpty() || limit <= 0) {
            return List.of();
        }
        String[] words = q.split(" ");
        Map<String, Candidate> best = new HashMap<>();
        // 1 and 2: the whole name equals or starts with what was typed.
        int from = lowerBound(q);
        for (int i = from; i < byName.length && names[byName[i]].folded().startsWith(q); i++) {
            Name n = names[byName[i]];
            offer(best, n, n.folded().equals(q) ? 0 : 1);
        }
        // 3: every typed word starts a word of the name.
        if (best.size() < limit || words.length > 1) {
            for (int name : namesWithWords(words, 0)) {
                offer(best, names[name], 2);
            }
        }
        // 4: typos; only when the prefixes left room.
        if (best.size() < limit && words[words.length - 1].length() >= FUZZY_FROM) {
            for (int name : namesWithWords(words, 1)) {
                offer(best, names[name], 3);
            }
        }
        return best.values().stream().sorted().limit(limit).map(c -> {
            Entry e = entries.get(c.name.code());
            boolean other = c.name.tier() != Tier.PREFERRED;
            return new NameMatch(e.code(), e.labelDa(), e.labelEn(), other ? c.name.text() : null, c.rank == 0);
        }).toList();
    }

    /**
     * Names having, for every typed word, a word that starts with it ({@code fuzzy} 0) or whose beginning is within
     * the allowed edits of it ({@code fuzzy} 1).
     */
    private Set<Integer> namesWithWords(String[] typed, int fuzzy) {
        Set<Integer> result = null;
        for (String word : typed) {
            Set<Integer> these = new HashSet<>();
            if (fuzzy == 0) {
                for (int i = lowerBound(wordKeys, word); i < wordKeys.length && wordKeys[i].startsWith(word); i++) {
                    for (int n : wordNames[i]) {
                        these.add(n);
                    }
                }
            } else {
                int allowed = word.length() < FUZZY_FROM ? 0 : word.length() <= 6 ? 1 : 2;
                for (int i = 0; i < wordKeys.length; i++) {
                    if (prefixDistance(word, wordKeys[i], allowed) <= allowed) {
                        for (int n : wordNames[i]) {
                            these.add(n);
                        }
                    }
                }
            }
            if (result == null) {
                result = these;
            } else {
                result.retainAll(these);
            }
            if (result.isEmpty()) {
                return Set.of();
            }
        }
        return result == null ? Set.of() : result;
    }

    /**
     * The fewest edits (insert, delete, substitute, swap two neighbours) that turn {@code typed} into some prefix
     * of {@code word}; {@code allowed + 1} as soon as that bound is certainly passed.
     */
    static int prefixDistance(String typed, String word, int allowed) {
        int n = typed.length();
        int m = Math.min(word.length(), n + allowed);
        if (m < n - allowed) {
            return allowed + 1;
        }
        int[] before = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= m; j++) {
                int cost = typed.charAt(i - 1) == word.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && typed.charAt(i - 1) == word.charAt(j - 2)
                        && typed.charAt(i - 2) == word.charAt(j - 1)) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > allowed) {
                return allowed + 1;
            }
            int[] t = before;
            before = previous;
            previous = current;
            current = t;
        }
        int min = Integer.MAX_VALUE;
        for (int j = 0; j <= m; j++) {
            min = Math.min(min, previous[j]);
        }
        return min;
    }

    private int lowerBound(String key) {
        int lo = 0;
        int hi = byName.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (names[byName[mid]].folded().compareTo(key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int lowerBound(String[] sorted, String key) {
        int i = Arrays.binarySearch(sorted, key);
        return i >= 0 ? i : -i - 1;
    }

    private static void offer(Map<String, Candidate> best, Name name, int rank) {
        Candidate c = new Candidate(name, rank);
        best.merge(name.code(), c, (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }

    /** A name that matched, ordered by how well. */
    private record Candidate(Name name, int rank) implements Comparable<Candidate> {
        @Override
        public int compareTo(Candidate o) {
            int c = Integer.compare(rank, o.rank);
            if (c == 0) { // a code is for resolving; as a suggestion it comes after every label
                c = Boolean.compare(name.tier() == Tier.CODE, o.name.tier() == Tier.CODE);
            }
            if (c == 0) {
                c = name.language().compareTo(o.name.language());
            }
            if (c == 0) {
                c = name.tier().compareTo(o.name.tier());
            }
            if (c == 0) {
                c = Integer.compare(name.folded().length(), o.name.folded().length());
            }
            return c != 0 ? c : name.code().compareTo(o.name.code());
        }
    }
}
