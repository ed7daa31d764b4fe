#!/usr/bin/env python3
"""PyTorch and NumPy halves of the side-by-side comparison (run by compare.sh, never by the build).

The workloads mirror SideBySideWorkloads.java name for name, in float64: the same sizes, the same algorithms
(time-batched input projections, J.Q as diag(phi')(W.Q), a thin QR every step), PyTorch's fastest path for each
(nn.LSTM for forward and BPTT, autograd for gradients, torch.optim.Adam). One CSV row per workload on stdout:
implementation,threads,round,workload,seconds,runs (seconds = median of the measured runs after a warm-up of
at least the workload's warm-up runs and at least one second, the same rule as SideBySide.java).

Usage: workloads.py torch|numpy THREADS ROUND [scans]      time the workloads
       workloads.py versions                               print versions and BLAS configuration as JSON
       workloads.py machine OUT.csv KEY=VALUE...           write those pairs and the versions as key,value rows
Set the thread count in the environment too (compare.sh does): OMP_NUM_THREADS, MKL_NUM_THREADS,
OPENBLAS_NUM_THREADS are read when the libraries load.
"""
import json
import math
import os
import platform
import re
import sys
import time

import numpy as np


WARM_UP_SECONDS = 1.0  # as SideBySide.WARM_UP_SECONDS: the warm-up lasts at least this long and warm_up runs


def median_seconds(action, warm_up, runs):
    started = time.perf_counter()
    done = 0
    while done < warm_up or time.perf_counter() - started < WARM_UP_SECONDS:
        action()
        done += 1
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    times.sort()
    mid = len(times) // 2
    return times[mid] if len(times) % 2 else 0.5 * (times[mid - 1] + times[mid])


# ----------------------------------------------------------------------------------------------- NumPy LSTM
def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class NumpyLstm:
    """An LSTM in PyTorch's layout (gates i, f, g, o; batch as rows), forward and backward by hand."""

    def __init__(self, input_size, hidden, rng):
        k = 1.0 / math.sqrt(hidden)
        self.H = hidden
        self.w_ih = rng.uniform(-k, k, (4 * hidden, input_size))
        self.w_hh = rng.uniform(-k, k, (4 * hidden, hidden))
        self.b = rng.uniform(-k, k, 4 * hidden) + rng.uniform(-k, k, 4 * hidden)

    def params(self):
        return [self.w_ih, self.w_hh, self.b]

    def forward(self, x, store=True):
        """x: (T, B, I). Returns hidden states (T + 1, B, H) and, when store, the cache for backward."""
        T, B, _ = x.shape
        H = self.H
        zx = (x.reshape(T * B, -1) @ self.w_ih.T + self.b).reshape(T, B, 4 * H)  # all input projections at once
        hs = np.zeros((T + 1, B, H))
        cs = np.zeros((T + 1, B, H))
        acts = np.empty((T, B, 4 * H)) if store else None
        tcs = np.empty((T, B, H)) if store else None
        for t in range(T):
            z = zx[t] + hs[t] @ self.w_hh.T
            a = np.empty_like(z)
            a[:, :2 * H] = sigmoid(z[:, :2 * H])
            a[:, 2 * H:3 * H] = np.tanh(z[:, 2 * H:3 * H])
            a[:, 3 * H:] = sigmoid(z[:, 3 * H:])
            cs[t + 1] = a[:, H:2 * H] * cs[t] + a[:, :H] * a[:, 2 * H:3 * H]
            tc = np.tanh(cs[t + 1])
            hs[t + 1] = a[:, 3 * H:] * tc
            if store:
                acts[t] = a
                tcs[t] = tc
        return hs, (x, hs, cs, acts, tcs)

    def backward(self, cache, dh_out, parameters=True):
        """dh_out: (T, B, H) direct loss gradients. Returns (parameter gradients or None, per-step ||dL/dh_t||)."""
        x, hs, cs, acts, tcs = cache
        T, B, H = dh_out.shape
        dh = np.zeros((B, H))
        dc = np.zeros((B, H))
        dz_all = np.empty((T, B, 4 * H)) if parameters else None
        norms = np.empty(T)
        for t in range(T - 1, -1, -1):
            dh = dh + dh_out[t]
            norms[t] = np.linalg.norm(dh)
            a = acts[t]
            i, f, g, o = a[:, :H], a[:, H:2 * H], a[:, 2 * H:3 * H], a[:, 3 * H:]
            tc = tcs[t]
            dc = dc + dh * o * (1 - tc * tc)
            dz = np.concatenate([dc * g * i * (1 - i), dc * cs[t] * f * (1 - f), dc * i * (1 - g * g),
                                 dh * tc * o * (1 - o)], axis=1)
            dc = dc * f
            dh = dz @ self.w_hh
            if parameters:
                dz_all[t] = dz
        if not parameters:
            return None, norms
        flat = dz_all.reshape(T * B, 4 * H)  # weight gradients as one GEMM each, after the recurrence
        grads = [flat.T @ x.reshape(T * B, -1), flat.T @ hs[:-1].reshape(T * B, H), flat.sum(axis=0)]
        return grads, norms


def numpy_readout(hidden, rng):
    bound = math.sqrt(6.0 / (hidden + 1))
    return rng.uniform(-bound, bound, (1, hidden)), np.zeros(1)


def numpy_sequence_gradient(lstm, w_out, b_out, x, y):
    """Loss (y_hat - y)^2 at the last step through a 1-output readout, and every parameter's gradient."""
    hs, cache = lstm.forward(x)
    err = hs[-1] @ w_out.T + b_out - y
    dh_out = np.zeros_like(hs[1:])
    dh_out[-1] = 2 * err @ w_out / err.size
    grads, _ = lstm.backward(cache, dh_out)
    return grads + [2 * err.T @ hs[-1] / err.size, 2 * err.sum(axis=0) / err.size]


def numpy_workloads(scans):
    rng = np.random.default_rng(1)
    out = []

    def p1(hidden, length):
        lstm = NumpyLstm(32, hidden, rng)
        w_out, b_out = numpy_readout(hidden, rng)
        x = rng.standard_normal((length, 1, 32))
        y = rng.standard_normal((1, 1))

        def profile():
            hs, cache = lstm.forward(x)
            err = hs[-1] @ w_out.T + b_out - y
            dh_out = np.zeros_like(hs[1:])
            dh_out[-1] = 2 * err @ w_out
            return lstm.backward(cache, dh_out, parameters=False)[1]

        return (lambda: lstm.forward(x, store=False), lambda: numpy_sequence_gradient(lstm, w_out, b_out, x, y),
                profile)

    for h in (64, 256):
        fwd, bptt, prof = p1(h, 1000)
        out += [("p1-forward-H%d" % h, 2, 5, fwd), ("p1-bptt-H%d" % h, 2, 5, bptt),
                ("p1-profile-H%d" % h, 2, 5, prof)]
    lstm = NumpyLstm(32, 128, rng)
    x2 = rng.standard_normal((100, 32, 32))
    y2 = rng.standard_normal((100, 32, 128))

    def p2():
        hs, cache = lstm.forward(x2)
        return lstm.backward(cache, 2 * (hs[1:] - y2) / 128)

    out.append(("p2-batched-lstm", 3, 7, p2))
    out.append(("p3-lyapunov-full-N256", 1, 1, lyapunov_action(np, 256, 256)))
    out.append(("p4-lyapunov-top10-N1000", 1, 1, lyapunov_action(np, 1000, 10)))
    out.append(("p7-training-step", 2, 5, numpy_training(rng)))
    out += kernel_actions(np, rng)
    if scans:
        for h in (16, 32, 64, 128, 256, 512):
            out.append(("scan-H%d-T200" % h, 2, 3, p1(h, 200)[1]))
        for t in (125, 250, 500, 1000, 2000, 4000):
            out.append(("scan-H64-T%d" % t, 2, 3, p1(64, t)[1]))
    return out


def adding_batch(rng, batch, length):
    """Sum-form adding problem: values U[0,1], one marker in each half, target the sum of the marked values."""
    x = np.zeros((length, batch, 2))
    x[:, :, 0] = rng.uniform(0, 1, (length, batch))
    half = length // 2
    first = rng.integers(0, half, batch)
    second = rng.integers(half, length, batch)
    cols = np.arange(batch)
    x[first, cols, 1] = 1
    x[second, cols, 1] = 1
    return x, (x[first, cols, 0] + x[second, cols, 0]).reshape(batch, 1)


class NumpyAdam:
    def __init__(self, params, lr=1e-3, b1=0.9, b2=0.999, eps=1e-8):
        self.params, self.lr, self.b1, self.b2, self.eps, self.t = params, lr, b1, b2, eps, 0
        self.m = [np.zeros_like(p) for p in params]
        self.v = [np.zeros_like(p) for p in params]

    def step(self, grads):
        self.t += 1
        for p, g, m, v in zip(self.params, grads, self.m, self.v):
            m *= self.b1
            m += (1 - self.b1) * g
            v *= self.b2
            v += (1 - self.b2) * g * g
            p -= self.lr * (m / (1 - self.b1 ** self.t)) / (np.sqrt(v / (1 - self.b2 ** self.t)) + self.eps)


def numpy_training(rng, steps=10):
    lstm = NumpyLstm(2, 32, rng)
    w_out, b_out = numpy_readout(32, rng)
    params = lstm.params() + [w_out, b_out]
    adam = NumpyAdam(params)

    def run():
        for _ in range(steps):
            x, y = adding_batch(rng, 16, 100)
            grads = numpy_sequence_gradient(lstm, w_out, b_out, x, y)
            norm = math.sqrt(sum(float((g * g).sum()) for g in grads))
            if norm > 1:
                grads = [g / norm for g in grads]
            adam.step(grads)

    return per_step(run, steps)


def per_step(run, steps):
    """Marks an action that does `steps` steps; main() divides its time by steps."""
    run.steps = steps
    return run


# ---------------------------------------------------------------------------- Lyapunov spectra (both libraries)
def lyapunov_action(lib, n, k):
    """k exponents of h_t = tanh(W h + U x_t + b), W ~ N(0, 1.5^2/n), T = 1000, J.Q = diag(1 - h^2)(W.Q), QR every step."""
    rng = np.random.default_rng(n)
    w = rng.normal(0, 1.5 / math.sqrt(n), (n, n))
    bound = math.sqrt(6.0 / (n + 4))
    u = rng.uniform(-bound, bound, (n, 4))
    xs = np.random.default_rng(7).standard_normal((1000, 4))
    q0 = np.linalg.qr(rng.standard_normal((n, k)))[0]
    if lib is np:
        def run():
            h = np.zeros(n)
            q = q0
            sums = np.zeros(k)
            for t in range(1000):
                h = np.tanh(w @ h + u @ xs[t])
                q, r = np.linalg.qr((1 - h * h)[:, None] * (w @ q))
                d = np.diagonal(r)
                sums += np.log(np.abs(d))
                q = q * np.sign(d)
            return sums / 1000
        return run
    import torch
    tw, tu, txs, tq0 = (torch.from_numpy(a) for a in (w, u, xs, q0))

    def run_torch():
        with torch.no_grad():
            h = torch.zeros(n, dtype=torch.float64)
            q = tq0
            sums = torch.zeros(k, dtype=torch.float64)
            for t in range(1000):
                h = torch.tanh(tw @ h + tu @ txs[t])
                q, r = torch.linalg.qr((1 - h * h)[:, None] * (tw @ q))
                d = torch.diagonal(r)
                sums += torch.log(torch.abs(d))
                q = q * torch.sign(d)
            return sums / 1000
    return run_torch


def kernel_actions(lib, rng):
    """The kernels behind the workloads, and a 2048^3 GEMM for the attainable peak (names as in the Java side)."""
    a2048, a256, b256 = rng.standard_normal((2048, 2048)), rng.standard_normal((256, 256)), rng.standard_normal((256, 256))
    w1000, q1000 = rng.standard_normal((1000, 1000)), rng.standard_normal((1000, 10))
    whh, h32 = rng.standard_normal((512, 128)), rng.standard_normal((128, 32))
    w1024, v256 = rng.standard_normal((1024, 256)), rng.standard_normal(256)   # P1's W_hh·h at H = 256 and 64
    w256, v64 = rng.standard_normal((256, 64)), rng.standard_normal(64)
    if lib is np:
        mm, qr = np.matmul, np.linalg.qr
    else:
        import torch
        a2048, a256, b256, w1000, q1000, whh, h32, w1024, v256, w256, v64 = (torch.from_numpy(m) for m in (
            a2048, a256, b256, w1000, q1000, whh, h32, w1024, v256, w256, v64))
        mm, qr = torch.matmul, torch.linalg.qr
    return [("kernel-gemm-2048", 1, 3, lambda: mm(a2048, a2048)),
            ("kernel-gemm-256", 20, 50, lambda: mm(a256, b256)),
            ("kernel-frame-1000x10", 20, 50, lambda: mm(w1000, q1000)),
            ("kernel-lstm-step-512x128x32", 50, 200, lambda: mm(whh, h32)),
            ("kernel-qr-256", 10, 30, lambda: qr(a256)),
            ("kernel-gemv-1024x256", 200, 1000, lambda: mm(w1024, v256)),
            ("kernel-gemv-256x64", 500, 2000, lambda: mm(w256, v64))]


# ------------------------------------------------------------------------------------------------- PyTorch
def torch_workloads(scans):
    import torch
    torch.manual_seed(1)
    dtype = torch.float64
    out = []

    def p1(hidden, length):
        lstm = torch.nn.LSTM(32, hidden).to(dtype)
        readout = torch.nn.Linear(hidden, 1).to(dtype)
        cell = torch.nn.LSTMCell(32, hidden).to(dtype)  # the same weights, stepped one t at a time, frozen
        frozen_readout = torch.nn.Linear(hidden, 1).to(dtype)
        with torch.no_grad():
            for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
                getattr(cell, name).copy_(getattr(lstm, name + "_l0"))
            frozen_readout.load_state_dict(readout.state_dict())
        for p in list(cell.parameters()) + list(frozen_readout.parameters()):
            p.requires_grad_(False)
        x = torch.randn(length, 1, 32, dtype=dtype)
        y = torch.randn(1, 1, dtype=dtype)

        def forward():
            with torch.no_grad():
                out_, _ = lstm(x)
                return readout(out_[-1])

        def bptt():
            lstm.zero_grad(set_to_none=True)
            readout.zero_grad(set_to_none=True)
            out_, _ = lstm(x)
            torch.nn.functional.mse_loss(readout(out_[-1]), y).backward()

        def profile():  # state-only: parameters frozen, every h_t keeps its gradient
            h = torch.zeros(1, hidden, dtype=dtype, requires_grad=True)
            c = torch.zeros(1, hidden, dtype=dtype)
            hs = []
            for t in range(length):
                h, c = cell(x[t], (h, c))
                h.retain_grad()
                hs.append(h)
            torch.nn.functional.mse_loss(frozen_readout(h), y).backward()
            return [float(v.grad.norm()) for v in hs]

        return forward, bptt, profile

    for h in (64, 256):
        fwd, bptt, prof = p1(h, 1000)
        out += [("p1-forward-H%d" % h, 2, 5, fwd), ("p1-bptt-H%d" % h, 2, 5, bptt),
                ("p1-profile-H%d" % h, 2, 5, prof)]
    lstm2 = torch.nn.LSTM(32, 128).to(dtype)
    x2 = torch.randn(100, 32, 32, dtype=dtype)
    y2 = torch.randn(100, 32, 128, dtype=dtype)

    def p2():
        lstm2.zero_grad(set_to_none=True)
        out_, _ = lstm2(x2)
        (((out_ - y2) ** 2).sum() / 128).backward()

    out.append(("p2-batched-lstm", 3, 7, p2))
    out.append(("p3-lyapunov-full-N256", 1, 1, lyapunov_action(torch, 256, 256)))
    out.append(("p4-lyapunov-top10-N1000", 1, 1, lyapunov_action(torch, 1000, 10)))
    out.append(("p7-training-step", 2, 5, torch_training()))
    out += kernel_actions(torch, np.random.default_rng(5))
    if scans:
        for h in (16, 32, 64, 128, 256, 512):
            out.append(("scan-H%d-T200" % h, 2, 3, p1(h, 200)[1]))
        for t in (125, 250, 500, 1000, 2000, 4000):
            out.append(("scan-H64-T%d" % t, 2, 3, p1(64, t)[1]))
    return out


def torch_training(steps=10):
    import torch
    dtype = torch.float64
    lstm = torch.nn.LSTM(2, 32).to(dtype)
    readout = torch.nn.Linear(32, 1).to(dtype)
    params = list(lstm.parameters()) + list(readout.parameters())
    adam = torch.optim.Adam(params, lr=1e-3)
    gen = torch.Generator().manual_seed(3)

    def batch():
        x = torch.zeros(100, 16, 2, dtype=dtype)
        x[:, :, 0] = torch.rand(100, 16, generator=gen, dtype=dtype)
        first = torch.randint(0, 50, (16,), generator=gen)
        second = torch.randint(50, 100, (16,), generator=gen)
        cols = torch.arange(16)
        x[first, cols, 1] = 1
        x[second, cols, 1] = 1
        return x, (x[first, cols, 0] + x[second, cols, 0]).reshape(16, 1)

    def run():
        for _ in range(steps):
            x, y = batch()
            adam.zero_grad(set_to_none=True)
            out_, _ = lstm(x)
            torch.nn.functional.mse_loss(readout(out_[-1]), y).backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            adam.step()

    return per_step(run, steps)


# ------------------------------------------------------------------------------------------------- main
def versions():
    info = {"python": platform.python_version(), "numpy": np.__version__}
    cfg = np.show_config(mode="dicts")
    blas = cfg.get("Build Dependencies", {}).get("blas", {})
    info["numpy_blas"] = "%s %s" % (blas.get("name", "?"), blas.get("version", "?"))
    info["numpy_blas_configuration"] = blas.get("openblas configuration", "")
    info["numpy_blas_core"] = numpy_openblas_core()
    try:
        import torch
        info["torch"] = torch.__version__
        shown = torch.__config__.show()
        found = re.search(r"BLAS_INFO=([^,\s]+)", shown)
        info["torch_blas"] = found.group(1) if found else "?"
        info["torch_config"] = [line.strip() for line in shown.splitlines()
                                if line.strip().startswith("-") and "Build settings" not in line]
    except ImportError:
        info["torch"] = None
    return info


def numpy_openblas_core():
    """The kernel set NumPy's bundled OpenBLAS chose at run time, asked through ctypes ('?' if not OpenBLAS)."""
    import ctypes
    import glob
    libs = glob.glob(os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs", "*openblas*"))
    for path in libs:
        lib = ctypes.CDLL(path)
        for name in ("scipy_openblas_get_corename64_", "scipy_openblas_get_corename", "openblas_get_corename64_",
                     "openblas_get_corename"):
            if hasattr(lib, name):
                getter = getattr(lib, name)
                getter.restype = ctypes.c_char_p
                return getter().decode()
    return "?"


def write_machine(path, pairs):
    """Writes key,value rows: the KEY=VALUE pairs compare.sh collected, then the Python side's versions."""
    import csv
    rows = [pair.split("=", 1) for pair in pairs]
    for key, value in versions().items():
        if isinstance(value, list):
            rows += [[key, json.dumps(v) if not isinstance(v, str) else v] for v in value]
        else:
            rows.append([key, str(value)])
    with open(path + ".part", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["key", "value"])
        out.writerows(rows)
    os.replace(path + ".part", path)


def main(argv):
    if argv[:1] == ["versions"]:
        print(json.dumps(versions(), indent=1))
        return
    if argv[:1] == ["machine"]:
        write_machine(argv[1], argv[2:])
        return
    impl, threads, round_label = argv[0], int(argv[1]), argv[2]
    scans = len(argv) > 3 and argv[3] == "scans"
    if impl == "torch":
        import torch
        torch.set_num_threads(threads)
        workloads = torch_workloads(scans)
        name = "pytorch"
    elif impl == "numpy":
        workloads = numpy_workloads(scans)
        name = "numpy"
    else:
        raise SystemExit("implementation must be torch or numpy, was " + impl)
    only = re.compile(os.environ.get("BENCH_ONLY", ".*"))  # a name filter, for trying the script out
    for workload, warm_up, runs, action in workloads:
        if not only.fullmatch(workload):
            continue
        seconds = median_seconds(action, warm_up, runs) / getattr(action, "steps", 1)
        print("%s,%d,%s,%s,%.6e,%d" % (name, threads, round_label, workload, seconds, runs), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
