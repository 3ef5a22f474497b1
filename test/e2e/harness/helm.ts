/** helm with its cache/config/data homes in a temporary folder, so tests never touch the user's helm. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { run, type RunResult } from './run.js';
import { REPO_ROOT } from './tools.js';

export const CHART_DIR = join(REPO_ROOT, 'charts/guardrail');
export const RELEASE = 'guardrail';
export const NAMESPACE = 'guardrail-system';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [key: string]: unknown;
}

export interface Helm {
  (args: readonly string[]): Promise<RunResult>;
  /** `helm template` of the chart with extra args (values files, --set); code and stderr on failure. */
  template(args: readonly string[]): Promise<RunResult & { objects: K8sObject[] }>;
}

export function createHelm(bin: string, kubeVersion: string): Helm {
  const home = mkdtempSync(join(tmpdir(), 'guardrail-helm-'));
  const env = {
    ...process.env,
    HELM_CACHE_HOME: join(home, 'cache'),
    HELM_CONFIG_HOME: join(home, 'config'),
    HELM_DATA_HOME: join(home, 'data'),
  };
  const call = (args: readonly string[]): Promise<RunResult> => run(bin, args, { env });
  const template = async (args: readonly string[]): Promise<RunResult & { objects: K8sObject[] }> => {
    const res = await call(['template', RELEASE, CHART_DIR, '--namespace', NAMESPACE, '--kube-version', kubeVersion, ...args]);
    const objects = res.code === 0 ? (loadAll(res.stdout).filter((d) => d && typeof d === 'object') as K8sObject[]) : [];
    return { ...res, objects };
  };
  return Object.assign(call, { template });
}
