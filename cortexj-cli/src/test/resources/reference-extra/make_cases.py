#!/usr/bin/env python3
"""Write extra conformance cases for conv2d, pooling, batch norm and dropout.

The cases use attributes that the public reference set does not cover. For conv2d and pooling
these are dilation, non-square kernels and strides, "same" padding, ceil mode (also with
count_include_pad false), max-pool ties and the default stride. For batch norm they are
BatchNorm1d on [N, C, L] and layers without affine parameters or running statistics. Dropout
cases use bool masks and other drop probabilities.

Expected values come from naive loops over output positions in float64 (numpy is used only for
arrays and random inputs), written after the PyTorch 1.13 CPU semantics that the reference
format describes:
  * conv2d is a cross-correlation with zero padding;
    out = floor((H + 2p - d(k - 1) - 1) / s) + 1.
  * Pooling output size follows PyTorch's pooling_output_shape: with ceil mode the quotient
    rounds up, and a last window that would start at or past H + p is dropped.
  * Max pooling pads with -inf, scans each window row by row, and replaces the current maximum
    only on a strictly greater value, so a tie goes to the first maximum in row-major order.
  * Average pooling clips each window to the padded input [-p, H + p) for the
    count_include_pad divisor, and to the input [0, H) for the sum and the other divisor.
  * Batch norm uses the biased batch variance to normalize and the unbiased one for the
    running estimate: new = (1 - momentum) * old + momentum * batch.
  * Alpha dropout: a = ((1 - p)(1 + p alpha'^2))^(-1/2), b = -a p alpha', alpha' = -lambda alpha.

Inputs are rounded to 9 significant digits before computing, and every value is written with 9
significant digits, as in the reference format. Run it with python3 and numpy:
    python3 make_cases.py
It rewrites the *.json files next to this script, whatever the working directory.
"""

import json
import math
import os

import numpy as np

SEED = 20240601
SELU_LAMBDA = 1.0507009873554804934193349852946
SELU_ALPHA = 1.6732632423543772848170429916717
ALPHA_PRIME = -SELU_LAMBDA * SELU_ALPHA
FOLDER = os.path.dirname(os.path.abspath(__file__))

rng = np.random.default_rng(SEED)


# ---------------------------------------------------------------- writing


def round9(values):
    """Round every value to 9 significant digits, as the files store them."""
    array = np.asarray(values, dtype=np.float64)
    rounded = [float("%.9g" % v) for v in array.ravel()]
    return np.array(rounded, dtype=np.float64).reshape(array.shape)


def tensor(values, dtype=None):
    """Return a TENSOR object. Float values are written with 9 significant digits."""
    array = np.asarray(values)
    entry = {"shape": list(array.shape)}
    if dtype in ("int64", "bool"):
        entry["data"] = [int(v) for v in array.ravel()]
        entry["dtype"] = dtype
    else:
        entry["data"] = [float("%.9g" % v) for v in np.asarray(array, dtype=np.float64).ravel()]
    return entry


def normal(*shape):
    return round9(rng.standard_normal(shape))


def write_family(file_name, family, notes, cases):
    document = {
        "family": family,
        "set": "extra",
        "seed": SEED,
        "generator": "make_cases.py",
        "reference": "naive float64 loops in make_cases.py (numpy %s)" % np.__version__,
        "notes": notes,
        "cases": cases,
    }
    path = os.path.join(FOLDER, file_name)
    temporary = path + ".tmp"
    with open(temporary, "w") as out:
        json.dump(document, out, indent=1)
        out.write("\n")
    os.replace(temporary, path)
    print("wrote %s (%d cases)" % (file_name, len(cases)))


# ---------------------------------------------------------------- conv2d


def conv_out(size, kernel, stride, padding, dilation):
    return (size + 2 * padding - dilation * (kernel - 1) - 1) // stride + 1


def conv2d(x, weight, bias, stride, padding, dilation):
    """Return y and a function from dy to (dx, dweight, dbias), by loops over every tap."""
    n_count, channels, height, width = x.shape
    out_channels, _, kh, kw = weight.shape
    oh_count = conv_out(height, kh, stride[0], padding[0], dilation[0])
    ow_count = conv_out(width, kw, stride[1], padding[1], dilation[1])
    taps = []  # (n, co, oh, ow, c, h, w, i, j) for every tap that reads an input cell
    for n in range(n_count):
        for co in range(out_channels):
            for oh in range(oh_count):
                for ow in range(ow_count):
                    for c in range(channels):
                        for i in range(kh):
                            h = oh * stride[0] - padding[0] + i * dilation[0]
                            if h < 0 or h >= height:
                                continue
                            for j in range(kw):
                                w = ow * stride[1] - padding[1] + j * dilation[1]
                                if 0 <= w < width:
                                    taps.append((n, co, oh, ow, c, h, w, i, j))
    y = np.zeros((n_count, out_channels, oh_count, ow_count))
    for n, co, oh, ow, c, h, w, i, j in taps:
        y[n, co, oh, ow] += weight[co, c, i, j] * x[n, c, h, w]
    if bias is not None:
        for co in range(out_channels):
            y[:, co] += bias[co]

    def backward(dy):
        dx = np.zeros_like(x)
        dweight = np.zeros_like(weight)
        for n, co, oh, ow, c, h, w, i, j in taps:
            dx[n, c, h, w] += weight[co, c, i, j] * dy[n, co, oh, ow]
            dweight[co, c, i, j] += x[n, c, h, w] * dy[n, co, oh, ow]
        dbias = np.array([dy[:, co].sum() for co in range(out_channels)])
        return dx, dweight, dbias

    return y, backward


def conv_case(name, x_shape, out_channels, kernel, stride, padding, dilation, use_bias,
              padding_attr=None, unbatched=False):
    channels = x_shape[1]
    x = normal(*x_shape)
    weight = normal(out_channels, channels, kernel[0], kernel[1])
    bias = normal(out_channels) if use_bias else None
    y, backward = conv2d(x, weight, bias, stride, padding, dilation)
    dy = normal(*y.shape)
    dx, dweight, dbias = backward(dy)
    if unbatched:
        x, y, dy, dx = x[0], y[0], dy[0], dx[0]
    attrs = {"kernel": list(kernel), "stride": list(stride),
             "padding": padding_attr if padding_attr is not None else list(padding),
             "dilation": list(dilation), "groups": 1, "bias": use_bias}
    params = {"weight": tensor(weight)}
    grads = {"x": tensor(dx), "weight": tensor(dweight)}
    if use_bias:
        params["bias"] = tensor(bias)
        grads["bias"] = tensor(dbias)
    return {"name": "conv2d/" + name, "op": "conv2d", "attrs": attrs,
            "inputs": {"x": tensor(x)}, "params": params, "dy": tensor(dy),
            "outputs": {"y": tensor(y)}, "grads": grads}


def conv_cases():
    return [
        conv_case("N2_ci2_co3_9x7_k3_s2_p2", (2, 2, 9, 7), 3, (3, 3), (2, 2), (2, 2), (1, 1), True),
        conv_case("N2_ci3_co2_8x9_k3_d2_p1_nobias", (2, 3, 8, 9), 2, (3, 3), (1, 1), (1, 1), (2, 2), False),
        conv_case("N1_ci2_co2_7x8_k2x3_s2x1_p1x0_d1x2", (1, 2, 7, 8), 2, (2, 3), (2, 1), (1, 0), (1, 2), True),
        conv_case("N1_ci1_co2_6x5_k3_d2_same", (1, 1, 6, 5), 2, (3, 3), (1, 1), (2, 2), (2, 2), True,
                  padding_attr="same"),
        conv_case("N1_ci1_co1_10x10_k3_s3_uncovered", (1, 1, 10, 10), 1, (3, 3), (3, 3), (0, 0), (1, 1), True),
        conv_case("unbatched_ci2_co3_5x6_k3_p1", (1, 2, 5, 6), 3, (3, 3), (1, 1), (1, 1), (1, 1), True,
                  unbatched=True),
    ]


# ---------------------------------------------------------------- pooling


def pool_out(size, kernel, stride, padding, dilation, ceil_mode):
    numerator = size + 2 * padding - dilation * (kernel - 1) - 1 + (stride - 1 if ceil_mode else 0)
    out = numerator // stride + 1
    if ceil_mode and (out - 1) * stride >= size + padding:
        out -= 1
    return out


def max_pool(x, kernel, stride, padding, dilation, ceil_mode):
    """Return y, the flat winner indices, and a function from dy to dx."""
    n_count, channels, height, width = x.shape
    oh_count = pool_out(height, kernel[0], stride[0], padding[0], dilation[0], ceil_mode)
    ow_count = pool_out(width, kernel[1], stride[1], padding[1], dilation[1], ceil_mode)
    y = np.zeros((n_count, channels, oh_count, ow_count))
    indices = np.zeros(y.shape, dtype=np.int64)
    for n in range(n_count):
        for c in range(channels):
            for oh in range(oh_count):
                for ow in range(ow_count):
                    best, winner = -math.inf, -1
                    for i in range(kernel[0]):
                        h = oh * stride[0] - padding[0] + i * dilation[0]
                        for j in range(kernel[1]):
                            w = ow * stride[1] - padding[1] + j * dilation[1]
                            if 0 <= h < height and 0 <= w < width:
                                value = x[n, c, h, w]
                                if value > best or math.isnan(value):
                                    best, winner = value, h * width + w
                    y[n, c, oh, ow] = best
                    indices[n, c, oh, ow] = winner

    def backward(dy):
        dx = np.zeros_like(x)
        for n in range(n_count):
            for c in range(channels):
                for oh in range(oh_count):
                    for ow in range(ow_count):
                        winner = indices[n, c, oh, ow]
                        dx[n, c, winner // width, winner % width] += dy[n, c, oh, ow]
        return dx

    return y, indices, backward


def avg_pool(x, kernel, stride, padding, ceil_mode, count_include_pad):
    """Return y and a function from dy to dx."""
    n_count, channels, height, width = x.shape
    oh_count = pool_out(height, kernel[0], stride[0], padding[0], 1, ceil_mode)
    ow_count = pool_out(width, kernel[1], stride[1], padding[1], 1, ceil_mode)
    windows = []  # (oh, ow, rows, cols, divisor)
    for oh in range(oh_count):
        for ow in range(ow_count):
            h0 = oh * stride[0] - padding[0]
            w0 = ow * stride[1] - padding[1]
            h1 = min(h0 + kernel[0], height + padding[0])
            w1 = min(w0 + kernel[1], width + padding[1])
            padded_cells = (h1 - h0) * (w1 - w0)
            rows = range(max(h0, 0), min(h1, height))
            cols = range(max(w0, 0), min(w1, width))
            divisor = padded_cells if count_include_pad else len(rows) * len(cols)
            windows.append((oh, ow, rows, cols, divisor))
    y = np.zeros((n_count, channels, oh_count, ow_count))
    for n in range(n_count):
        for c in range(channels):
            for oh, ow, rows, cols, divisor in windows:
                total = 0.0
                for h in rows:
                    for w in cols:
                        total += x[n, c, h, w]
                y[n, c, oh, ow] = total / divisor

    def backward(dy):
        dx = np.zeros_like(x)
        for n in range(n_count):
            for c in range(channels):
                for oh, ow, rows, cols, divisor in windows:
                    for h in rows:
                        for w in cols:
                            dx[n, c, h, w] += dy[n, c, oh, ow] / divisor
        return dx

    return y, backward


def max_pool_case(name, x, kernel, stride, padding, dilation=(1, 1), ceil_mode=False):
    y, indices, backward = max_pool(x, kernel, stride, padding, dilation, ceil_mode)
    dy = normal(*y.shape)
    attrs = {"kernel": list(kernel), "stride": list(stride), "padding": list(padding),
             "dilation": list(dilation), "ceil_mode": ceil_mode}
    return {"name": "maxpool2d/" + name, "op": "maxpool2d", "attrs": attrs,
            "inputs": {"x": tensor(x)}, "dy": tensor(dy),
            "outputs": {"y": tensor(y), "indices": tensor(indices, "int64")},
            "grads": {"x": tensor(backward(dy))}}


def avg_pool_case(name, x, kernel, stride, padding, ceil_mode, count_include_pad):
    effective_stride = kernel if stride is None else stride
    y, backward = avg_pool(x, kernel, effective_stride, padding, ceil_mode, count_include_pad)
    dy = normal(*y.shape)
    attrs = {"kernel": list(kernel), "padding": list(padding), "ceil_mode": ceil_mode,
             "count_include_pad": count_include_pad}
    if stride is not None:
        attrs["stride"] = list(stride)
    return {"name": "avgpool2d/" + name, "op": "avgpool2d", "attrs": attrs,
            "inputs": {"x": tensor(x)}, "dy": tensor(dy),
            "outputs": {"y": tensor(y)}, "grads": {"x": tensor(backward(dy))}}


def pooling_cases():
    # Small integers give many ties inside each window.
    ties = rng.integers(0, 3, size=(1, 2, 5, 6)).astype(np.float64)
    return [
        max_pool_case("2x2x5x6_k3_s1_p1_ceil", normal(2, 2, 5, 6), (3, 3), (1, 1), (1, 1), ceil_mode=True),
        max_pool_case("2x2x6x8_k3_s2_p1_ceil", normal(2, 2, 6, 8), (3, 3), (2, 2), (1, 1), ceil_mode=True),
        max_pool_case("1x1x5x5_k2_s2_p1_ceil_last_window_dropped", normal(1, 1, 5, 5), (2, 2), (2, 2), (1, 1),
                      ceil_mode=True),
        max_pool_case("1x2x6x7_k3_s1_p1_d2", normal(1, 2, 6, 7), (3, 3), (1, 1), (1, 1), dilation=(2, 2)),
        max_pool_case("1x2x5x6_k2x3_s1x2_p1x1", normal(1, 2, 5, 6), (2, 3), (1, 2), (1, 1)),
        max_pool_case("1x2x5x6_k2_s1_ties", ties, (2, 2), (1, 1), (0, 0)),
        avg_pool_case("2x2x6x8_k3_s2_p1_ceil_exclude_pad", normal(2, 2, 6, 8), (3, 3), (2, 2), (1, 1), True, False),
        avg_pool_case("2x2x6x8_k3_s2_p1_ceil_include_pad", normal(2, 2, 6, 8), (3, 3), (2, 2), (1, 1), True, True),
        avg_pool_case("1x1x5x5_k2_s2_p1_ceil_include_pad", normal(1, 1, 5, 5), (2, 2), (2, 2), (1, 1), True, True),
        avg_pool_case("1x2x6x7_k2_default_stride", normal(1, 2, 6, 7), (2, 2), None, (0, 0), False, True),
        avg_pool_case("1x2x5x7_k2x3_s1x2_p1x1_exclude_pad", normal(1, 2, 5, 7), (2, 3), (1, 2), (1, 1), False,
                      False),
    ]


# ---------------------------------------------------------------- batch norm


def channel_view(values, rank):
    shape = [1] * rank
    shape[1] = -1
    return np.asarray(values).reshape(shape)


def batch_norm_case(name, kind, x_shape, training, eps, momentum, affine=True, track_running_stats=True,
                    write_kind=True):
    rank = len(x_shape)
    channels = x_shape[1]
    axes = tuple(a for a in range(rank) if a != 1)
    count = int(np.prod([x_shape[a] for a in axes]))
    x = normal(*x_shape)
    weight = round9(rng.uniform(0.5, 1.5, channels)) if affine else np.ones(channels)
    bias = normal(channels) if affine else np.zeros(channels)
    running_mean = normal(channels)
    running_var = round9(rng.uniform(0.5, 2.0, channels))
    dy = normal(*x_shape)

    batch_mean = np.array([x.take(c, axis=1).mean() for c in range(channels)])
    batch_var = np.array([((x.take(c, axis=1) - batch_mean[c]) ** 2).mean() for c in range(channels)])
    use_batch = training or not track_running_stats
    mean = batch_mean if use_batch else running_mean
    variance = batch_var if use_batch else running_var
    inverse_std = 1.0 / np.sqrt(variance + eps)
    xhat = (x - channel_view(mean, rank)) * channel_view(inverse_std, rank)
    y = xhat * channel_view(weight, rank) + channel_view(bias, rank)

    sum_dy = np.array([dy.take(c, axis=1).sum() for c in range(channels)])
    sum_dy_xhat = np.array([(dy * xhat).take(c, axis=1).sum() for c in range(channels)])
    if use_batch:
        # d/dx of the normalized value through the batch mean and variance.
        dx = (channel_view(weight * inverse_std / count, rank)
              * (count * dy - channel_view(sum_dy, rank) - xhat * channel_view(sum_dy_xhat, rank)))
    else:
        dx = dy * channel_view(weight * inverse_std, rank)

    attrs = {"training": training, "eps": eps, "momentum": momentum, "axis": 1}
    if write_kind:
        attrs["kind"] = kind
    if not affine:
        attrs["affine"] = False
    if not track_running_stats:
        attrs["track_running_stats"] = False
    inputs = {"x": tensor(x)}
    outputs = {"y": tensor(y)}
    if track_running_stats:
        inputs["running_mean"] = tensor(running_mean)
        inputs["running_var"] = tensor(running_var)
        if training:
            unbiased = batch_var * count / (count - 1)
            outputs["running_mean_new"] = tensor((1 - momentum) * running_mean + momentum * batch_mean)
            outputs["running_var_new"] = tensor((1 - momentum) * running_var + momentum * unbiased)
        else:
            outputs["running_mean_new"] = tensor(running_mean)
            outputs["running_var_new"] = tensor(running_var)
    if use_batch:
        outputs["batch_mean"] = tensor(batch_mean)
        outputs["batch_var_biased"] = tensor(batch_var)
    case = {"name": "batchnorm/" + name, "op": "batchnorm", "attrs": attrs, "inputs": inputs,
            "dy": tensor(dy), "outputs": outputs, "grads": {"x": tensor(dx)}}
    if affine:
        case["params"] = {"weight": tensor(weight), "bias": tensor(bias)}
        case["grads"]["weight"] = tensor(sum_dy_xhat)
        case["grads"]["bias"] = tensor(sum_dy)
    return case


def batch_norm_cases():
    return [
        batch_norm_case("6x4/eval", "BatchNorm1d", (6, 4), False, 1e-5, 0.1),
        batch_norm_case("3x4x5/train_momentum0.3_eps1e-3", "BatchNorm1d", (3, 4, 5), True, 1e-3, 0.3),
        batch_norm_case("2x3x4x3/train_no_affine", "BatchNorm2d", (2, 3, 4, 3), True, 1e-5, 0.5, affine=False),
        batch_norm_case("2x2x3x4/eval_eps1e-2_kind_from_rank", "BatchNorm2d", (2, 2, 3, 4), False, 1e-2, 0.1,
                        write_kind=False),
        batch_norm_case("5x3/eval_without_running_stats", "BatchNorm1d", (5, 3), False, 1e-5, 0.1,
                        track_running_stats=False),
    ]


# ---------------------------------------------------------------- dropout


def alpha_constants(p):
    a = ((1 - p) * (1 + p * ALPHA_PRIME ** 2)) ** -0.5
    b = -a * p * ALPHA_PRIME
    return a, b, a * ALPHA_PRIME + b


def empirical_statistics(p, count):
    """Statistics of alpha dropout on standard-normal samples drawn here with numpy."""
    x = rng.standard_normal(count)
    keep = rng.random(count) >= p
    a, b, dropped_value = alpha_constants(p)
    y = np.where(keep, a * x + b, dropped_value)
    return {"n": count, "input_mean": float("%.9g" % x.mean()), "input_var": float("%.9g" % x.var()),
            "output_mean": float("%.9g" % y.mean()), "output_var": float("%.9g" % y.var()),
            "dropped_fraction": float("%.9g" % (1 - keep.mean()))}


def alpha_constants_case(p):
    a, b, dropped_value = alpha_constants(p)
    outputs = {"alpha_prime": float("%.9g" % ALPHA_PRIME), "a": float("%.9g" % a), "b": float("%.9g" % b),
               "dropped_value": float("%.9g" % dropped_value),
               "empirical": empirical_statistics(p, 1000000)}
    return {"name": "alpha_dropout_constants/p=%g" % p, "op": "alpha_dropout_constants",
            "attrs": {"p": p, "lambda": float("%.9g" % SELU_LAMBDA), "alpha": float("%.9g" % SELU_ALPHA)},
            "inputs": {}, "outputs": outputs}


def masked_case(op, p, shape, bool_mask):
    x = normal(*shape)
    mask = (rng.random(shape) >= p).astype(np.int64)
    dy = normal(*shape)
    if op == "alpha_dropout_masked":
        a, b, _ = alpha_constants(p)
        y = a * (x * mask + ALPHA_PRIME * (1 - mask)) + b
        dx = dy * a * mask
    else:
        y = x * mask / (1 - p)
        dx = dy * mask / (1 - p)
    mask_tensor = tensor(mask, "bool") if bool_mask else tensor(mask.astype(np.float64))
    kind = "bool_mask" if bool_mask else "float_mask"
    return {"name": "%s/p=%g_%s" % (op, p, kind), "op": op, "attrs": {"p": p},
            "inputs": {"x": tensor(x), "mask": mask_tensor}, "dy": tensor(dy),
            "outputs": {"y": tensor(y)}, "grads": {"x": tensor(dx)}}


def dropout_cases():
    return [
        alpha_constants_case(0.3),
        alpha_constants_case(0.0),
        masked_case("alpha_dropout_masked", 0.05, (3, 5), False),
        masked_case("alpha_dropout_masked", 0.5, (2, 3, 4), True),
        masked_case("dropout_masked", 0.25, (3, 2, 4), True),
        masked_case("dropout_masked", 0.0, (2, 5), False),
    ]


def main():
    write_family("conv2d_extra.json", "conv2d",
                 ["Stride, padding, dilation and kernel size differ per axis in some cases; padding "
                  "\"same\" pads dilation*(k-1)/2 on each side; one case has no batch axis."],
                 conv_cases())
    write_family("pooling_extra.json", "pooling",
                 ["Ceil mode, dilation, non-square windows, the default stride and max-pool ties "
                  "(the first maximum in row-major window order wins)."],
                 pooling_cases())
    write_family("batchnorm_extra.json", "batchnorm",
                 ["Without track_running_stats both modes normalize with the batch statistics."],
                 batch_norm_cases())
    write_family("dropout_extra.json", "alpha_dropout",
                 ["Empirical statistics come from numpy draws, not from PyTorch."],
                 dropout_cases())


if __name__ == "__main__":
    main()
