package dk.jobbro.search;

import dk.jobbro.citizen.Citizen;
import dk.jobbro.citizen.CitizenSkill;
import dk.jobbro.citizen.HealthLimitation;
import dk.jobbro.citizen.SkillLevel;
import dk.jobbro.citizen.TargetGroup;
import dk.jobbro.posting.Posting;
import dk.jobbro.posting.PostingKind;
import dk.jobbro.posting.PostingStatus;
import dk.jobbro.vocabulary.LanguageLevel;
import dk.jobbro.vocabulary.LanguageSkill;
import dk.jobbro.vocabulary.PhysicalDemand;
import dk.jobbro.vocabulary.SupportKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A generated Denmark for the benchmark: employers with Danish names at real postcodes, postings of all three
 * kinds with skills from the seed taxonomy's occupation–skill relations, and citizens with realistic mixes of
 * target groups, commutes, wishes and support needs. Deterministic for a given seed.
 */
final class SyntheticDenmark {

    record Place(String postcode, String town, double latitude, double longitude) {
    }

    record Occupation(String code, String label) {
    }

    record Employer(long id, String name, Place place) {
    }

    private static final String[] SURNAMES = {"Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen",
            "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen",
            "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Frederiksen", "Lund",
            "Holm", "Schmidt", "Eriksen", "Kjær", "Bech", "Dahl", "Skov", "Vestergaard", "Iversen", "Bruun"};
    private static final String[] NICE = {"Solbakken", "Egebo", "Lindely", "Skovbrynet", "Havblik", "Bøgely",
            "Mælkebøtten", "Solsikken", "Kastanjen", "Engtoften", "Fyrreparken", "Rosenhaven", "Nordlyset", "Åbakken"};
    private static final SupportKind[] SUPPORT = SupportKind.values();

    private final Random random;
    private final List<Place> places = new ArrayList<>();
    private final List<Occupation> occupations = new ArrayList<>();
    private final Map<String, List<String>> essential = new HashMap<>();
    private final Map<String, List<String>> optional = new HashMap<>();
    private final Map<String, String> skillLabels = new HashMap<>();
    private final Map<String, List<Employer>> employersBySector = new HashMap<>();
    private final Map<Long, Employer> employers = new HashMap<>();
    private final LocalDate today = LocalDate.now();
    private final Instant now = Instant.now();

    SyntheticDenmark(Path resources, long seed) {
        this.random = new Random(seed);
        for (String[] row : csv(resources.resolve("geo/postcodes_dk.csv"))) {
            places.add(new Place(row[0], row[1], Double.parseDouble(row[2]), Double.parseDouble(row[3])));
        }
        for (String[] row : csv(resources.resolve("taxonomy/occupations.csv"))) {
            occupations.add(new Occupation(row[0], row[1]));
        }
        for (String[] row : csv(resources.resolve("taxonomy/skills.csv"))) {
            skillLabels.put(row[0], row[1]);
        }
        for (String[] row : csv(resources.resolve("taxonomy/occupation_skills.csv"))) {
            (row[2].equals("essential") ? essential : optional).computeIfAbsent(row[0], k -> new ArrayList<>()).add(row[1]);
        }
    }

    Map<Long, Employer> employers() {
        return employers;
    }

    // ---------------------------------------------------------------- postings

    Posting posting(long id) {
        Occupation occupation = pick(occupations);
        Employer employer = employerFor(occupation);
        double roll = random.nextDouble();
        PostingKind kind = roll < 0.60 ? PostingKind.ORDINARY_JOB : roll < 0.85 ? PostingKind.INTERNSHIP
                : PostingKind.WAGE_SUBSIDY;
        roll = random.nextDouble();
        PostingStatus status = roll < 0.85 ? PostingStatus.OPEN : roll < 0.90 ? PostingStatus.FILLED
                : roll < 0.95 ? PostingStatus.CLOSED : roll < 0.98 ? PostingStatus.EXPIRED : PostingStatus.DRAFT;
        List<String> required = some(essential.getOrDefault(occupation.code(), List.of()), 1 + random.nextInt(3));
        List<String> desired = some(optional.getOrDefault(occupation.code(), List.of()), random.nextInt(3));
        int hoursMin;
        int hoursMax;
        switch (kind) {
            case ORDINARY_JOB -> {
                boolean fullTime = random.nextDouble() < 0.7;
                hoursMin = fullTime ? 37 : 15 + 5 * random.nextInt(4);
                hoursMax = fullTime ? 37 : Math.max(hoursMin, 25 + 5 * random.nextInt(3));
            }
            case INTERNSHIP -> {
                hoursMin = 8 + 2 * random.nextInt(7);
                hoursMax = 25 + 3 * random.nextInt(5);
            }
            default -> {
                hoursMin = 20 + 5 * random.nextInt(4);
                hoursMax = 37;
            }
        }
        Set<SupportKind> support = EnumSet.noneOf(SupportKind.class);
        double supportRate = kind == PostingKind.ORDINARY_JOB ? 0.05 : 0.3;
        for (SupportKind s : SUPPORT) {
            double rate = switch (s) {
                case MENTOR, GRADUAL_START -> supportRate * 2;
                case FLEXIBLE_HOURS -> supportRate * 1.5;
                default -> supportRate;
            };
            if (random.nextDouble() < rate) {
                support.add(s);
            }
        }
        Set<PhysicalDemand> demands = demandsFor(occupation.code());
        boolean licence = occupation.code().startsWith("83") || random.nextDouble() < 0.08;
        List<LanguageSkill> languages = new ArrayList<>();
        roll = random.nextDouble();
        if (roll < 0.40) {
            languages.add(new LanguageSkill("da", LanguageLevel.INTERMEDIATE));
        } else if (roll < 0.60) {
            languages.add(new LanguageSkill("da", LanguageLevel.FLUENT));
        }
        if (occupation.code().startsWith("2") && random.nextDouble() < 0.3) {
            languages.add(new LanguageSkill("en", LanguageLevel.FLUENT));
        }
        roll = random.nextDouble();
        LocalDate deadline = roll < 0.25 ? null : roll < 0.95 ? today.plusDays(1 + random.nextInt(60))
                : today.minusDays(1 + random.nextInt(20));
        int slots = random.nextDouble() < 0.8 ? 1 : 2 + random.nextInt(4);
        int filled = status == PostingStatus.FILLED ? slots : random.nextDouble() < 0.1 ? slots - 1 : 0;
        Place at = employer.place();
        String title = switch (kind) {
            case ORDINARY_JOB -> occupation.label() + pick(List.of("", " søges", " til fast stilling",
                    " på deltid", " med erfaring", " – " + at.town()));
            case INTERNSHIP -> occupation.label() + " i virksomhedspraktik";
            case WAGE_SUBSIDY -> occupation.label() + " med løntilskud";
        };
        return new Posting(id, employer.id(), kind, status, title,
                description(employer, occupation, kind, required, desired, support), occupation.code(), required,
                desired, pick(List.of("Industrivej", "Hovedgaden", "Stationsvej", "Søndergade", "Vestergade",
                "Havnegade", "Skolevej")) + " " + (1 + random.nextInt(120)), at.postcode(), at.town(),
                at.latitude(), at.longitude(), hoursMin, hoursMax, today.plusDays(random.nextInt(45)), deadline, null,
                slots, filled, List.copyOf(support), List.copyOf(demands), licence, languages, now, now);
    }

    private String description(Employer employer, Occupation occupation, PostingKind kind, List<String> required,
                               List<String> desired, Set<SupportKind> support) {
        StringBuilder d = new StringBuilder();
        d.append(employer.name()).append(" i ").append(employer.place().town()).append(" søger en ")
                .append(occupation.label().toLowerCase(Locale.ROOT));
        d.append(switch (kind) {
            case ORDINARY_JOB -> ". ";
            case INTERNSHIP -> " i virksomhedspraktik, hvor du kan afprøve faget og lære det fra bunden. ";
            case WAGE_SUBSIDY -> " i en stilling med løntilskud, som kan føre til fast ansættelse. ";
        });
        if (!required.isEmpty()) {
            d.append("Du har erfaring med ").append(labels(required)).append(". ");
        }
        if (!desired.isEmpty()) {
            d.append("Det er en fordel, hvis du kender til ").append(labels(desired)).append(". ");
        }
        if (support.contains(SupportKind.MENTOR)) {
            d.append("Du får en fast mentor, der tager imod dig og følger dig i hverdagen. ");
        }
        if (support.contains(SupportKind.GRADUAL_START)) {
            d.append("Vi starter gerne med få timer og trapper op i dit tempo. ");
        }
        if (support.contains(SupportKind.QUIET_WORKPLACE)) {
            d.append("Arbejdspladsen er rolig og overskuelig. ");
        }
        d.append(pick(List.of("Vi er en travl arbejdsplads med god stemning og plads til alle.",
                "Vi lægger vægt på mødestabilitet og godt samarbejde.",
                "Hos os er ingen dage ens, og vi hjælper hinanden.",
                "Vi tilbyder gode kolleger, frokostordning og faglig udvikling.")));
        return d.toString();
    }

    private String labels(List<String> codes) {
        List<String> out = new ArrayList<>();
        for (String c : codes) {
            out.add(skillLabels.getOrDefault(c, c).toLowerCase(Locale.ROOT));
        }
        return String.join(", ", out);
    }

    private Set<PhysicalDemand> demandsFor(String code) {
        Set<PhysicalDemand> d = EnumSet.noneOf(PhysicalDemand.class);
        String major = code.substring(0, 2);
        if (List.of("43", "71", "72", "93", "91", "61", "92", "96").contains(major) && random.nextDouble() < 0.6) {
            d.add(PhysicalDemand.HEAVY_LIFTING);
        }
        if (List.of("51", "52", "53", "75", "94", "91", "81", "82").contains(major) && random.nextDouble() < 0.5) {
            d.add(PhysicalDemand.PROLONGED_STANDING);
        }
        if (List.of("81", "82", "75", "93", "32", "53").contains(major) && random.nextDouble() < 0.2) {
            d.add(PhysicalDemand.NIGHT_SHIFTS);
        }
        if (List.of("61", "62", "71", "92", "93", "96", "83").contains(major) && random.nextDouble() < 0.5) {
            d.add(PhysicalDemand.OUTDOOR_WORK);
        }
        if (List.of("81", "82", "93", "75").contains(major) && random.nextDouble() < 0.4) {
            d.add(PhysicalDemand.REPETITIVE_WORK);
        }
        return d;
    }

    /** Postings cluster at employers: most postings of a sector go to an employer that already posts. */
    private Employer employerFor(Occupation occupation) {
        String sector = occupation.code().substring(0, 2);
        List<Employer> existing = employersBySector.computeIfAbsent(sector, k -> new ArrayList<>());
        if (!existing.isEmpty() && random.nextDouble() < 0.7) {
            return pick(existing);
        }
        Place place = jitter(pick(places), 1.0);
        Employer e = new Employer(employers.size() + 1, employerName(sector, occupation, place), place);
        existing.add(e);
        employers.put(e.id(), e);
        return e;
    }

    private String employerName(String sector, Occupation occupation, Place place) {
        String surname = pick(List.of(SURNAMES));
        String town = place.town().replaceAll(" (C|N|S|V|Ø|K|SV|SØ|NV|NØ|J)$", "");
        String nice = pick(List.of(NICE));
        List<String> options = switch (sector) {
            case "53", "32", "22", "26", "34" -> List.of("Plejecenter " + nice, "Bostedet " + nice,
                    "Hjemmeplejen " + town, town + " Kommune, Sundhed og Omsorg", "Botilbuddet " + nice + " ApS");
            case "23" -> List.of("Børnehuset " + nice, "Vuggestuen " + nice, town + " Skole",
                    "Den Integrerede Institution " + nice);
            case "43", "83", "93" -> List.of(surname + " Transport A/S", town + " Logistik ApS",
                    "Nordisk Lagerservice A/S", surname + " & Søn Vognmandsforretning", town + " Fragtcenter ApS");
            case "51", "75", "94" -> List.of("Restaurant " + nice, "Café " + nice, surname + "s Bageri",
                    "Kantinen på " + town + " Rådhus", town + " Kro og Hotel", surname + "s Slagter ApS");
            case "52" -> List.of(town + " Supermarked ApS", surname + "s Købmandsgård", "Byggecenter " + town,
                    town + " Tøjhus", "Dagligvarehuset " + town + " A/S");
            case "71" -> List.of(surname + " Tømrer- og Snedkerfirma ApS", surname + " & Søn Murerforretning",
                    town + " VVS A/S", surname + " El-service ApS", town + " Malerfirma ApS", surname + " Byg A/S");
            case "72", "81", "82", "74" -> List.of(town + " Maskinfabrik A/S", surname + " Metal ApS",
                    town + " Plast A/S", surname + " Elektro ApS", "Dansk Emballage " + town + " A/S");
            case "91" -> List.of(town + " Rengøringsservice ApS", "Rent & Pænt " + town + " ApS",
                    surname + " Facility Service A/S");
            case "25", "35", "21" -> List.of(surname + " Data ApS", town + " IT-Partner A/S", "Kodehuset " + town
                    + " ApS", surname + " Consulting ApS");
            case "24", "33", "41", "42", "44" -> List.of(surname + " Revision", town + " Kommune, Borgerservice",
                    surname + " & Partnere Advokatfirma", town + " Boligselskab", surname + " Ejendomme A/S");
            case "61", "62", "92" -> List.of(surname + "s Gartneri", nice + "gården I/S", town + " Planteskole",
                    surname + " Maskinstation ApS");
            case "54" -> List.of(town + " Vagt & Sikring ApS", "Dansk Objektsikring " + town + " A/S");
            default -> List.of(surname + " ApS", town + " " + occupation.label() + "service ApS",
                    surname + " & Co. A/S", town + " Kommune");
        };
        return pick(options);
    }

    // ---------------------------------------------------------------- citizens

    Citizen citizen(long id) {
        double roll = random.nextDouble();
        TargetGroup group = roll < 0.35 ? TargetGroup.INSURED_UNEMPLOYED
                : roll < 0.50 ? TargetGroup.CASH_BENEFIT_JOB_READY
                : roll < 0.70 ? TargetGroup.CASH_BENEFIT_ACTIVITY_READY
                : roll < 0.76 ? TargetGroup.EDUCATION_BENEFIT_EDUCATION_READY
                : roll < 0.80 ? TargetGroup.EDUCATION_BENEFIT_ACTIVITY_READY
                : roll < 0.90 ? TargetGroup.SICKNESS_BENEFIT
                : roll < 0.93 ? TargetGroup.JOB_CLARIFICATION
                : roll < 0.96 ? TargetGroup.RESOURCE_PROGRAMME : TargetGroup.FLEXIBLE_JOB;
        Place home = jitter(pick(places), 1.5);
        int commute = pick(List.of(10, 15, 20, 25, 30, 35, 40, 50));
        int maxHours = switch (group) {
            case INSURED_UNEMPLOYED, CASH_BENEFIT_JOB_READY, EDUCATION_BENEFIT_EDUCATION_READY -> 37;
            case SICKNESS_BENEFIT, JOB_CLARIFICATION -> 10 + 5 * random.nextInt(4);
            case FLEXIBLE_JOB -> 8 + 2 * random.nextInt(7);
            default -> 15 + 5 * random.nextInt(5);
        };
        List<String> wanted = new ArrayList<>();
        List<String> held = new ArrayList<>();
        Occupation main = pick(occupations);
        wanted.add(main.code());
        if (random.nextDouble() < 0.4) {
            wanted.add(relatedOrRandom(main.code()));
        }
        int heldCount = random.nextInt(4);
        for (int i = 0; i < heldCount; i++) {
            String code = random.nextDouble() < 0.5 ? relatedOrRandom(main.code()) : pick(occupations).code();
            if (!wanted.contains(code) && !held.contains(code)) {
                held.add(code);
            }
        }
        Set<String> skillCodes = new LinkedHashSet<>();
        for (String code : concat(wanted, held)) {
            for (String s : essential.getOrDefault(code, List.of())) {
                if (random.nextDouble() < 0.6) {
                    skillCodes.add(s);
                }
            }
            for (String s : optional.getOrDefault(code, List.of())) {
                if (random.nextDouble() < 0.3) {
                    skillCodes.add(s);
                }
            }
        }
        skillCodes.addAll(some(List.of("teamwork", "punctuality", "reliability", "service-mindset", "flexibility",
                "danish-spoken", "digital-basic", "physical-stamina"), 1 + random.nextInt(3)));
        List<CitizenSkill> skills = new ArrayList<>();
        for (String s : skillCodes) {
            skills.add(new CitizenSkill(s, pick(List.of(SkillLevel.values()))));
        }
        boolean activity = group.activityReady();
        int needs = activity ? 1 + random.nextInt(3) : random.nextDouble() < 0.1 ? 1 : 0;
        List<SupportKind> support = some(List.of(SUPPORT), needs);
        int limitations = switch (group) {
            case SICKNESS_BENEFIT, FLEXIBLE_JOB, RESOURCE_PROGRAMME, JOB_CLARIFICATION -> random.nextInt(3);
            default -> random.nextDouble() < (activity ? 0.2 : 0.05) ? 1 : 0;
        };
        List<HealthLimitation> health = some(List.of(HealthLimitation.values()), limitations);
        List<LanguageSkill> languages = new ArrayList<>();
        roll = random.nextDouble();
        languages.add(new LanguageSkill("da", roll < 0.75 ? LanguageLevel.NATIVE : roll < 0.85 ? LanguageLevel.FLUENT
                : roll < 0.95 ? LanguageLevel.INTERMEDIATE : LanguageLevel.BASIC));
        if (random.nextDouble() < 0.4) {
            languages.add(new LanguageSkill("en", pick(List.of(LanguageLevel.values()))));
        }
        return new Citizen(id, "Borger " + id, home.town(), group, home.postcode(), home.latitude(),
                home.longitude(), commute, maxHours, null, skills, held, wanted, health, support,
                random.nextDouble() < 0.7, languages, true, now, now);
    }

    private String relatedOrRandom(String code) {
        List<Occupation> sameMinor = occupations.stream()
                .filter(o -> o.code().startsWith(code.substring(0, 3)) && !o.code().equals(code)).toList();
        return sameMinor.isEmpty() ? pick(occupations).code() : pick(sameMinor).code();
    }

    // ---------------------------------------------------------------- citizens at national scale

    /**
     * Approximate inhabitants by postcode region (first digit, Bornholm apart), in thousands, rounded from Danmarks
     * Statistik's 2024 figures: the Capital Region and Aarhus dominate, as they do in the caseloads.
     */
    private static final Map<String, Integer> THOUSANDS_BY_REGION = Map.of("1", 700, "2", 650, "3", 450, "37", 40,
            "4", 750, "5", 500, "6", 700, "7", 600, "8", 950, "9", 600);
    private List<Place> weightedPlaces;
    private double[] cumulativeWeight;

    /**
     * A citizen as {@link #citizen(long)} generates them, living at a postcode drawn by population (each region's
     * inhabitants spread evenly over its postcodes) with ±1.5 km jitter, and in that town's jobcentre. Deterministic
     * for the seed and the order of calls.
     */
    Citizen nationalCitizen(long id) {
        Citizen c = citizen(id);
        Place home = jitter(populationWeightedPlace(), 1.5);
        return new Citizen(c.id(), c.name(), home.town(), c.targetGroup(), home.postcode(), home.latitude(),
                home.longitude(), c.maxCommuteKm(), c.maxHoursPerWeek(), c.availableFrom(), c.skills(),
                c.occupationsHeld(), c.occupationsWanted(), c.healthLimitations(), c.supportNeeds(),
                c.drivingLicence(), c.languages(), c.active(), c.createdAt(), c.updatedAt());
    }

    private Place populationWeightedPlace() {
        if (weightedPlaces == null) {
            Map<String, Integer> postcodesInRegion = new HashMap<>();
            for (Place p : places) {
                postcodesInRegion.merge(region(p.postcode()), 1, Integer::sum);
            }
            weightedPlaces = List.copyOf(places);
            cumulativeWeight = new double[places.size()];
            double sum = 0;
            for (int i = 0; i < places.size(); i++) {
                String region = region(places.get(i).postcode());
                sum += THOUSANDS_BY_REGION.getOrDefault(region, 100) / (double) postcodesInRegion.get(region);
                cumulativeWeight[i] = sum;
            }
        }
        double roll = random.nextDouble() * cumulativeWeight[cumulativeWeight.length - 1];
        int i = java.util.Arrays.binarySearch(cumulativeWeight, roll);
        return weightedPlaces.get(i >= 0 ? i : Math.min(-i - 1, weightedPlaces.size() - 1));
    }

    private static String region(String postcode) {
        return postcode.startsWith("37") ? "37" : postcode.substring(0, 1);
    }

    // ---------------------------------------------------------------- plumbing

    private Place jitter(Place p, double km) {
        double dLat = (random.nextDouble() * 2 - 1) * km / 111.0;
        double dLon = (random.nextDouble() * 2 - 1) * km / (111.0 * Math.cos(Math.toRadians(p.latitude())));
        return new Place(p.postcode(), p.town(), p.latitude() + dLat, p.longitude() + dLon);
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private <T> List<T> some(List<T> from, int n) {
        List<T> copy = new ArrayList<>(from);
        List<T> out = new ArrayList<>();
        while (out.size() < n && !copy.isEmpty()) {
            out.add(copy.remove(random.nextInt(copy.size())));
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<String[]> csv(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank())
                    .map(l -> l.split(";", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
