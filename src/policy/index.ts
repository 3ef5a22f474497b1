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
