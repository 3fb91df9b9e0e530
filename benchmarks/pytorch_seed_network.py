"""PyTorch side of the seed-network benchmark: forward + backward images/s for batches of 128.

The network matches cortexj's built-in seed network: conv 5x5 (1->20) -> max-pool 2x2/2 -> SELU ->
conv 5x5 (20->50) -> max-pool 2x2/2 -> SELU -> linear 800->1000 -> dropout 0.6 -> linear 1000->10,
softmax cross-entropy. Run with the Debian packages python3-torch and libopenblas0-pthread:

    /usr/bin/python3 benchmarks/pytorch_seed_network.py --threads 2
"""
import argparse
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class SeedNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 20, 5)
        self.conv2 = nn.Conv2d(20, 50, 5)
        self.fc1 = nn.Linear(800, 1000)
        self.dropout = nn.Dropout(0.6)
        self.fc2 = nn.Linear(1000, 10)

    def forward(self, x):
        x = F.selu(F.max_pool2d(self.conv1(x), 2, 2))
        x = F.selu(F.max_pool2d(self.conv2(x), 2, 2))
        x = self.fc1(x.flatten(1))
        return self.fc2(self.dropout(x))


def median_seconds(function, warmup, repeats):
    for _ in range(warmup):
        function()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    samples.sort()
    return samples[len(samples) // 2], samples[0], samples[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", type=int, default=2, help="torch intra-op threads (default 2)")
    parser.add_argument("--repeats", type=int, default=20, help="timed steps per measurement (default 20)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    network = SeedNetwork()
    optimizer = torch.optim.Adam(network.parameters(), lr=1e-3)
    images = torch.rand(128, 1, 28, 28)
    labels = torch.randint(0, 10, (128,))

    def forward_backward():
        network.zero_grad()
        loss = F.cross_entropy(network(images), labels)
        loss.backward()

    def training_step():
        forward_backward()
        optimizer.step()

    network.train()
    median, low, high = median_seconds(forward_backward, 3, args.repeats)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads")
    print(f"forward+backward, batch 128: {128 / median:.0f} images/s (median; range {128 / high:.0f}-{128 / low:.0f})")
    median, low, high = median_seconds(training_step, 3, args.repeats)
    print(f"training step (forward+backward+Adam), batch 128: {128 / median:.0f} images/s "
          f"(median; range {128 / high:.0f}-{128 / low:.0f})")
    network.eval()
    batch = torch.rand(1000, 1, 28, 28)
    with torch.no_grad():
        median, low, high = median_seconds(lambda: network(batch), 2, max(5, args.repeats // 2))
    print(f"inference, batch 1000: {1000 / median:.0f} images/s (median; range {1000 / high:.0f}-{1000 / low:.0f})")


if __name__ == "__main__":
    main()
