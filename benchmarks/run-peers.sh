#!/usr/bin/env bash
# Builds the cortexj-peers module (mvn -Ppeers) and runs the side-by-side benchmark of cortexj
# against DJL 0.36.0 on PyTorch 2.7.1, keeping the output under benchmarks/logs/. Arguments go to
# the driver; --help lists them. The first build downloads the DJL and libtorch jars (about
# 115 MB) from Maven Central, and the first DJL run extracts libtorch to ~/.djl.ai (about 430 MB);
# the measurements run with -Dai.djl.offline=true and download nothing. JAVA_OPTS reaches the
# driver, which passes cortexj.* and ai.djl.* system properties on to every child JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p benchmarks/logs
stamp=$(date -u +%Y-%m-%dT%H%M%SZ)

mvn -q -B -Ppeers -pl cortexj-peers -am package -DskipTests
classpath="cortexj-peers/target/cortexj-peers.jar:$(cat cortexj-peers/target/classpath.txt)"
{
  echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $(java -version 2>&1 | head -1)"
  echo "date: $stamp"
  echo "arguments: $*"
  # shellcheck disable=SC2086 # JAVA_OPTS holds several words on purpose
  java ${JAVA_OPTS:-} -cp "$classpath" org.cortexj.peers.PeersMain "$@"
} 2>&1 | tee "benchmarks/logs/peers-$stamp.txt"
