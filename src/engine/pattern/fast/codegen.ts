/**
 * The pattern compiler's generated-code form: the same tree as compile.ts (the walker's structure and
 * key order, the anchor handlers' semantics), written out as one JavaScript source with a function per
 * pattern node that calls its children by name. V8 inlines those direct calls, where the closures of
 * compile.ts all share one code object and their calls to children stay megamorphic (~3-5x slower).
 * Keys are embedded with JSON.stringify; scalar checks and metadata guards are passed in, not printed.
 * A map whose wildcard metadata keys match resource keys is checked by compile.ts's closures (rare).
 * Returns undefined where code generation is disallowed (node --disallow-code-generation-from-strings).
 */
import { isJsonMap, type JsonMap } from '../../anchors/index.js';
import { compileMap, type PatternEntry } from '../compile-map.js';
import { compileMapNode } from './compile.js';
import { compileMetadataFallback, compileMetadataGuard } from './metadata.js';
import { compileScalar, literalStrings, type ScalarCheck } from './scalar.js';
import type { PatternCheck } from './status.js';

interface Gen {
  /** Function names are unique per pattern (p<id>_n<k>), so CPU profiles tell patterns apart. */
  prefix: string;
  fns: string[];
  scalars: ScalarCheck[];
  guards: Array<(r: JsonMap) => boolean>;
  /** Per guard: the check of the map once its wildcard metadata keys are rewritten (rare: closures). */
  rewritten: PatternCheck[];
}

const q = (s: string) => JSON.stringify(s);

/**
 * Object.hasOwn(r, k), written so that neither an absent key nor a present one calls hasOwn (several
 * times dearer than a property load in V8): a key that is not `in` r is not an own key either; a defined
 * value under a name Object.prototype lacks is r's own (resources are plain objects: parsed JSON or YAML
 * and copies of them), which is the common case of a present key. Anything else asks hasOwn.
 */
const own = (k: string) =>
  (JSON.parse(k) as string) in Object.prototype ? `(${k} in r && H(r, ${k}))` : `(r[${k}] !== undefined || (${k} in r && H(r, ${k})))`;
const isScalar = (v: unknown) => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Adds the function for `pattern` and returns its name. */
function node(g: Gen, pattern: unknown): string {
  const index = g.fns.length;
  const name = `${g.prefix}${index}`;
  g.fns.push(''); // reserve the slot: children are numbered after their parent
  let body: string;
  if (isJsonMap(pattern)) body = mapBody(g, pattern);
  else if (Array.isArray(pattern)) body = arrayBody(g, pattern);
  else if (isScalar(pattern)) {
    const c = `S[${g.scalars.push(compileScalar(pattern)) - 1}]`;
    // A string value against literal words is a string comparison: written out, without the call.
    const words = literalStrings(pattern);
    const inline = words !== undefined && words.length <= 8 ? `if (typeof r === "string") return ${words.map((w) => `r === ${q(w)}`).join(' || ')} ? 0 : 2; ` : '';
    body = `${inline}if (!Array.isArray(r)) return ${c}(r) ? 0 : 2; for (let i = 0; i < r.length; i++) if (!${c}(r[i])) return 2; return 0;`;
  } else body = 'return 2;';
  g.fns[index] = `function ${name}(r) { ${body} }`;
  return name;
}

function mapBody(g: Gen, pattern: JsonMap): string {
  const plan = compileMap(pattern);
  const lines = ['if (typeof r !== "object" || r === null || Array.isArray(r)) return 2;', 'let s = 0;'];
  const w = plan.wildcardMetadata;
  if (w !== undefined) {
    const i = g.guards.push(compileMetadataGuard(w)) - 1;
    g.rewritten.push(compileMetadataFallback(pattern, w, (m) => compileMapNode(m, false)));
    lines.push(`if (!G[${i}](r)) return X[${i}](r);`);
  }
  for (const e of [...plan.anchors, ...plan.rest]) lines.push(entry(g, e));
  lines.push('return 0;');
  return lines.join('\n');
}

function entry(g: Gen, e: PatternEntry): string {
  const k = q(e.parsed.key);
  switch (e.parsed.type) {
    case 'negation':
      return `if (${own(k)}) return 2;`;
    case 'equality':
      return `if (${own(k)}) { s = ${node(g, e.value)}(r[${k}]); if (s !== 0) return s; }`;
    case 'condition':
      return `if (!${own(k)}) return 1; s = ${node(g, e.value)}(r[${k}]); if (s !== 0) return s === 3 ? 3 : 1;`;
    case 'global':
      return `if (${own(k)}) { s = ${node(g, e.value)}(r[${k}]); if (s !== 0) return s === 3 ? 3 : 1; }`;
    case 'existence':
      return existence(g, k, e.value);
    default: {
      const raw = q(e.rawKey);
      if (e.value === '*') return `{ const v = ${own(raw)} ? r[${raw}] : undefined; if (v === undefined || v === null) return 2; }`;
      return `s = ${node(g, e.value)}(${own(raw)} ? r[${raw}] : undefined); if (s !== 0) return s;`;
    }
  }
}

function existence(g: Gen, k: string, pattern: unknown): string {
  if (!Array.isArray(pattern) || !pattern.every(isJsonMap)) return `if (${own(k)}) return 2;`;
  const items = pattern.map((p) => node(g, p));
  const loops = items.map(
    (n) => `{ let found = false, unknown = false; for (let i = 0; i < l.length && !found; i++) { const t = ${n}(l[i]); if (t === 0) found = true; else if (t === 3) unknown = true; } if (!found) return unknown ? 3 : 2; }`,
  );
  return `if (${own(k)}) { const l = r[${k}]; if (!Array.isArray(l)) return 2;\n${loops.join('\n')} }`;
}

/** walker.ts validateArray and eachElement. */
function arrayBody(g: Gen, pattern: unknown[]): string {
  if (pattern.length === 0) return 'return 2;';
  const first = pattern[0];
  if (isScalar(first)) return `return Array.isArray(r) ? ${node(g, first)}(r) : 2;`;
  const each = isJsonMap(first) ? [node(g, first)] : pattern.map((p) => node(g, p));
  const count = isJsonMap(first) ? 'r.length' : String(pattern.length);
  const call = each.length === 1 ? `${each[0]}(r[i])` : `[${each.join(', ')}][i](r[i])`;
  const guard = isJsonMap(first) ? 'if (!Array.isArray(r)) return 2;' : `if (!Array.isArray(r) || r.length < ${pattern.length}) return 2;`;
  return `${guard}
let applied = 0, skipped = false, unknown = false;
for (let i = 0; i < ${count}; i++) { const s = ${call}; if (s === 0) applied++; else if (s === 1) skipped = true; else if (s === 2) return 2; else unknown = true; }
if (unknown) return 3; return applied === 0 && skipped ? 1 : 0;`;
}

type Factory = (hasOwn: typeof Object.hasOwn, scalars: unknown[], guards: unknown[], rewritten: unknown[]) => PatternCheck;

/**
 * Generated sources by text: patterns of the same structure (the same check in many policies, a Pod rule
 * and its autogen'd twin in 300 copies) share one compiled factory, so V8 parses, stores and optimizes
 * their code once; each call of the factory binds that pattern's own scalars and guards. Bounded.
 */
const factories = new Map<string, Factory>();
const FACTORY_LIMIT = 5_000;

export function generatePatternCheck(pattern: unknown): PatternCheck | undefined {
  const g: Gen = { prefix: 'n', fns: [], scalars: [], guards: [], rewritten: [] };
  const root = node(g, pattern);
  const source = `"use strict";\n${g.fns.join('\n')}\nreturn ${root};\n//# sourceURL=guardrail-pattern.js`;
  try {
    let factory = factories.get(source);
    if (!factory) {
      // Generated from the pattern's structure only: keys are JSON string literals, values are passed in.
      factory = new Function('H', 'S', 'G', 'X', source) as Factory;
      if (factories.size < FACTORY_LIMIT) factories.set(source, factory);
    }
    return factory(Object.hasOwn, g.scalars, g.guards, g.rewritten);
  } catch {
    return undefined;
  }
}
