import { tests as conformance } from '@bufbuild/cel-spec/testdata/conformance.js';
import type { CelAdapter } from './adapters.js';
import { canonicalExpected, inputValue } from './values.js';

/**
 * Runs the official CEL conformance suites (cel-spec v0.25.1 via @bufbuild/cel-spec) through an
 * adapter. A test passes when the canonical result equals the expected value, or when an error
 * (compile or runtime) is expected and one happens. Tests whose inputs or expected values are
 * protobuf messages count as failures for libraries that cannot express them.
 */
interface RawTest {
  original: {
    name: string;
    expr: string;
    value?: Record<string, unknown>;
    typedResult?: { result?: Record<string, unknown> };
    evalError?: unknown;
    bindings?: Record<string, { value?: Record<string, unknown> }>;
    disableCheck?: boolean;
    checkOnly?: boolean;
    container?: string;
  };
}
interface RawSuite {
  name: string;
  suites?: RawSuite[];
  tests?: RawTest[];
}

export interface SuiteScore {
  suite: string;
  passed: number;
  total: number;
}

export function runConformance(adapter: CelAdapter): SuiteScore[] {
  const root = conformance as unknown as RawSuite;
  return (root.suites ?? []).map((suite) => {
    const all = collect(suite);
    return { suite: suite.name, passed: all.filter((t) => passes(adapter, t)).length, total: all.length };
  });
}

function collect(suite: RawSuite): RawTest[] {
  return [...(suite.tests ?? []), ...(suite.suites ?? []).flatMap(collect)];
}

export function passes(adapter: CelAdapter, test: RawTest): boolean {
  const t = test.original;
  const expected = t.value ?? t.typedResult?.result;
  let outcome: { ok: true; value: unknown } | { ok: false };
  try {
    const program = adapter.prepare(t.expr, { container: t.container, check: t.disableCheck !== true });
    if (t.checkOnly) return true;
    const bindings: Record<string, unknown> = {};
    for (const [k, b] of Object.entries(t.bindings ?? {})) bindings[k] = inputValue(b.value ?? {}, adapter.values);
    outcome = { ok: true, value: program(bindings) };
  } catch {
    outcome = { ok: false };
  }
  if (t.evalError !== undefined) return !outcome.ok;
  if (!outcome.ok) return false;
  try {
    return adapter.canonical(outcome.value) === canonicalExpected(expected ?? { boolValue: true });
  } catch {
    return false;
  }
}
