package org.rnngradients.bptt;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.cells.StepCache;
import org.rnngradients.linalg.Require;

/**
 * The activation memory an engine holds: how many state vectors and step caches it keeps, and their
 * bytes. A cache's bytes are counted from its {@code double[]}/{@code int[]} arrays and
 * {@link DMatrixRMaj} fields (payload plus 16-byte array headers), found by reflection, so the figure
 * tracks whatever the cell actually stores.
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
                arrayBytes(stateSize), bytesOf(cache));
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

    /** Bytes held by the numeric arrays a cache references directly (and through its DMatrixRMaj fields). */
    public static long bytesOf(StepCache cache) {
        Require.nonNull(cache, "cache");
        long bytes = 0;
        for (Class<?> k = cache.getClass(); k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    bytes += fieldBytes(f, cache);
                }
            }
        }
        return bytes;
    }

    private static long fieldBytes(Field f, Object owner) {
        try {
            f.setAccessible(true);
            Object v = f.get(owner);
            if (v instanceof DMatrixRMaj m) {
                return arrayBytes(m.data.length);
            } else if (v instanceof double[] d) {
                return arrayBytes(d.length);
            } else if (v instanceof int[] i) {
                return 16 + 4L * i.length;
            }
            return 0;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return 0;
        }
    }
}
