/**
 * The compiled pattern checks agree with the interpreter: for every variable-free pattern and anyPattern
 * of Kyverno's corpus (../shared/conformance, read only), policies/ and examples/pod-security (autogen
 * forms included), on the resources beside each policy and on seeded mutations of them (fields removed,
 * values changed to the pattern's own words and to other types, lists emptied, pattern keys added):
 * a compiled answer other than "unknown" is the interpreter's answer, and a rule the fast path passes gets
 * the interpreter's Outcome, field for field. Coverage (how often the fast path could answer) is printed.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { yamlFilesUnder } from '../../../../test/support/yaml-objects.js';
import { elements, variants, vocabulary } from '../../test-support/index.js';
import { compilePolicy } from '../../compile.js';
import type { ForEachValidation, KyvernoPolicy, Rule } from '../../policy-types.js';
import type { RuleScope } from '../../validate/scope.js';
import { fastPatternPass, interpretPatterns, type ValidationBlock } from '../../validate/validate-rule.js';
import { containsVariableSyntax } from '../../variables/index.js';
import { matchPattern } from '../index.js';
import { generatePatternCheck } from './codegen.js';
import { compileNode } from './compile.js';
import { fastPatternStatus } from './pattern-check.js';
import { FAST_FAIL, FAST_PASS, FAST_SKIP, FAST_UNKNOWN, type PatternCheck } from './status.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const corpus = process.env.GUARDRAIL_CONFORMANCE ?? path.resolve(repo, '../shared/conformance');

interface Group {
  dir: string;
  blocks: Array<{ block: ValidationBlock; rule: Rule; message: string | undefined; foreach: boolean }>;
  resources: unknown[];
}

function docsOf(file: string): unknown[] {
  try {
    return loadAll(readFileSync(file, 'utf8')).filter((d) => d !== null && typeof d === 'object');
  } catch {
    return [];
  }
}

const isPolicy = (d: unknown): d is KyvernoPolicy =>
  ['ClusterPolicy', 'Policy'].includes((d as { kind?: string }).kind ?? '') && Array.isArray((d as KyvernoPolicy).spec?.rules);

function blocksOf(fe: ForEachValidation[] | undefined, rule: Rule, message: string | undefined, out: Group['blocks']): void {
  for (const f of fe ?? []) {
    if (f.pattern !== undefined || f.anyPattern !== undefined) out.push({ block: f, rule, message, foreach: true });
    blocksOf(f.foreach, rule, message, out);
  }
}

/** Every policy file's folder is a group: its variable-free pattern blocks and every other document below it. */
function loadGroups(roots: string[]): Group[] {
  const groups: Group[] = [];
  for (const root of roots.filter((r) => existsSync(r) && statSync(r).isDirectory())) {
    const byDir = new Map<string, unknown[]>();
    for (const f of yamlFilesUnder(root)) byDir.set(f, docsOf(f));
    for (const [file, docs] of byDir) {
      const blocks: Group['blocks'] = [];
      for (const doc of docs.filter(isPolicy)) {
        const compiled = compilePolicy(doc);
        if (!compiled.ok) continue;
        for (const r of compiled.policy.rules) {
          const v = r.rule.validate;
          if (!v) continue;
          if (v.pattern !== undefined || v.anyPattern !== undefined) blocks.push({ block: v, rule: r.rule, message: v.message, foreach: false });
          blocksOf(v.foreach, r.rule, v.message, blocks);
        }
      }
      const plain = blocks.filter((b) => !containsVariableSyntax(b.block.pattern ?? b.block.anyPattern));
      if (plain.length === 0) continue;
      const dir = path.dirname(file);
      const resources = [...byDir].filter(([f]) => f.startsWith(dir + path.sep)).flatMap(([, d]) => d.filter((x) => !isPolicy(x)));
      groups.push({ dir, blocks: plain, resources });
    }
  }
  return groups;
}


const EXPECTED = { [FAST_PASS]: ['pass'], [FAST_SKIP]: ['skip'], [FAST_FAIL]: ['fail', 'error'] } as Record<number, string[]>;

function scopeOf(rule: Rule, target: unknown): RuleScope {
  return { rule, data: { request: { object: target } }, target, deps: { now: () => new Date(0) }, env: {}, nesting: 0, overrides: {} } as unknown as RuleScope;
}

describe.runIf(existsSync(corpus))('compiled pattern checks agree with the interpreter', () => {
  const roots = [path.join(corpus, 'policies'), path.join(corpus, 'kyverno-cli'), path.join(repo, 'policies'), path.join(repo, 'examples', 'pod-security')];
  const groups = loadGroups(roots);
  const totals = { checks: 0, answered: 0, interpPass: 0, fastPass: 0, blocks: 0, fastBlocks: 0, patterns: 0 };
  const mismatches: string[] = [];
  /** Both compiled forms, through one suite: generated code (the default) and the closures it falls back to. */
  const closures = new WeakMap<object, PatternCheck>();
  const closureStatus = (target: unknown, p: unknown) => {
    let c = closures.get(p as object);
    if (c === undefined) closures.set(p as object, (c = compileNode(p)));
    return c(target);
  };

  it('generates code for every corpus pattern', () => {
    const failed = groups.flatMap((g) => g.blocks.flatMap((b) => (b.block.pattern !== undefined ? [b.block.pattern] : b.block.anyPattern ?? [])));
    expect(failed.filter((p) => generatePatternCheck(p) === undefined)).toEqual([]);
  });

  it('finds the corpus patterns', () => {
    expect(groups.length).toBeGreaterThan(30);
  });

  it('answers exactly where it answers, and passes rules with the interpreter’s Outcome', () => {
    let seed = 1;
    for (const g of groups) {
      for (const { block, rule, message, foreach } of g.blocks) {
        const patterns = block.pattern !== undefined ? [block.pattern] : ((block.anyPattern ?? []) as unknown[]);
        totals.patterns += patterns.length;
        const words = new Set<unknown>();
        const keys = new Set<string>();
        patterns.forEach((p) => vocabulary(p, words, keys));
        for (const resource of g.resources) {
          const base = foreach ? [resource, ...elements(resource)] : [resource];
          const targets = base.flatMap((r) => [r, ...variants(r, [...words], [...keys], foreach ? 8 : 40, seed++)]);
          for (const target of targets) {
            for (const p of patterns) {
              const fast = fastPatternStatus(target, p);
              const interp = matchPattern(target, p).status;
              const closure = closureStatus(target, p);
              if (closure !== fast && mismatches.length < 10) mismatches.push(`${g.dir} ${rule.name}: generated ${fast}, closures ${closure}`);
              totals.checks++;
              if (interp === 'pass') totals.interpPass++;
              if (fast === FAST_UNKNOWN) continue;
              totals.answered++;
              if (fast === FAST_PASS) totals.fastPass++;
              if (!EXPECTED[fast]?.includes(interp) && mismatches.length < 10) {
                mismatches.push(`${g.dir} ${rule.name}: fast ${fast}, interpreter ${interp} on ${JSON.stringify(target).slice(0, 300)}`);
              }
            }
            const s = scopeOf(rule, target);
            const fastOut = fastPatternPass(block, s);
            totals.blocks++;
            if (fastOut === undefined) continue;
            totals.fastBlocks++;
            const slow = interpretPatterns(block, s, message);
            if (JSON.stringify(fastOut) !== JSON.stringify(slow) && mismatches.length < 10) {
              mismatches.push(`${g.dir} ${rule.name}: block ${JSON.stringify(fastOut)} vs ${JSON.stringify(slow)}`);
            }
          }
        }
      }
    }
    const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)}%`;
    console.log(
      `fast pattern coverage: ${totals.patterns} patterns in ${groups.length} policy files, ${totals.checks} checks, ` +
        `answered ${pct(totals.answered, totals.checks)}, interpreter passes answered by the fast path ${pct(totals.fastPass, totals.interpPass)} ` +
        `(${totals.fastPass}/${totals.interpPass}); rule blocks passed fast ${totals.fastBlocks}/${totals.blocks}`,
    );
    expect(mismatches).toEqual([]);
    expect(totals.fastPass).toBeGreaterThan(1000);
    // Every construct of these patterns compiles exactly: nothing is left unknown.
    expect(totals.answered).toBe(totals.checks);
  }, 300_000);
});
