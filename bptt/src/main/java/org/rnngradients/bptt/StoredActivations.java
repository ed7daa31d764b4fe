package org.rnngradients.bptt;

import org.rnngradients.cells.StepCache;
import org.rnngradients.linalg.Require;

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
        return length * cacheBytes + (length + 1) * stateBytes;
    }

    /** Bytes of a double array of length n (payload plus header). */
    static long arrayBytes(long n) {
        return 16 + 8 * n;
    }
}
