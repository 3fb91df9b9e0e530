"""Trains the seed network on MNIST in PyTorch with cortexj's default recipe, for comparison.

Same network as cortexj's built-in seed network, dropout 0.6, Adam 1e-3, batch 128, inputs
standardized with the training set's mean and standard deviation. Reads the IDX files from
cortexj's cache (run `./cortexj train` once first). Prints test accuracy after 102,400 training
images and after every epoch.

    /usr/bin/python3 benchmarks/pytorch_seed_training.py --activation selu --init lecun --epochs 2
"""
import argparse
import math
import os
import struct
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

BUDGET = 102_400


def read_idx(path):
    data = open(path, "rb").read()
    rank = data[3]
    dims = struct.unpack(">" + "I" * rank, data[4:4 + 4 * rank])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims)


class SeedNetwork(nn.Module):
    def __init__(self, activation):
        super().__init__()
        self.activation = F.selu if activation == "selu" else F.relu
        self.conv1 = nn.Conv2d(1, 20, 5)
        self.conv2 = nn.Conv2d(20, 50, 5)
        self.fc1 = nn.Linear(800, 1000)
        self.dropout = nn.Dropout(0.6)
        self.fc2 = nn.Linear(1000, 10)

    def forward(self, x):
        x = self.activation(F.max_pool2d(self.conv1(x), 2, 2))
        x = self.activation(F.max_pool2d(self.conv2(x), 2, 2))
        return self.fc2(self.dropout(self.fc1(x.flatten(1))))


def accuracy(network, images, labels):
    network.eval()
    with torch.no_grad():
        value = (network(images).argmax(1) == labels).float().mean().item()
    network.train()
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--activation", choices=["selu", "relu"], default="selu")
    parser.add_argument("--init", choices=["lecun", "default"], default="lecun",
                        help="lecun: normal with std 1/sqrt(fan_in) and zero biases; default: PyTorch's")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--decay-images", type=int, default=0,
                        help="cosine decay of the learning rate to 0 over this many training images; 0 keeps it constant")
    parser.add_argument("--data", default=os.path.expanduser("~/.cache/cortexj/datasets/mnist"))
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(42)

    def load(prefix):
        images = read_idx(os.path.join(args.data, prefix + "-images-idx3-ubyte")).astype(np.float32) / 255
        labels = read_idx(os.path.join(args.data, prefix + "-labels-idx1-ubyte")).astype(np.int64)
        return images[:, None], labels

    train_images, train_labels = load("train")
    test_images, test_labels = load("t10k")
    mean, std = train_images.mean(), train_images.std()
    train_images = torch.from_numpy((train_images - mean) / std)
    test_images = torch.from_numpy((test_images - mean) / std)
    train_labels, test_labels = torch.from_numpy(train_labels), torch.from_numpy(test_labels)

    network = SeedNetwork(args.activation)
    if args.init == "lecun":
        for layer in (network.conv1, network.conv2, network.fc1, network.fc2):
            nn.init.normal_(layer.weight, 0, layer.weight[0].numel() ** -0.5)
            nn.init.zeros_(layer.bias)
    optimizer = torch.optim.Adam(network.parameters(), lr=1e-3)
    seen = 0
    for epoch in range(1, args.epochs + 1):
        start = time.time()
        for batch in torch.randperm(len(train_labels)).split(128):
            if args.decay_images > 0:
                progress = min(seen / args.decay_images, 1.0)
                for group in optimizer.param_groups:
                    group["lr"] = 1e-3 * 0.5 * (1 + math.cos(math.pi * progress))
            optimizer.zero_grad()
            F.cross_entropy(network(train_images[batch]), train_labels[batch]).backward()
            optimizer.step()
            if seen < BUDGET <= seen + len(batch):
                print(f"test accuracy after {BUDGET} images: {accuracy(network, test_images, test_labels):.4f}")
            seen += len(batch)
        print(f"epoch {epoch}: test accuracy {accuracy(network, test_images, test_labels):.4f}, "
              f"{time.time() - start:.1f} s", flush=True)


if __name__ == "__main__":
    main()
