"""Regenerates analysis/src/test/resources/npy/torch/: real PyTorch cells and PyTorch's own results.

Run from the repository root (needs PyTorch and NumPy; Debian: apt-get install python3-torch python3-numpy):

    python3 analysis/src/test/python/export_torch_fixtures.py

For each of torch.nn.LSTM, torch.nn.GRU and torch.nn.RNN (tanh and relu), with input_size=2,
hidden_size=3, float64 and a fixed torch.manual_seed, it writes into torch/<cell>/ (cell named as
the CLI's --cell):

    weight_ih_l0.npy weight_hh_l0.npy bias_ih_l0.npy bias_hh_l0.npy
                           the state_dict, exported by the loop of export_state_dict.py unchanged
    inputs.npy             x_1..x_T as a T x 2 array (row t-1 = x_t), T = 6
    initial_state.npy      s_0 = h_0, or [h_0; c_0] for the LSTM (the CLI's state layout)
    final_state.npy        PyTorch's s_T = h_T, or [h_T; c_T]
    target.npy             a unit vector u; the loss is L = u . h_T
    grad_initial_state.npy dL/ds_0 by PyTorch's autograd ([dL/dh_0; dL/dc_0] for the LSTM)
    grad_inputs.npy        dL/dx_t by autograd, T x 2

The Java test TorchInteropTest loads these with StateDictIO, runs its own cells and compares.
The files are a few hundred bytes each; PyTorch 1.13 and NumPy 1.24 made the committed ones.
"""
import os

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "npy", "torch")
SEED = 4  # a seed where the ReLU network keeps a live path, so no gradient is identically zero
STEPS = 6
INPUT, HIDDEN = 2, 3

CELLS = {
    "lstm": lambda: torch.nn.LSTM(input_size=INPUT, hidden_size=HIDDEN),
    "gru": lambda: torch.nn.GRU(input_size=INPUT, hidden_size=HIDDEN),
    "rnn-tanh": lambda: torch.nn.RNN(input_size=INPUT, hidden_size=HIDDEN, nonlinearity="tanh"),
    "rnn-relu": lambda: torch.nn.RNN(input_size=INPUT, hidden_size=HIDDEN, nonlinearity="relu"),
}


def export(model, directory):
    """The README's snippet: every state_dict entry as <key>.npy in float64."""
    os.makedirs(directory, exist_ok=True)
    for name, tensor in model.state_dict().items():  # weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0
        np.save(os.path.join(directory, name + ".npy"), tensor.detach().cpu().double().numpy())


def save(directory, name, tensor):
    np.save(os.path.join(directory, name + ".npy"), tensor.detach().cpu().double().numpy())


def fixture(cell, make):
    """One cell: its weights, a short input sequence, and PyTorch's final state and gradients."""
    torch.manual_seed(SEED)
    model = make().double()
    lstm = isinstance(model, torch.nn.LSTM)
    xs = torch.randn(STEPS, 1, INPUT, dtype=torch.float64, requires_grad=True)  # (T, batch 1, I)
    s0 = torch.randn(2 * HIDDEN if lstm else HIDDEN, dtype=torch.float64, requires_grad=True)
    u = torch.randn(HIDDEN, dtype=torch.float64)
    u = u / u.norm()
    h0 = s0[:HIDDEN].view(1, 1, HIDDEN)
    state = (h0, s0[HIDDEN:].view(1, 1, HIDDEN)) if lstm else h0
    _, final = model(xs, state)
    s_t = torch.cat([final[0].view(-1), final[1].view(-1)]) if lstm else final.view(-1)
    loss = torch.dot(u, s_t[:HIDDEN])
    loss.backward()
    directory = os.path.join(OUT, cell)
    export(model, directory)
    save(directory, "inputs", xs.view(STEPS, INPUT))
    save(directory, "initial_state", s0)
    save(directory, "final_state", s_t)
    save(directory, "target", u)
    save(directory, "grad_initial_state", s0.grad)
    save(directory, "grad_inputs", xs.grad.view(STEPS, INPUT))


if __name__ == "__main__":
    for name, make in CELLS.items():
        fixture(name, make)
    print("torch", torch.__version__, "numpy", np.__version__, "->", os.path.normpath(OUT))
