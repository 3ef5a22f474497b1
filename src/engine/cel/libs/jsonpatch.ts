import { charge, sizeCost } from '../cost.js';
import { registerNamespace, type CelLibrary } from './types.js';

/**
 * k8s.io/apiserver/pkg/cel/library/jsonpatch.go: `jsonpatch.escapeKey(k)` escapes a map key for use
 * in a JSONPatch path, per RFC 6901: `~` -> `~0` first, then `/` -> `~1`.
 */
export function escapeKey(key: string): string {
  charge(sizeCost(key.length));
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

export const jsonpatch = {
  source: 'k8s.io/apiserver/pkg/cel/library/jsonpatch.go',
  provider: 'ours',
  functions: ['jsonpatch.escapeKey(string): string'],
  register(env) {
    registerNamespace(env, 'jsonpatch', 'JsonPatchNamespace');
    env.registerFunction('JsonPatchNamespace.escapeKey(string): string', (_: unknown, key: string) => escapeKey(key));
  },
} as const satisfies CelLibrary;
