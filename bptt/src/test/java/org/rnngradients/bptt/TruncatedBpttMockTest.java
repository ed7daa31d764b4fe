package org.rnngradients.bptt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnngradients.bptt.TruncatedBptt.Mode;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.cells.StepCache;

/**
 * Truncated BPTT against a fake cell that records which step each backward call belongs to: the
 * engine must call backward k2 times per chunk (fewer only where the window meets s_0), walking each
 * window from the chunk's end downwards.
 */
class TruncatedBpttMockTest {

    /**
     * The step of each backward call, in call order; the mock also checks the counts independently of that
     * record: forward exactly once per step, backward exactly {@code expectedBackwardCalls} times.
     */
    private static List<Integer> backwardSteps(int length, int k1, int k2, Mode mode, int expectedBackwardCalls) {
        RecurrentCell cell = mock(RecurrentCell.class);
        when(cell.inputSize()).thenReturn(1);
        when(cell.hiddenSize()).thenReturn(1);
        when(cell.stateSize()).thenReturn(1);
        when(cell.parameters()).thenReturn(CellParameters.vanilla(1, 1));
        when(cell.newCache()).thenAnswer(inv -> mock(StepCache.class));
        Map<StepCache, Integer> stepOfCache = new IdentityHashMap<>();
        List<Integer> steps = new ArrayList<>();
        doAnswer(inv -> {
            stepOfCache.put(inv.getArgument(2), (int) ((DMatrixRMaj) inv.getArgument(1)).data[0]);
            return inv.getArgument(3);
        }).when(cell).forward(any(), any(), any(), any());
        doAnswer(inv -> {
            steps.add(stepOfCache.get(inv.<StepCache>getArgument(0)));
            return inv.getArgument(2);
        }).when(cell).backward(any(), any(), any(), any(), any());
        DMatrixRMaj[] inputs = new DMatrixRMaj[length];
        DMatrixRMaj[] targets = new DMatrixRMaj[length];
        for (int t = 1; t <= length; t++) {
            inputs[t - 1] = new DMatrixRMaj(new double[][] {{t}});
            targets[t - 1] = new DMatrixRMaj(1, 1);
        }
        new TruncatedBptt(k1, k2, mode).compute(new RnnModel(cell, new MeanSquaredError()), Sequence.of(inputs, targets));
        verify(cell, times(length)).forward(any(), any(), any(), any());
        verify(cell, times(expectedBackwardCalls)).backward(any(), any(), any(), any(), any());
        return steps;
    }

    @ParameterizedTest(name = "T={0} k1={1} k2={2} {3}: {4}")
    @CsvSource(delimiter = ';', value = {
        "10; 3; 2; STATEFUL; 3 2 6 5 9 8 10 9",
        "10; 3; 5; STATEFUL; 3 2 1 6 5 4 3 2 9 8 7 6 5 10 9 8 7 6",
        "10; 3; 5; STATELESS; 3 2 1 6 5 4 9 8 7 10",
        "9; 3; 3; STATEFUL; 3 2 1 6 5 4 9 8 7",
        "6; 6; 6; STATEFUL; 6 5 4 3 2 1",
        "4; 1; 1; STATELESS; 1 2 3 4"})
    void backwardIsCalledK2TimesPerChunkFromTheChunkEndDownwards(int length, int k1, int k2, Mode mode, String expected) {
        List<Integer> want = new ArrayList<>();
        for (String s : expected.split(" ")) {
            want.add(Integer.parseInt(s));
        }
        assertEquals(want, backwardSteps(length, k1, k2, mode, want.size()));
    }
}
