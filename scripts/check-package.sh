#!/usr/bin/env bash
# Checks a package built by scripts/package.sh.
#   check-package.sh linux ARCHIVE.tar.xz VERSION: it unpacks; the desktop entry names the
#     binary and the icon, both present; the binary starts and reports VERSION.
#   check-package.sh windows FILE.exe VERSION: a PE32+ amd64 GUI program with icon and version
#     resources (cmd/checkexe).
set -euo pipefail
cd "$(dirname "$0")/.."
kind=$1 file=$2 version=$3
fail() { echo "check-package: $file: $*" >&2; exit 1; }

case "$kind" in
linux)
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  tar -xJf "$file" -C "$tmp" || fail "does not unpack"
  desktop=$(find "$tmp" -name '*.desktop' | head -1)
  [ -n "$desktop" ] || fail "no .desktop entry"
  exec_name=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
  icon_name=$(sed -n 's/^Icon=\(.*\)/\1/p' "$desktop")
  [ -n "$exec_name" ] || fail "desktop entry has no Exec"
  [ -n "$icon_name" ] || fail "desktop entry has no Icon"
  bin=$(find "$tmp" -type f -name "$(basename "$exec_name")" -perm -u+x | head -1)
  [ -n "$bin" ] || fail "the binary $exec_name named by the desktop entry is not in the archive"
  find "$tmp" -name "$(basename "$icon_name")*" | grep -q . || fail "the icon $icon_name named by the desktop entry is not in the archive"
  root=$(dirname "$(find "$tmp" -name Makefile | head -1)")
  make -s -C "$root" install DESTDIR="$tmp/installed" PREFIX=/usr >/dev/null || fail "'make install' fails"
  for f in bin/"$(basename "$exec_name")" share/applications/"$(basename "$desktop")"; do
    [ -e "$tmp/installed/usr/$f" ] || fail "'make install' did not install $f"
  done
  ls "$tmp/installed/usr/share/pixmaps/$icon_name".* >/dev/null 2>&1 || fail "'make install' did not install the icon $icon_name"
  make -s -C "$root" uninstall DESTDIR="$tmp/installed" PREFIX=/usr >/dev/null || fail "'make uninstall' fails"
  out=$("$bin" version) || fail "the binary does not start"
  case "$out" in *" $version "*) ;; *) fail "'parallax version' says '$out', want version $version";; esac
  echo "$file: unpacks; $(basename "$desktop") runs $exec_name with icon $icon_name; $out"
  ;;
windows)
  go run ./cmd/checkexe "$file"
  ;;
*) echo "usage: check-package.sh linux|windows FILE VERSION" >&2; exit 2;;
esac
