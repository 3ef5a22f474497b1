/**
 * Policy and certificate folders for bench/webhook.bench.ts: `standard` holds the 17 policies of Kyverno's
 * pod-security set (baseline and restricted: the corpus has 8 of them, examples/pod-security has the other
 * 9, written here to the same Pod Security Standards checks) plus the shipped policies/; `many` holds 300
 * renamed copies of the 17. The corpus's podSecurity-subrule policies (pod-security/subrule) are not part
 * of the 17 and are left out.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  /** Removes every folder made here (they are under the system temp folder; a run makes about six). */
  cleanup(): void;
}

/** examples/pod-security also holds its kyverno-test.yaml and test Pods: only the policies are loaded. */
const isPolicy = (file: string) => /^kind: ClusterPolicy$/m.test(readFileSync(file, 'utf8'));

export function prepareWebhookPolicies(): WebhookPolicies {
  const corpus = findConformance();
  const files = [
    ...policyFiles(path.join(corpus, 'policies', 'pod-security', 'baseline')),
    ...policyFiles(path.join(corpus, 'policies', 'pod-security', 'restricted')),
    ...policyFiles(path.join(REPO_ROOT, 'examples', 'pod-security')).filter(isPolicy),
  ];
  if (files.length !== 17) throw new Error(`bench: expected the 17 pod-security policies, found ${files.length}`);
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
