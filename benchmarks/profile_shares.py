"""Groups an async-profiler collapsed-stack file into the kernel families of a cortexj step.

A sample whose stack passes through the optimizer or the replicas' synchronization goes to that
caller family. Any other sample goes to the first kernel family whose pattern one of its frames
contains, scanning from the leaf frame upwards. Samples with no cortexj frame at all (JIT compiler, GC, idle spinning) are
counted as "outside cortexj". Prints the share of every family, largest first.

    /usr/bin/python3 benchmarks/profile_shares.py profile.collapsed
"""
import collections
import sys

CALLERS = [
    ("optimizer", ("org/cortexj/optim/",)),
    ("replica synchronization", ("Replica.copyStateFrom", "DataParallel.addGradients",
                                 "DataParallel.keepBuffers", "Shards.")),
]

FAMILIES = [
    ("matrix products (OpenBLAS and copies)", ("openblas", "cpu/gemm/", "CpuGemm")),
    ("im2col and col2im", ("conv/Im2col", "conv/Col2im")),
    ("pooling", ("conv/MaxPool2dKernel", "conv/AvgPool2dKernel", "conv/PoolAxis")),
    ("convolution output layout and bias", ("conv/ConvOutputs",)),
    ("elementwise (fused kernels)", ("codegen/", "ElementwiseEvaluator", "simd/", "StridedCopy")),
    ("reductions", ("cpu/reduce/", "CpuReductions")),
    ("allocation and zeroing", ("CpuBuffer.allocate", "memset")),
]


def family(frames):
    for name, patterns in CALLERS:
        if any(pattern in frame for frame in frames for pattern in patterns):
            return name
    for frame in reversed(frames):
        for name, patterns in FAMILIES:
            if any(pattern in frame for pattern in patterns):
                return name
    if any("org/cortexj" in frame for frame in frames):
        return "other cortexj code"
    return "outside cortexj (JIT, GC, idle threads)"


def main(path):
    counts = collections.Counter()
    for line in open(path):
        stack, _, samples = line.rstrip().rpartition(" ")
        counts[family(stack.split(";"))] += int(samples)
    total = sum(counts.values())
    for name, samples in counts.most_common():
        print(f"{100 * samples / total:5.1f}%  {name}")
    print(f"{total} samples")


if __name__ == "__main__":
    main(sys.argv[1])
