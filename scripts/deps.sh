#!/usr/bin/env bash
# Installs what building, running and testing Parallax needs on Debian/Ubuntu, and only what is
# missing: safe to run again and again. Usage: scripts/deps.sh [run|test]
set -euo pipefail

need=(gcc libc6-dev pkg-config libgl-dev libx11-dev libxcursor-dev libxrandr-dev
      libxinerama-dev libxi-dev libxxf86vm-dev)
if [ "${1:-run}" = test ]; then
  # chromium: the HTML report test renders and prints the report in a real browser.
  # xdotool, imagemagick: the real-window test (cmd/parallax TestGUIDailyLoop) sends X events
  # and keeps screenshots.
  need+=(xvfb xauth x11-utils chromium xdotool imagemagick)
fi

missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! command -v go >/dev/null 2>&1; then
  missing+=(golang-go)
fi

if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "deps: missing ${missing[*]} and no apt-get here; see README.md, 'Other systems'." >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  echo "deps: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# go.mod pins the Go version; Go 1.21 and later fetch that toolchain by themselves.
gov=$(go env GOVERSION | sed 's/^go//')
major=${gov%%.*}; rest=${gov#*.}; minor=${rest%%.*}
if [ "$major" -lt 1 ] || { [ "$major" -eq 1 ] && [ "$minor" -lt 21 ]; }; then
  echo "deps: Go $gov is too old to fetch the toolchain go.mod asks for; install Go 1.21 or later (https://go.dev/dl) and run again." >&2
  exit 1
fi
go mod download
