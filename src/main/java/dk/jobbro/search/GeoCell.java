package dk.jobbro.search;

/**
 * A point's cell on a Z-order curve: latitude and longitude each cut into 65,536 steps over their whole range (about
 * 300 m), their bits interleaved (longitude in the even bits), so nearby points get nearby numbers. Both indexes are
 * sorted by the cell of their documents' point (the citizen's home, the posting's workplace): a search around a
 * point then reads each segment's in-memory arrays in a few runs of neighbouring doc ids instead of one cache miss a
 * document.
 */
final class GeoCell {

    private GeoCell() {
    }

    static long of(double latitude, double longitude) {
        long y = step((latitude + 90) / 180);
        long x = step((longitude + 180) / 360);
        return spread(x) | (spread(y) << 1);
    }

    private static long step(double share) {
        return Math.max(0, Math.min(65_535, (long) (share * 65_536)));
    }

    /** The 16 low bits of {@code v} moved to the even bits of the result. */
    private static long spread(long v) {
        v = (v | (v << 8)) & 0x00FF00FFL;
        v = (v | (v << 4)) & 0x0F0F0F0FL;
        v = (v | (v << 2)) & 0x33333333L;
        v = (v | (v << 1)) & 0x55555555L;
        return v;
    }
}
