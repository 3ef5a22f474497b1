/** The e2e harness: a real API server, the real kubectl, and `guardrail serve` as a child process. */
export { e2eContext, type E2eContext } from './context.js';
export { startCluster, type RunningCluster, type ClusterOptions } from './cluster.js';
export { createKubectl, type Kubectl } from './kubectl.js';
export { startGuardrail, hasServeCommand, type RunningGuardrail, type GuardrailOptions } from './guardrail.js';
export { webhookConfigurationsYaml, E2E_LABEL, WEBHOOK_NAMES, type FailurePolicy, type WebhookOptions } from './webhooks.js';
export { findTools, readPins, REPO_ROOT, TOOL_NAMES, type ToolName, type ToolPaths } from './tools.js';
export { run, type RunResult, type RunOptions } from './run.js';
export { freePort } from './ports.js';
export { httpsGet } from './https-get.js';
export { startProcess, waitFor, type Managed } from './processes.js';
export { openapiToKubeconform, type ConvertResult } from './openapi-to-kubeconform.js';
export { createHelm, CHART_DIR, RELEASE, NAMESPACE, type Helm, type K8sObject } from './helm.js';
export { snapshotCrds } from './snapshot-crds.js';
export { eventually } from './eventually.js';
