#!/usr/bin/env python3
"""Predict with a sparkmlp model in Python, with NumPy alone (no Spark, no Java, no pickle).

Two ways in:

    import sparkmlp_numpy as smlp
    model = smlp.load("model.npz")            # from `scripts/sparkmlp export --format npz`
    model = smlp.read_weights_bin("out/run")  # or straight from a model directory
    probabilities = model.predict(x)          # (n, outputs) float32, as `sparkmlp predict`
    classes = model.predict_classes(x)        # (n,) int64

predict applies the preprocessing the model was trained with (scale, then standardize), every
Dense layer with its activation (Dropout is off at inference) and the output activation
(softmax, sigmoid, ...), in float32 as sparkmlp does. Keras users: model.weights is the list
model.get_weights() returns, kernels (n_in, n_out) and biases (n_out,), so
keras_model.set_weights(model.weights) loads them into the same architecture.

Command line:

    python3 python/sparkmlp_numpy.py MODEL.npz|MODEL_DIR X.npy [--output PREDS.npy]

prints `prediction,output_0,...` per row as CSV, or with --output writes the outputs as a
float32 .npy (row i is row i of X.npy). The file formats are in docs/model-format.md.
"""

import argparse
import json
import os
import struct
import sys
import zlib

import numpy as np

__all__ = ["Model", "load", "read_weights_bin", "ACTIVATIONS"]

WEIGHTS_MAGIC = b"SMLPWGT\n"
WEIGHTS_VERSION = 1
LEAKY_RELU_SLOPE = np.float32(0.2)  # Keras's default negative slope
ELU_ALPHA = np.float32(1.0)  # Keras's default alpha
IDENTITY_PREPROCESSING = {"scale": 1.0, "mean": None, "std": None, "one_hot_classes": 0}


def _sigmoid(z):
    # As sparkmlp computes it: in double from the float32 input, without overflow.
    z = z.astype(np.float64)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e)).astype(np.float32)


def _erf(x):
    # The approximation sparkmlp uses (Numerical Recipes' erfc, fractional error < 1.2e-7),
    # so GELU agrees with it to the last bits; NumPy has no erf of its own.
    z = np.abs(x)
    t = 1.0 / (1.0 + 0.5 * z)
    r = t * np.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (
        0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (
            1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))))
    return np.where(x >= 0, 1.0 - r, r - 1.0)


def _gelu(z):
    v = z.astype(np.float64)  # exact GELU, Keras's default (approximate=False)
    return (v * 0.5 * (1.0 + _erf(v * 0.7071067811865476))).astype(np.float32)


def _softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return (e / e.sum(axis=1, keepdims=True, dtype=np.float64)).astype(np.float32)


def _elu(z):
    return np.where(z > 0, z, ELU_ALPHA * np.expm1(np.minimum(z, 0))).astype(np.float32)


ACTIVATIONS = {
    "linear": lambda z: z,
    "relu": lambda z: np.maximum(z, np.float32(0)),
    "sigmoid": _sigmoid,
    "tanh": np.tanh,
    "softmax": _softmax,
    "leaky_relu": lambda z: np.where(z >= 0, z, LEAKY_RELU_SLOPE * z).astype(np.float32),
    "elu": _elu,
    "gelu": _gelu,
    "swish": lambda z: z * _sigmoid(z),
    "silu": lambda z: z * _sigmoid(z),
}


class Model:
    """A sparkmlp model: Dense layers (kernel, bias, activation) and its preprocessing."""

    def __init__(self, architecture, weights, preprocessing=None):
        """architecture: model.json as a dict; weights: get_weights() order, float32;
        preprocessing: preprocessing.json as a dict (None: the identity)."""
        self.architecture = architecture
        self.preprocessing = dict(preprocessing or IDENTITY_PREPROCESSING)
        self.layers = []  # (name, kernel, bias or None, activation name)
        self.weights = [np.asarray(w, dtype=np.float32) for w in weights]
        it = iter(self.weights)
        for name, config in _dense_layers(architecture):
            kernel = next(it, None)
            shape = (config["input_dim"], config["units"])
            if kernel is None or kernel.shape != shape:
                raise ValueError("%s/kernel: expected shape %s, got %s"
                                 % (name, shape, None if kernel is None else kernel.shape))
            bias = None
            if config.get("use_bias", True):
                bias = next(it, None)
                if bias is None or bias.shape != (config["units"],):
                    raise ValueError("%s/bias: expected shape (%d,), got %s"
                                     % (name, config["units"], None if bias is None
                                        else bias.shape))
            activation = (config.get("activation") or "linear").lower()
            if activation not in ACTIVATIONS:
                raise ValueError("%s: unknown activation %r; this loader knows %s"
                                 % (name, activation, ", ".join(sorted(ACTIVATIONS))))
            self.layers.append((name, kernel, bias, activation))
        if next(it, None) is not None:
            raise ValueError("more weight arrays than the layers in model.json take")
        if not self.layers:
            raise ValueError("model.json has no Dense layer")
        pre = self.preprocessing
        self._divisor = np.float32(1.0 / pre["scale"]) if pre.get("scale", 1.0) != 1.0 else None
        self._mean = None if pre.get("mean") is None else np.asarray(pre["mean"], np.float32)
        self._std = None if pre.get("std") is None else np.asarray(pre["std"], np.float32)

    @property
    def input_dim(self):
        return self.layers[0][1].shape[0]

    @property
    def output_dim(self):
        return self.layers[-1][1].shape[1]

    def preprocess(self, x):
        """x as the model saw its training data: float32 (n, input_dim), divided by 1/scale
        (so that a scale of 1/255 rounds as x / 255 does), then z-scored when standardizing."""
        x = np.asarray(x)
        x = x.reshape(len(x), -1) if x.ndim != 1 else x.reshape(-1, 1)
        x = x.astype(np.float32)
        if x.shape[1] != self.input_dim:
            raise ValueError("x has %d features per row; the model takes %d"
                             % (x.shape[1], self.input_dim))
        if self._divisor is not None:
            x = x / self._divisor
        if self._mean is not None:
            x = (x - self._mean) / self._std
        return x

    def predict(self, x):
        """The outputs, (n, outputs) float32: probabilities for softmax or sigmoid outputs."""
        a = self.preprocess(x)
        for _, kernel, bias, activation in self.layers:
            z = a @ kernel
            if bias is not None:
                z = z + bias
            a = ACTIVATIONS[activation](z.astype(np.float32, copy=False))
        return a

    def predict_classes(self, x):
        """The class of every row, as `sparkmlp predict` gives it: for one output,
        1 where it is above 0.5 (sigmoid), else the index of the largest output."""
        return classes(self.predict(x))


def classes(outputs):
    """The predicted class of every row of outputs (n, k)."""
    if outputs.shape[1] == 1:
        return (outputs[:, 0] > 0.5).astype(np.int64)
    return outputs.argmax(axis=1).astype(np.int64)


def _dense_layers(architecture):
    """(Keras name, config) of every Dense layer: dense, dense_1, ... in order."""
    counts = {}
    out = []
    for layer in architecture["config"]["layers"]:
        cls = layer["class_name"]
        base = {"Dense": "dense", "Dropout": "dropout"}.get(cls)
        if base is None:
            raise ValueError("unknown layer class_name %r in model.json" % cls)
        n = counts.get(base, 0)
        counts[base] = n + 1
        if cls == "Dense":
            out.append((base if n == 0 else "%s_%d" % (base, n), layer["config"]))
    return out


def load(path):
    """The model in an .npz archive written by `sparkmlp export --format npz`."""
    with np.load(path, allow_pickle=False) as npz:
        architecture = json.loads(bytes(npz["model.json"]).decode("utf-8"))
        preprocessing = json.loads(bytes(npz["preprocessing.json"]).decode("utf-8"))
        weights = []
        for name, config in _dense_layers(architecture):
            weights.append(npz[name + "/kernel"])
            if config.get("use_bias", True):
                weights.append(npz[name + "/bias"])
    return Model(architecture, weights, preprocessing)


def read_weights_bin(model_dir):
    """The model in a sparkmlp model directory (model.json, weights.bin and, when the run
    had preprocessing, preprocessing.json), read directly; the checksum is checked."""
    with open(os.path.join(model_dir, "model.json"), encoding="utf-8") as f:
        architecture = json.load(f)
    with open(os.path.join(model_dir, "weights.bin"), "rb") as f:
        data = f.read()
    flat = _weights_bin_values(data, model_dir)
    preprocessing = None
    pre_path = os.path.join(model_dir, "preprocessing.json")
    if os.path.exists(pre_path):
        with open(pre_path, encoding="utf-8") as f:
            preprocessing = json.load(f)
    weights = []
    at = 0
    for name, config in _dense_layers(architecture):
        n_in, n_out = config["input_dim"], config["units"]
        weights.append(flat[at:at + n_in * n_out].reshape(n_in, n_out))  # row-major
        at += n_in * n_out
        if config.get("use_bias", True):
            weights.append(flat[at:at + n_out])
            at += n_out
    if at != flat.size:
        raise ValueError("%s/weights.bin holds %d floats; model.json's layers take %d"
                         % (model_dir, flat.size, at))
    return Model(architecture, weights, preprocessing)


def _weights_bin_values(data, where):
    """The one float32 array of a weights.bin file (layout in docs/model-format.md)."""
    if len(data) < 36 or data[:8] != WEIGHTS_MAGIC:
        raise ValueError("%s/weights.bin: not a sparkmlp weights file" % where)
    version, _step, count = struct.unpack_from("<iqi", data, 8)
    if version != WEIGHTS_VERSION or count != 1:
        raise ValueError("%s/weights.bin: version %d with %d arrays; this loader reads "
                         "version 1 with one array" % (where, version, count))
    (n,) = struct.unpack_from("<i", data, 24)
    if len(data) != 28 + 4 * n + 8:
        raise ValueError("%s/weights.bin: %d bytes, expected %d for %d floats"
                         % (where, len(data), 28 + 4 * n + 8, n))
    (crc,) = struct.unpack_from("<q", data, len(data) - 8)
    if crc != zlib.crc32(data[:-8]):
        raise ValueError("%s/weights.bin: checksum mismatch; the file is corrupt" % where)
    return np.frombuffer(data, dtype="<f4", count=n, offset=28).astype(np.float32)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Predict with a sparkmlp model (NumPy only).")
    parser.add_argument("model", help="an .npz from `sparkmlp export` or a model directory")
    parser.add_argument("x", help="features, an .npy of shape (n, features)")
    parser.add_argument("--output", help="write the outputs to this .npy instead of printing")
    args = parser.parse_args(argv)
    model = read_weights_bin(args.model) if os.path.isdir(args.model) else load(args.model)
    outputs = model.predict(np.load(args.x, allow_pickle=False))
    if args.output:
        np.save(args.output, outputs)
        return 0
    print(",".join(["prediction"] + ["output_%d" % j for j in range(outputs.shape[1])]))
    for c, row in zip(classes(outputs), outputs):
        print(",".join([str(c)] + [repr(float(v)) for v in row]))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (ValueError, KeyError, OSError) as e:
        print("sparkmlp_numpy: %s" % e, file=sys.stderr)
        sys.exit(2)
