import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerValidateCommand } from './validate.js';

const GOOD = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata: {name: good}
spec:
  rules:
  - name: r
    match: {any: [{resources: {kinds: [Pod]}}]}
    validate: {pattern: {metadata: {name: "?*"}}}
`;
const BAD = GOOD.replace('name: good', 'name: bad').replace('validate:', 'validat:');

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'guardrail-validate-'));
  await writeFile(join(dir, 'good.yaml'), GOOD);
  await writeFile(join(dir, 'bad.yaml'), BAD);
});
afterAll(async () => rm(dir, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

async function run(...args: string[]): Promise<{ out: string; err: string; code: number | string | undefined }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  const program = new Command('guardrail').exitOverride();
  registerValidateCommand(program);
  await program.parseAsync(['validate', ...args], { from: 'user' });
  const code = process.exitCode;
  vi.restoreAllMocks();
  return { out, err, code };
}

describe('guardrail validate', () => {
  it('exits 0 with a summary on stderr and nothing on stdout for valid policies', async () => {
    const { out, err, code } = await run(join(dir, 'good.yaml'));
    expect(out).toBe('');
    expect(err).toBe('1 policy, 0 invalid\n');
    expect(code).toBe(0);
  });

  it('prints each issue as file:line:col  path  CODE  message and exits 2', async () => {
    const { out, err, code } = await run(dir);
    const file = join(dir, 'bad.yaml');
    expect(out).toContain(`${file}:8:5  /spec/rules/0/validat  SCHEMA_UNKNOWN_FIELD  unknown field "validat"\n`);
    expect(out).toContain(`${file}:6:5  /spec/rules/0  RULE_TYPE  `);
    expect(err).toBe('2 policies, 1 invalid\n');
    expect(code).toBe(2);
  });

  it('reports input problems and exits 2', async () => {
    const { out, err, code } = await run(join(dir, 'missing.yaml'));
    expect(out).toContain('FILE_NOT_FOUND');
    expect(err).toBe('0 policies, 0 invalid, 1 input problem\n');
    expect(code).toBe(2);
  });

  it('writes JSON with -o json', async () => {
    const { out } = await run('-o', 'json', join(dir, 'good.yaml'));
    const parsed = JSON.parse(out) as { summary: unknown; policies: Array<{ name: string; valid: boolean }> };
    expect(parsed.summary).toEqual({ policies: 1, invalid: 0, skipped: 0, inputProblems: 0 });
    expect(parsed.policies).toMatchObject([{ name: 'good', valid: true, kind: 'ClusterPolicy' }]);
  });
});
