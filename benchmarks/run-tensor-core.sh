#!/usr/bin/env bash
# Runs the tensor-core and seed-network benchmarks of cortexj and PyTorch in one go and keeps
# their output under benchmarks/logs/. Needs the Debian packages python3-torch and
# libopenblas0-pthread for the PyTorch half (installed here when missing and running as root).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p benchmarks/logs
stamp=$(date -u +%Y-%m-%dT%H%MZ)

if ! /usr/bin/python3 -c 'import torch' 2>/dev/null && [ "$(id -u)" = 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch libopenblas0-pthread >/dev/null
fi

mvn -q -B -Pbench -pl cortexj-core,cortexj-cli,cortexj-bench -am package -DskipTests
{
  echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $(java -version 2>&1 | head -1)"
  echo "date: $stamp"
  java --add-modules jdk.incubator.vector -jar cortexj-bench/target/cortexj-bench.jar "$@"
} 2>&1 | tee "benchmarks/logs/cortexj-$stamp.txt"
if /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  {
    /usr/bin/python3 benchmarks/pytorch_tensor_core.py --threads 2
    /usr/bin/python3 benchmarks/pytorch_seed_network.py --threads 2
  } 2>&1 | tee "benchmarks/logs/pytorch-$stamp.txt"
fi
