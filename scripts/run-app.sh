#!/usr/bin/env bash
# One command to build and run Sandtable on a fresh Debian/Ubuntu machine.
# The first start opens the bundled practice workspace (沙盘演练).
# SANDTABLE_DB=/path/to/workspace.db chooses another workspace.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-debian.sh
npm ci --prefix ui --no-audit --no-fund
npm run --prefix ui build
cargo build -p sandtable-desktop --features custom-protocol
cargo build -p sandtable --bin sandtable
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  exec xvfb-run -a ./target/debug/sandtable-desktop "$@"
fi
exec ./target/debug/sandtable-desktop "$@"
