export { createPolicyStore, type PolicyStore, type PolicyStoreOptions } from './policy-store.js';
export { createSnapshot } from './snapshot.js';
export { loadPolicyFile, mergePolicySets, policyCount, type FileLoad } from './load-file.js';
export type { PolicySnapshot, PolicyFileStatus, PolicyStoreStatus, PolicyProvider } from './types.js';
