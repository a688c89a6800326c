package dk.jobbro.search;

import org.apache.lucene.util.NumericUtils;

/**
 * Every citizen one walk of the bound query matched, with their bound, handed out best bound first: a binary max-heap
 * of (bound, slot) packed into longs. Built in O(n), each {@link #poll} O(log n), so a ranking that needs 1,200
 * citizens of 21,000 pays one walk and 1,200 pops instead of a fresh top-(seen + n) search per page.
 *
 * <p>Not thread-safe: one per ranking.
 */
final class BoundOrder {

    private long[] ids = new long[1024];
    private float[] bounds = new float[1024];
    private int added;
    private long[] heap;
    private int size;

    /** During the walk: one matched citizen and their bound, kept as the nearest float not below it. */
    void add(long id, double exact) {
        float bound = (float) exact;
        if (bound < exact) {
            bound = Math.nextUp(bound);
        }
        if (added == ids.length) {
            ids = java.util.Arrays.copyOf(ids, added * 2);
            bounds = java.util.Arrays.copyOf(bounds, added * 2);
        }
        ids[added] = id;
        bounds[added] = bound;
        added++;
    }

    /** After the walk: orders what was added. */
    BoundOrder heapify() {
        heap = new long[added];
        for (int i = 0; i < added; i++) {
            // The sortable int keeps float order in the high half; the slot in the low half breaks nothing.
            heap[i] = ((long) NumericUtils.floatToSortableInt(bounds[i]) << 32) | i;
        }
        size = added;
        for (int i = size / 2 - 1; i >= 0; i--) {
            down(i);
        }
        return this;
    }

    int matched() {
        return added;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The best bound not handed out yet; only when not empty. */
    float peekBound() {
        return bounds[(int) heap[0]];
    }

    /** The slot of the best bound not handed out yet, removed; read it with {@link #id} and {@link #bound}. */
    int poll() {
        int slot = (int) heap[0];
        heap[0] = heap[--size];
        down(0);
        return slot;
    }

    long id(int slot) {
        return ids[slot];
    }

    float bound(int slot) {
        return bounds[slot];
    }

    private void down(int i) {
        long item = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < size && heap[child + 1] > heap[child]) {
                child++;
            }
            if (heap[child] <= item) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        if (i < size) {
            heap[i] = item;
        }
    }
}
