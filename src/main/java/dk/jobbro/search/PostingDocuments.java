package dk.jobbro.search;

import dk.jobbro.geo.GeoPoint;
import dk.jobbro.matching.PostingFacts;
import dk.jobbro.posting.Posting;
import dk.jobbro.posting.PostingKind;
import dk.jobbro.posting.PostingStatus;
import dk.jobbro.taxonomy.Occupation;
import dk.jobbro.taxonomy.Taxonomy;
import dk.jobbro.vocabulary.LanguageLevel;
import dk.jobbro.vocabulary.LanguageSkill;
import dk.jobbro.vocabulary.PhysicalDemand;
import dk.jobbro.vocabulary.SupportKind;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dk.jobbro.search.PostingFields.*;

/** Maps a posting to its Lucene document and back to {@link PostingFacts}. */
final class PostingDocuments {

    private PostingDocuments() {
    }

    static Document toDocument(Posting p, String employerName, Taxonomy taxonomy) {
        Document d = new Document();
        d.add(new StringField(ID, Long.toString(p.id()), Field.Store.YES));
        d.add(new NumericDocValuesField(ID_SORT, p.id()));
        d.add(new LongField(EMPLOYER_ID, p.employerId(), Field.Store.YES));
        d.add(new StoredField(EMPLOYER_NAME, employerName));
        d.add(new TextField(EMPLOYER_NAME + "_text", employerName, Field.Store.NO));
        d.add(new StringField(KIND, p.kind().name(), Field.Store.YES));
        d.add(new StringField(STATUS, p.status().name(), Field.Store.YES));
        d.add(new TextField(TITLE, p.title(), Field.Store.YES));
        d.add(new TextField(DESCRIPTION, p.description(), Field.Store.NO));
        d.add(new StringField(POSTCODE, p.postcode(), Field.Store.YES));

        d.add(new StringField(OCCUPATION, p.occupationCode(), Field.Store.YES));
        if (p.occupationCode().length() >= 4) {
            d.add(new StringField(OCCUPATION_UNIT, p.occupationCode().substring(0, 4), Field.Store.NO));
            d.add(new StringField(OCCUPATION_MINOR, p.occupationCode().substring(0, 3), Field.Store.NO));
        }
        taxonomy.occupation(p.occupationCode()).ifPresent((Occupation o) -> d.add(new TextField(OCCUPATION_TEXT,
                o.labelDa() + " " + String.join(" ", o.synonyms()), Field.Store.NO)));

        // The effective skills matching uses: the posting's own, else its occupation's (PostingFacts.of).
        PostingFacts facts = PostingFacts.of(p, employerName, taxonomy);
        List<String> essential = facts.requiredSkills();
        List<String> optional = facts.desiredSkills();
        StringBuilder skillText = new StringBuilder();
        for (String s : essential) {
            d.add(new StringField(SKILL_REQUIRED, s, Field.Store.NO));
            skillText.append(taxonomy.skillLabel(s)).append(' ');
        }
        for (String s : optional) {
            d.add(new StringField(SKILL_DESIRED, s, Field.Store.NO));
            skillText.append(taxonomy.skillLabel(s)).append(' ');
        }
        d.add(new StoredField(SKILL_REQUIRED + STORED, String.join(" ", essential)));
        d.add(new StoredField(SKILL_DESIRED + STORED, String.join(" ", optional)));
        for (String s : facts.occupationSkills()) {
            d.add(new StringField(SKILL_OCCUPATION, s, Field.Store.NO));
        }
        d.add(new StoredField(SKILL_OCCUPATION_STORED, String.join(" ", facts.occupationSkills())));
        d.add(new TextField(SKILL_TEXT, skillText.toString(), Field.Store.NO));

        // The points tree finds the commute circle's box (CommuteQuery); the doc-values twin feeds the distance
        // feature query; the stored coordinates are the exact ones the commute rule measures.
        d.add(new LatLonPoint(LOCATION, p.latitude(), p.longitude()));
        d.add(new LatLonDocValuesField(LOCATION, p.latitude(), p.longitude()));
        d.add(new StoredField(LOCATION + "_lat", p.latitude()));
        d.add(new StoredField(LOCATION + "_lon", p.longitude()));
        d.add(new NumericDocValuesField(LOCATION_CELL, GeoCell.of(p.latitude(), p.longitude())));

        d.add(new IntField(HOURS_MIN, p.hoursMin(), Field.Store.YES));
        d.add(new StoredField(HOURS_MAX, p.hoursMax()));
        d.add(new StoredField(SLOTS, p.slots()));
        d.add(new StoredField(SLOTS_FILLED, p.slotsFilled()));
        d.add(new IntField(FREE_SLOTS, p.slots() - p.slotsFilled(), Field.Store.NO));
        if (p.status() == PostingStatus.OPEN && p.slotsFilled() < p.slots()) {
            d.add(new StringField(MATCHABLE, "yes", Field.Store.NO));
        }

        for (SupportKind s : p.supportOffered()) {
            d.add(new StringField(SUPPORT, s.name(), Field.Store.YES));
        }
        for (PhysicalDemand x : p.physicalDemands()) {
            d.add(new StringField(DEMAND, x.name(), Field.Store.YES));
        }
        if (p.drivingLicenceRequired()) {
            d.add(new StringField(LICENCE, LICENCE_REQUIRED, Field.Store.YES));
        }
        // One term per requirement, "da:1" = Danish at INTERMEDIATE; matching excludes the terms a citizen fails.
        List<String> stored = new ArrayList<>();
        for (LanguageSkill l : p.languageRequirements()) {
            d.add(new StringField(LANGUAGE_LEVEL, languageTerm(l.language(), l.level()), Field.Store.NO));
            stored.add(l.language() + ":" + l.level().name());
        }
        d.add(new StoredField(LANGUAGES_STORED, String.join(" ", stored)));

        long deadline = p.applicationDeadline() == null ? NO_DEADLINE : p.applicationDeadline().toEpochDay();
        d.add(new LongField(DEADLINE_DAY, deadline, Field.Store.YES));
        return d;
    }

    static String languageTerm(String language, LanguageLevel level) {
        return language + ":" + level.ordinal();
    }

    /** The stored fields of the workplace's exact coordinates, as {@link #location} reads them. */
    static final Set<String> LOCATION_STORED = Set.of(LOCATION + "_lat", LOCATION + "_lon");

    /** The workplace's exact coordinates, from a document's stored fields. */
    static GeoPoint location(Document d) {
        return new GeoPoint(d.getField(LOCATION + "_lat").numericValue().doubleValue(),
                d.getField(LOCATION + "_lon").numericValue().doubleValue());
    }

    static PostingFacts toFacts(Document d) {
        Set<SupportKind> support = EnumSet.noneOf(SupportKind.class);
        for (String s : d.getValues(SUPPORT)) {
            support.add(SupportKind.valueOf(s));
        }
        Set<PhysicalDemand> demands = EnumSet.noneOf(PhysicalDemand.class);
        for (String s : d.getValues(DEMAND)) {
            demands.add(PhysicalDemand.valueOf(s));
        }
        List<LanguageSkill> languages = new ArrayList<>();
        for (String s : split(d.get(LANGUAGES_STORED))) {
            int colon = s.indexOf(':');
            languages.add(new LanguageSkill(s.substring(0, colon), LanguageLevel.valueOf(s.substring(colon + 1))));
        }
        long deadline = d.getField(DEADLINE_DAY).numericValue().longValue();
        return new PostingFacts(Long.parseLong(d.get(ID)), d.getField(EMPLOYER_ID).numericValue().longValue(),
                d.get(EMPLOYER_NAME), PostingKind.valueOf(d.get(KIND)), PostingStatus.valueOf(d.get(STATUS)),
                d.get(TITLE), d.get(OCCUPATION), split(d.get(SKILL_REQUIRED + STORED)), split(d.get(SKILL_DESIRED + STORED)),
                split(d.get(SKILL_OCCUPATION_STORED)),
                location(d),
                d.getField(HOURS_MIN).numericValue().intValue(), d.getField(HOURS_MAX).numericValue().intValue(),
                d.getField(SLOTS).numericValue().intValue(), d.getField(SLOTS_FILLED).numericValue().intValue(),
                support, demands, d.get(LICENCE) != null, languages,
                deadline == NO_DEADLINE ? null : LocalDate.ofEpochDay(deadline));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(" "));
    }
}
