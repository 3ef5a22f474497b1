import type { Issue, PolicyResponse, PolicySet } from '../../engine/index.js';

/** What a request evaluates against: swapped as a whole, never mutated. */
export interface PolicySnapshot {
  readonly set: PolicySet;
  /** Increases with every swap; logged with admissions so a decision can be tied to a policy version. */
  readonly generation: number;
  readonly policyCount: number;
  failurePolicyOf(response: PolicyResponse): 'Fail' | 'Ignore';
}

export interface PolicyFileStatus {
  file: string;
  state: 'ok' | 'rejected';
  /** Policies served from this file (for a rejected file: from its last good version, 0 if none). */
  policies: number;
  /** Errors that rejected the current content, or warnings of accepted content. */
  issues: Issue[];
}

export interface PolicyStoreStatus {
  /** True once the first full load finished. */
  ready: boolean;
  dir: string;
  dirFound: boolean;
  policyCount: number;
  generation: number;
  files: PolicyFileStatus[];
}

export interface PolicyProvider {
  current(): PolicySnapshot;
  status(): PolicyStoreStatus;
}
