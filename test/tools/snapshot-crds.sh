#!/usr/bin/env bash
# Fetches the CSI VolumeSnapshot CRDs (snapshot.storage.k8s.io: classes, contents, snapshots) of
# github.com/kubernetes-csi/external-snapshotter/client/v8 at SNAPSHOT_CRDS_VERSION through the Go module
# proxy into .cache/crds/snapshot and prints that folder. The data-protection e2e installs them.
# Usage: bash test/tools/snapshot-crds.sh   -> prints /abs/path/.cache/crds/snapshot
source "$(dirname "$0")/lib.sh"
VERSION="${SNAPSHOT_CRDS_VERSION_OVERRIDE:-$SNAPSHOT_CRDS_VERSION}"
OUT="$ROOT/.cache/crds/snapshot"
if [[ -f "$OUT/.version" && "$(cat "$OUT/.version")" == "$VERSION" ]]; then echo "$OUT"; exit 0; fi
log "fetching external-snapshotter client $VERSION CRDs"
DIR="$("$GO" mod download -json "github.com/kubernetes-csi/external-snapshotter/client/v8@$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
[[ -d "$DIR/config/crd" ]] || { log "no config/crd in $DIR"; exit 1; }
rm -rf "$OUT"
mkdir -p "$OUT"
cp "$DIR"/config/crd/snapshot.storage.k8s.io_*.yaml "$OUT/"
chmod 0644 "$OUT"/*.yaml
echo "$VERSION" >"$OUT/.version"
echo "$OUT"
