/**
 * The 17 policies of Kyverno's pod-security set (baseline and restricted): the corpus has 8 of them under
 * policies/pod-security/{baseline,restricted}; examples/pod-security has the other 9, written here to the
 * same Pod Security Standards checks (with their own kyverno-test). The corpus's podSecurity-subrule
 * policies (pod-security/subrule) are not part of the 17. Used by both benchmarks.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './corpus.js';
import { policyFiles } from './policy-files.js';

/** examples/pod-security also holds its kyverno-test.yaml and test Pods: only the policies count. */
const isPolicy = (file: string) => /^kind: ClusterPolicy$/m.test(readFileSync(file, 'utf8'));

export function podSecurityPolicyFiles(corpus: string): string[] {
  const files = [
    ...policyFiles(path.join(corpus, 'policies', 'pod-security', 'baseline')),
    ...policyFiles(path.join(corpus, 'policies', 'pod-security', 'restricted')),
    ...policyFiles(path.join(REPO_ROOT, 'examples', 'pod-security')).filter(isPolicy),
  ];
  if (files.length !== 17) throw new Error(`bench: expected the 17 pod-security policies, found ${files.length}`);
  return files;
}
