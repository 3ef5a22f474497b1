/**
 * Policy and certificate folders for bench/webhook.bench.ts: `standard` holds the corpus's pod-security
 * policies plus the shipped policies/; `many` holds 300 renamed copies of the pod-security ones.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dump, loadAll } from 'js-yaml';
import { findConformance, REPO_ROOT } from './corpus.js';
import { policyFiles } from './policy-files.js';

export interface WebhookPolicies {
  standard: string;
  many: string;
  podSecurity: number;
  /** A fresh, empty certificate folder per server (each makes its own CA and serving certificate). */
  certs(label: string): string;
}

export function prepareWebhookPolicies(): WebhookPolicies {
  const corpus = findConformance();
  const files = policyFiles(path.join(corpus, 'policies', 'pod-security'));
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
  return { standard, many, podSecurity: files.length, certs: (label) => mkdtempSync(path.join(tmpdir(), `guardrail-bench-certs-${label}-`)) };
}
