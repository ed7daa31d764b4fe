#!/usr/bin/env python3
"""Medians over rounds, ratios and GFLOP/s from compare.sh's raw.csv (standard library only).

Usage: summarise.py raw.csv summary.csv

summary.csv has one row per workload and thread count: the median seconds of each implementation over the rounds,
ours/pytorch and ours/numpy (below 1: this project is faster), the workload's floating-point operations (matrix
products and QR only, the usual counts; element-wise gate arithmetic is left out) and each implementation's GFLOP/s.
"""
import csv
import re
import statistics
import sys

IMPLEMENTATIONS = ("ours", "pytorch", "numpy")


def lstm_step_flop(hidden, inputs, columns, forward=True, state_adjoint=False, weight_gradients=False):
    """Products of one LSTM step over `columns` sequences: W_ih.x + W_hh.h forward, W_hh^T.dA, the weight GEMMs."""
    gates = 4 * hidden
    flop = 2 * gates * (inputs + hidden) * columns if forward else 0
    if state_adjoint:
        flop += 2 * gates * hidden * columns
    if weight_gradients:
        flop += 2 * gates * (inputs + hidden) * columns
    return flop


def qr_flop(rows, cols):
    """Householder QR with Q formed (geqrf + orgqr): 2 k^2 (n - k/3) each."""
    return 4 * cols * cols * (rows - cols / 3)


def lyapunov_flop(n, k, steps=1000):
    return steps * (2 * n * n + 2 * n * n * k + qr_flop(n, k))


def flop(workload):
    m = re.fullmatch(r"p1-(forward|bptt|profile)-H(\d+)", workload)
    if m:
        kind, h = m.group(1), int(m.group(2))
        return 1000 * lstm_step_flop(h, 32, 1, True, kind != "forward", kind == "bptt")
    m = re.fullmatch(r"scan-H(\d+)-T(\d+)", workload)
    if m:
        return int(m.group(2)) * lstm_step_flop(int(m.group(1)), 32, 1, True, True, True)
    fixed = {
        "p2-batched-lstm": 100 * lstm_step_flop(128, 32, 32, True, True, True),
        "p3-lyapunov-full-N256": lyapunov_flop(256, 256),
        "p4-lyapunov-top10-N1000": lyapunov_flop(1000, 10),
        "p7-training-step": 100 * lstm_step_flop(32, 2, 16, True, True, True),
        "kernel-gemm-2048": 2 * 2048 ** 3,
        "kernel-gemm-256": 2 * 256 ** 3,
        "kernel-frame-1000x10": 2 * 1000 * 1000 * 10,
        "kernel-lstm-step-512x128x32": 2 * 512 * 128 * 32,
        "kernel-qr-256": qr_flop(256, 256),
        "kernel-gemv-1024x256": 2 * 1024 * 256,
        "kernel-gemv-256x64": 2 * 256 * 64,
    }
    return fixed[workload]


def main(raw_path, summary_path):
    times = {}
    order = []
    with open(raw_path, newline="") as f:
        for row in csv.DictReader(f):
            key = (row["workload"], int(row["threads"]))
            if key not in times:
                times[key] = {i: [] for i in IMPLEMENTATIONS}
                order.append(key)
            times[key][row["implementation"]].append(float(row["seconds"]))
    with open(summary_path + ".part", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["workload", "threads", "rounds", "ours_s", "pytorch_s", "numpy_s", "ours_over_pytorch",
                      "ours_over_numpy", "gflop", "ours_gflops", "pytorch_gflops", "numpy_gflops"])
        for key in sorted(order, key=lambda k: (k[1], order.index(k))):
            medians = {i: statistics.median(v) if v else None for i, v in times[key].items()}
            work = flop(key[0]) / 1e9
            ratio = lambda other: "%.4f" % (medians["ours"] / medians[other]) if medians[other] else ""
            rate = lambda i: "%.3f" % (work / medians[i]) if medians[i] else ""
            seconds = lambda i: "%.6e" % medians[i] if medians[i] else ""
            out.writerow([key[0], key[1], min(len(v) for v in times[key].values() if v),
                          seconds("ours"), seconds("pytorch"), seconds("numpy"), ratio("pytorch"), ratio("numpy"),
                          "%.6f" % work, rate("ours"), rate("pytorch"), rate("numpy")])
    import os
    os.replace(summary_path + ".part", summary_path)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
