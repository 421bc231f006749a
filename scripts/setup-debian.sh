#!/usr/bin/env bash
# Installs the system packages Sandtable needs to build, run and test on
# Debian/Ubuntu: WebKitGTK for the Tauri window, Xvfb and WebKitWebDriver for
# the end-to-end tests, CJK fonts so Chinese renders, ImageMagick for screenshots,
# strace (fault injection in the kill-point test) and xdotool (drives the native
# file dialog in the end-to-end test of the file locks), python3 for the practice
# workspace generator (scripts/generate-practice.py, checked by the core tests).
set -euo pipefail
packages=(libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev xvfb xauth webkit2gtk-driver imagemagick
  fonts-noto-cjk pkg-config strace xdotool python3)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
