/**
 * The evaluation scope of one validate rule (or one foreach level): the variable document, the resource
 * that patterns apply to, and the host services. Scopes are immutable: a foreach level derives a new one.
 */
import type { FunctionEnv } from '../variables/index.js';
import type { JsonObject, Rule } from '../policy-types.js';
import type { EngineDeps } from '../request.js';

export interface RuleScope {
  rule: Rule;
  /** The variable document JMESPath reads (`request`, `images`, context entries, `element`...). */
  data: JsonObject;
  /** What `pattern` applies to: the request object, or the current foreach element when scoped. */
  target: unknown;
  deps: EngineDeps;
  env: FunctionEnv;
  /** Foreach nesting depth (0 = rule level). */
  nesting: number;
  /** Values from the CLI values file that override context entries of the same name. */
  overrides: Record<string, unknown>;
  /** Per-element values for foreach (Kyverno CLI `foreachValues`). */
  foreachValues?: Record<string, unknown[]>;
}
