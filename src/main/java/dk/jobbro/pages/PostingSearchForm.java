package dk.jobbro.pages;

import dk.jobbro.citizen.Citizen;
import dk.jobbro.geo.GeoPoint;
import dk.jobbro.geo.Postcodes;
import dk.jobbro.posting.PostingKind;
import dk.jobbro.posting.PostingStatus;
import dk.jobbro.search.PostingSearch;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The posting search on a citizen's page: free text, kind, a postcode with a distance, and the most hours a week,
 * the citizen's own postcode, commute and hours filled in; the result with a count per kind, each a link that
 * narrows the search to that kind. Wrong input is named in Danish next to its field, never a 500.
 */
@Singleton
public final class PostingSearchForm {

    static final int HITS = 20;

    private final PostingSearch search;
    private final Postcodes postcodes;

    PostingSearchForm(PostingSearch search, Postcodes postcodes) {
        this.search = search;
        this.postcodes = postcodes;
    }

    public record Facet(String label, String value, long count, String href, boolean current) {
    }

    public record Hit(long postingId, String title, String employerName, String kind, @Nullable String distance) {
    }

    /** {@code searched}: the form was sent; the counts and hits are then those of the search. */
    public record Search(String text, String kind, String postcode, String km, String hours, boolean searched,
                         @Nullable String postcodeError, @Nullable String kmError, @Nullable String hoursError,
                         long total, List<Facet> facets, List<Hit> hits) {
    }

    /** The form for this citizen, and its result when the request carries {@code soeg}. */
    Search of(HttpRequest<?> request, Citizen citizen) {
        String text = param(request, "tekst", "");
        String kind = param(request, "type", "");
        String postcode = param(request, "postnummer", citizen.homePostcode());
        String km = param(request, "km", String.valueOf(citizen.maxCommuteKm()));
        String hours = param(request, "timer", String.valueOf(citizen.maxHoursPerWeek()));
        if (request.getParameters().getFirst("soeg").isEmpty()) {
            return new Search(text, kind, postcode, km, hours, false, null, null, null, 0, List.of(), List.of());
        }
        Optional<GeoPoint> near = postcode.isBlank() ? Optional.empty() : postcodes.find(postcode).map(Postcodes.Entry::point);
        String postcodeError = !postcode.isBlank() && near.isEmpty() ? "Postnummeret findes ikke." : null;
        Optional<Integer> radius = whole(km, 1, 500);
        String kmError = near.isPresent() && radius.isEmpty() ? "Skriv et helt antal kilometer fra 1 til 500." : null;
        Optional<Integer> maxHours = hours.isBlank() ? Optional.empty() : whole(hours, 1, 80);
        String hoursError = !hours.isBlank() && maxHours.isEmpty() ? "Skriv et helt antal timer fra 1 til 80." : null;
        Optional<PostingKind> chosen = Arrays.stream(PostingKind.values()).filter(k -> k.name().equals(kind)).findFirst();
        if (postcodeError != null || kmError != null || hoursError != null) {
            return new Search(text, kind, postcode, km, hours, true, postcodeError, kmError, hoursError, 0, List.of(),
                    List.of());
        }
        PostingSearch.Result result = search.search(new PostingSearch.Request(text, chosen, near,
                radius.orElse(500), maxHours, PostingStatus.OPEN, 0, HITS));
        List<Facet> facets = new ArrayList<>();
        for (PostingKind k : PostingKind.values()) {
            facets.add(new Facet(Danish.kind(k), k.name(), result.kindCounts().getOrDefault(k, 0L),
                    href(citizen.id(), text, k.name(), postcode, km, hours), chosen.filter(k::equals).isPresent()));
        }
        List<Hit> hits = result.hits().stream().map(h -> new Hit(h.posting().id(), h.posting().title(),
                h.posting().employerName(), Danish.kind(h.posting().kind()),
                h.distanceKm() == null ? null : Danish.decimal(h.distanceKm()) + " km")).toList();
        return new Search(text, kind, postcode, km, hours, true, null, null, null, result.total(), facets, hits);
    }

    private static String href(long citizen, String text, String kind, String postcode, String km, String hours) {
        return "/konsulent/borgere/" + citizen + "?soeg=1&tekst=" + enc(text) + "&type=" + enc(kind) + "&postnummer="
                + enc(postcode) + "&km=" + enc(km) + "&timer=" + enc(hours) + "#soegning";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String param(HttpRequest<?> request, String name, String fallback) {
        Optional<String> v = request.getParameters().getFirst(name).map(String::strip);
        String value = v.orElse(fallback);
        return value.length() > 200 ? value.substring(0, 200) : value;
    }

    private static Optional<Integer> whole(String value, int min, int max) {
        return value.matches("\\d{1,4}") ? Optional.of(Integer.parseInt(value)).filter(n -> n >= min && n <= max)
                : Optional.empty();
    }
}
