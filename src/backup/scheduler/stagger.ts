/**
 * Deterministic staggering: each app starts at a fixed offset inside a window after its slot, so a policy
 * covering hundreds of apps does not start them all in the same second, and the offset survives restarts
 * (it depends only on namespace/name). FNV-1a 32-bit (http://www.isthe.com/chongo/tech/comp/fnv/) is
 * small, stable across platforms and well spread for short keys.
 */
export interface AppRef {
  readonly namespace: string;
  readonly name: string;
}

export const appKey = (app: AppRef): string => `${app.namespace}/${app.name}`;

export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Offset in whole seconds within [0, windowMs). */
export function staggerOffset(app: AppRef, windowMs: number): number {
  const seconds = Math.floor(windowMs / 1000);
  return seconds <= 0 ? 0 : (fnv1a32(appKey(app)) % seconds) * 1000;
}
