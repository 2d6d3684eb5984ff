#!/bin/sh
# Renders the app icon's PNGs from parallax.svg, the one source of the design.
# Needs: apt-get install librsvg2-bin (rsvg-convert); installed here when missing.
# icon-N.png are the sizes desktops and stores ask for (16 to 1024). cmd/parallax/Icon.png, the
# file FyneApp.toml names, links to icon-512.png: `fyne package` makes the Linux pixmap, the
# macOS .icns and the Windows .ico from it, and assets.IconPNG embeds it for the window.
# Rendering is deterministic, so re-running leaves git clean.
set -eu
cd "$(dirname "$0")"
if ! command -v rsvg-convert >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends librsvg2-bin >/dev/null
fi
for size in 16 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$size" --height "$size" parallax.svg --output "icon-$size.png"
done
