package dk.jobbro.taxonomy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a typed skill or occupation name becomes a code, as plain Java over a small set of names. */
class TaxonomyNamesTest {

    static final TaxonomyNames SKILLS = TaxonomyNames.of(List.of(
            skill("forklift-operation", "Truckkørsel (truckcertifikat)", "Forklift operation",
                    "truckcertifikat", "gaffeltruck"),
            skill("reach-truck", "Reachtruck", "Reach truck operation", "skubmaster", "højlagertruck"),
            skill("order-picking", "Pluk og pak", "Order picking and packing", "plukning", "ordreplukning"),
            skill("truck-maintenance", "Vedligehold af lastbiler", "Truck maintenance"),
            skill("http://data.europa.eu/esco/skill/abc", "Kundeservice", "Customer service", "kundebetjening")));

    static TaxonomyNames.Entry skill(String code, String da, String en, String... synonymsDa) {
        return new TaxonomyNames.Entry(code, da, en, List.of(code), List.of(synonymsDa), List.of());
    }

    @Test
    void aDanishLabelResolvesWhateverItsCaseDiacriticsOrBracketedQualifier() {
        for (String typed : List.of("Truckkørsel (truckcertifikat)", "truckkørsel", "TRUCKKORSEL", "Truckkorsel",
                "  truckkørsel (TRUCKCERTIFIKAT) ", "truckkørsel truckcertifikat")) {
            assertEquals(Optional.of("forklift-operation"), SKILLS.resolve(typed), typed);
        }
    }

    @Test
    void codesEnglishLabelsAndSynonymsResolveToo() {
        assertEquals(Optional.of("forklift-operation"), SKILLS.resolve("forklift-operation"));
        assertEquals(Optional.of("forklift-operation"), SKILLS.resolve("FORKLIFT OPERATION"));
        assertEquals(Optional.of("reach-truck"), SKILLS.resolve("Højlagertruck"));
        assertEquals(Optional.of("reach-truck"), SKILLS.resolve("hojlagertruck"));
        assertEquals(Optional.of("http://data.europa.eu/esco/skill/abc"), SKILLS.resolve("kundebetjening"));
        assertEquals(Optional.empty(), SKILLS.resolve("jonglering"));
        assertEquals(Optional.empty(), SKILLS.resolve("truck"), "a prefix is a suggestion, never a resolution");
    }

    @Test
    void theTypeaheadFindsPrefixesOfTheWholeNameAndOfItsWordsDanishFirst() {
        List<NameMatch> truck = SKILLS.typeahead("truck", 10);
        assertEquals("forklift-operation", truck.get(0).code(), "Danish label starting with it comes first");
        assertTrue(truck.stream().anyMatch(m -> m.code().equals("reach-truck")), "a word of 'Reach truck operation'");
        assertTrue(truck.stream().anyMatch(m -> m.code().equals("truck-maintenance")), "English only");
        assertTrue(truck.indexOf(truck.stream().filter(m -> m.code().equals("truck-maintenance")).findFirst()
                .orElseThrow()) > 0);
        assertEquals(List.of("order-picking"), SKILLS.typeahead("pluk og", 10).stream().map(NameMatch::code).toList());
        assertEquals(List.of("order-picking"), SKILLS.typeahead("og pak", 10).stream().map(NameMatch::code).toList(),
                "every typed word starts a word of the name");
    }

    @Test
    void aMatchByAnotherNameSaysWhichName() {
        NameMatch byAlternative = SKILLS.typeahead("skubm", 5).get(0);
        assertEquals("reach-truck", byAlternative.code());
        assertEquals("skubmaster", byAlternative.matchedName());
        assertNull(SKILLS.typeahead("reacht", 5).get(0).matchedName(), "the preferred label matched");
    }

    @Test
    void typosWithinOneOrTwoEditsAreFoundOnlyWhenPrefixesLeaveRoom() {
        assertEquals("forklift-operation", SKILLS.typeahead("trukkørsel", 3).get(0).code(), "one letter missing");
        assertEquals("forklift-operation", SKILLS.typeahead("turckkrosel", 3).get(0).code(), "two swaps");
        assertEquals("http://data.europa.eu/esco/skill/abc", SKILLS.typeahead("kunedservice", 3).get(0).code());
        assertEquals(List.of(), SKILLS.typeahead("xyz", 3), "three letters: prefixes only");
        assertEquals(List.of(), SKILLS.typeahead("jonglering", 3), "nothing near");
    }

    @Test
    void theResultIsBoundedAndAnEmptyTermFindsNothing() {
        assertEquals(1, SKILLS.typeahead("t", 1).size());
        assertEquals(List.of(), SKILLS.typeahead("   ", 5));
        assertEquals(List.of(), SKILLS.typeahead("(-)", 5));
    }

    @Test
    void theEditDistanceToAPrefixCountsInsertsDeletesSubstitutionsAndSwaps() {
        assertEquals(0, TaxonomyNames.prefixDistance("truck", "truckkorsel", 2));
        assertEquals(1, TaxonomyNames.prefixDistance("trukk", "truckkorsel", 2));
        assertEquals(1, TaxonomyNames.prefixDistance("trcuk", "trucks", 2));
        assertEquals(2, TaxonomyNames.prefixDistance("tursk", "trucks", 2));
        assertEquals(1, TaxonomyNames.prefixDistance("rtuck", "truck", 2));
        assertEquals(3, TaxonomyNames.prefixDistance("abcdef", "truck", 2), "beyond the bound: bound + 1");
    }
}
