/** Binding admitted workloads to BackupPolicies (pure): JSON patch with annotations, or a deny reason. */
export { bindWorkload, bindingPatch } from './bind.js';
export type { BindOptions, BindResult } from './bind.js';
export { policyNameOf, PROTECTED_KINDS } from './workload.js';
export type { WorkloadLike } from './workload.js';
