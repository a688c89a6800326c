package dk.jobbro.taxonomy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny ESCO download, written byte for byte in the format of the official CSV files (v1.1/v1.2): every
 * column in ESCO's order, quotes only where a field holds a comma, quote or line break, alternative labels
 * newline-separated inside one quoted field.
 */
public final class EscoFiles {

    static final String OCC = "http://data.europa.eu/esco/occupation/";
    static final String SKILL = "http://data.europa.eu/esco/skill/";
    static final String ISCO = "http://data.europa.eu/esco/isco/";
    static final String WAREHOUSE_WORKER = OCC + "7a1f3e11-0000-4000-8000-000000000001";
    static final String FORKLIFT_DRIVER = OCC + "7a1f3e11-0000-4000-8000-000000000002";
    static final String GOODS_PICKER = OCC + "7a1f3e11-0000-4000-8000-000000000003";
    static final String NO_CODE = OCC + "7a1f3e11-0000-4000-8000-000000000004";
    static final String OPERATE_FORKLIFT = SKILL + "5b2c4d22-0000-4000-8000-000000000001";
    static final String PACK_GOODS = SKILL + "5b2c4d22-0000-4000-8000-000000000002";
    static final String STOCK_CONTROL = SKILL + "5b2c4d22-0000-4000-8000-000000000003";

    private static final String SCHEME = "\"http://data.europa.eu/esco/concept-scheme/occupations, "
            + "http://data.europa.eu/esco/concept-scheme/member-occupations\"";
    private static final String MODIFIED = "2023-09-12T09:21:48.431Z";

    private EscoFiles() {
    }

    /** English and Danish files of a small occupation pillar with skills, relations and ISCO groups. */
    public static Path writeSample(Path dir) {
        write(dir, "ISCOGroups_en.csv", """
                conceptType,conceptUri,code,preferredLabel,altLabels,inScheme,description
                ISCOGroup,%1$sC432,432,Material-recording and transport clerks,,http://data.europa.eu/esco/concept-scheme/isco,"Material-recording and transport clerks maintain records of goods produced, stored, transported."
                ISCOGroup,%1$sC4321,4321,Stock clerks,,http://data.europa.eu/esco/concept-scheme/isco,"Stock clerks maintain records of goods produced and materials received, weighed, issued, dispatched or put into stock."
                ISCOGroup,%1$sC8344,8344,Lifting truck operators,,http://data.europa.eu/esco/concept-scheme/isco,Lifting truck operators drive and operate lifting trucks.
                """.formatted(ISCO));
        write(dir, "ISCOGroups_da.csv", """
                conceptType,conceptUri,code,preferredLabel,altLabels,inScheme,description
                ISCOGroup,%1$sC432,432,Kontorarbejde i forbindelse med lager og transport,,http://data.europa.eu/esco/concept-scheme/isco,
                ISCOGroup,%1$sC4321,4321,Lagerekspedienter,,http://data.europa.eu/esco/concept-scheme/isco,"Lagerekspedienter fører regnskab med varer, der modtages og udleveres."
                ISCOGroup,%1$sC8344,8344,Truckførere,,http://data.europa.eu/esco/concept-scheme/isco,
                """.formatted(ISCO));
        write(dir, "occupations_en.csv", """
                conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code
                Occupation,%1$s,4321,warehouse worker,"warehouse operative
                stock handler, general
                goods receiver",,released,%6$s,http://data.europa.eu/esco/regulated-professions/unregulated,,,%5$s,"Warehouse workers are responsible for ""handling"" goods: they receive, store and dispatch them.",4321.1
                Occupation,%2$s,8344,forklift operator,"forklift driver
                fork-lift truck driver",,released,%6$s,http://data.europa.eu/esco/regulated-professions/unregulated,,,%5$s,Forklift operators operate forklifts to move goods.,8344.1
                Occupation,%3$s,4321,goods picker,order picker,,released,%6$s,http://data.europa.eu/esco/regulated-professions/unregulated,,,%5$s,"Goods pickers pick, pack and label orders.",4321.1.1
                Occupation,%4$s,4321,occupation without a code,,,released,%6$s,,,,%5$s,An occupation from an older ESCO version.,
                """.formatted(WAREHOUSE_WORKER, FORKLIFT_DRIVER, GOODS_PICKER, NO_CODE, SCHEME, MODIFIED));
        write(dir, "occupations_da.csv", """
                conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code
                Occupation,%1$s,4321,lagermedarbejder,"lagerarbejder
                varemodtager, lager",,released,%5$s,http://data.europa.eu/esco/regulated-professions/unregulated,,,%4$s,"Lagermedarbejdere modtager, opbevarer og sender varer.",4321.1
                Occupation,%2$s,8344,truckfører,"gaffeltruckfører
                truckchauffør",,released,%5$s,http://data.europa.eu/esco/regulated-professions/unregulated,,,%4$s,Truckførere kører truck.,8344.1
                Occupation,%3$s,4321,plukker,ordreplukker,,released,%5$s,http://data.europa.eu/esco/regulated-professions/unregulated,,,%4$s,"Plukkere plukker, pakker og mærker ordrer.",4321.1.1
                """.formatted(WAREHOUSE_WORKER, FORKLIFT_DRIVER, GOODS_PICKER, SCHEME, MODIFIED));
        write(dir, "skills_en.csv", """
                conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description
                KnowledgeSkillCompetence,%1$s,skill/competence,sector-specific,operate forklift,"drive forklift
                use forklift truck, counterbalance",,released,%4$s,,,"http://data.europa.eu/esco/concept-scheme/skills, http://data.europa.eu/esco/concept-scheme/member-skills","Operate a forklift, a vehicle with a forked device in front for lifting and carrying heavy loads."
                KnowledgeSkillCompetence,%2$s,skill/competence,cross-sector,"pack goods, by hand","packing
                package stock",,released,%4$s,,,http://data.europa.eu/esco/concept-scheme/skills,Pack different kinds of goods.
                KnowledgeSkillCompetence,%3$s,knowledge,sector-specific,stock control,"inventory control
                ""just in time"" stock keeping",,released,%4$s,,,http://data.europa.eu/esco/concept-scheme/skills,The procedures of keeping stock.
                """.formatted(OPERATE_FORKLIFT, PACK_GOODS, STOCK_CONTROL, MODIFIED));
        write(dir, "skills_da.csv", """
                conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description
                KnowledgeSkillCompetence,%1$s,skill/competence,sector-specific,betjene gaffeltruck,"køre truck
                truckkørsel, modvægt",,released,%4$s,,,http://data.europa.eu/esco/concept-scheme/skills,"Betjene en gaffeltruck, et køretøj til tunge byrder."
                KnowledgeSkillCompetence,%2$s,skill/competence,cross-sector,pakke varer,emballering,,released,%4$s,,,http://data.europa.eu/esco/concept-scheme/skills,Pakke forskellige slags varer.
                KnowledgeSkillCompetence,%3$s,knowledge,sector-specific,lagerstyring,,,released,%4$s,,,http://data.europa.eu/esco/concept-scheme/skills,
                """.formatted(OPERATE_FORKLIFT, PACK_GOODS, STOCK_CONTROL, MODIFIED));
        String relations = """
                occupationUri,relationType,skillType,skillUri
                %1$s,essential,skill/competence,%3$s
                %1$s,essential,knowledge,%4$s
                %1$s,optional,skill/competence,%5$s
                %2$s,essential,skill/competence,%5$s
                %2$s,essential,skill/competence,%6$sunknown
                """.formatted(WAREHOUSE_WORKER, FORKLIFT_DRIVER, PACK_GOODS, STOCK_CONTROL, OPERATE_FORKLIFT, SKILL);
        write(dir, "occupationSkillRelations_en.csv", relations);
        write(dir, "occupationSkillRelations_da.csv", relations);
        write(dir, "broaderRelationsOccPillar_en.csv", """
                conceptType,conceptUri,broaderType,broaderUri
                Occupation,%1$s,ISCOGroup,%4$sC4321
                Occupation,%2$s,ISCOGroup,%4$sC8344
                Occupation,%3$s,Occupation,%1$s
                ISCOGroup,%4$sC4321,ISCOGroup,%4$sC432
                """.formatted(WAREHOUSE_WORKER, FORKLIFT_DRIVER, GOODS_PICKER, ISCO));
        return dir;
    }

    /** Writes CRLF between records and LF inside quoted fields: the reader must take both. */
    static void write(Path dir, String name, String lf) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name), crlfOutsideQuotes(lf), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String crlfOutsideQuotes(String text) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == '\n' && !quoted) {
                out.append('\r');
            }
            out.append(c);
        }
        return out.toString();
    }
}
