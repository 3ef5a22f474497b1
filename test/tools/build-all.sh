#!/usr/bin/env bash
# Builds every e2e tool that is missing or stale (versions in versions.env) and prints how long each took.
# Idempotent: a second run only checks the version stamps. Usage: bash test/tools/build-all.sh
#
# The builds run side by side: on a 2-core machine one `go build` leaves a core idle while it waits on the
# module proxy or links a large binary single-threaded, and Go's build and module caches are safe for
# concurrent use. kube-apiserver + kubectl is the long pole, so it starts first.
source "$(dirname "$0")/lib.sh"
total_start=$SECONDS
LOG_DIR="$ROOT/.cache/logs"
mkdir -p "$LOG_DIR"
tools=(kube etcd helm kubeconform versitygw)
# Optional tools whose scripts may be added later (e.g. CRDs fetched from the module proxy).
for extra in snapshot-crds; do [[ -f "$TOOLS_DIR/$extra.sh" ]] && tools+=("$extra"); done
declare -A pids
for tool in "${tools[@]}"; do
  (
    start=$SECONDS
    bash "$TOOLS_DIR/$tool.sh" >/dev/null 2>"$LOG_DIR/$tool.log"
    echo "test/tools: $tool ready in $((SECONDS - start)) s" >&2
  ) &
  pids[$tool]=$!
done
failed=()
for tool in "${tools[@]}"; do
  if ! wait "${pids[$tool]}"; then failed+=("$tool"); fi
done
if ((${#failed[@]})); then
  for tool in "${failed[@]}"; do
    echo "test/tools: $tool FAILED; last lines of $LOG_DIR/$tool.log:" >&2
    tail -n 30 "$LOG_DIR/$tool.log" >&2
  done
  exit 1
fi
echo "test/tools: all tools ready in $((SECONDS - total_start)) s ($BIN_DIR)" >&2
