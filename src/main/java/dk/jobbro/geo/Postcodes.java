package dk.jobbro.geo;

import dk.jobbro.vocabulary.Place;
import dk.jobbro.web.ApiException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Danish postcodes with approximate coordinates, from {@code index/geo/postcodes_dk.csv}
 * ({@code postcode;name;latitude;longitude}). Used when a client gives a postcode but no coordinates.
 */
@Singleton
public final class Postcodes {

    private final Map<String, Entry> byCode;

    Postcodes(@Value("${jobbro.resources-dir}") String resourcesDir) {
        this.byCode = load(Path.of(resourcesDir, "geo", "postcodes_dk.csv"));
    }

    public record Entry(String postcode, String name, GeoPoint point) {
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

    private static Map<String, Entry> load(Path file) {
        Map<String, Entry> entries = new HashMap<>();
        if (!Files.exists(file)) {
            return entries;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = reader.readLine(); // header
            while ((line = reader.readLine()) != null) {
                String[] cols = line.split(";");
                if (cols.length >= 4) {
                    entries.put(cols[0], new Entry(cols[0], cols[1],
                            new GeoPoint(Double.parseDouble(cols[2]), Double.parseDouble(cols[3]))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read postcode table " + file, e);
        }
        return Map.copyOf(entries);
    }
}
