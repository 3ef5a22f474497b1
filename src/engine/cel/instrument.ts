import { charge } from './cost.js';
import { adaptOptionalCall } from './optional-calls.js';
import { adaptRegexCall } from './regex-calls.js';

/**
 * Walks a checked AST and makes every comprehension (all, exists, map, filter, ...) charge the
 * cost meter before it iterates: size(range) x (nodes in the loop body + 1). Charging up front
 * stops runaway nested loops before they do the work; for short-circuiting macros (all/exists)
 * it over-estimates, like cel-go's static estimate does.
 */
interface Node {
  op: string;
  args: unknown;
  meta: { alternate?: Node; macro?: Record<string, unknown> };
  handle?: (items: unknown, ...rest: unknown[]) => unknown;
}

/** Fields of library nodes/macros that hold contexts or back-references, not sub-expressions. */
const SKIP_KEYS = new Set(['iterCtx', 'bindCtx', 'ast', 'checkedType', 'result', 'condition']);

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'op' in value && 'meta' in value;
}

/** Visits every AST node reachable from `root` once; returns how many there are. */
function walk(root: unknown, onNode: (node: Node) => void): number {
  const seen = new Set<unknown>();
  const visit = (value: unknown): number => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return 0;
    seen.add(value);
    if (Array.isArray(value)) return value.reduce((n: number, v) => n + visit(v), 0);
    if (!isNode(value)) return visitFields(value);
    onNode(value);
    let count = 1 + visit(value.args) + visit(value.meta.alternate);
    if (value.meta.macro) count += visitFields(value.meta.macro);
    return count;
  };
  const visitFields = (obj: object): number => {
    let n = 0;
    for (const [k, v] of Object.entries(obj)) if (!SKIP_KEYS.has(k)) n += visit(v);
    return n;
  };
  return visit(root);
}

export interface Instrumented {
  /** Static node count: the cost of one pass over the expression. */
  nodes: number;
  /** Compile-time problems found while instrumenting (invalid regex literals). */
  issues: { message: string; offset: number }[];
}

/** Instruments comprehensions, regex calls and optional `or`/`orValue`. */
export function instrumentAst(root: unknown): Instrumented {
  const issues: Instrumented['issues'] = [];
  const nodes = walk(root, (node) => {
    if (node.op === 'comprehension') meterComprehension(node);
    adaptOptionalCall(node.meta.macro);
    const issue = adaptRegexCall(node as unknown as Parameters<typeof adaptRegexCall>[0]);
    if (issue) issues.push(issue);
  });
  return { nodes, issues };
}

function meterComprehension(node: Node): void {
  const args = node.args as { step?: unknown };
  const perIteration = 1 + walk(args.step, () => undefined);
  const inner = node.handle;
  if (inner === undefined) return;
  node.handle = (items: unknown, ...rest: unknown[]) => {
    charge(rangeSize(items) * perIteration);
    return inner(items, ...rest);
  };
}

export function rangeSize(items: unknown): number {
  if (Array.isArray(items)) return items.length;
  if (items instanceof Map) return items.size;
  if (typeof items === 'object' && items !== null) return Object.keys(items).length;
  return 1;
}
