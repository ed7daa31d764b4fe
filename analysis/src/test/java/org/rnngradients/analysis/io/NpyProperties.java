package org.rnngradients.analysis.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.file.Path;

/** Encoding then parsing any supported array gives back the same shape and the same bits. */
class NpyProperties {

    @Property(tries = 1000)
    void encodeThenParseGivesIdenticalBits(@ForAll("arrays") NpyArray array) {
        NpyArray back = Npy.parse(Npy.encode(array), Path.of("generated.npy"));
        assertTrue(array.sameBits(back), array.toString());
    }

    @Provide
    Arbitrary<NpyArray> arrays() {
        Arbitrary<int[]> shapes = Arbitraries.oneOf(
                Arbitraries.just(new int[0]),
                Arbitraries.integers().between(0, 40).map(n -> new int[] {n}),
                Combinators.combine(Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 12))
                        .as((r, c) -> new int[] {r, c}));
        Arbitrary<Double> values = Arbitraries.oneOf(
                Arbitraries.doubles(),
                Arbitraries.longs().map(Double::longBitsToDouble).filter(x -> !Double.isNaN(x)),
                Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE,
                        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN));
        return shapes.flatMap(shape -> {
            int n = 1;
            for (int d : shape) {
                n *= d;
            }
            return values.array(double[].class).ofSize(n).map(data -> new NpyArray(shape, data));
        });
    }
}
