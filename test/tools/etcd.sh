#!/usr/bin/env bash
# Builds etcd $ETCD_VERSION into .cache/bin/etcd and prints its path.
# go.etcd.io/etcd/server/v3's go.mod `replace`s its sibling modules with ../ paths, so
# `go install go.etcd.io/etcd/server/v3@...` is refused; a two-line wrapper module whose main calls
# etcdmain.Main (exactly what server/main.go does) builds the same binary from the published modules.
source "$(dirname "$0")/lib.sh"
if is_current etcd "$ETCD_VERSION"; then echo "$BIN_DIR/etcd"; exit 0; fi
mod="$SRC_DIR/etcd"
mkdir -p "$mod"
cat >"$mod/go.mod" <<MOD
module guardrail.local/etcd

go 1.23

require go.etcd.io/etcd/server/v3 $ETCD_VERSION
MOD
cat >"$mod/main.go" <<'GO'
// Package main is etcd's server/main.go, built outside etcd's repository.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
GO
log "building etcd $ETCD_VERSION"
(cd "$mod" && "$GO" mod tidy >&2 && "$GO" build -trimpath -ldflags "-s -w" -o "$BIN_DIR/etcd" . >&2)
stamp etcd "$ETCD_VERSION"
echo "$BIN_DIR/etcd"
