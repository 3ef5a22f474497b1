#!/usr/bin/env bash
# Builds the versitygw S3 gateway once (pinned) into the repo's git-ignored .cache/bin and prints its path.
# The S3 storage suite (src/backup/storage/s3) runs against this binary; CI runs this script before `npm test`.
# Usage: bash test/tools/versitygw.sh   -> prints /abs/path/.cache/bin/versitygw
set -euo pipefail
VERSION="${VERSITYGW_VERSION:-v1.8.0}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN_DIR="$ROOT/.cache/bin"
BIN="$BIN_DIR/versitygw"
STAMP="$BIN_DIR/versitygw.version"
GO="${GO:-/usr/local/go/bin/go}"
if [[ -x "$BIN" && -f "$STAMP" && "$(cat "$STAMP")" == "$VERSION" ]]; then
  echo "$BIN"
  exit 0
fi
if ! command -v "$GO" >/dev/null 2>&1; then
  if command -v go >/dev/null 2>&1; then GO="$(command -v go)"; else
    echo "versitygw.sh: no Go toolchain at $GO or on PATH" >&2
    exit 1
  fi
fi
mkdir -p "$BIN_DIR"
echo "versitygw.sh: building github.com/versity/versitygw/cmd/versitygw@$VERSION" >&2
GOBIN="$BIN_DIR" CGO_ENABLED=0 "$GO" install "github.com/versity/versitygw/cmd/versitygw@$VERSION" >&2
echo "$VERSION" >"$STAMP"
echo "$BIN"
