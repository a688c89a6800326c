package dk.jobbro.jobposting;

import dk.jobbro.employer.Employer;
import dk.jobbro.employer.EmployerService;
import dk.jobbro.posting.Posting;
import dk.jobbro.posting.PostingRequest;
import dk.jobbro.posting.PostingService;
import dk.jobbro.posting.PostingStatus;
import dk.jobbro.security.Access;
import dk.jobbro.taxonomy.Taxonomy;
import dk.jobbro.web.ApiException;
import dk.jobbro.web.Problem.FieldError;
import dk.jobbro.web.RequestRows;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Imports schema.org {@code JobPosting}s (JSON-LD, or an HTML page that carries it) as postings: each mapped by
 * {@link JobPostingMapping}, its employer found by CVR through {@link EmployerService} (or named by the caller),
 * validated as the body of {@code POST /postings} and created through {@link PostingService#create}, so the same
 * rules and access apply: an employer imports for itself only. Postings start as DRAFT, for a consultant to check,
 * unless OPEN is asked for. Each posting is its own transaction: one that fails leaves the others.
 */
@Singleton
public class JobPostingImport {

    private static final Logger LOG = LoggerFactory.getLogger(JobPostingImport.class);

    private final PostingService postings;
    private final EmployerService employers;
    private final Taxonomy taxonomy;
    private final RequestRows rows;
    private final Access access;

    JobPostingImport(PostingService postings, EmployerService employers, Taxonomy taxonomy, RequestRows rows,
                     Access access) {
        this.postings = postings;
        this.employers = employers;
        this.taxonomy = taxonomy;
        this.rows = rows;
        this.access = access;
    }

    /**
     * @param html       the body is an HTML page (its ld+json script blocks are read), else JSON-LD
     * @param status     DRAFT (default) or OPEN
     * @param employerId the employer of every posting, instead of finding it by CVR
     */
    public ImportReport importDocument(byte[] body, boolean html, Optional<PostingStatus> status,
                                       Optional<Long> employerId) {
        PostingStatus start = status.orElse(PostingStatus.DRAFT);
        if (start != PostingStatus.DRAFT && start != PostingStatus.OPEN) {
            throw ApiException.badRequest("status", "an imported posting starts as DRAFT or OPEN");
        }
        Optional<Employer> named = employerId.map(employers::get);
        JsonLdDocument document;
        try {
            document = html ? JsonLdDocument.ofHtml(body) : JsonLdDocument.ofJson(body);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("body", e.getMessage());
        }
        if (document.postings().isEmpty()) {
            throw new ApiException(io.micronaut.http.HttpStatus.UNPROCESSABLE_ENTITY,
                    "The document holds no schema.org JobPosting", document.skipped().stream()
                    .map(s -> new FieldError(s.source(), s.reason())).limit(100).toList());
        }
        List<ImportReport.Item> items = new ArrayList<>();
        int created = 0;
        for (JsonLdDocument.Found found : document.postings()) {
            ImportReport.Item item = importOne(found, document, start, named);
            items.add(item);
            if (item.postingId() != null) {
                created++;
            }
        }
        int refused = items.size() - created;
        LOG.info("JobPosting import: {} found, {} created, {} refused", items.size(), created, refused);
        String summary = created + " af " + items.size() + " stillingsopslag importeret som "
                + (start == PostingStatus.DRAFT ? "kladde" : "åbne") + (refused == 0 ? "." : "; " + refused
                + " afvist (se errors).") + " Felter der ikke kunne overføres står under unmapped.";
        return new ImportReport(items.size(), created, refused, items, document.skipped().stream()
                .map(s -> new ImportReport.Skipped(s.source(), s.reason())).toList(), summary);
    }

    private ImportReport.Item importOne(JsonLdDocument.Found found, JsonLdDocument document, PostingStatus status,
                                        Optional<Employer> named) {
        JobPostingMapping.Draft d = JobPostingMapping.map(found.node(), taxonomy, document::resolve);
        List<FieldError> errors = new ArrayList<>(d.errors());
        Optional<Long> employerId = employer(d.organisation(), named, errors);
        ImportReport.Occupation occupation = d.occupation().map(o -> new ImportReport.Occupation(o.code(), o.label(),
                o.source(), o.confidence())).orElse(null);
        Long postingId = null;
        PostingStatus stored = null;
        if (errors.isEmpty()) {
            PostingRequest request = new PostingRequest(employerId.orElseThrow(), d.kind(), status,
                    cut(d.title(), 200, "title", d), cut(d.description(), 10_000, "description", d),
                    d.occupationCode().orElseThrow(), atMost(d.requiredSkills(), "skills", d.assumed()),
                    atMost(d.desiredSkills(), "qualifications", d.assumed()), d.workplace(), d.hours(), d.startDate(),
                    d.applicationDeadline(), d.endDate(), d.slots(), 0, d.supportOffered(), d.physicalDemands(),
                    d.drivingLicenceRequired(), d.languages());
            errors.addAll(fieldsAsSource(rows.validate(request)));
            if (errors.isEmpty()) {
                try {
                    Posting posting = postings.create(request);
                    postingId = posting.id();
                    stored = posting.status();
                } catch (ApiException e) {
                    errors.addAll(e.errors().isEmpty() ? List.of(new FieldError("posting", e.getMessage()))
                            : fieldsAsSource(e.errors()));
                }
            }
        }
        return new ImportReport.Item(found.source(), d.title(), postingId, stored, employerId.orElse(null),
                occupation, d.mapped().stream().map(m -> new ImportReport.Mapped(m.field(), m.to())).toList(),
                d.assumed(), d.unmapped(), errors);
    }

    /** The employer: named by the caller, an employer caller itself, or found by the CVR number in the source. */
    private Optional<Long> employer(JobPostingMapping.Organisation org, Optional<Employer> named,
                                    List<FieldError> errors) {
        errors.removeIf(e -> e.field().equals("hiringOrganization") && (named.isPresent()
                || access.employerScope().isPresent()));
        if (named.isPresent()) {
            if (org.cvr().isPresent() && !org.cvr().get().equals(named.get().cvr())) {
                errors.add(new FieldError("hiringOrganization.identifier", "is another CVR number than the employer's"));
            }
            return Optional.of(named.get().id());
        }
        if (access.employerScope().isPresent()) {
            // An employer's list holds its own record only (none for a token without employer_id).
            List<Employer> mine = employers.list(0, 1);
            if (mine.isEmpty()) {
                errors.add(new FieldError("hiringOrganization", "your token names no employer"));
                return Optional.empty();
            }
            if (org.cvr().isPresent() && !org.cvr().get().equals(mine.get(0).cvr())) {
                errors.add(new FieldError("hiringOrganization.identifier",
                        "not your CVR number: an employer imports its own postings only"));
            }
            return Optional.of(mine.get(0).id());
        }
        if (org.cvr().isEmpty()) {
            if (errors.stream().noneMatch(e -> e.field().startsWith("hiringOrganization"))) {
                errors.add(new FieldError("hiringOrganization.identifier", "no CVR number given; a name alone finds no"
                        + " employer: give the CVR number or ?employerId="));
            }
            return Optional.empty();
        }
        List<Employer> found = employers.findByCvr(org.cvr().get());
        if (org.pNumber().isPresent() && found.size() > 1) {
            found = found.stream().filter(e -> Objects.equals(org.pNumber().get(), e.pNumber())).toList();
        }
        if (found.isEmpty()) {
            errors.add(new FieldError("hiringOrganization.identifier", "no employer is registered with this CVR number;"
                    + " create it (POST /api/v1/employers) or give ?employerId="));
            return Optional.empty();
        }
        if (found.size() > 1) {
            errors.add(new FieldError("hiringOrganization.identifier", "several employers (P-numbers) have this CVR"
                    + " number; give the P-number or ?employerId="));
            return Optional.empty();
        }
        return Optional.of(found.get(0).id());
    }

    /** Posting fields named as the source names them, where the source had them. */
    private static List<FieldError> fieldsAsSource(List<FieldError> errors) {
        return errors.stream().map(e -> new FieldError(switch (e.field()) {
            case "title" -> "title";
            case "applicationDeadline" -> "validThrough";
            case "startDate" -> "jobStartDate";
            case "slots" -> "totalJobOpenings";
            case "hoursPerWeek", "hoursPerWeek.min", "hoursPerWeek.max" -> "workHours";
            case "occupationCode" -> "occupationalCategory";
            case "employerId" -> "hiringOrganization";
            default -> e.field().startsWith("workplace") ? "jobLocation" + e.field().substring("workplace".length())
                    .replace(".postcode", ".address.postalCode").replace(".city", ".address.addressLocality")
                    .replace(".street", ".address.streetAddress")
                    .replace(".latitude", ".geo.latitude").replace(".longitude", ".geo.longitude")
                    : e.field().startsWith("requiredSkills") ? "skills" + e.field().substring("requiredSkills".length())
                    : e.field();
        }, e.reason())).toList();
    }

    /** A posting takes at most {@link #MAX_SKILLS} skills a list (PostingRequest); more are cut, and the report says so. */
    static List<String> atMost(List<String> skills, String field, List<FieldError> notes) {
        if (skills.size() <= MAX_SKILLS) {
            return skills;
        }
        notes.add(new FieldError(field, skills.size() + " skills, more than " + MAX_SKILLS
                + ": the first " + MAX_SKILLS + " kept"));
        return skills.subList(0, MAX_SKILLS);
    }

    static final int MAX_SKILLS = 300;

    private static String cut(String text, int max, String field, JobPostingMapping.Draft d) {
        if (text.length() <= max) {
            return text;
        }
        d.assumed().add(new FieldError(field, "longer than " + max + " characters: cut"));
        return text.substring(0, max);
    }
}
