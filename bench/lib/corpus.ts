/**
 * Finds the Kyverno conformance corpus: GUARDRAIL_CONFORMANCE if set, else `../shared/conformance`
 * beside the repository root. Fails with a message saying where it looked, never silently benchmarks
 * nothing.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export class CorpusMissingError extends Error {}

export function findConformance(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.GUARDRAIL_CONFORMANCE;
  const candidate = fromEnv ? path.resolve(fromEnv) : path.resolve(REPO_ROOT, '..', 'shared', 'conformance');
  if (!existsSync(candidate) || !statSync(candidate).isDirectory()) {
    const how = fromEnv ? `GUARDRAIL_CONFORMANCE=${fromEnv}` : `../shared/conformance next to the repository (${REPO_ROOT})`;
    throw new CorpusMissingError(`conformance corpus not found at ${candidate} (looked at ${how}); set GUARDRAIL_CONFORMANCE to its folder`);
  }
  return candidate;
}
