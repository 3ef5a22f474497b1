/**
 * How `kyverno test` compares a mutated resource with the expected `patchedResources` document, as far as
 * the Kyverno CLI shows: a resource without a namespace is put in `default`, and empty lists/maps count
 * as absent (a JSON patch that removes the last volume mount leaves `volumeMounts: []`, expected files
 * omit it). Everything else must be equal.
 */
import type { JsonObject } from '../engine/index.js';
import { deepEqual } from '../engine/patch/index.js';

function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalize);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const n = normalize(x);
    if (Array.isArray(n) && n.length === 0) continue;
    if (n !== null && typeof n === 'object' && Object.keys(n).length === 0) continue;
    out[k] = n;
  }
  return out;
}

function stripDefaultNamespace(r: JsonObject | null | undefined): JsonObject | null | undefined {
  const meta = r?.metadata as JsonObject | undefined;
  if (!r || meta?.namespace !== 'default') return r;
  const { namespace: _ns, ...rest } = meta;
  return { ...r, metadata: rest };
}

export function sameResource(a: JsonObject | null | undefined, b: JsonObject | null | undefined): boolean {
  return deepEqual(normalize(stripDefaultNamespace(a)), normalize(stripDefaultNamespace(b)));
}
