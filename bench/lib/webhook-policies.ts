/**
 * Policy and certificate folders for bench/webhook.bench.ts: `standard` holds the 17 checks of Kyverno's
 * pod-security set (the corpus has 8 of them as ClusterPolicies, plus 2 podSecurity-subrule policies that
 * are kept too; examples/pod-security has the other 9, written here) plus the shipped policies/; `many`
 * holds 300 renamed copies of the pod-security ones.
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

/** examples/pod-security also holds its kyverno-test.yaml and test Pods: only the policies are loaded. */
const isPolicy = (file: string) => /^kind: ClusterPolicy$/m.test(readFileSync(file, 'utf8'));

export function prepareWebhookPolicies(): WebhookPolicies {
  const corpus = findConformance();
  const files = [...policyFiles(path.join(corpus, 'policies', 'pod-security')), ...policyFiles(path.join(REPO_ROOT, 'examples', 'pod-security')).filter(isPolicy)];
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
