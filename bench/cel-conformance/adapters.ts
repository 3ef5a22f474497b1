import { Environment } from '@marcbachmann/cel-js';
import { UnsignedInt } from '@marcbachmann/cel-js/evaluator';
import { celEnv, celUint, isCelError, isCelList, isCelMap, isCelType, isCelUint, parse, plan } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { getTestRegistry } from '@bufbuild/cel-spec/testdata/registry.js';
import { environmentFor } from '../../src/engine/cel/environment.js';
import { base64, canonicalMap, type ValueFactory, UnsupportedValue } from './values.js';

/** One CEL library behind the shape the conformance runner and the benchmark need. */
export interface CelAdapter {
  readonly name: string;
  readonly values: ValueFactory;
  /** Compiles once; throws on a compile error. The returned function throws on an eval error. */
  prepare(expr: string, opts: { container?: string; check: boolean }): (bindings: Record<string, unknown>) => unknown;
  canonical(value: unknown): string;
}

function marcbachmannCanonical(v: unknown): string {
  if (typeof v === 'bigint') return `int(${v})`;
  if (typeof v === 'number') return `double(${String(v)})`;
  if (typeof v === 'string') return `string(${JSON.stringify(v)})`;
  if (typeof v === 'boolean') return `bool(${String(v)})`;
  if (v === null || v === undefined) return 'null';
  if (v instanceof UnsignedInt) return `uint(${v.value})`;
  if (v instanceof Uint8Array) return `bytes(${base64(v)})`;
  if (Array.isArray(v)) return `list[${v.map(marcbachmannCanonical).join(',')}]`;
  if (v instanceof Map) return canonicalMap([...v].map(([k, x]) => [marcbachmannCanonical(k), marcbachmannCanonical(x)]));
  const ctor = (v as object).constructor?.name;
  if (ctor === 'Type') return `type(${/^Type<(.*)>$/.exec(String(v))?.[1] ?? String(v)})`;
  if (ctor === 'Object' || ctor === undefined) {
    return canonicalMap(Object.entries(v).map(([k, x]) => [`string(${JSON.stringify(k)})`, marcbachmannCanonical(x)]));
  }
  throw new UnsupportedValue(`result of type ${String(ctor)}`);
}

function marcbachmannAdapter(name: string, env: () => Environment): CelAdapter {
  return {
    name,
    values: { int: (v) => v, uint: (v) => new UnsignedInt(v), map: (e) => new Map(e) },
    prepare(expr, opts) {
      const parsed = env().parse(expr);
      if (opts.check) {
        const checked = parsed.check();
        if (!checked.valid) throw checked.error ?? new Error('type check failed');
      }
      return (bindings) => parsed(bindings) as unknown;
    },
    canonical: marcbachmannCanonical,
  };
}

const rawEnv = new Environment({
  unlistedVariablesAreDyn: true,
  homogeneousAggregateLiterals: false,
  enableOptionalTypes: true,
});

/** The library as installed, with optional types on. */
export const marcbachmann = marcbachmannAdapter('@marcbachmann/cel-js', () => rawEnv);
/** The same library with Guardrail's Kubernetes libraries registered (what compileCel uses). */
export const guardrail = marcbachmannAdapter('guardrail (cel-js + ours)', () => environmentFor(undefined));

function bufCanonical(v: unknown): string {
  if (typeof v === 'bigint') return `int(${v})`;
  if (typeof v === 'number') return `double(${String(v)})`;
  if (typeof v === 'string') return `string(${JSON.stringify(v)})`;
  if (typeof v === 'boolean') return `bool(${String(v)})`;
  if (v === null || v === undefined) return 'null';
  if (isCelUint(v)) return `uint(${v.value})`;
  if (v instanceof Uint8Array) return `bytes(${base64(v)})`;
  if (isCelList(v)) return `list[${[...v].map(bufCanonical).join(',')}]`;
  if (isCelMap(v)) return canonicalMap([...v].map(([k, x]) => [bufCanonical(k), bufCanonical(x)]));
  if (isCelType(v)) return `type(${v.name})`;
  throw new UnsupportedValue('result is a message');
}

const registry = getTestRegistry();

export const bufbuild: CelAdapter = {
  name: '@bufbuild/cel',
  values: { int: (v) => v, uint: (v) => celUint(v), map: (e) => new Map(e as [string, unknown][]) },
  prepare(expr, opts) {
    const env = celEnv({ registry, funcs: strings, namespace: opts.container ?? '' });
    const program = plan(env, parse(expr));
    return (bindings) => {
      const out = (program as (ctx: Record<string, unknown>) => unknown)(bindings);
      if (isCelError(out)) throw out;
      return out;
    };
  },
  canonical: bufCanonical,
};

export const ADAPTERS = [marcbachmann, guardrail, bufbuild] as const;
