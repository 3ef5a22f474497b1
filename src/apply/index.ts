export { applyPolicies, countResults, type ApplyRequest, type ApplyReport, type ApplyEntry, type ResourceRef } from './apply.js';
export { writeMutated, mutatedYaml, mutatedFileName } from './write-mutated.js';
