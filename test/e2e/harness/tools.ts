/**
 * Where the e2e binaries are: .cache/bin (built by test/tools/build-all.sh at the versions pinned in
 * test/tools/versions.env), or GUARDRAIL_E2E_BIN_DIR. A binary counts as present only when its
 * `<name>.version` stamp matches the pin, so a stale cache is reported instead of silently used.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = new URL('../../..', import.meta.url).pathname.replace(/\/$/, '');

export const TOOL_NAMES = ['etcd', 'kube-apiserver', 'kubectl', 'helm', 'kubeconform'] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

const PIN_KEYS = {
  etcd: 'ETCD_VERSION',
  'kube-apiserver': 'KUBE_VERSION',
  kubectl: 'KUBE_VERSION',
  helm: 'HELM_VERSION',
  kubeconform: 'KUBECONFORM_VERSION',
} as const satisfies Record<ToolName, string>;

/** KEY=value lines of versions.env (comments and blanks skipped). */
export function readPins(file = join(REPO_ROOT, 'test/tools/versions.env')): Record<string, string> {
  const pins: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^([A-Z0-9_]+)=(\S+)$/.exec(line.trim());
    if (m?.[1] && m[2]) pins[m[1]] = m[2];
  }
  return pins;
}

export interface ToolPaths {
  binDir: string;
  paths: Record<ToolName, string>;
  /** One line per absent or stale tool; empty when all are usable. */
  problems: string[];
  /** The tools those lines are about. */
  unusable: ToolName[];
  pins: Record<string, string>;
}

export function findTools(binDir = process.env.GUARDRAIL_E2E_BIN_DIR ?? join(REPO_ROOT, '.cache/bin')): ToolPaths {
  const pins = readPins();
  const problems: string[] = [];
  const unusable: ToolName[] = [];
  const paths = {} as Record<ToolName, string>;
  for (const name of TOOL_NAMES) {
    const path = join(binDir, name);
    paths[name] = path;
    const want = pins[PIN_KEYS[name]];
    const stamp = join(binDir, `${name}.version`);
    const before = problems.length;
    if (!existsSync(path)) problems.push(`${name}: missing (${path})`);
    else if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() !== want) {
      problems.push(`${name}: built at ${readFileSync(stamp, 'utf8').trim()}, pinned ${want ?? '?'}`);
    }
    if (problems.length > before) unusable.push(name);
  }
  return { binDir, paths, problems, unusable, pins };
}
