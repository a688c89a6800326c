package dk.jobbro.geo;

import dk.jobbro.vocabulary.Place;
import dk.jobbro.web.ApiException;
import io.micronaut.context.annotation.Value;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Danish postcodes with approximate coordinates, used when a client gives a postcode but no coordinates. Held in
 * memory and persisted in the {@code postcode} table; an empty table is seeded from
 * {@code index/geo/postcodes_dk.csv} ({@code postcode;name;latitude;longitude}). A fuller table can be imported
 * at run time ({@link #importFile}).
 */
@Singleton
public final class Postcodes {

    private static final Logger LOG = LoggerFactory.getLogger(Postcodes.class);

    private final PostcodeStore store;
    private volatile Map<String, Entry> byCode;

    Postcodes(PostcodeStore store, @Value("${jobbro.resources-dir}") String resourcesDir) {
        this.store = store;
        Map<String, Entry> stored = load();
        if (stored.isEmpty()) {
            Path seed = Path.of(resourcesDir, "geo", "postcodes_dk.csv");
            if (Files.exists(seed)) {
                PostcodeFile.Parsed parsed = parse(seed);
                store.upsert(parsed.entries().values(), false);
                LOG.info("Seeded {} postcodes from {}", parsed.entries().size(), seed);
                stored = load();
            } else {
                LOG.warn("Postcode table {} is missing; postcodes without coordinates will be refused", seed);
            }
        }
        this.byCode = stored;
    }

    public record Entry(String postcode, String name, GeoPoint point) {
    }

    /** What an import did: rows read, postcodes added, changed and left as they were, and the total after. */
    @Serdeable
    public record ImportResult(int rows, int added, int changed, int unchanged, int removed, int total) {
    }

    public Optional<Entry> find(String postcode) {
        return Optional.ofNullable(byCode.get(postcode));
    }

    /** Coordinates given directly win over the postcode; otherwise the postcode must be known. */
    public GeoPoint locate(Place place, String field) {
        if (place.latitude() != null && place.longitude() != null) {
            return new GeoPoint(place.latitude(), place.longitude());
        }
        if (place.latitude() != null || place.longitude() != null) {
            throw ApiException.invalid(field, "give both latitude and longitude, or neither");
        }
        return find(place.postcode()).map(Entry::point).orElseThrow(() -> ApiException.invalid(field + ".postcode",
                "unknown postcode; give latitude and longitude instead"));
    }

    public int size() {
        return byCode.size();
    }

    /**
     * Imports a postcode file on the server: its postcodes are added or replace the known ones; with
     * {@code replaceAll} the table becomes exactly the file. A file with any bad row changes nothing (422 with
     * the first bad lines). Places already stored keep their coordinates: they were fixed when saved.
     */
    public synchronized ImportResult importFile(Path file, boolean replaceAll) {
        if (!Files.isRegularFile(file)) {
            throw ApiException.invalid("file", "is not a readable file on the server");
        }
        PostcodeFile.Parsed parsed = parse(file);
        if (!parsed.errors().isEmpty()) {
            throw ApiException.invalid(parsed.errors());
        }
        if (parsed.entries().isEmpty()) {
            throw ApiException.invalid("file", "holds no postcodes");
        }
        Map<String, Entry> before = byCode;
        int added = 0;
        int changed = 0;
        for (Entry e : parsed.entries().values()) {
            Entry old = before.get(e.postcode());
            if (old == null) {
                added++;
            } else if (!old.equals(e)) {
                changed++;
            }
        }
        int removed = replaceAll ? (int) before.keySet().stream().filter(k -> !parsed.entries().containsKey(k)).count() : 0;
        store.upsert(parsed.entries().values(), replaceAll);
        byCode = load();
        ImportResult result = new ImportResult(parsed.rows(), added, changed,
                parsed.entries().size() - added - changed, removed, byCode.size());
        LOG.info("Postcodes imported from {}: {}", file, result);
        return result;
    }

    private Map<String, Entry> load() {
        Map<String, Entry> entries = new HashMap<>();
        store.readAll().forEach(e -> entries.put(e.postcode(), e));
        return Map.copyOf(entries);
    }

    private static PostcodeFile.Parsed parse(Path file) {
        try {
            return PostcodeFile.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read postcode table " + file, e);
        }
    }
}
