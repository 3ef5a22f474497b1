# Shared helpers for the e2e toolchain scripts (sourced, not run). Everything lands under the repo's
# git-ignored .cache/: binaries in .cache/bin, Go module and build caches in .cache/go, generated
# wrapper modules in .cache/src. Only the Go module proxy is used to fetch anything.
set -euo pipefail
TOOLS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$TOOLS_DIR/../.." && pwd)"
# shellcheck source=versions.env
source "$TOOLS_DIR/versions.env"
BIN_DIR="$ROOT/.cache/bin"
SRC_DIR="$ROOT/.cache/src"
GO="${GO:-/usr/local/go/bin/go}"
if ! command -v "$GO" >/dev/null 2>&1; then
  if command -v go >/dev/null 2>&1; then GO="$(command -v go)"; else
    echo "test/tools: no Go toolchain at $GO or on PATH" >&2
    exit 1
  fi
fi
export GOMODCACHE="${GOMODCACHE_OVERRIDE:-$ROOT/.cache/go/mod}"
export GOCACHE="${GOCACHE_OVERRIDE:-$ROOT/.cache/go/build}"
# No DWARF: the binaries are stripped at link (-s -w) anyway, so generating it only costs compile time.
export GOFLAGS="-buildvcs=false -gcflags=all=-dwarf=false"
export CGO_ENABLED=0
# The generated wrapper modules must not be taken for part of some parent Go workspace.
export GOWORK=off
mkdir -p "$BIN_DIR" "$SRC_DIR"

# is_current NAME VERSION -> 0 when .cache/bin/NAME exists and was built at VERSION.
is_current() {
  [[ -x "$BIN_DIR/$1" && -f "$BIN_DIR/$1.version" && "$(cat "$BIN_DIR/$1.version")" == "$2" ]]
}

# stamp NAME VERSION: records the version a binary was built at (written last, so a crash rebuilds).
stamp() { echo "$2" >"$BIN_DIR/$1.version"; }

log() { echo "test/tools: $*" >&2; }
