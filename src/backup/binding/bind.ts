/**
 * Binding, for the mutating webhook: a workload that names an existing BackupPolicy gets annotations that
 * record the binding (returned as RFC 6902 operations); one that names a missing policy gets a deny reason
 * listing the policies that exist, so the fix is one edit away.
 */
import type { JsonPatchOperation } from '../../admission/index.js';
import type { Issue } from '../../engine/result.js';
import { escapePointerToken } from '../../engine/json-pointer.js';
import { ANNOTATIONS, DEFAULT_POLICY_PREFIX, LABELS, immutableAppIssues } from '../api/index.js';
import type { BackupPolicy, LocationProfile } from '../api/index.js';
import { PROTECTED_KINDS, policyNameOf } from './workload.js';
import type { WorkloadLike } from './workload.js';

export interface BindOptions {
  /** Injected clock: the bound-at annotation's value. */
  readonly now: number;
  /** Prefix of the `dataprotection` label value; default `k10-`. */
  readonly prefix?: string;
  /** When given, an `immutable: enabled` workload is denied unless its policy exports immutably. */
  readonly profiles?: readonly LocationProfile[];
}

export type BindResult =
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'bound'; readonly policy: string; readonly patch: JsonPatchOperation[]; readonly warnings: string[] }
  | { readonly kind: 'deny'; readonly reason: string; readonly issues: Issue[] };

const LABEL_PATH = `/metadata/labels/${LABELS.dataProtection}`;

function deny(code: string, path: string, message: string, extra: Issue[] = []): BindResult {
  return { kind: 'deny', reason: [message, ...extra.map((i) => i.message)].join('; '), issues: [{ code, path, message, severity: 'error' }, ...extra] };
}

export function bindWorkload(workload: WorkloadLike, policies: readonly BackupPolicy[], opts: BindOptions): BindResult {
  if (!PROTECTED_KINDS.includes(workload.kind ?? '')) return { kind: 'skip', reason: `kind ${workload.kind ?? '(none)'} is not bound to backup policies` };
  const prefix = opts.prefix ?? DEFAULT_POLICY_PREFIX;
  const { name, badLabel } = policyNameOf(workload, prefix, ANNOTATIONS.policy, LABELS.dataProtection);
  if (badLabel !== undefined) return deny('BAD_POLICY_LABEL', LABEL_PATH, `label ${LABELS.dataProtection}="${badLabel}" must be ${prefix}<policy>`);
  if (name === undefined) return { kind: 'skip', reason: `no ${LABELS.dataProtection} label` };
  const policy = policies.find((p) => p.metadata.name === name);
  if (!policy) {
    const existing = policies.map((p) => p.metadata.name).join(', ') || 'none';
    return deny('POLICY_NOT_FOUND', LABEL_PATH, `backup policy "${name}" does not exist; existing policies: ${existing}`);
  }
  if (opts.profiles && workload.metadata?.labels?.[LABELS.immutable] === 'enabled') {
    const issues = immutableAppIssues(policy, opts.profiles).map((i) => ({ ...i, path: `/metadata/labels/${LABELS.immutable}` }));
    if (issues.length) return deny('EXPORT_PROFILE_NOT_IMMUTABLE', `/metadata/labels/${LABELS.immutable}`, `backup policy "${name}" cannot protect an immutable app`, issues);
  }
  const warnings = policy.spec.paused ? [`backup policy ${name} is paused: no new restore points`] : [];
  return { kind: 'bound', policy: name, patch: bindingPatch(workload, name, opts.now), warnings };
}

/** Adds the annotations; empty when the workload is already bound to this policy (bound-at is kept). */
export function bindingPatch(workload: WorkloadLike, policy: string, now: number): JsonPatchOperation[] {
  const annotations = workload.metadata?.annotations;
  if (annotations?.[ANNOTATIONS.policy] === policy) return [];
  const values = { [ANNOTATIONS.policy]: policy, [ANNOTATIONS.boundAt]: new Date(now).toISOString() };
  if (!annotations) return [{ op: 'add', path: '/metadata/annotations', value: values }];
  // RFC 6902 §4.1: `add` on an existing object member replaces it.
  return Object.entries(values).map(([k, v]) => ({ op: 'add', path: `/metadata/annotations/${escapePointerToken(k)}`, value: v }));
}
