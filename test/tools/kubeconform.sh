#!/usr/bin/env bash
# Builds kubeconform $KUBECONFORM_VERSION into .cache/bin/kubeconform and prints its path.
source "$(dirname "$0")/lib.sh"
if is_current kubeconform "$KUBECONFORM_VERSION"; then echo "$BIN_DIR/kubeconform"; exit 0; fi
log "building kubeconform $KUBECONFORM_VERSION"
GOBIN="$BIN_DIR" "$GO" install -trimpath -ldflags "-s -w" \
  "github.com/yannh/kubeconform/cmd/kubeconform@$KUBECONFORM_VERSION" >&2
stamp kubeconform "$KUBECONFORM_VERSION"
echo "$BIN_DIR/kubeconform"
