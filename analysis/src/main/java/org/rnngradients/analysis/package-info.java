/**
 * Products of step Jacobians and what they say about vanishing and exploding gradients.
 *
 * <ul>
 *   <li>Sources of Jacobians: {@link org.rnngradients.analysis.JacobianSource} with
 *       {@link org.rnngradients.analysis.CellTrajectory} (any recurrent cell, LSTM with its full [h; c]
 *       state), {@link org.rnngradients.analysis.LinearMap}, {@link org.rnngradients.analysis.HenonMap}
 *       and {@link org.rnngradients.analysis.JacobianSequence}.</li>
 *   <li>Long products without overflow: {@link org.rnngradients.linalg.ProductSingularValues}
 *       (QR accumulation plus log-scaled Jacobi) and {@link org.rnngradients.analysis.JacobianProduct}
 *       (∂h_T/∂h_t for every t).</li>
 *   <li>Bounds: {@link org.rnngradients.analysis.StepSeries} (ρ(J_t), ‖J_t‖),
 *       {@link org.rnngradients.analysis.EffectiveScale} (γ), {@link org.rnngradients.analysis.BoundVersusActual}
 *       and the tight/loose {@link org.rnngradients.analysis.JacobianConstructions}.</li>
 *   <li>Rates: {@link org.rnngradients.analysis.LyapunovSpectrum} (Benettin's QR method),
 *       {@link org.rnngradients.analysis.Regime} and {@link org.rnngradients.analysis.DecayFit}.</li>
 * </ul>
 * Natural logarithms throughout; exponents are in nats per step.
 */
package org.rnngradients.analysis;
