#!/usr/bin/env bash
# Builds kube-apiserver and kubectl $KUBE_VERSION into .cache/bin and prints both paths (one a line).
# k8s.io/kubernetes' go.mod `replace`s every k8s.io/* staging module with ./staging/src/..., which is why
# `go install k8s.io/kubernetes/cmd/kube-apiserver@v1.x` is refused. A generated wrapper module requires
# k8s.io/kubernetes and replaces each staging module with its published v0.x twin (the same source,
# published from the staging tree at release); its mains are upstream's cmd/kube-apiserver/apiserver.go
# and cmd/kubectl/kubectl.go verbatim.
source "$(dirname "$0")/lib.sh"
if is_current kube-apiserver "$KUBE_VERSION" && is_current kubectl "$KUBE_VERSION"; then
  echo "$BIN_DIR/kube-apiserver"; echo "$BIN_DIR/kubectl"; exit 0
fi
mod="$SRC_DIR/kube-apiserver"
mkdir -p "$mod/cmd/kube-apiserver" "$mod/cmd/kubectl"
upstream_mod="$("$GO" mod download -json "k8s.io/kubernetes@$KUBE_VERSION" | sed -n 's/^\s*"GoMod": "\(.*\)",*$/\1/p')"
# The tag's commit time from the module proxy, as the release's buildDate.
commit_time="$(cd "$SRC_DIR" && "$GO" list -m -json "k8s.io/kubernetes@$KUBE_VERSION" | sed -n 's/^\s*"Time": "\(.*\)",*$/\1/p')"
{
  printf 'module guardrail.local/kube\n\ngo 1.23.0\n\nrequire k8s.io/kubernetes %s\n\nreplace (\n' "$KUBE_VERSION"
  # Every `k8s.io/x => ./staging/src/k8s.io/x` line of upstream's go.mod becomes `k8s.io/x => k8s.io/x v0.y.z`.
  sed -n 's#^\s*\(k8s.io/[a-z0-9-]*\) => ./staging/src/.*#\t\1 => \1 '"$KUBE_STAGING_VERSION"'#p' "$upstream_mod"
  printf ')\n'
} >"$mod/go.mod"
cat >"$mod/cmd/kube-apiserver/main.go" <<'GO'
// Package main is k8s.io/kubernetes/cmd/kube-apiserver/apiserver.go, built outside the kubernetes repo.
package main

import (
	"os"
	_ "time/tzdata" // for CronJob Time Zone support

	"k8s.io/component-base/cli"
	_ "k8s.io/component-base/logs/json/register"
	_ "k8s.io/component-base/metrics/prometheus/clientgo"
	_ "k8s.io/component-base/metrics/prometheus/version"
	"k8s.io/kubernetes/cmd/kube-apiserver/app"
)

func main() {
	command := app.NewAPIServerCommand()
	code := cli.Run(command)
	os.Exit(code)
}
GO
cat >"$mod/cmd/kubectl/main.go" <<'GO'
// Package main is k8s.io/kubernetes/cmd/kubectl/kubectl.go, built outside the kubernetes repo.
package main

import (
	_ "k8s.io/client-go/plugin/pkg/client/auth"
	"k8s.io/component-base/cli"
	"k8s.io/kubectl/pkg/cmd"
	"k8s.io/kubectl/pkg/cmd/util"
)

func main() {
	command := cmd.NewDefaultKubectlCommand()
	if err := cli.RunNoErrOutput(command); err != nil {
		util.CheckErr(err)
	}
}
GO
# The release build stamps these (hack/lib/version.sh); without them the server says v0.0.0-master and
# kubectl warns about version skew. gitCommit is unknown outside git, so it names the tag instead.
minor="$(echo "$KUBE_VERSION" | cut -d. -f2)"
ldflags="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ldflags+=" -X $pkg.gitVersion=$KUBE_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
  ldflags+=" -X $pkg.gitCommit=$KUBE_VERSION -X $pkg.gitTreeState=clean -X $pkg.buildDate=$commit_time"
done
# One build command for both: one action graph, so the packages they share compile once and both links
# can overlap with the remaining compiles.
log "building kube-apiserver and kubectl $KUBE_VERSION (staging modules at $KUBE_STAGING_VERSION)"
(cd "$mod" && "$GO" mod tidy >&2 \
  && "$GO" build -trimpath -ldflags "$ldflags" -o "$BIN_DIR/" ./cmd/kube-apiserver ./cmd/kubectl >&2)
stamp kube-apiserver "$KUBE_VERSION"
stamp kubectl "$KUBE_VERSION"
echo "$BIN_DIR/kube-apiserver"
echo "$BIN_DIR/kubectl"
