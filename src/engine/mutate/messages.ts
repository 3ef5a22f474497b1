/**
 * Kyverno's mutation messages (pkg/engine/handlers/mutation/common.go buildSuccessMessage,
 * pkg/engine/mutate/mutation.go), word for word: reports and `kyverno test` fixtures compare them.
 */
import type { JsonObject } from '../policy-types.js';

export function mutatedMessage(resource: JsonObject | null | undefined): string {
  if (!resource) return 'mutated resource';
  const meta = (resource.metadata ?? {}) as { name?: unknown; namespace?: unknown };
  const kind = String(resource.kind ?? '');
  const name = String(meta.name ?? '');
  const ns = meta.namespace ? String(meta.namespace) : '';
  return ns === '' ? `mutated ${kind}/${name}` : `mutated ${kind}/${name} in namespace ${ns}`;
}

export const NO_PATCHES_APPLIED = 'no patches applied';
export const PRECONDITIONS_NOT_MET = 'preconditions not met';
export const EMPTY_MUTATE_RULE = 'empty mutate rule';

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
