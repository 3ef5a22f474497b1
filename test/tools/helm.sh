#!/usr/bin/env bash
# Builds helm $HELM_VERSION into .cache/bin/helm and prints its path.
source "$(dirname "$0")/lib.sh"
if is_current helm "$HELM_VERSION"; then echo "$BIN_DIR/helm"; exit 0; fi
log "building helm $HELM_VERSION"
# helm reports its own version from these variables (internal/version); the Makefile sets them the same way.
GOBIN="$BIN_DIR" "$GO" install -trimpath \
  -ldflags "-s -w -X helm.sh/helm/v3/internal/version.version=$HELM_VERSION -X helm.sh/helm/v3/internal/version.gitTreeState=clean" \
  "helm.sh/helm/v3/cmd/helm@$HELM_VERSION" >&2
stamp helm "$HELM_VERSION"
echo "$BIN_DIR/helm"
