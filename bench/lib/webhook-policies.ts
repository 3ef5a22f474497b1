/**
 * Policy and certificate folders for bench/webhook.bench.ts: `standard` holds the 17 policies of Kyverno's
 * pod-security set (see pod-security-files.ts) plus the shipped policies/; `many` holds 300 renamed copies
 * of the 17.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dump, loadAll } from 'js-yaml';
import { findConformance, REPO_ROOT } from './corpus.js';
import { podSecurityPolicyFiles } from './pod-security-files.js';

export interface WebhookPolicies {
  standard: string;
  many: string;
  podSecurity: number;
  /** A fresh, empty certificate folder per server (each makes its own CA and serving certificate). */
  certs(label: string): string;
  /** Removes every folder made here (they are under the system temp folder; a run makes about six). */
  cleanup(): void;
}

export function prepareWebhookPolicies(): WebhookPolicies {
  const files = podSecurityPolicyFiles(findConformance());
  const standard = mkdtempSync(path.join(tmpdir(), 'guardrail-bench-policies-'));
  files.forEach((f, i) => copyFileSync(f, path.join(standard, `${i}-${path.basename(f)}`)));
  cpSync(path.join(REPO_ROOT, 'policies'), path.join(standard, 'shipped'), { recursive: true });
  const docs = files.flatMap((f) => loadAll(readFileSync(f, 'utf8')) as Array<{ metadata: { name: string } }>);
  const many = mkdtempSync(path.join(tmpdir(), 'guardrail-bench-300-'));
  mkdirSync(many, { recursive: true });
  for (let i = 0; i < 300; i++) {
    const doc = structuredClone(docs[i % docs.length]!);
    doc.metadata.name = `${doc.metadata.name}-${i}`;
    writeFileSync(path.join(many, `p${i}.yaml`), dump(doc));
  }
  const made = [standard, many];
  const certs = (label: string): string => {
    const dir = mkdtempSync(path.join(tmpdir(), `guardrail-bench-certs-${label}-`));
    made.push(dir);
    return dir;
  };
  const cleanup = (): void => made.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  return { standard, many, podSecurity: files.length, certs, cleanup };
}
