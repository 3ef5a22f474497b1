/**
 * Level and version of a podSecurity rule (Kyverno pkg/pss ParseVersion over pod-security-admission's
 * api.ParseVersion): an empty version or `latest` is the latest policy; anything else must be `v1.<minor>`.
 */
import type { Level, PolicyVersion } from './types.js';

const VERSION = /^v1\.(0|[1-9][0-9]*)$/;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export function parseVersion(version: string | undefined): Parsed<PolicyVersion> {
  if (version === undefined || version === '' || version === 'latest') return { ok: true, value: { latest: true } };
  const m = VERSION.exec(version);
  if (!m?.[1]) return { ok: false, message: `must be "latest" or "v1.x"` };
  return { ok: true, value: { latest: false, minor: Number(m[1]) } };
}

export function parseLevel(level: string | undefined): Parsed<Level> {
  if (level === 'privileged' || level === 'baseline' || level === 'restricted') return { ok: true, value: level };
  return { ok: false, message: `must be one of privileged, baseline, restricted` };
}
