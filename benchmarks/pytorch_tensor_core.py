"""PyTorch side of the tensor-core benchmarks: SELU on 16M float32 values and float32 matmul.

Run with the Debian packages python3-torch and libopenblas0-pthread installed (without the
latter, torch falls back to the reference BLAS and matmul is far slower):

    /usr/bin/python3 benchmarks/pytorch_tensor_core.py --threads 2

(Debian's python3-torch is installed for /usr/bin/python3, not for other Python installs.)
"""
import argparse
import time

import torch

LAMBDA = 1.0507009873554804934193349852946
ALPHA = 1.6732632423543772848170429916717


def median_ms(function, repeats):
    for _ in range(3):
        function()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1e3)
    samples.sort()
    return samples[len(samples) // 2]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", type=int, default=2, help="torch intra-op threads (default 2)")
    parser.add_argument("--repeats", type=int, default=15, help="timed calls per measurement (default 15)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, BLAS: "
          f"{'openblas' if 'openblas' in torch.__config__.show().lower() else 'see torch.__config__.show()'}")

    torch.manual_seed(42)
    x = torch.randn(16 * 1024 * 1024, dtype=torch.float32)
    out = torch.empty_like(x)
    native = median_ms(lambda: torch.selu(x, ), args.repeats)
    expression = median_ms(lambda: torch.where(x > 0, x, ALPHA * torch.exp(x) - ALPHA) * LAMBDA, args.repeats)
    copy = median_ms(lambda: out.copy_(x), args.repeats)
    print(f"selu 16M float32: torch.selu {native:.2f} ms, expression form {expression:.2f} ms, copy {copy:.2f} ms")

    for m, k, n in ((128, 800, 1000), (1024, 1024, 1024)):
        a = torch.rand(m, k) - 0.5
        b = torch.rand(k, n) - 0.5
        ms = median_ms(lambda: torch.mm(a, b), args.repeats)
        print(f"mm {m}x{k}x{n} float32: {ms:.3f} ms, {2.0 * m * k * n / ms / 1e6:.1f} GFLOP/s")


if __name__ == "__main__":
    main()
