package org.rnngradients.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figure-making chapters write their figure and numbers, and the numbers say what the prose says. */
class ChaptersTest {

    private static double number(Attributes a, String name) {
        return Double.parseDouble(a.get(name).replace('\u2212', '-'));
    }

    @Test
    void gammaBoundLevelsAreOrderedAsTheProseSays(@TempDir Path dir) {
        Attributes a = new Attributes();
        new GammaChapter().contribute(a, new Figures(dir));
        assertTrue(number(a, "gamma-actual-end") < number(a, "gamma-bound-end"));
        assertTrue(number(a, "gamma-bound-end") <= number(a, "gamma-line-end"));
        assertTrue(number(a, "gamma-actual-end") < 0, "vanishes although gamma > 1");
        assertTrue(Files.exists(dir.resolve("gamma-bound.svg")));
    }

    @Test
    void alignedConstructionAttainsTheBoundAndMisalignedDoesNot(@TempDir Path dir) {
        Attributes a = new Attributes();
        new ProductChapter().contribute(a, new Figures(dir));
        assertTrue(number(a, "bound-misaligned-gap") > 1, "orders of magnitude below the bound");
        assertTrue(Files.exists(dir.resolve("bound-versus-actual.svg")));
    }

    @Test
    void truncationBiasVanishesForTheFullWindowAndShrinksWithTheWindowWhenGradientsVanish() {
        double[] bias = TruncationExperiment.relativeBias(0.5, 81);
        assertTrue(bias[bias.length - 1] < 1e-12, "BPTT(T, T) is exact");
        assertTrue(bias[0] > bias[5] && bias[5] > bias[8], "k = 1 > k = 10 > k = 30");
    }
}
