#!/usr/bin/env bash
# Runs every check Parallax has: a tidy go.mod, the CI workflows (actionlint), formatting, go
# vet, staticcheck, the real (cgo) build, and the whole test suite with the race detector.
# Tests that need a display start their own Xvfb.
# Installs what is missing first (scripts/deps.sh). CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test

step() { printf '\n== %s\n' "$*"; }

step "go mod tidy"
# go.mod and go.sum must be exactly what `go mod tidy` makes (direct dependencies not marked
# indirect, no stale sums).
if ! go mod tidy -diff; then echo "go.mod/go.sum are not tidy: run 'go mod tidy' and commit the result"; exit 1; fi

step "actionlint"
# The GitHub Actions workflows cannot run here; the pinned actionlint checks their syntax,
# expressions, runner labels and action inputs.
go tool actionlint

step "gofmt"
bad=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './build/*'))
if [ -n "$bad" ]; then echo "gofmt would change:"; echo "$bad"; exit 1; fi

# -tags ci swaps Fyne's GLFW driver for its software one so unit tests need no display;
# migrated_fynedo makes Fyne check that widgets are only touched on its goroutine.
tags=ci,migrated_fynedo

step "go vet"
go vet -tags "$tags" ./...

step "staticcheck"
go tool staticcheck -tags "$tags" ./...

step "real build (cgo, GLFW)"
go build -trimpath -o build/parallax ./cmd/parallax

# The Linux archive is checked on every run, packaging the binary built above (about 40
# seconds, mostly xz). The Windows cross-build takes ~7 minutes on a cold cache, so it runs when asked:
# PARALLAX_PACKAGE=1 scripts/test.sh (release runs), or scripts/package.sh on its own.
step "Linux archive"
PARALLAX_EXE=build/parallax scripts/package.sh linux
if [ "${PARALLAX_PACKAGE:-0}" = 1 ]; then
  step "Windows executable"
  scripts/package.sh windows
fi

# The real-window test (cmd/parallax TestGUIDailyLoop) keeps its screenshots in build/gui-daily.
step "go test -race"
PARALLAX_BINARY="$PWD/build/parallax" go test -race -tags "$tags" -timeout 20m ./...

