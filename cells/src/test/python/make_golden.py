"""Golden values for the cells module, produced once by PyTorch in float64.

For nn.RNN (tanh, relu), nn.GRU and nn.LSTM with input size 3, hidden size 4, batch 1 and a
sequence of 5 steps, it writes the weights in PyTorch's layout, the inputs, the initial state, the
hidden states of every step, and the gradients of the loss

    L = sum_t v_t . h_t            (+ u . c_T for the LSTM)

with respect to every parameter, every input and the initial state.

Rerun from the repository root (Debian: apt-get install python3-torch python3-numpy):

    /usr/bin/python3 cells/src/test/python/make_golden.py cells/src/test/resources/golden

Each output file is CSV, one tensor per line: name,rows,cols,values in row-major order, with
Python's repr of each float64 (the shortest text that parses back to the same double).
"""
import os
import sys

import torch

I, H, T = 3, 4, 5


def row(name, tensor):
    t = tensor.detach().to(torch.float64)
    if t.dim() == 1:
        t = t.reshape(-1, 1)
    t = t.reshape(t.shape[0], -1)
    values = ",".join(repr(float(v)) for v in t.flatten().tolist())
    return f"{name},{t.shape[0]},{t.shape[1]},{values}\n"


def golden(kind, seed):
    torch.manual_seed(seed)
    if kind in ("rnn_tanh", "rnn_relu"):
        model = torch.nn.RNN(I, H, nonlinearity=kind[4:], dtype=torch.float64)
    elif kind == "gru":
        model = torch.nn.GRU(I, H, dtype=torch.float64)
    else:
        model = torch.nn.LSTM(I, H, dtype=torch.float64)
    x = torch.empty(T, 1, I, dtype=torch.float64).uniform_(-1, 1).requires_grad_()
    h0 = torch.empty(1, 1, H, dtype=torch.float64).uniform_(-1, 1).requires_grad_()
    c0 = torch.empty(1, 1, H, dtype=torch.float64).uniform_(-1, 1).requires_grad_()
    v = torch.empty(T, H, dtype=torch.float64).uniform_(-1, 1)
    u = torch.empty(H, dtype=torch.float64).uniform_(-1, 1)
    if kind == "lstm":
        out, (hn, cn) = model(x, (h0, c0))
        loss = (out[:, 0, :] * v).sum() + (cn[0, 0, :] * u).sum()
    else:
        out, hn = model(x, h0)
        loss = (out[:, 0, :] * v).sum()
    loss.backward()
    lines = []
    for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
        lines.append(row(name, getattr(model, name + "_l0")))
    lines += [row("x", x[:, 0, :]), row("h0", h0[0, 0]), row("v", v), row("h", out[:, 0, :]),
              row("loss", loss.reshape(1))]
    if kind == "lstm":
        lines += [row("c0", c0[0, 0]), row("u", u), row("c_T", cn[0, 0])]
    for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
        lines.append(row("grad_" + name, getattr(model, name + "_l0").grad))
    lines += [row("grad_x", x.grad[:, 0, :]), row("grad_h0", h0.grad[0, 0])]
    if kind == "lstm":
        lines.append(row("grad_c0", c0.grad[0, 0]))
    return f"# {kind}: torch {torch.__version__}, seed {seed}, I={I} H={H} T={T}, float64\n" + "".join(lines)


def main(directory):
    os.makedirs(directory, exist_ok=True)
    for seed, kind in enumerate(("rnn_tanh", "rnn_relu", "gru", "lstm"), start=2024):
        with open(os.path.join(directory, kind + ".csv"), "w") as f:
            f.write(golden(kind, seed))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "cells/src/test/resources/golden")
