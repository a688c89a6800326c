package dk.jobbro.search;

import dk.jobbro.matching.CitizenFacts;
import dk.jobbro.vocabulary.LanguageLevel;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;

import java.util.Map;

import static dk.jobbro.search.CitizenFields.*;

/**
 * Maps a citizen's facts to an index document: the non-sensitive half only (see {@link CitizenFields}). Skills,
 * occupations and what else only the bound needs are not in the document: the bound reads them as ids from memory
 * ({@link CitizenIndex#citizens}).
 */
final class CitizenDocuments {

    /** km per degree of latitude on the sphere GeoPoint measures on (radius 6371.0088 km). */
    static final double KM_PER_DEGREE = 6371.0088 * Math.PI / 180;
    /** The box is widened by this share, so rounding never leaves a point of the circle outside it. */
    private static final double BOX_MARGIN = 1.01;

    private CitizenDocuments() {
    }

    static Document toDocument(CitizenFacts f) {
        Document d = new Document();
        d.add(new StringField(ID, Long.toString(f.id()), Field.Store.NO));
        d.add(new NumericDocValuesField(ID_VALUE, f.id()));
        d.add(new StringField(TARGET_GROUP, f.targetGroup().name(), Field.Store.NO));
        d.add(new StringField(JOBCENTRE, f.jobcentre(), Field.Store.NO));
        double lat = f.home().latitude();
        double lon = f.home().longitude();
        d.add(new DoublePoint(COMMUTE_BOX, commuteBox(lat, lon, f.maxCommuteKm())));
        d.add(new NumericDocValuesField(HOME_LATITUDE, Double.doubleToRawLongBits(lat)));
        d.add(new NumericDocValuesField(HOME_LONGITUDE, Double.doubleToRawLongBits(lon)));
        d.add(new NumericDocValuesField(COMMUTE_KM, f.maxCommuteKm()));
        d.add(new NumericDocValuesField(HOME_CELL, GeoCell.of(lat, lon)));
        d.add(new IntField(MAX_HOURS, f.maxHoursPerWeek(), Field.Store.NO));
        if (f.drivingLicence()) {
            d.add(new StringField(LICENCE, YES, Field.Store.NO));
        }
        for (Map.Entry<String, LanguageLevel> l : f.languages().entrySet()) {
            for (int level = 0; level <= l.getValue().ordinal(); level++) {
                d.add(new StringField(LANGUAGE, languageTerm(l.getKey(), level), Field.Store.NO));
            }
        }
        for (Long employer : f.notForEmployers().keySet()) {
            d.add(new StringField(NOT_FOR_EMPLOYER, employer.toString(), Field.Store.NO));
        }
        for (String occupation : f.notForOccupations().keySet()) {
            d.add(new StringField(NOT_FOR_OCCUPATION, occupation, Field.Store.NO));
        }
        return d;
    }

    static String languageTerm(String language, int levelOrdinal) {
        return language + ":" + levelOrdinal;
    }

    /**
     * A box holding the whole commute circle (minLat, minLon, maxLat, maxLon): latitude spans the radius; longitude
     * spans it at the box's edge nearest the pole, where a degree is shortest; both widened by 1 %.
     */
    static double[] commuteBox(double lat, double lon, double km) {
        double dLat = km / KM_PER_DEGREE * BOX_MARGIN + 1e-9;
        double poleward = Math.min(89.0, Math.abs(lat) + dLat);
        double dLon = Math.min(180, km / (KM_PER_DEGREE * Math.cos(Math.toRadians(poleward))) * BOX_MARGIN + 1e-9);
        return new double[]{lat - dLat, lon - dLon, lat + dLat, lon + dLon};
    }
}
