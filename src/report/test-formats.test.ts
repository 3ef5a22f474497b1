/**
 * `guardrail test` output formats: golden files (src/report/testdata/test.*) and the contract of each:
 * json {summary, results, problems}; JUnit with one suite per test file, unsupported as skipped; the table.
 * Regenerate the goldens with UPDATE_GOLDEN=1 after an intended change, and review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TestRow, TestRunReport } from '../testrun/index.js';
import { isTestFormat, testFormatters } from './test-formats.js';
import { colorEnabled, createPaint, escapeXml, renderTable } from './text.js';

const row = (over: Partial<TestRow>): TestRow => ({
  test: 'labels/kyverno-test.yaml',
  policy: 'require-labels',
  rule: 'check-app',
  kind: 'Pod',
  resource: 'shop/web',
  expected: 'pass',
  actual: 'pass',
  ok: true,
  reason: 'Ok',
  feature: 'validate',
  ...over,
});

const REPORT: TestRunReport = {
  summary: { tests: 2, results: 4, passed: 1, failed: 2, unsupported: 1, errors: 1 },
  results: [
    row({ message: "validation rule 'check-app' passed." }),
    row({ resource: 'prod/web', actual: 'fail', ok: false, reason: 'Want pass, got fail', message: 'validation error: label <app> & "team". rule check-app failed at path /metadata/labels/' }),
    row({ test: 'pss/kyverno-test.yaml', policy: 'pss', rule: 'restricted', actual: 'unsupported', ok: false, reason: 'podSecurity rules are not supported yet', feature: 'podSecurity' }),
    row({ test: 'pss/kyverno-test.yaml', policy: 'pss', rule: 'missing', actual: 'error', ok: false, reason: 'rule missing not found in policy pss' }),
  ],
  problems: [{ test: 'broken/kyverno-test.yaml', message: 'policy.yaml: cannot read: ENOENT' }],
};

const testdata = (name: string) => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));
const paint = createPaint(false);

describe.each([
  ['table', 'test.table.txt'],
  ['json', 'test.json'],
  ['junit', 'test.junit.xml'],
] as const)('test format %s', (format, golden) => {
  it(`matches testdata/${golden}`, () => {
    const out = testFormatters[format](REPORT, paint);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(testdata(golden), out);
    expect(out).toBe(readFileSync(testdata(golden), 'utf8'));
  });
});

describe('test format properties', () => {
  it('json is {summary, results, problems}; a row without a message has no message key', () => {
    const doc = JSON.parse(testFormatters.json(REPORT));
    expect(Object.keys(doc)).toEqual(['summary', 'results', 'problems']);
    expect(doc.summary).toEqual(REPORT.summary);
    expect(doc.results[2]).not.toHaveProperty('message');
    expect(doc.results[1]).toMatchObject({ expected: 'pass', actual: 'fail', ok: false, feature: 'validate' });
  });

  it('junit: one suite per test file; wrong results are failures, unsupported ones skipped', () => {
    const xml = testFormatters.junit(REPORT);
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    expect(xml).toMatch(/<testsuite name="labels\/kyverno-test.yaml" tests="2" failures="1" skipped="0">/);
    expect(xml).toMatch(/<testsuite name="pss\/kyverno-test.yaml" tests="2" failures="1" skipped="1">/);
    expect(xml).toContain('label &lt;app&gt; &amp; &quot;team&quot;');
  });

  it('knows its formats', () => {
    expect(isTestFormat('junit')).toBe(true);
    expect(isTestFormat('sarif')).toBe(false);
    expect(isTestFormat('toString')).toBe(false);
  });
});

describe('text helpers', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('colour only on a TTY, never with NO_COLOR set to a non-empty value or --no-color', () => {
    vi.stubEnv('NO_COLOR', '');
    expect(colorEnabled(false, { isTTY: true })).toBe(true);
    expect(colorEnabled(false, { isTTY: false })).toBe(false);
    expect(colorEnabled(true, { isTTY: true })).toBe(false);
    vi.stubEnv('NO_COLOR', '1');
    expect(colorEnabled(false, { isTTY: true })).toBe(false);
  });

  it('tables align on visible width, ignoring colour codes', () => {
    const red = createPaint(true).red;
    expect(renderTable(['A', 'B'], [[red('x'), 'y'], ['long', 'z']])).toBe(`A     B\n${red('x')}     y\nlong  z\n`);
  });

  it('escapes the five XML special characters', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  });
});
