/**
 * Loads policy files and validates every document: the library behind `guardrail validate` (the command
 * only parses arguments and formats this result).
 */
import type { Issue } from '../../engine/result.js';
import { loadInputs } from '../load/load-inputs.js';
import type { LoadOptions } from '../load/load-inputs.js';
import type { PolicyChecks } from './checks.js';
import { defaultChecks } from './default-checks.js';
import { isValid, validatePolicyDocument } from './validate-document.js';

export interface PolicyValidation {
  file: string;
  line: number;
  apiVersion: string;
  kind: string;
  name: string;
  /** false for documents that are not policies (they carry a NOT_A_POLICY warning). */
  isPolicy: boolean;
  valid: boolean;
  issues: Issue[];
}

export interface FilesValidation {
  policies: PolicyValidation[];
  /** Problems reading the inputs (missing files, malformed YAML, non-Kubernetes documents). */
  inputIssues: Issue[];
  summary: { policies: number; invalid: number; skipped: number; inputProblems: number };
}

export async function validatePolicyFiles(
  paths: string[],
  opts: LoadOptions & { checks?: PolicyChecks } = {},
): Promise<FilesValidation> {
  const { docs, issues: inputIssues } = await loadInputs(paths, { ...opts, positions: 'full' });
  const policies = docs.map((doc): PolicyValidation => {
    const issues = validatePolicyDocument(doc, opts.checks ?? defaultChecks);
    const value = doc.value as { apiVersion: string; kind: string; metadata?: { name?: unknown } };
    return {
      file: doc.file,
      line: doc.line,
      apiVersion: value.apiVersion,
      kind: value.kind,
      name: typeof value.metadata?.name === 'string' ? value.metadata.name : '',
      isPolicy: !issues.some((i) => i.code === 'NOT_A_POLICY'),
      valid: isValid(issues),
      issues,
    };
  });
  const counted = policies.filter((p) => p.isPolicy);
  const summary = {
    policies: counted.length,
    invalid: counted.filter((p) => !p.valid).length,
    skipped: policies.length - counted.length,
    inputProblems: inputIssues.filter((i) => (i.severity ?? 'error') === 'error').length,
  };
  return { policies, inputIssues, summary };
}
