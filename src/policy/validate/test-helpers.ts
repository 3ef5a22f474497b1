import type { Issue } from '../../engine/result.js';
import { parseDocuments } from '../load/parse-documents.js';
import type { PolicyChecks } from './checks.js';
import { validatePolicyDocument } from './validate-document.js';

/** Validates the first document of a YAML text; returns [code, path, line] triples for compact asserts. */
export function issuesOf(yaml: string, checks: PolicyChecks = {}): Issue[] {
  const { docs, issues } = parseDocuments(yaml, 'policy.yaml');
  if (issues.length || !docs[0]) throw new Error(`test YAML does not parse: ${JSON.stringify(issues)}`);
  return validatePolicyDocument(docs[0], checks);
}

export function codes(issues: Issue[]): Array<[string, string]> {
  return issues.map((i) => [i.code, i.path]);
}

/** A ClusterPolicy with the given rules block (YAML, indented as a list under spec.rules). */
export function clusterPolicy(rules: string, specExtra = ''): string {
  return `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: test
spec:
${specExtra}  rules:
${rules}`;
}

export const MATCH_PODS = `    match:
      any:
      - resources:
          kinds: [Pod]
`;
