package org.rnngradients.cells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bytes each cache reports against the arrays it actually holds, found here by reflection over
 * the cache's own fields (16-byte header plus 8 bytes per double, 1 per boolean): a cache that gains
 * an array without counting it fails this test.
 */
class CacheBytesTest {

    private static long arraysHeldBy(Object cache) throws IllegalAccessException {
        long bytes = 0;
        int arrays = 0;
        for (Class<?> k = cache.getClass(); k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Object v = f.get(cache);
                if (v instanceof DMatrixRMaj m) {
                    bytes += 16 + 8L * m.data.length;
                    arrays++;
                } else if (v instanceof boolean[] b) {
                    bytes += 16 + b.length;
                    arrays++;
                }
            }
        }
        assertTrue(arrays >= 3, "found the cache's arrays: " + arrays);
        return bytes;
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void aStepCacheReportsTheBytesOfItsArrays(CellKind kind) throws IllegalAccessException {
        StepCache cache = kind.create(3, 7).newCache();
        assertEquals(arraysHeldBy(cache), cache.bytes());
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void aBatchCacheReportsTheBytesOfItsArrays(CellKind kind) throws IllegalAccessException {
        BatchCache cache = kind.create(3, 7).newPass(5).newCache();
        assertEquals(arraysHeldBy(cache), cache.bytes());
    }
}
