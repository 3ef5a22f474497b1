/**
 * Keeps the webhook configurations in step with the policies and the certificate: applies them at start,
 * after every policy swap and after every certificate change (new caBundle), debounced and one at a time.
 * Kinds outside the built-in table are resolved by discovery at each apply (CRDs come and go).
 */
import type { KindSelector } from '../../engine/match/index.js';
import type { PolicySet } from '../../engine/index.js';
import { applyObject } from '../client/apply.js';
import { discoverAll, type ApiResource } from '../client/discovery.js';
import type { KubeClient } from '../client/kube-client.js';
import { buildWebhookConfigs, type WebhookBuildOptions, type WebhookConfigs } from './build-webhook-configs.js';
import type { KindResource } from './builtin-kinds.js';
import { needsOfPolicySet } from './policy-needs.js';

export interface WebhookManagerOptions extends Omit<WebhookBuildOptions, 'resolveKind' | 'target'> {
  client: KubeClient;
  target: Omit<WebhookBuildOptions['target'], 'caBundle'>;
  policies: () => { set: PolicySet; documents?: readonly Record<string, unknown>[] };
  caBundle: () => string;
  debounceMs?: number;
  onApplied?: (configs: WebhookConfigs) => void;
  onError?: (err: unknown) => void;
}

export interface WebhookManager {
  /** Applies now (and waits); throws when the API server refuses. */
  sync(): Promise<WebhookConfigs>;
  /** Applies soon (policy or certificate change). */
  schedule(): void;
  stop(): void;
}

export function createWebhookManager(opts: WebhookManagerOptions): WebhookManager {
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<unknown> = Promise.resolve();

  async function syncOnce(): Promise<WebhookConfigs> {
    const { set, documents } = opts.policies();
    const discovered = await discoverAll(opts.client).catch((): ApiResource[] => []);
    const resolveKind = (sel: KindSelector): KindResource[] =>
      discovered
        .filter((r) => r.kind === sel.kind && (sel.group === '*' || r.group === sel.group))
        .map((r) => ({ group: r.group, version: r.version, kind: r.kind, resource: r.name, namespaced: r.namespaced }));
    const configs = buildWebhookConfigs(needsOfPolicySet(set, documents ?? []), {
      ...opts,
      target: { ...opts.target, caBundle: opts.caBundle() },
      resolveKind,
    });
    await applyObject(opts.client, 'validatingwebhookconfigurations', configs.validating as never);
    await applyObject(opts.client, 'mutatingwebhookconfigurations', configs.mutating as never);
    opts.onApplied?.(configs);
    return configs;
  }

  const sync = (): Promise<WebhookConfigs> => {
    const next = chain.then(syncOnce, syncOnce);
    chain = next.catch(() => undefined);
    return next;
  };

  return {
    sync,
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => void sync().catch((err: unknown) => opts.onError?.(err)), opts.debounceMs ?? 500);
    },
    stop: () => clearTimeout(timer),
  };
}
