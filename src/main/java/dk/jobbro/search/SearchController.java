package dk.jobbro.search;

import io.swagger.v3.oas.annotations.Operation;
import dk.jobbro.security.Role;
import io.micronaut.security.annotation.Secured;
import dk.jobbro.geo.GeoPoint;
import dk.jobbro.posting.PostingKind;
import dk.jobbro.posting.PostingStatus;
import dk.jobbro.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v1/postings/search}: free text with kind, place and radius, and hours filters (postings a citizen
 * working at most {@code maxHours} a week can start in), and counts per kind.
 */
@Controller("/api/v1/postings/search")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE, Role.SYSTEM_ROLE})
class SearchController {

    private final PostingSearch search;

    SearchController(PostingSearch search) {
        this.search = search;
    }

    @Serdeable
    record SearchHit(long id, String title, String employerName, PostingKind kind, String occupationCode,
                     double score, @Nullable Double distanceKm) {
    }

    @Serdeable
    record SearchResponse(long total, List<SearchHit> hits, Map<PostingKind, Long> kindCounts) {
    }

    @Operation(summary = "Free-text search of postings with filters and counts per kind")
    @Get
    SearchResponse search(@QueryValue @Nullable @Size(max = 10_000) String q,
                          @QueryValue @Nullable PostingKind kind,
                          @QueryValue @Nullable @DecimalMin("54.4") @DecimalMax("57.9") Double lat,
                          @QueryValue @Nullable @DecimalMin("7.9") @DecimalMax("15.3") Double lon,
                          @QueryValue @Nullable @DecimalMin("0.1") @DecimalMax("500") Double radiusKm,
                          @QueryValue @Nullable @Min(1) @Max(80) Integer maxHours,
                          @QueryValue(defaultValue = "OPEN") PostingStatus status,
                          @QueryValue(defaultValue = "0") @Min(0) @Max(1000) int offset,
                          @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit) {
        if ((lat == null) != (lon == null)) {
            throw ApiException.badRequest(lat == null ? "lat" : "lon", "give both lat and lon, or neither");
        }
        if (radiusKm != null && lat == null) {
            throw ApiException.badRequest("radiusKm", "needs lat and lon");
        }
        Optional<GeoPoint> near = lat == null ? Optional.empty() : Optional.of(new GeoPoint(lat, lon));
        double radius = radiusKm == null ? 500 : radiusKm;
        PostingSearch.Result result = search.search(new PostingSearch.Request(q, Optional.ofNullable(kind), near,
                radius, Optional.ofNullable(maxHours), status, offset, limit));
        List<SearchHit> hits = result.hits().stream().map(h -> new SearchHit(h.posting().id(), h.posting().title(),
                h.posting().employerName(), h.posting().kind(), h.posting().occupationCode(), h.score(),
                h.distanceKm())).toList();
        return new SearchResponse(result.total(), hits, result.kindCounts());
    }
}
