import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BACKUP_ISSUE_CODES } from './issue-codes.js';

// Every module that emits backup issue codes; loader codes passed through from src/policy are not ours,
// and compliance reasons have their own table (compliance/reasons.ts).
const folders = ['api', 'scheduler', 'binding', 'config'].map((f) => fileURLToPath(new URL(`../${f}/`, import.meta.url)));

function sources(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && e.name !== 'issue-codes.ts' ? [path] : [];
  });
}

describe('backup issue codes', () => {
  // The SCHEMA_* codes come from the ajv mapping shared with the policy schemas.
  const shared = [join(import.meta.dirname, '../../policy/validate/ajv-issues.ts')];
  const text = [...folders.flatMap(sources), ...shared].map((f) => readFileSync(f, 'utf8')).join('\n');
  // A code is an upper-case quoted word with at least one underscore, e.g. 'BAD_CRON'.
  const all = new Set([...text.matchAll(/'([A-Z]+(?:_[A-Z0-9]+)+)'/g)].map((m) => m[1]));

  it('lists every code the modules emit', () => {
    expect([...all].filter((c) => c !== undefined && !(c in BACKUP_ISSUE_CODES))).toEqual([]);
  });

  it('lists no code the modules never emit', () => {
    expect(Object.keys(BACKUP_ISSUE_CODES).filter((c) => !all.has(c))).toEqual([]);
  });

  it('describes each code in one line', () => {
    for (const d of Object.values(BACKUP_ISSUE_CODES)) expect(d).toMatch(/^[^\n]{10,140}$/);
  });
});
