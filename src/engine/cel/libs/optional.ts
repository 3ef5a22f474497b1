import { Optional } from '@marcbachmann/cel-js';
import type { CelLibrary } from './types.js';

/**
 * CEL optional types (cel-go OptionalTypes, on in Kubernetes): `?.`, `[?`, optional.of/none,
 * or, orValue, hasValue, value come from the library; we add optional.ofNonZeroValue.
 */
function isZero(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0n || v === 0 || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (v instanceof Map) return v.size === 0;
  if (v instanceof Uint8Array) return v.length === 0;
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.keys(v).length === 0;
  return false;
}

export const optional = {
  source: 'cel-go cel/library.go (OptionalTypes)',
  provider: 'both',
  functions: [
    'object.?field', 'list[?index]', 'map[?key]', 'optional.of(T)', 'optional.none()', 'optional.ofNonZeroValue(T)',
    'optional.or(optional)', 'optional.orValue(T)', 'optional.hasValue()', 'optional.value()',
  ],
  register(env) {
    env.registerFunction('OptionalNamespace.ofNonZeroValue(dyn): optional<dyn>', (_: unknown, v: unknown) =>
      isZero(v) ? Optional.none() : Optional.of(v),
    );
  },
} as const satisfies CelLibrary;
