/**
 * Starts one etcd + kube-apiserver for the whole e2e suite and installs the chart's CRDs with kubectl.
 * Missing binaries: locally the suite is skipped with a loud banner (build them with
 * `bash test/tools/build-all.sh`); with CI=true it fails, so CI never passes by skipping.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startCluster, type RunningCluster } from './harness/cluster.js';
import { createKubectl } from './harness/kubectl.js';
import { findTools, REPO_ROOT, type ToolName } from './harness/tools.js';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eSkip: string;
    unusableTools: ToolName[];
    kubeconfig: string;
    clusterDir: string;
    tools: Record<ToolName, string>;
  }
}

/** What the shared control plane needs; helm and kubeconform only gate the chart tests. */
const CLUSTER_TOOLS: readonly ToolName[] = ['etcd', 'kube-apiserver', 'kubectl'];

let cluster: RunningCluster | undefined;

export async function setup(project: TestProject): Promise<void> {
  const tools = findTools();
  project.provide('tools', tools.paths);
  project.provide('unusableTools', tools.unusable);
  if (tools.problems.length > 0) {
    const reason = `e2e binaries unusable in ${tools.binDir}: ${tools.problems.join('; ')}`;
    if (process.env.CI === 'true') throw new Error(`${reason}\nCI=true: run \`bash test/tools/build-all.sh\` before \`npm run test:e2e\`.`);
    const bar = '!'.repeat(100);
    const clusterless = tools.unusable.some((t) => CLUSTER_TOOLS.includes(t));
    console.warn(`\n${bar}\n!! E2E ${clusterless ? 'SUITE' : 'TESTS NEEDING THESE'} SKIPPED: ${reason}\n!! Build them with: bash test/tools/build-all.sh\n${bar}\n`);
  }
  if (tools.unusable.some((t) => CLUSTER_TOOLS.includes(t))) {
    project.provide('e2eSkip', `no cluster: ${tools.problems.join('; ')}`);
    project.provide('kubeconfig', '');
    project.provide('clusterDir', '');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'guardrail-e2e-'));
  const started = Date.now();
  cluster = await startCluster({ etcd: tools.paths.etcd, kubeApiserver: tools.paths['kube-apiserver'], dir });
  const kubectl = createKubectl(tools.paths.kubectl, cluster.kubeconfig);
  await kubectl.ok(['apply', '--server-side', '-f', join(REPO_ROOT, 'charts/guardrail/crds')]);
  await kubectl.ok(['wait', '--for=condition=Established', 'crd', '--all', '--timeout=60s']);
  console.log(`e2e: API server ${cluster.url} ready with CRDs in ${Date.now() - started} ms (logs: ${dir}/logs)`);
  project.provide('e2eSkip', '');
  project.provide('kubeconfig', cluster.kubeconfig);
  project.provide('clusterDir', dir);
}

export async function teardown(): Promise<void> {
  if (!cluster) return;
  await cluster.stop();
  if (process.env.GUARDRAIL_E2E_KEEP !== '1') rmSync(cluster.dir, { recursive: true, force: true });
  else console.log(`e2e: kept ${cluster.dir}`);
}
