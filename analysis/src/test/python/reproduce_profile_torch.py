"""Recomputes a gradient profile from an rnn-gradients output directory with PyTorch's autograd.

    java -jar analysis/target/rnn-gradients-analysis-0.1.0-SNAPSHOT-cli.jar profile --cell lstm --steps 40 --out run
    python3 analysis/src/test/python/reproduce_profile_torch.py run lstm

Loads the state_dict files into torch.nn.LSTM, GRU or RNN (float64), runs the cell step by step over
inputs.npy from initial_state.npy ([h_0; c_0] for the LSTM), takes L = u . h_T with u = target.npy,
and reads dL/dh_t from autograd (c_t is a separate variable, as in the profile's state [h; c]).
Prints the largest difference from profile.csv's log_norm column. Autograd works in plain floating
point, so keep T short enough that the norms neither underflow nor overflow.
"""
import os
import sys

import numpy as np
import torch

MODULES = {
    "lstm": lambda i, h: torch.nn.LSTM(i, h),
    "gru": lambda i, h: torch.nn.GRU(i, h),
    "rnn-tanh": lambda i, h: torch.nn.RNN(i, h, nonlinearity="tanh"),
    "rnn-relu": lambda i, h: torch.nn.RNN(i, h, nonlinearity="relu"),
}


def main(run, cell):
    load = lambda name: torch.from_numpy(np.load(os.path.join(run, name)))
    names = ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"]
    state_dict = {name: load(name + ".npy") for name in names}
    hidden, inputs = state_dict["weight_hh_l0"].shape[1], state_dict["weight_ih_l0"].shape[1]
    model = MODULES[cell](inputs, hidden).double()
    model.load_state_dict(state_dict)
    xs, s0, u = load("inputs.npy"), load("initial_state.npy"), load("target.npy")
    h = s0[:hidden].view(1, 1, hidden)
    c = s0[hidden:].view(1, 1, hidden) if cell == "lstm" else None
    hs = []
    for x in xs:
        step = x.view(1, 1, inputs)
        if c is None:
            _, h = model(step, h)
        else:
            _, (h, c) = model(step, (h, c))
        h.retain_grad()
        hs.append(h)
    torch.dot(u, hs[-1].view(-1)).backward()
    logs = np.array([np.log(torch.linalg.norm(h.grad).item()) for h in hs])
    java = np.loadtxt(os.path.join(run, "profile.csv"), delimiter=",", skiprows=1)[:, 1]
    print("steps", len(java), "max |difference| of ln||dL/dh_t||:", np.max(np.abs(logs - java)))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "lstm")
