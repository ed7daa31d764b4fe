package org.rnngradients.bptt;

import org.rnngradients.cells.StepCache;
import org.rnngradients.linalg.internal.Require;

/**
 * The activation memory an engine holds: how many state vectors and step caches it keeps, and their
 * bytes. A cache's bytes are what the cell's cache reports ({@link StepCache#bytes()}: its numeric
 * arrays, payload plus 16-byte array headers), so the figure tracks whatever the cell actually stores.
 *
 * @param storedStates   state vectors held (checkpoints plus one segment's states)
 * @param storedCaches   step caches held
 * @param stateBytes     bytes of one state vector
 * @param cacheBytes     bytes of one step cache
 */
public record StoredActivations(long storedStates, long storedCaches, long stateBytes, long cacheBytes) {

    /** Counts and sizes are never negative. */
    public StoredActivations {
        requireNonNegative(storedStates, "storedStates");
        requireNonNegative(storedCaches, "storedCaches");
        requireNonNegative(stateBytes, "stateBytes");
        requireNonNegative(cacheBytes, "cacheBytes");
    }

    private static void requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + value);
        }
    }

    /** What {@link CheckpointedBptt} holds: the checkpoints, plus c caches and c + 1 states for one segment. */
    static StoredActivations measure(int checkpoints, int segmentLength, int stateSize, StepCache cache) {
        return new StoredActivations(checkpoints + segmentLength + 1L, segmentLength,
                arrayBytes(stateSize), cache.bytes());
    }

    /** Total bytes held. */
    public long bytes() {
        return storedStates * stateBytes + storedCaches * cacheBytes;
    }

    /** What full BPTT holds for the same cell at length T: T caches and T + 1 states. */
    public long fullStorageBytes(long length) {
        Require.positive((double) length, "length");
        try {
            return Math.addExact(Math.multiplyExact(length, cacheBytes), Math.multiplyExact(length + 1, stateBytes));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("length must keep the bytes within a long, was " + length);
        }
    }

    /** Bytes of a double array of length n (payload plus header). */
    static long arrayBytes(long n) {
        return 16 + 8 * n;
    }
}
