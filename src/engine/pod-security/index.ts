/**
 * Pod Security Standards for Kyverno's `validate.podSecurity`: the checks of
 * k8s.io/pod-security-admission/policy and Kyverno's exclusions on top (pkg/pss). Pure: no I/O.
 */
export { CHECKS, CHECK_LIST } from './checks/index.js';
export { CONTROLS, checksOfControl, type ControlName } from './controls.js';
export { applyExclusions } from './exclusions.js';
export { evaluatePss } from './evaluate-pss.js';
export { formatChecks, formatFieldError, forbiddenText } from './format.js';
export { podFromResource } from './pod-from-resource.js';
export { evaluatePodSecurity, type PodSecurityException, type PodSecurityOutcome } from './rule.js';
export { evaluatePodSecurityRule, type PodSecurityRuleInputs } from './rule-handler.js';
export type * from './types.js';
export { PSS_EXCLUDE_CODES, validateExcludes } from './validate-excludes.js';
export { parseLevel, parseVersion } from './version.js';
