package org.rnngradients.cells;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnngradients.linalg.RandomSource;

/** A loop may step a state in place and carry one adjoint buffer: results equal the separate-buffer ones. */
class AliasingTest {

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void forwardInPlaceAndBackwardInPlaceGiveTheSameNumbers(CellKind kind) {
        CellFixture f = new CellFixture(kind.create(3, 5), 0.6, RandomSource.seeded(31));
        DMatrixRMaj inPlace = f.previous.copy();
        StepCache cache = f.cell.newCache();
        f.cell.forward(inPlace, f.input, cache, inPlace);
        assertArrayEquals(f.state.data, inPlace.data, 0.0);

        DMatrixRMaj delta = CellFixture.randomVector(f.cell.stateSize(), RandomSource.seeded(37));
        DMatrixRMaj separate = new DMatrixRMaj(f.cell.stateSize(), 1);
        f.cell.backward(f.cache, delta, separate, null, f.cell.parameters().zerosLike());
        DMatrixRMaj carried = delta.copy();
        f.cell.backward(cache, carried, carried, null, f.cell.parameters().zerosLike());
        assertArrayEquals(separate.data, carried.data, 0.0);
    }
}
