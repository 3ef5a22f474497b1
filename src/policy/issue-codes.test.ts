import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PSS_EXCLUDE_CODES } from '../engine/pod-security/index.js';
import { ISSUE_CODES } from './issue-codes.js';

const root = fileURLToPath(new URL('.', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testdata' ? [] : sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && e.name !== 'issue-codes.ts' ? [path] : [];
  });
}

describe('issue codes', () => {
  const text = sources(root).map((f) => readFileSync(f, 'utf8')).join('\n');
  // A code is an upper-case quoted word with at least one underscore, e.g. 'YAML_PARSE'.
  const used = new Set([...text.matchAll(/['"]([A-Z]+(?:_[A-Z0-9]+)+)['"]/g)].map((m) => m[1]));
  // Emitted on the module's behalf by the engine's podSecurity exclude checks (validate/rule-checks.ts).
  for (const code of Object.keys(PSS_EXCLUDE_CODES)) used.add(code);

  it('lists every code the module emits', () => {
    expect([...used].filter((c) => c !== undefined && !(c in ISSUE_CODES))).toEqual([]);
  });

  it('lists no code the module never emits', () => {
    expect(Object.keys(ISSUE_CODES).filter((c) => !used.has(c))).toEqual([]);
  });

  it('describes each code in one line', () => {
    for (const description of Object.values(ISSUE_CODES)) expect(description).toMatch(/^[^\n]{10,140}$/);
  });
});
