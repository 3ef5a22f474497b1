#!/usr/bin/env bash
# Builds the versitygw S3 gateway (pinned in versions.env) into .cache/bin and prints its path.
# The S3 storage and repository suites run against this binary with its posix backend and Object Lock.
# Usage: bash test/tools/versitygw.sh   -> prints /abs/path/.cache/bin/versitygw
source "$(dirname "$0")/lib.sh"
VERSION="${VERSITYGW_VERSION_OVERRIDE:-$VERSITYGW_VERSION}"
if is_current versitygw "$VERSION"; then echo "$BIN_DIR/versitygw"; exit 0; fi
log "building versitygw $VERSION"
GOBIN="$BIN_DIR" "$GO" install -trimpath -ldflags "-s -w" "github.com/versity/versitygw/cmd/versitygw@$VERSION" >&2
stamp versitygw "$VERSION"
echo "$BIN_DIR/versitygw"
