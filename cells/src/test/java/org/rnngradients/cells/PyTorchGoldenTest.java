package org.rnngradients.cells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnngradients.linalg.FiniteDifferences;

/**
 * Forward states and gradients against values computed once by PyTorch in float64
 * ({@code src/test/python/make_golden.py}, files under {@code src/test/resources/golden/}): a
 * five-step sequence through {@code nn.RNN} (tanh, relu), {@code nn.GRU} and {@code nn.LSTM} with
 * loss L = Σ_t v_t·h_t (+ u·c_T for the LSTM), differentiated by a plain backward loop over our
 * cells. Metric |a − b| / max(|a|, |b|, 1e-12), tolerance 1e-12.
 */
class PyTorchGoldenTest {
    static final double TOLERANCE = 1e-12;
    static final double FLOOR = 1e-12;

    static Map<String, DMatrixRMaj> load(String file) throws IOException {
        Map<String, DMatrixRMaj> tensors = new LinkedHashMap<>();
        try (InputStream in = PyTorchGoldenTest.class.getResourceAsStream("/golden/" + file)) {
            assertNotNull(in, file);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                DMatrixRMaj m = new DMatrixRMaj(Integer.parseInt(f[1]), Integer.parseInt(f[2]));
                assertEquals(m.getNumElements(), f.length - 3, f[0]);
                for (int k = 0; k < m.getNumElements(); k++) {
                    m.data[k] = Double.parseDouble(f[3 + k]);
                }
                tensors.put(f[0], m);
            }
        }
        return tensors;
    }

    private static void assertMatches(DMatrixRMaj expected, DMatrixRMaj actual, String what) {
        double e = FiniteDifferences.maxRelativeError(expected, actual, FLOOR);
        System.out.printf("golden %-28s max relative error %.3e%n", what, e);
        assertTrue(e <= TOLERANCE, what + ": max relative error " + e);
    }

    private static DMatrixRMaj rowVector(DMatrixRMaj m, int t) {
        DMatrixRMaj v = new DMatrixRMaj(m.numCols, 1);
        System.arraycopy(m.data, t * m.numCols, v.data, 0, m.numCols);
        return v;
    }

    @ParameterizedTest
    @CsvSource({"rnn-tanh, rnn_tanh.csv", "rnn-relu, rnn_relu.csv", "gru, gru.csv", "lstm, lstm.csv"})
    void forwardStatesAndAllGradientsMatchPyTorch(String cliName, String file) throws IOException {
        Map<String, DMatrixRMaj> g = load(file);
        DMatrixRMaj x = g.get("x");
        DMatrixRMaj v = g.get("v");
        int steps = x.numRows;
        int hidden = v.numCols;
        RecurrentCell cell = CellKind.fromCliName(cliName).create(x.numCols, hidden);
        CellParameters theta = cell.parameters().zerosLike();
        for (String name : theta.names()) {
            theta.get(name).setTo(g.get(name));
        }
        cell.setParameters(theta);
        boolean lstm = cell.stateSize() > hidden;

        // forward: s_0 = [h0; c0], s_t = f(s_{t−1}, x_t), keeping one cache per step
        DMatrixRMaj[] states = new DMatrixRMaj[steps + 1];
        StepCache[] caches = new StepCache[steps];
        states[0] = new DMatrixRMaj(cell.stateSize(), 1);
        System.arraycopy(g.get("h0").data, 0, states[0].data, 0, hidden);
        if (lstm) {
            System.arraycopy(g.get("c0").data, 0, states[0].data, hidden, hidden);
        }
        DMatrixRMaj h = new DMatrixRMaj(steps, hidden);
        double loss = 0;
        for (int t = 0; t < steps; t++) {
            caches[t] = cell.newCache();
            states[t + 1] = new DMatrixRMaj(cell.stateSize(), 1);
            cell.forward(states[t], rowVector(x, t), caches[t], states[t + 1]);
            for (int k = 0; k < hidden; k++) {
                h.set(t, k, states[t + 1].data[k]);
                loss += v.get(t, k) * states[t + 1].data[k];
            }
        }
        if (lstm) {
            DMatrixRMaj cT = new DMatrixRMaj(hidden, 1);
            System.arraycopy(states[steps].data, hidden, cT.data, 0, hidden);
            assertMatches(g.get("c_T"), cT, cliName + " c_T");
            for (int k = 0; k < hidden; k++) {
                loss += g.get("u").data[k] * cT.data[k];
            }
        }
        assertMatches(g.get("h"), h, cliName + " hidden states");
        assertMatches(g.get("loss"), new DMatrixRMaj(new double[][] {{loss}}), cliName + " loss");

        DMatrixRMaj u = lstm ? g.get("u") : null;
        CellParameters gradients = cell.parameters().zerosLike();
        DMatrixRMaj gradX = new DMatrixRMaj(steps, x.numCols);
        DMatrixRMaj delta = backpropagate(cell, caches, v, u, gradients, gradX);
        for (String name : gradients.names()) {
            assertMatches(g.get("grad_" + name), gradients.get(name), cliName + " grad " + name);
        }
        assertMatches(g.get("grad_x"), gradX, cliName + " grad x");
        DMatrixRMaj gradH0 = new DMatrixRMaj(hidden, 1);
        System.arraycopy(delta.data, 0, gradH0.data, 0, hidden);
        assertMatches(g.get("grad_h0"), gradH0, cliName + " grad h0");
        if (lstm) {
            DMatrixRMaj gradC0 = new DMatrixRMaj(hidden, 1);
            System.arraycopy(delta.data, hidden, gradC0.data, 0, hidden);
            assertMatches(g.get("grad_c0"), gradC0, cliName + " grad c0");
        }
    }

    /**
     * Backpropagation through time over the cached steps for L = Σ_t v_t·h_t (+ u·c_T): starts from
     * δ_T = [v_T; u], adds each step's ∂L_t/∂h_t and carries δ in one buffer. Writes ∂L/∂x_t into row
     * t of {@code gradX}, adds the parameter gradients and returns δ_0 = ∂L/∂s_0.
     */
    static DMatrixRMaj backpropagate(RecurrentCell cell, StepCache[] caches, DMatrixRMaj v, DMatrixRMaj u,
                                     CellParameters gradients, DMatrixRMaj gradX) {
        int hidden = cell.hiddenSize();
        DMatrixRMaj delta = new DMatrixRMaj(cell.stateSize(), 1);
        if (u != null) {
            System.arraycopy(u.data, 0, delta.data, hidden, hidden);
        }
        DMatrixRMaj inputAdjoint = new DMatrixRMaj(cell.inputSize(), 1);
        // tag::bptt-loop-over-cells[]
        for (int t = caches.length - 1; t >= 0; t--) {
            for (int k = 0; k < hidden; k++) {
                delta.data[k] += v.get(t, k);                                // δ_t += ∂L_t/∂h_t
            }
            cell.backward(caches[t], delta, delta, inputAdjoint, gradients); // δ_{t−1} = J_tᵀ δ_t, θ̄ += …
            System.arraycopy(inputAdjoint.data, 0, gradX.data, t * cell.inputSize(), cell.inputSize());
        }
        // end::bptt-loop-over-cells[]
        return delta;
    }
}
