/**
 * Readiness as the Kubernetes API server reports its own (/readyz?verbose): one `[+]name ok` or
 * `[-]name failed: reason` line per check, then a summary. Guardrail adds `[!]` lines for problems that
 * do not fail readiness: a rejected policy file keeps serving its last good version, and failing every
 * replica over one bad edit would turn a typo into a cluster-wide outage under failurePolicy Fail.
 */
import { formatIssue } from '../engine/index.js';
import type { CertHealth } from '../certs/index.js';
import type { PolicyStoreStatus } from './policy-store/index.js';

export interface ReadinessInput {
  policies: PolicyStoreStatus;
  certs?: CertHealth;
  draining: boolean;
}

export interface Readiness {
  ready: boolean;
  lines: string[];
}

export function readiness(input: ReadinessInput): Readiness {
  const lines: string[] = [];
  let ready = true;
  const check = (name: string, ok: boolean, detail: string): void => {
    ready &&= ok;
    lines.push(ok ? `[+]${name} ok: ${detail}` : `[-]${name} failed: ${detail}`);
  };
  const p = input.policies;
  check('policies', p.ready, p.ready ? `${p.policyCount} policies compiled from ${p.dir} (generation ${p.generation})` : 'initial load not finished');
  if (!p.dirFound) lines.push(`[!]policies: folder ${p.dir} not found; serving no policies`);
  for (const f of p.files.filter((x) => x.state === 'rejected')) {
    lines.push(`[!]policy-file ${f.file}: rejected, serving its last good version (${f.policies} policies)`);
    for (const i of f.issues) lines.push(`    ${formatIssue(i)}`);
  }
  if (input.certs) {
    check('certificates', input.certs.healthy, input.certs.message);
    if (input.certs.lastError) lines.push(`[!]certificates: last reload problem: ${input.certs.lastError}`);
  }
  check('shutdown', !input.draining, input.draining ? 'draining for shutdown' : 'serving');
  lines.push(ready ? 'readyz check passed' : 'readyz check failed');
  return { ready, lines };
}
