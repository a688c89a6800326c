package dk.jobbro.geo;

/** WGS84 coordinates in decimal degrees. */
public record GeoPoint(double latitude, double longitude) {

    /** The mean earth radius of {@link #distanceKm}. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    /** Great-circle (haversine) distance; within 0.5 % of road-free reality at Danish distances. */
    public double distanceKm(GeoPoint other) {
        double lat1 = Math.toRadians(latitude);
        double lat2 = Math.toRadians(other.latitude);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(other.longitude - longitude);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /**
     * sin&sup2;(km / 2R): the haversine term {@code h} of {@link #distanceKm} at a distance of {@code km}, for comparing
     * an {@code h} with a limit without the arc sine; 2 (above any h) past half the globe.
     */
    public static double haversineTermAt(double km) {
        double half = km / (2 * EARTH_RADIUS_KM);
        if (half >= Math.PI / 2) {
            return 2;
        }
        double s = Math.sin(half);
        return s * s;
    }
}
