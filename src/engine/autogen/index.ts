/**
 * Auto-generated rules for pod controllers: a rule written for Pods also checks the pod template of
 * Deployments, DaemonSets, StatefulSets, Jobs, ReplicaSets, ReplicationControllers and CronJobs.
 * https://kyverno.io/docs/writing-policies/autogen/
 */
export {
  AUTOGEN_ANNOTATION,
  DEFAULT_CONTROLLERS,
  autogenControllers,
  canAutoGen,
} from './controllers.js';
export { expandAutogenRules, expandAutogenRulesWithOrigin, isAutogenRuleName } from './expand.js';
export type { ExpandedRule } from './expand.js';
