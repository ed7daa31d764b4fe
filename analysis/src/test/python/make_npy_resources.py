"""Regenerates the committed test resources in analysis/src/test/resources/npy/ with NumPy itself.

Run from the repository root:  python3 analysis/src/test/python/make_npy_resources.py
(NumPy 2.4.6 made the committed files.) The Java tests read these files and check every value,
so they prove that the Java reader understands what numpy.save writes, and the Java writer is
checked the other way by comparing its bytes with numpy's for the same arrays.

lstm_state_dict/ is made by running export_state_dict.py unchanged against a stand-in `torch` module
(always, so the committed values the tests check are reproducible): its LSTM has PyTorch's state_dict
keys, shapes, gate order and float32 dtype, initialised like PyTorch (U[-1/sqrt(H), 1/sqrt(H)]) from a
fixed NumPy seed. Real PyTorch cells and PyTorch's own outputs are in torch/, made by
export_torch_fixtures.py.
"""
import os
import runpy
import sys
import types

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "npy")


def save(name, array, version=None):
    path = os.path.join(OUT, name)
    if version is None:
        np.save(path, array)
    else:
        with open(path, "wb") as f:
            np.lib.format.write_array(f, array, version=version)


def arrays():
    special = np.array([[1.5, -0.0, np.inf], [-np.inf, 5e-324, np.pi]], dtype="<f8")
    save("special_2x3_f8.npy", special)
    save("vector_4_f8.npy", np.array([0.1, -2.0, 3e300, -1e-310]))
    save("scalar_f8.npy", np.array(2.718281828459045))
    save("empty_0x3_f8.npy", np.zeros((0, 3)))
    save("big_endian_2x2_f8.npy", np.array([[1.0, 2.0], [3.0, 4.0]], dtype=">f8"))
    save("float32_3_f4.npy", np.array([0.1, 1.0, -2.5], dtype="<f4"))
    save("fortran_2x3_f8.npy", np.asfortranarray(np.arange(6.0).reshape(2, 3)))
    save("version2_2x2_f8.npy", np.array([[1.0, -1.0], [0.5, 0.25]]), version=(2, 0))
    save("int64_3.npy", np.arange(3, dtype="<i8"))
    save("three_d_f8.npy", np.zeros((2, 2, 2)))
    # numpy's own bytes for arrays the Java writer also writes (byte-for-byte comparison)
    save("writer_reference_3x2_f8.npy", np.arange(6.0).reshape(3, 2) / 7)
    save("writer_reference_5_f8.npy", np.array([-0.0, 1e-320, np.inf, -np.inf, 0.3]))


class FakeTensor:
    """Just enough of torch.Tensor for .detach().cpu().double().numpy()."""

    def __init__(self, array):
        self.array = array

    def detach(self):
        return self

    def cpu(self):
        return self

    def double(self):
        return FakeTensor(self.array.astype(np.float64))

    def numpy(self):
        return self.array


class FakeLstm:
    """PyTorch's LSTM state_dict layout: gates i, f, g, o stacked in 4H rows, float32."""

    def __init__(self, input_size, hidden_size):
        rng = np.random.RandomState(20260101)
        bound = 1 / np.sqrt(hidden_size)
        shapes = {
            "weight_ih_l0": (4 * hidden_size, input_size),
            "weight_hh_l0": (4 * hidden_size, hidden_size),
            "bias_ih_l0": (4 * hidden_size,),
            "bias_hh_l0": (4 * hidden_size,),
        }
        self.params = {k: rng.uniform(-bound, bound, s).astype(np.float32) for k, s in shapes.items()}

    def state_dict(self):
        return {k: FakeTensor(v) for k, v in self.params.items()}


def lstm_state_dict():
    target = os.path.join(OUT, "lstm_state_dict")
    os.makedirs(target, exist_ok=True)
    fake = types.ModuleType("torch")
    fake.nn = types.SimpleNamespace(LSTM=lambda input_size, hidden_size: FakeLstm(input_size, hidden_size))
    real = sys.modules.get("torch")
    sys.modules["torch"] = fake
    cwd = os.getcwd()
    os.chdir(os.path.join(OUT, "lstm_state_dict"))
    try:
        runpy.run_path(os.path.join(HERE, "export_state_dict.py"))
    finally:
        os.chdir(cwd)
        if real is None:
            del sys.modules["torch"]
        else:
            sys.modules["torch"] = real
    weights = os.path.join(target, "weights")
    for name in os.listdir(weights):
        os.replace(os.path.join(weights, name), os.path.join(target, name))
    os.rmdir(weights)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    arrays()
    lstm_state_dict()
