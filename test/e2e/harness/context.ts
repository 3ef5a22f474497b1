/** What a test file gets from global-setup.ts, with the skip decision in one place. */
import { inject } from 'vitest';
import { createKubectl, type Kubectl } from './kubectl.js';
import type { ToolName } from './tools.js';

export interface E2eContext {
  /** Non-empty when the suite is skipped (binaries absent outside CI); the reason is printed by setup. */
  skip: string;
  kubeconfig: string;
  clusterDir: string;
  tools: Record<ToolName, string>;
  kubectl: Kubectl;
  /** A skip reason when the cluster or any of these tools is unusable; '' when the test can run. */
  needs(...tools: ToolName[]): string;
}

export function e2eContext(): E2eContext {
  const tools = inject('tools');
  const kubeconfig = inject('kubeconfig');
  const skip = inject('e2eSkip');
  const unusable = inject('unusableTools');
  return {
    skip,
    needs: (...wanted) => skip || wanted.filter((t) => unusable.includes(t)).map((t) => `${t} unusable`).join('; '),
    kubeconfig,
    clusterDir: inject('clusterDir'),
    tools,
    kubectl: createKubectl(tools.kubectl, kubeconfig),
  };
}
