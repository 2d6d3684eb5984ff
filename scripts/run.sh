#!/usr/bin/env bash
# Builds Parallax and opens its window. With no arguments it opens your workspace, which holds the
# five sample articles on first run; any arguments are passed to parallax (e.g. --db FILE).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh run
go build -trimpath -o build/parallax ./cmd/parallax
exec build/parallax "$@"
