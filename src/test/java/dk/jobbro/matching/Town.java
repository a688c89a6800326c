package dk.jobbro.matching;

import dk.jobbro.geo.GeoPoint;

/** Places the specifications live in, with their postcode and centre. */
public enum Town {
    AARHUS("8000", 56.1567, 10.2108),
    VIBY_J("8260", 56.1300, 10.1600),
    /** About 36 km north of Aarhus. */
    RANDERS("8900", 56.4607, 10.0364),
    /** About 100 km north of Aarhus. */
    AALBORG("9000", 57.0488, 9.9217),
    ODENSE("5000", 55.3959, 10.3883);

    final String postcode;
    final GeoPoint centre;

    Town(String postcode, double latitude, double longitude) {
        this.postcode = postcode;
        this.centre = new GeoPoint(latitude, longitude);
    }

    public GeoPoint centre() {
        return centre;
    }

    public String postcode() {
        return postcode;
    }

    public double kmTo(Town other) {
        return centre.distanceKm(other.centre);
    }
}
