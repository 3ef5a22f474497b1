import { evalError } from './libs/eval-error.js';
import { compileRe2, matches } from './libs/index.js';

/**
 * The library's `matches` runs `new RegExp(p)` on every call (JavaScript syntax, no cache). We route
 * every `matches` call through our RE2 translation (./libs/re2.ts, cached) and reject, at compile
 * time, literal patterns of `matches`, `find` and `findAll` that RE2 rejects or JavaScript would
 * match differently.
 */
interface CallNode {
  op: string;
  args: unknown;
  pos: number;
  handle?: (values: unknown[], ...rest: unknown[]) => unknown;
}

const REGEX_FUNCTIONS = new Set(['matches', 'find', 'findAll']);

/** Returns an error (message and offset) for an invalid literal pattern, else undefined. */
export function adaptRegexCall(node: CallNode): { message: string; offset: number } | undefined {
  if (node.op !== 'rcall' && node.op !== 'call') return undefined;
  const args = node.args as unknown[];
  const name = args[0];
  if (typeof name !== 'string' || !REGEX_FUNCTIONS.has(name)) return undefined;
  const callArgs = (node.op === 'rcall' ? args[2] : (args[1] as unknown[]).slice(1)) as { op: string; args: unknown; pos: number }[];
  const pattern = callArgs[0];
  if (pattern?.op === 'value' && typeof pattern.args === 'string') {
    const compiled = compileRe2(pattern.args);
    if (!compiled.ok) return { message: compiled.message, offset: pattern.pos };
  }
  if (name === 'matches' && node.handle) node.handle = routeMatches;
  return undefined;
}

function routeMatches(values: unknown[]): boolean {
  const [s, p] = values;
  if (typeof s !== 'string' || typeof p !== 'string') {
    throw evalError('no_matching_overload', `found no matching overload for 'matches(${typeof s}, ${typeof p})'`);
  }
  return matches(s, p);
}
