package dk.jobbro.jobposting;

import dk.jobbro.posting.PostingStatus;
import dk.jobbro.web.Problem.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What an import of schema.org JobPostings did: for each posting found, the posting it became (or why not), how its
 * occupation was found and how sure that is, and every property of the source: {@code mapped} (what it became),
 * {@code assumed} (what Jobbro chose where the source said nothing), {@code unmapped} (left out, and why) and
 * {@code errors} (what stops it). {@code skipped} lists what in the document was not a JobPosting.
 */
@Serdeable
public record ImportReport(int found, int created, int refused, List<Item> postings, List<Skipped> skipped,
                           String summary) {

    @Serdeable
    public record Item(String source, String title, @Nullable Long postingId, @Nullable PostingStatus status,
                       @Nullable Long employerId, @Nullable Occupation occupation, List<Mapped> mapped,
                       List<FieldError> assumed, List<FieldError> unmapped, List<FieldError> errors) {
    }

    @Serdeable
    public record Occupation(String code, String label, String source, double confidence) {
    }

    @Serdeable
    public record Mapped(String field, String to) {
    }

    @Serdeable
    public record Skipped(String source, String reason) {
    }
}
