/** Policy module: loading YAML/JSON with source positions, and validating Kyverno policies to issues. */
export type { LoadedDocument } from './load/loaded-document.js';
export type { ParseResult } from './load/parse-result.js';
export type { ParseOptions } from './load/parse-documents.js';
export { parseDocuments } from './load/parse-documents.js';
export type { LoadOptions } from './load/load-inputs.js';
export { loadInputs, DEFAULT_MAX_FILE_BYTES, STDIN_NAME } from './load/load-inputs.js';
export { isKubernetesObject } from './load/kubernetes-object.js';
export { ISSUE_CODES } from './issue-codes.js';
export type { IssueCode } from './issue-codes.js';
export type { PolicyChecks, JmesPathCheck } from './validate/checks.js';
export { defaultChecks } from './validate/default-checks.js';
export { validatePolicy, lookupPolicyKind } from './validate/validate-policy.js';
export { validatePolicyDocument, isValid } from './validate/validate-document.js';
export { POLICY_KINDS } from './schemas/policy-kinds.js';
export type { PolicyKind, PolicyFamily } from './schemas/policy-kinds.js';
export { validatePolicyFiles } from './validate/validate-files.js';
export type { FilesValidation, PolicyValidation } from './validate/validate-files.js';
export { loadPolicies, type LoadedPolicies } from './load-policies.js';
