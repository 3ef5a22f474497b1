#!/usr/bin/env bash
# Builds every e2e tool that is missing or stale (versions in versions.env) and prints how long each took.
# Idempotent: a second run only checks the version stamps. Usage: bash test/tools/build-all.sh
source "$(dirname "$0")/lib.sh"
total_start=$SECONDS
for tool in etcd kube helm kubeconform; do
  start=$SECONDS
  bash "$TOOLS_DIR/$tool.sh" >/dev/null
  echo "test/tools: $tool ready in $((SECONDS - start)) s" >&2
done
echo "test/tools: all tools ready in $((SECONDS - total_start)) s ($BIN_DIR)" >&2
