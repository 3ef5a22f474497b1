#!/usr/bin/env bash
# Builds helm $HELM_VERSION into .cache/bin/helm and prints its path.
source "$(dirname "$0")/lib.sh"
if is_current helm "$HELM_VERSION"; then echo "$BIN_DIR/helm"; exit 0; fi
log "building helm $HELM_VERSION"
# As helm's Makefile: its version, and the Kubernetes version of its client-go as the default
# .Capabilities.KubeVersion for `helm template`/`helm lint` (left unset, helm assumes v1.20.0).
helm_mod="$("$GO" mod download -json "helm.sh/helm/v3@$HELM_VERSION" | sed -n 's/^\s*"GoMod": "\(.*\)",*$/\1/p')"
k8s_minor="$(sed -n 's#^\s*k8s.io/client-go v0\.\([0-9]*\)\..*#\1#p' "$helm_mod" | head -1)"
ldflags="-s -w -X helm.sh/helm/v3/internal/version.version=$HELM_VERSION -X helm.sh/helm/v3/internal/version.gitTreeState=clean"
for pkg in helm.sh/helm/v3/pkg/lint/rules helm.sh/helm/v3/pkg/chartutil; do
  ldflags+=" -X $pkg.k8sVersionMajor=1 -X $pkg.k8sVersionMinor=$k8s_minor"
done
GOBIN="$BIN_DIR" "$GO" install -trimpath -ldflags "$ldflags" "helm.sh/helm/v3/cmd/helm@$HELM_VERSION" >&2
stamp helm "$HELM_VERSION"
echo "$BIN_DIR/helm"
