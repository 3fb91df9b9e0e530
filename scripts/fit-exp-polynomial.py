#!/usr/bin/env python3
"""Fits the float exp polynomial of cortexj's PolynomialMath.

exp(r) is approximated on |r| <= ln2/2 as 1 + r + r^2 * P(r), with P of degree 4. The
coefficients minimize the largest relative error of exp(r), found with Lawson's algorithm
(iteratively reweighted least squares) on Chebyshev points, then rounded to float32. The script
prints them as Java hex float literals with the error before and after rounding, in ulps of 1.
Needs numpy and mpmath (Debian: python3-numpy, python3-mpmath); only used to derive constants.
"""
import argparse

import mpmath
import numpy as np


def target(points):
    """(exp(r) - 1 - r) / r^2 in 40-digit arithmetic, rounded to float64."""
    mpmath.mp.dps = 40
    values = []
    for r in points:
        x = mpmath.mpf(float(r))
        values.append(0.5 if x == 0 else float((mpmath.exp(x) - 1 - x) / x**2))
    return np.array(values)


def fit(degree, count, iterations):
    half_ln2 = float(mpmath.log(2) / 2)
    # Slightly past ln2/2, because the reduced argument can exceed it by a rounding error.
    points = np.cos(np.linspace(0, np.pi, count)) * half_ln2 * 1.0005
    f = target(points)
    # An error e in P(r) changes exp(r) by r^2 * e, relative to exp(r).
    scale = points**2 / np.exp(points)
    powers = np.vstack([points**j for j in range(degree + 1)]).T
    weights = np.full(count, 1.0 / count)
    for _ in range(iterations):
        root = np.sqrt(weights)
        coefficients = np.linalg.lstsq(powers * (root * scale)[:, None], f * root * scale, rcond=None)[0]
        errors = np.abs((powers @ coefficients - f) * scale)
        weights = weights * errors
        weights /= weights.sum()
    rounded = np.float32(coefficients).astype(np.float64)
    rounded_errors = np.abs((powers @ rounded - f) * scale)
    return rounded, errors.max(), rounded_errors.max()


def java_float(value):
    mantissa, exponent = float(value).hex().split("p")
    return mantissa.rstrip("0").rstrip(".") + "p" + exponent + "f"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--degree", type=int, default=4)
    parser.add_argument("--points", type=int, default=4001)
    parser.add_argument("--iterations", type=int, default=2000)
    args = parser.parse_args()
    coefficients, error, rounded_error = fit(args.degree, args.points, args.iterations)
    ulp = 2.0**-23
    print(f"largest relative error: {error:.3g} ({error / ulp:.3f} ulps of 1), "
          f"after rounding to float: {rounded_error:.3g} ({rounded_error / ulp:.3f} ulps)")
    for power, value in enumerate(coefficients):
        print(f"EXP_P{power + 2} = {java_float(value)}")


if __name__ == "__main__":
    main()
