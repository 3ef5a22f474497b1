/**
 * Rule selection: which rules apply to an admission request (match/exclude, Policy namespace scoping).
 * https://kyverno.io/docs/writing-policies/match-exclude/
 */
export { parseKindSelector, compileKinds, containsKind } from './kind-selector.js';
export type { KindSelector, KindMatcher } from './kind-selector.js';
export { matchLabelSelector, compileLabelSelector } from './label-selector.js';
export type { LabelPredicate } from './label-selector.js';
export { matchSubjects } from './user-info.js';
export { buildMatchSubject } from './subject.js';
export type { MatchSubject } from './subject.js';
export { compileMatch } from './match-resources.js';
export type { CompiledMatch, MatchOutcome } from './match-resources.js';
export {
  checkMatchResources,
  ruleApplies,
  compiledRuleMatchFor,
  compileRuleMatch,
  subjectFor,
  webhookDefaultOperations,
} from './rule-applies.js';
export type { MatchOptions, RuleMatchOutcome, CompiledRuleMatch } from './rule-applies.js';
export { checkExceptionMatch, compileExceptionMatch } from './exception-match.js';
