"""Recomputes a vanilla-RNN gradient profile from an rnn-gradients output directory with NumPy alone.

    java -jar analysis/target/rnn-gradients-analysis-0.1.0-SNAPSHOT-cli.jar profile --cell rnn-tanh --out run
    python3 analysis/src/test/python/reproduce_profile.py run rnn-tanh

Reads the parameters (PyTorch state_dict names), inputs.npy, initial_state.npy and target.npy, runs the
forward pass h_t = phi(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh), back-propagates dL/dh_T = u through
J_t = diag(phi'(z_t)) W_hh (renormalising each step, as the profile is kept in log space), and prints the
largest difference from profile.csv's log_norm column.
"""
import os
import sys

import numpy as np

PHI = {
    "rnn-tanh": (np.tanh, lambda z, h: 1 - h * h),
    "rnn-relu": (lambda z: np.maximum(z, 0), lambda z, h: (z > 0).astype(float)),
    "rnn-sigmoid": (lambda z: 1 / (1 + np.exp(-z)), lambda z, h: h * (1 - h)),
    "rnn-identity": (lambda z: z, lambda z, h: np.ones_like(z)),
}


def main(run, cell):
    load = lambda name: np.load(os.path.join(run, name))
    w_ih, w_hh = load("weight_ih_l0.npy"), load("weight_hh_l0.npy")
    b = load("bias_ih_l0.npy") + load("bias_hh_l0.npy")
    xs, h, u = load("inputs.npy"), load("initial_state.npy"), load("target.npy")
    phi, dphi = PHI[cell]
    derivatives = []
    for x in xs:
        z = w_ih @ x + w_hh @ h + b
        h = phi(z)
        derivatives.append(dphi(z, h))
    delta, log_scale, logs = u.copy(), 0.0, []
    for d in reversed(derivatives):
        logs.append(log_scale + np.log(np.linalg.norm(delta)))
        delta = w_hh.T @ (d * delta)
        norm = np.linalg.norm(delta)
        log_scale, delta = log_scale + np.log(norm), delta / norm
    logs = np.array(logs[::-1])
    java = np.loadtxt(os.path.join(run, "profile.csv"), delimiter=",", skiprows=1)[:, 1]
    print("steps", len(java), "max |difference| of ln||dL/dh_t||:", np.max(np.abs(logs - java)))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "rnn-tanh")
