package org.rnngradients.linalg;

import org.rnngradients.linalg.internal.Require;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The one seeded source of randomness: every random number in the project comes from an instance
 * of this class, so a result is reproducible from its seed.
 *
 * <p>{@link #fork(String)} derives an independent stream from the seed and a label, so adding
 * draws in one place (say, the inputs) does not shift the numbers drawn in another (the weights).
 * Not thread-safe: give each thread its own fork.
 */
public final class RandomSource {
    private final long seed;
    private final SplittableRandom random;

    private RandomSource(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** A source whose whole stream is determined by {@code seed}. */
    public static RandomSource seeded(long seed) {
        return new RandomSource(seed);
    }

    /** The seed this source was made from. */
    public long seed() {
        return seed;
    }

    // tag::random-fork[]
    /**
     * A new source determined by this source's seed and {@code label} only, not by draws made so far;
     * the same label always gives the same stream.
     */
    public RandomSource fork(String label) {
        Require.nonNull(label, "label");
        long h = seed;
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xff));
        }
        return new RandomSource(mix(h + 0x9E3779B97F4A7C15L));
    }
    // end::random-fork[]

    /** A uniform draw from [lo, hi) (a draw that rounds up to hi is moved just below it). */
    public double uniform(double lo, double hi) {
        Require.finite(lo, "lo");
        Require.finite(hi, "hi");
        if (!(hi > lo) || !Double.isFinite(hi - lo)) {
            throw new IllegalArgumentException("hi must be > lo with hi - lo finite, was lo=" + lo + ", hi=" + hi);
        }
        double x = lo + (hi - lo) * random.nextDouble();
        return x < hi ? x : Math.nextDown(hi);
    }

    /** A uniform draw from [0, 1). */
    public double uniform() {
        return random.nextDouble();
    }

    /** A standard normal draw. */
    public double gaussian() {
        return random.nextGaussian();
    }

    /** A uniform integer from [0, bound). */
    public int nextInt(int bound) {
        Require.positive(bound, "bound");
        return random.nextInt(bound);
    }

    /** A uniform integer from [lo, hi). */
    public int nextInt(int lo, int hi) {
        if (hi <= lo) {
            throw new IllegalArgumentException("hi must be > lo, was lo=" + lo + ", hi=" + hi);
        }
        return random.nextInt(lo, hi);
    }

    /** SplitMix64's finaliser: a bijective 64-bit mixer. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
