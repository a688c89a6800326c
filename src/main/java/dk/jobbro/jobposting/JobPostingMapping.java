package dk.jobbro.jobposting;

import dk.jobbro.posting.HoursRange;
import dk.jobbro.posting.PostingKind;
import dk.jobbro.taxonomy.Occupation;
import dk.jobbro.taxonomy.Taxonomy;
import dk.jobbro.vocabulary.LanguageLevel;
import dk.jobbro.vocabulary.LanguageSkill;
import dk.jobbro.vocabulary.PhysicalDemand;
import dk.jobbro.vocabulary.Place;
import dk.jobbro.vocabulary.SupportKind;
import dk.jobbro.web.Problem.FieldError;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One schema.org {@code JobPosting} node mapped to what a posting holds, with an account of every property: what it
 * became ({@code mapped}), what Jobbro assumed for something the node did not say ({@code assumed}), what it left
 * out and why ({@code unmapped}), and what stops the posting ({@code errors}). Nothing is dropped silently.
 *
 * <p>Plain Java over the parsed JSON and the taxonomy; the employer, the database and validation are the service's.
 * Extension properties {@code jobbro:*} (written by {@link JobPostingExport}) carry what schema.org has no term for,
 * so an export imports back to the same posting.
 */
final class JobPostingMapping {

    static final String NS = "jobbro:";
    private static final int FULL_TIME_HOURS = 37;
    private static final Pattern RANGE = Pattern.compile("(\\d{1,2})\\s*(?:-|–|—|til|to)\\s*(\\d{1,2})");
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,2})(?:[.,]\\d+)?");
    private static final Pattern DIGITS8 = Pattern.compile("(?:DK)?\\s*(\\d{8})");
    private static final Pattern ISCO = Pattern.compile("(\\d{4})(\\d{2})?(?:\\.\\d+)*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}-]{2,}");

    /** How an occupation was found and how sure the mapping is (1 = named by its code). */
    record OccupationGuess(String code, String label, String source, double confidence) {
    }

    /** What the node says about the employer; the service finds the record. */
    record Organisation(Optional<String> name, Optional<String> cvr, Optional<String> pNumber) {
    }

    /** A mapped posting, short of its employer. */
    record Draft(String title, String description, PostingKind kind, Optional<String> occupationCode,
                 Optional<OccupationGuess> occupation, List<String> requiredSkills, List<String> desiredSkills,
                 Place workplace, HoursRange hours, LocalDate startDate, LocalDate applicationDeadline,
                 LocalDate endDate, int slots, List<SupportKind> supportOffered, List<PhysicalDemand> physicalDemands,
                 boolean drivingLicenceRequired, List<LanguageSkill> languages, Organisation organisation,
                 List<Mapped> mapped, List<FieldError> assumed, List<FieldError> unmapped, List<FieldError> errors) {
    }

    /** A property and what it became. */
    record Mapped(String field, String to) {
    }

    private final Taxonomy taxonomy;
    private final Function<Object, Object> resolve;
    private final Map<String, Object> node;
    private final List<Mapped> mapped = new ArrayList<>();
    private final List<FieldError> assumed = new ArrayList<>();
    private final List<FieldError> unmapped = new ArrayList<>();
    private final List<FieldError> errors = new ArrayList<>();

    private JobPostingMapping(Map<String, Object> node, Taxonomy taxonomy, Function<Object, Object> resolve) {
        this.node = node;
        this.taxonomy = taxonomy;
        this.resolve = resolve;
    }

    static Draft map(Map<String, Object> node, Taxonomy taxonomy, Function<Object, Object> resolve) {
        return new JobPostingMapping(node, taxonomy, resolve).map();
    }

    /** Why a JobPosting property that Jobbro has no place for is left out. */
    private static final Map<String, String> LEFT_OUT = Map.ofEntries(
            Map.entry("datePosted", "Jobbro keeps its own creation time, not the board's posting date"),
            Map.entry("url", "Jobbro keeps no link to the job board's page"),
            Map.entry("sameAs", "Jobbro keeps no link to the job board's page"),
            Map.entry("identifier", "the job board's own id is not kept"),
            Map.entry("name", "the title is used"),
            Map.entry("baseSalary", "Jobbro holds no wages"),
            Map.entry("estimatedSalary", "Jobbro holds no wages"),
            Map.entry("salaryCurrency", "Jobbro holds no wages"),
            Map.entry("jobBenefits", "no field for benefits; keep them in the description"),
            Map.entry("benefits", "no field for benefits; keep them in the description"),
            Map.entry("incentiveCompensation", "Jobbro holds no wages"),
            Map.entry("applicationContact", "applications go through the jobcentre"),
            Map.entry("directApply", "applications go through the jobcentre"),
            Map.entry("experienceRequirements", "experience is not matched; keep it in the description"),
            Map.entry("educationRequirements", "education is not matched; keep it in the description"),
            Map.entry("responsibilities", "no field for responsibilities; keep them in the description"),
            Map.entry("industry", "the industry is the employer's, not the posting's"),
            Map.entry("employerOverview", "the employer's record holds the employer"),
            Map.entry("jobLocationType", "Jobbro matches by the workplace's distance; remote work is not a field"),
            Map.entry("applicantLocationRequirements", "Jobbro matches by the citizen's commute, not by region"),
            Map.entry("jobImmediateStart", "no field; give jobStartDate"),
            Map.entry("specialCommitments", "no field"),
            Map.entry("securityClearanceRequirement", "no field"),
            Map.entry("eligibilityToWorkRequirement", "no field"),
            Map.entry("physicalRequirement", "free text is not mapped to physical demands; a consultant sets them"),
            Map.entry("sensoryRequirement", "free text is not mapped; a consultant sets the demands"),
            Map.entry("image", "no field"),
            Map.entry("employmentUnit", "the employer's record holds the employer"),
            Map.entry("mainEntityOfPage", "Jobbro keeps no link to the job board's page"),
            Map.entry("relevantOccupation", "occupationalCategory is used"));

    private static final Set<String> STRUCTURAL = Set.of("@context", "@type", "@id");

    private Draft map() {
        Set<String> handled = new LinkedHashSet<>(List.of("title", "description", "employmentType", "workHours",
                "hiringOrganization", "jobLocation", "validThrough", "jobStartDate", "occupationalCategory", "skills",
                "qualifications", "totalJobOpenings"));
        String title = text("title").map(HtmlText::toText).orElse("");
        if (title.isBlank()) {
            errors.add(new FieldError("title", "is required"));
        } else {
            mapped.add(new Mapped("title", "title"));
        }
        String description = text("description").map(HtmlText::toText).orElse("");
        if (description.isEmpty()) {
            assumed.add(new FieldError("description", "not given: the posting has an empty description"));
        } else {
            mapped.add(new Mapped("description", text("description").map(HtmlText::isHtml).orElse(false)
                    ? "description (HTML as plain text)" : "description"));
        }
        KindAndHours kindAndHours = kindAndHours();
        Organisation organisation = organisation();
        Place workplace = workplace();
        LocalDate deadline = date("validThrough").orElse(null);
        if (deadline != null) {
            mapped.add(new Mapped("validThrough", "applicationDeadline"));
        }
        LocalDate start = date("jobStartDate").orElse(null);
        if (start != null) {
            mapped.add(new Mapped("jobStartDate", "startDate"));
        }
        Optional<OccupationGuess> occupation = occupation(title);
        List<String> required = skills("skills", "requiredSkills");
        List<String> desired = new ArrayList<>(skills("qualifications", "desiredSkills"));
        int slots = slots();
        Extensions ext = extensions(handled);
        desired.addAll(ext.desiredSkills);
        for (Map.Entry<String, Object> e : node.entrySet()) {
            String key = e.getKey();
            if (handled.contains(key) || STRUCTURAL.contains(key)) {
                continue;
            }
            String reason = LEFT_OUT.getOrDefault(shortName(key), "not a JobPosting property Jobbro maps");
            unmapped.add(new FieldError(safe(key), reason));
        }
        PostingKind kind = ext.kind.orElse(kindAndHours.kind);
        return new Draft(title, description, kind, occupation.map(OccupationGuess::code), occupation,
                distinct(required), distinct(desired), workplace, kindAndHours.hours, start, deadline,
                ext.endDate.orElse(null), slots, ext.supportOffered, ext.physicalDemands,
                ext.drivingLicence.orElse(kindAndHours.drivingLicence), ext.languages, organisation, mapped, assumed,
                unmapped, errors);
    }

    // ---- kind and hours

    private record KindAndHours(PostingKind kind, HoursRange hours, boolean drivingLicence) {
    }

    private KindAndHours kindAndHours() {
        List<String> types = strings(node.get("employmentType")).stream()
                .map(t -> t.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_')).toList();
        PostingKind kind = PostingKind.ORDINARY_JOB;
        boolean partTime = false;
        boolean fullTime = false;
        for (String t : types) {
            switch (t) {
                case "FULL_TIME", "FULDTID" -> fullTime = true;
                case "PART_TIME", "DELTID" -> partTime = true;
                case "INTERN", "INTERNSHIP", "PRAKTIK", "VIRKSOMHEDSPRAKTIK" -> kind = PostingKind.INTERNSHIP;
                case "WAGE_SUBSIDY", "LØNTILSKUD" -> kind = PostingKind.WAGE_SUBSIDY;
                case "TEMPORARY", "CONTRACTOR", "PER_DIEM", "SEASONAL", "VIKAR", "TIDSBEGRÆNSET" ->
                        assumed.add(new FieldError("employmentType", "temporary work is an ordinary job in Jobbro;"
                                + " give endDate if it ends"));
                case "VOLUNTEER", "OTHER" -> unmapped.add(new FieldError("employmentType",
                        "a value Jobbro has no kind for; the posting is an ordinary job"));
                default -> unmapped.add(new FieldError("employmentType", "an unknown value; the posting is an ordinary job"));
            }
        }
        if (!types.isEmpty()) {
            mapped.add(new Mapped("employmentType", "kind " + kind + (fullTime ? ", full time" : partTime
                    ? ", part time" : "")));
        } else {
            assumed.add(new FieldError("employmentType", "not given: an ordinary job"));
        }
        HoursRange hours = null;
        Optional<String> workHours = text("workHours");
        if (workHours.isPresent()) {
            hours = parseHours(workHours.get());
            if (hours == null) {
                unmapped.add(new FieldError("workHours", "names no hours per week; hours follow employmentType"));
            } else {
                mapped.add(new Mapped("workHours", "hoursPerWeek"));
            }
        }
        if (hours == null) {
            if (fullTime && !partTime) {
                hours = new HoursRange(FULL_TIME_HOURS, FULL_TIME_HOURS);
                assumed.add(new FieldError("hoursPerWeek", "full time: 37 hours a week"));
            } else if (partTime) {
                hours = new HoursRange(15, 30);
                assumed.add(new FieldError("hoursPerWeek", "part time without hours: 15 to 30 a week"));
            } else {
                hours = new HoursRange(10, FULL_TIME_HOURS);
                assumed.add(new FieldError("hoursPerWeek", "not given: 10 to 37 a week; a consultant checks"));
            }
        }
        return new KindAndHours(kind, hours, false);
    }

    /** "37 timer", "20-30 timer om ugen", "Fuldtid" (37); null when the text names no weekly hours. */
    static HoursRange parseHours(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        Matcher range = RANGE.matcher(t);
        if (range.find()) {
            int a = Integer.parseInt(range.group(1));
            int b = Integer.parseInt(range.group(2));
            if (a <= b && b <= 80 && b > 0) {
                return new HoursRange(a, b);
            }
        }
        Matcher one = NUMBER.matcher(t);
        while (one.find()) {
            int h = Integer.parseInt(one.group(1));
            int after = one.end();
            String rest = t.substring(after, Math.min(t.length(), after + 12));
            if (h > 0 && h <= 80 && (rest.contains("tim") || rest.contains("hour") || rest.contains("t/") || rest.contains("t."))) {
                return new HoursRange(h, h);
            }
        }
        if (t.contains("fuldtid") || t.contains("full time") || t.contains("full-time")) {
            return new HoursRange(FULL_TIME_HOURS, FULL_TIME_HOURS);
        }
        return null;
    }

    // ---- employer

    private Organisation organisation() {
        Object raw = resolve.apply(node.get("hiringOrganization"));
        if (raw == null) {
            errors.add(new FieldError("hiringOrganization", "is required: the employer, with its CVR number"
                    + " (identifier), or give ?employerId="));
            return new Organisation(Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (raw instanceof String name) {
            unmapped.add(new FieldError("hiringOrganization", "a name alone finds no employer; give its CVR number"));
            return new Organisation(Optional.of(name.strip()), Optional.empty(), Optional.empty());
        }
        if (!(raw instanceof Map<?, ?> org)) {
            errors.add(new FieldError("hiringOrganization", "must be an Organization"));
            return new Organisation(Optional.empty(), Optional.empty(), Optional.empty());
        }
        Optional<String> name = org.get("name") instanceof String n ? Optional.of(n.strip()) : Optional.empty();
        Optional<String> cvr = Optional.empty();
        Optional<String> pNumber = Optional.empty();
        for (Object id : list(org.get("identifier"))) {
            Object value = resolve.apply(id);
            if (value instanceof Map<?, ?> pv) {
                String property = String.valueOf(pv.get("propertyID")).toLowerCase(Locale.ROOT).replace(" ", "");
                String v = pv.get("value") == null ? "" : String.valueOf(pv.get("value")).strip();
                if (property.startsWith("p-n") || property.startsWith("pn") || property.equals("p")) {
                    pNumber = pNumber.or(() -> Optional.of(v).filter(x -> x.matches("\\d{10}")));
                } else if (property.contains("cvr") || property.contains("vat") || property.contains("moms")) {
                    cvr = cvr.or(() -> cvrIn(v));
                }
            } else if (value instanceof String s) {
                cvr = cvr.or(() -> cvrIn(s));
            }
        }
        for (String key : List.of("taxID", "vatID")) {
            if (org.get(key) instanceof String s) {
                Optional<String> found = cvrIn(s);
                cvr = cvr.or(() -> found);
            }
        }
        mapped.add(new Mapped("hiringOrganization", cvr.isPresent() ? "employerId (found by CVR)" : "employerId"));
        for (Object key : org.keySet()) {
            String k = String.valueOf(key);
            if (!Set.of("@type", "@id", "@context", "name", "identifier", "taxID", "vatID").contains(k)) {
                unmapped.add(new FieldError("hiringOrganization." + safe(k),
                        "the employer's record in Jobbro holds the employer"));
            }
        }
        return new Organisation(name, cvr, pNumber);
    }

    private static Optional<String> cvrIn(String text) {
        Matcher m = DIGITS8.matcher(text.replace(" ", ""));
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    // ---- workplace

    private Place workplace() {
        List<Object> places = list(node.get("jobLocation"));
        if (places.isEmpty()) {
            assumed.add(new FieldError("jobLocation", "not given: the employer's address is the workplace"));
            return null;
        }
        for (int i = 1; i < places.size(); i++) {
            unmapped.add(new FieldError("jobLocation[" + i + "]", "a posting has one workplace; the first is used"));
        }
        Object first = resolve.apply(places.get(0));
        if (!(first instanceof Map<?, ?> place)) {
            errors.add(new FieldError("jobLocation", "must be a Place with an address"));
            return null;
        }
        Object rawAddress = resolve.apply(place.get("address"));
        String street = null;
        String postcode = null;
        String city = null;
        if (rawAddress instanceof Map<?, ?> address) {
            street = str(address.get("streetAddress"));
            postcode = str(address.get("postalCode"));
            city = str(address.get("addressLocality"));
            String country = str(address.get("addressCountry") instanceof Map<?, ?> c ? c.get("name")
                    : address.get("addressCountry"));
            if (country != null && !Set.of("dk", "dnk", "danmark", "denmark").contains(country.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError("jobLocation.address.addressCountry", "Jobbro holds workplaces in Denmark"));
            }
            for (Object key : address.keySet()) {
                String k = String.valueOf(key);
                if (!Set.of("@type", "@id", "streetAddress", "postalCode", "addressLocality", "addressCountry").contains(k)) {
                    unmapped.add(new FieldError("jobLocation.address." + safe(k), "no field; postcode and city are kept"));
                }
            }
        } else if (rawAddress instanceof String text) {
            Matcher m = Pattern.compile("\\b(\\d{4})\\s+(\\p{L}[\\p{L} .-]*)$").matcher(text.strip());
            if (m.find()) {
                postcode = m.group(1);
                city = m.group(2).strip();
                street = text.substring(0, m.start()).replaceAll("[,\\s]+$", "").strip();
                street = street.isEmpty() ? null : street;
            }
        }
        Double latitude = null;
        Double longitude = null;
        if (resolve.apply(place.get("geo")) instanceof Map<?, ?> geo) {
            latitude = number(geo.get("latitude"));
            longitude = number(geo.get("longitude"));
            if (latitude != null && longitude != null) {
                mapped.add(new Mapped("jobLocation.geo", "workplace coordinates (they win over the postcode)"));
            }
        }
        for (Object key : place.keySet()) {
            String k = String.valueOf(key);
            if (!Set.of("@type", "@id", "address", "geo").contains(k)) {
                unmapped.add(new FieldError("jobLocation." + safe(k), "no field; the address is kept"));
            }
        }
        if (postcode == null) {
            errors.add(new FieldError("jobLocation.address.postalCode", "is required: a 4-digit Danish postcode"));
            return null;
        }
        mapped.add(new Mapped("jobLocation.address", latitude == null
                ? "workplace (coordinates from the postcode table)" : "workplace"));
        return new Place(street, postcode, city, latitude, longitude);
    }

    // ---- occupation

    private Optional<OccupationGuess> occupation(String title) {
        List<Object> categories = list(node.get("occupationalCategory"));
        for (Object raw : categories) {
            Object c = resolve.apply(raw);
            List<String> candidates = new ArrayList<>();
            if (c instanceof Map<?, ?> code) {
                Optional.ofNullable(str(code.get("codeValue"))).ifPresent(candidates::add);
                Optional.ofNullable(str(code.get("name"))).ifPresent(candidates::add);
                Optional.ofNullable(str(code.get("@id"))).ifPresent(candidates::add);
            } else if (c instanceof String s) {
                candidates.add(s.strip());
                Matcher lead = Pattern.compile("^(\\d{4,6}(?:\\.\\d+)*)\\b").matcher(s.strip());
                if (lead.find()) {
                    candidates.add(0, lead.group(1));
                }
            }
            for (String candidate : candidates) {
                Optional<String> exact = taxonomy.resolveOccupation(candidate);
                if (exact.isPresent()) {
                    mapped.add(new Mapped("occupationalCategory", "occupationCode"));
                    return Optional.of(guess(exact.get(), "occupationalCategory", 1.0));
                }
            }
            for (String candidate : candidates) {
                Matcher isco = ISCO.matcher(candidate);
                if (isco.matches()) {
                    String group = isco.group(1);
                    List<Occupation> inGroup = taxonomy.findOccupations(group, 50).stream()
                            .filter(o -> o.code().startsWith(group)).toList();
                    if (!inGroup.isEmpty()) {
                        Optional<OccupationGuess> byTitle = fromTitle(title).filter(g -> g.code().startsWith(group));
                        mapped.add(new Mapped("occupationalCategory", "occupationCode (ISCO-08 unit group "
                                + group + ")"));
                        return Optional.of(byTitle.map(g -> new OccupationGuess(g.code(), g.label(),
                                        "occupationalCategory (ISCO unit group) and title", 0.9))
                                .orElseGet(() -> guess(inGroup.get(0).code(),
                                        "occupationalCategory (ISCO unit group; its first occupation)", 0.6)));
                    }
                }
            }
        }
        if (!categories.isEmpty()) {
            unmapped.add(new FieldError("occupationalCategory", "names no occupation in the taxonomy; the title is used"));
        }
        Optional<OccupationGuess> byTitle = fromTitle(title);
        if (byTitle.isEmpty()) {
            errors.add(new FieldError("occupationalCategory", "not given (as an ISCO-08, DISCO-08 or ESCO code) and the"
                    + " title names no occupation in the taxonomy"));
        } else {
            mapped.add(new Mapped("title", "occupationCode (resolved from the title)"));
        }
        return byTitle;
    }

    /** The occupation the title names: all of it, one of its words, or the start of an occupation's name. */
    private Optional<OccupationGuess> fromTitle(String title) {
        if (title.isBlank()) {
            return Optional.empty();
        }
        Optional<String> whole = taxonomy.resolveOccupation(title);
        if (whole.isPresent()) {
            return Optional.of(guess(whole.get(), "title", 0.9));
        }
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(title);
        while (m.find()) {
            words.add(m.group());
        }
        words.sort(Comparator.comparingInt(String::length).reversed());
        for (String word : words) {
            Optional<String> exact = taxonomy.resolveOccupation(word);
            if (exact.isPresent()) {
                return Optional.of(guess(exact.get(), "a word of the title", 0.75));
            }
        }
        for (String word : words) {
            if (word.length() >= 5) {
                List<Occupation> found = taxonomy.findOccupations(word, 1);
                if (!found.isEmpty()) {
                    return Optional.of(guess(found.get(0).code(), "a word of the title, in part", 0.4));
                }
            }
        }
        return Optional.empty();
    }

    private OccupationGuess guess(String code, String source, double confidence) {
        return new OccupationGuess(code, taxonomy.occupationLabel(code), source, confidence);
    }

    // ---- skills

    private List<String> skills(String property, String to) {
        Object raw = node.get(property);
        if (raw == null) {
            return List.of();
        }
        List<String> terms = new ArrayList<>();
        for (Object item : list(raw)) {
            Object v = resolve.apply(item);
            if (v instanceof Map<?, ?> term) {
                String code = str(term.get("termCode"));
                String name = str(term.get("name"));
                terms.add(code != null && taxonomy.resolveSkill(code).isPresent() ? code : name != null ? name
                        : code == null ? "" : code);
            } else if (v instanceof String s) {
                String text = HtmlText.toText(s);
                terms.addAll(Arrays.stream(text.split("[,;\\n•·]|\\s-\\s")).map(t -> t.replaceFirst("^[-*]\\s*", "").strip())
                        .filter(t -> !t.isEmpty()).toList());
            }
        }
        List<String> codes = new ArrayList<>();
        int unresolved = 0;
        for (int i = 0; i < terms.size(); i++) {
            Optional<String> code = taxonomy.resolveSkill(terms.get(i));
            if (code.isPresent()) {
                codes.add(code.get());
            } else {
                unresolved++;
                unmapped.add(new FieldError(property + "[" + i + "]", "names no skill in the taxonomy"));
            }
        }
        if (!codes.isEmpty()) {
            mapped.add(new Mapped(property, to + " (" + codes.size() + " of " + terms.size() + " terms)"));
        } else if (unresolved == 0) {
            unmapped.add(new FieldError(property, "holds no skill"));
        }
        return codes;
    }

    // ---- slots

    private int slots() {
        Object raw = node.get("totalJobOpenings");
        if (raw == null) {
            assumed.add(new FieldError("totalJobOpenings", "not given: 1 slot"));
            return 1;
        }
        Double n = number(raw);
        if (n == null || n != Math.rint(n) || n < 1 || n > 1000) {
            errors.add(new FieldError("totalJobOpenings", "must be a whole number from 1 to 1000"));
            return 1;
        }
        mapped.add(new Mapped("totalJobOpenings", "slots"));
        return n.intValue();
    }

    // ---- Jobbro's extension terms

    private record Extensions(Optional<PostingKind> kind, Optional<LocalDate> endDate, List<String> desiredSkills,
                              List<SupportKind> supportOffered, List<PhysicalDemand> physicalDemands,
                              Optional<Boolean> drivingLicence, List<LanguageSkill> languages) {
    }

    private Extensions extensions(Set<String> handled) {
        Optional<PostingKind> kind = ext("kind", handled).flatMap(v -> enumValue(PostingKind.class, v, "kind"));
        Optional<LocalDate> end = ext("endDate", handled).flatMap(v -> parseDate(String.valueOf(v), NS + "endDate"));
        List<String> desired = new ArrayList<>();
        ext("desiredSkills", handled).ifPresent(v -> {
            for (Object s : list(v)) {
                taxonomy.resolveSkill(String.valueOf(s)).ifPresentOrElse(desired::add, () -> unmapped.add(
                        new FieldError(NS + "desiredSkills", "names no skill in the taxonomy")));
            }
        });
        List<SupportKind> support = ext("supportOffered", handled).map(v -> list(v).stream()
                .flatMap(s -> enumValue(SupportKind.class, s, "supportOffered").stream()).toList()).orElse(List.of());
        List<PhysicalDemand> demands = ext("physicalDemands", handled).map(v -> list(v).stream()
                .flatMap(s -> enumValue(PhysicalDemand.class, s, "physicalDemands").stream()).toList()).orElse(List.of());
        Optional<Boolean> licence = ext("drivingLicenceRequired", handled).map(v -> Boolean.TRUE.equals(v));
        List<LanguageSkill> languages = new ArrayList<>();
        ext("languageRequirements", handled).ifPresent(v -> {
            for (Object l : list(v)) {
                if (l instanceof Map<?, ?> m && str(m.get("language")) != null) {
                    enumValue(LanguageLevel.class, m.get("level"), "languageRequirements")
                            .ifPresent(level -> languages.add(new LanguageSkill(str(m.get("language")), level)));
                }
            }
        });
        return new Extensions(kind, end, desired, support, demands, licence, languages);
    }

    private Optional<Object> ext(String name, Set<String> handled) {
        String key = NS + name;
        if (!node.containsKey(key)) {
            return Optional.empty();
        }
        handled.add(key);
        mapped.add(new Mapped(key, name));
        return Optional.ofNullable(node.get(key));
    }

    private <E extends Enum<E>> Optional<E> enumValue(Class<E> type, Object value, String field) {
        try {
            return Optional.of(Enum.valueOf(type, String.valueOf(value)));
        } catch (IllegalArgumentException e) {
            unmapped.add(new FieldError(NS + field, "an unknown value"));
            return Optional.empty();
        }
    }

    // ---- values

    private Optional<String> text(String property) {
        Object v = node.get(property);
        if (v instanceof List<?> list && !list.isEmpty()) {
            v = list.get(0);
        }
        return v instanceof String s ? Optional.of(s) : v instanceof Number n ? Optional.of(n.toString())
                : Optional.empty();
    }

    private Optional<LocalDate> date(String property) {
        return text(property).flatMap(t -> parseDate(t, property));
    }

    /** {@code 2026-03-31}, or a date-time ({@code 2026-03-31T23:59:00+01:00}) on its own day. */
    private Optional<LocalDate> parseDate(String text, String field) {
        String t = text.strip();
        try {
            if (t.length() > 10 && t.charAt(10) == 'T') {
                try {
                    return Optional.of(OffsetDateTime.parse(t).toLocalDate());
                } catch (DateTimeParseException e) {
                    return Optional.of(LocalDate.parse(t.substring(0, 10)));
                }
            }
            return Optional.of(LocalDate.parse(t));
        } catch (DateTimeParseException e) {
            unmapped.add(new FieldError(field, "is not a date (YYYY-MM-DD)"));
            return Optional.empty();
        }
    }

    private static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> l ? new ArrayList<>(l) : List.of(value);
    }

    private static List<String> strings(Object value) {
        return list(value).stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }

    private static String str(Object value) {
        if (value instanceof String s && !s.isBlank()) {
            return s.strip();
        }
        return value instanceof Number n ? n.toString() : null;
    }

    private static Double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String shortName(String key) {
        int cut = Math.max(key.lastIndexOf('/'), Math.max(key.lastIndexOf(':'), key.lastIndexOf('#')));
        return key.substring(cut + 1);
    }

    /** A property name is the client's: repeated only when it is a plain name. */
    private static String safe(String key) {
        return key.matches("[A-Za-z@][A-Za-z0-9_:.@-]{0,63}") ? key : "?";
    }

    private static List<String> distinct(List<String> codes) {
        return List.copyOf(new LinkedHashSet<>(codes));
    }
}
