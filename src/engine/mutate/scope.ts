/**
 * The evaluation scope of one mutate rule (or one foreach level): the variable document, the host services
 * and the foreach nesting. Immutable: each level derives a new scope.
 */
import type { JsonObject } from '../policy-types.js';
import type { EngineDeps } from '../request.js';
import type { FunctionEnv } from '../variables/index.js';

export interface MutateScope {
  /** The variable document JMESPath reads (`request`, context entries, `element`...). */
  data: JsonObject;
  deps: EngineDeps;
  env: FunctionEnv;
  /** Values from the CLI values file that override context entries of the same name. */
  overrides: Record<string, unknown>;
  /** Foreach nesting depth (0 = rule level); names `element<N>`/`elementIndex<N>`. */
  nesting?: number;
  /** Per-element values for foreach (Kyverno CLI `foreachValues`). */
  foreachValues?: Record<string, unknown[]>;
}
