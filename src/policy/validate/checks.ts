/**
 * Deeper checks the engine owns (JMESPath parsing, pattern anchors, condition operators), injected so the
 * policy validator does not depend on their internals and tests can stub them. Each returns problems at a
 * JSON pointer; the validator turns them into issues with source positions.
 */
import type { Issue } from '../../engine/result.js';

export type JmesPathCheck = (expression: string) => { ok: true } | { ok: false; message: string };

export interface PolicyChecks {
  /** Parses one JMESPath expression (the inside of a `{{ }}`, a `jmesPath` field, a foreach `list`). */
  jmespath?: JmesPathCheck;
  /** Checks a validate pattern (one `pattern` or one `anyPattern` entry) found at `pointer`. */
  pattern?: (pattern: unknown, pointer: string) => Issue[];
  /** Checks preconditions or deny conditions (`{any, all}` or a list) found at `pointer`. */
  conditions?: (conditions: unknown, pointer: string) => Issue[];
}
