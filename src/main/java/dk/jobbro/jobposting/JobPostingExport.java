package dk.jobbro.jobposting;

import dk.jobbro.employer.Employer;
import dk.jobbro.employer.EmployerService;
import dk.jobbro.posting.Posting;
import dk.jobbro.posting.PostingKind;
import dk.jobbro.posting.PostingService;
import dk.jobbro.taxonomy.Taxonomy;
import jakarta.inject.Singleton;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Open postings as one schema.org JSON-LD document ({@code @graph} of {@code JobPosting}s), the form job boards and
 * search engines read. What schema.org has no term for (the kind of opening beyond employment type, desired skills,
 * end date, support offered, physical demands, language and driving-licence requirements) is written with
 * {@code jobbro:} terms, which other readers ignore and {@link JobPostingImport} reads back: export then import gives
 * the same postings.
 */
@Singleton
public class JobPostingExport {

    /** JSON-LD context: schema.org, and Jobbro's own terms under {@code jobbro:}. */
    static final List<Object> CONTEXT = List.of("https://schema.org", Map.of("jobbro", "urn:jobbro:posting:"));

    private final PostingService postings;
    private final EmployerService employers;
    private final Taxonomy taxonomy;

    JobPostingExport(PostingService postings, EmployerService employers, Taxonomy taxonomy) {
        this.postings = postings;
        this.employers = employers;
        this.taxonomy = taxonomy;
    }

    /** Up to {@code limit} open postings with ids above {@code afterId}, by id. */
    public Map<String, Object> openPostings(long afterId, int limit) {
        Map<Long, Employer> byId = new HashMap<>();
        List<Object> graph = new ArrayList<>();
        for (Posting p : postings.open(afterId, limit)) {
            graph.add(jobPosting(p, byId.computeIfAbsent(p.employerId(), employers::get)));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", CONTEXT);
        doc.put("@graph", graph);
        return doc;
    }

    Map<String, Object> jobPosting(Posting p, Employer e) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("@type", "JobPosting");
        j.put("@id", "urn:jobbro:posting:" + p.id());
        j.put("identifier", Map.of("@type", "PropertyValue", "propertyID", "jobbro", "value", String.valueOf(p.id())));
        j.put("title", p.title());
        j.put("description", p.description());
        j.put("datePosted", p.createdAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        if (p.applicationDeadline() != null) {
            j.put("validThrough", p.applicationDeadline().toString());
        }
        if (p.startDate() != null) {
            j.put("jobStartDate", p.startDate().toString());
        }
        j.put("employmentType", switch (p.kind()) {
            case INTERNSHIP -> "INTERN";
            case WAGE_SUBSIDY -> "OTHER";
            case ORDINARY_JOB -> p.hoursMax() >= 37 ? "FULL_TIME" : "PART_TIME";
        });
        j.put("workHours", (p.hoursMin() == p.hoursMax() ? String.valueOf(p.hoursMax())
                : p.hoursMin() + "-" + p.hoursMax()) + " timer om ugen");
        List<Object> ids = new ArrayList<>();
        ids.add(Map.of("@type", "PropertyValue", "propertyID", "CVR", "value", e.cvr()));
        if (e.pNumber() != null) {
            ids.add(Map.of("@type", "PropertyValue", "propertyID", "P-nummer", "value", e.pNumber()));
        }
        j.put("hiringOrganization", Map.of("@type", "Organization", "name", e.name(), "identifier", ids));
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("@type", "PostalAddress");
        if (p.street() != null) {
            address.put("streetAddress", p.street());
        }
        address.put("postalCode", p.postcode());
        if (p.city() != null) {
            address.put("addressLocality", p.city());
        }
        address.put("addressCountry", "DK");
        j.put("jobLocation", Map.of("@type", "Place", "address", address, "geo", Map.of("@type", "GeoCoordinates",
                "latitude", p.latitude(), "longitude", p.longitude())));
        j.put("occupationalCategory", Map.of("@type", "CategoryCode", "codeValue", p.occupationCode(),
                "inCodeSet", p.occupationCode().contains(".") ? "ESCO" : "DISCO-08",
                "name", taxonomy.occupationLabel(p.occupationCode())));
        if (!p.requiredSkills().isEmpty()) {
            j.put("skills", p.requiredSkills().stream().map(code -> Map.of("@type", "DefinedTerm", "termCode", code,
                    "name", taxonomy.skillLabel(code))).toList());
        }
        j.put("totalJobOpenings", Math.max(1, p.slots() - p.slotsFilled()));
        String ns = JobPostingMapping.NS;
        if (p.kind() != PostingKind.ORDINARY_JOB) {
            j.put(ns + "kind", p.kind().name());
        }
        if (!p.desiredSkills().isEmpty()) {
            j.put(ns + "desiredSkills", p.desiredSkills());
        }
        if (p.endDate() != null) {
            j.put(ns + "endDate", p.endDate().toString());
        }
        if (!p.supportOffered().isEmpty()) {
            j.put(ns + "supportOffered", p.supportOffered().stream().map(Enum::name).toList());
        }
        if (!p.physicalDemands().isEmpty()) {
            j.put(ns + "physicalDemands", p.physicalDemands().stream().map(Enum::name).toList());
        }
        if (p.drivingLicenceRequired()) {
            j.put(ns + "drivingLicenceRequired", true);
        }
        if (!p.languageRequirements().isEmpty()) {
            j.put(ns + "languageRequirements", p.languageRequirements().stream()
                    .map(l -> Map.of("language", l.language(), "level", l.level().name())).toList());
        }
        return j;
    }
}
