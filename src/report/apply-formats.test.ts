/**
 * `guardrail apply` output formats: one golden file per format (src/report/testdata/apply.*), plus the
 * properties each consumer relies on: SARIF 2.1.0 (ruleId `policy/rule`, level, the resource's file and
 * line: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), JUnit XML escaping, GitHub
 * workflow-command escaping (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
 * Regenerate the goldens with UPDATE_GOLDEN=1 after an intended change, and review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ApplyReport } from '../apply/index.js';
import { applyFormatters, summarize } from './apply-formats.js';
import { createPaint } from './text.js';

const ref = (name: string, line: number, namespace?: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  ...(namespace ? { namespace } : {}),
  name,
  file: 'deploy\\pods.yaml',
  line,
});

/** A report with every status, a fix hint, and characters each format must escape. */
export const REPORT: ApplyReport = {
  policyCount: 2,
  issues: [],
  entries: [
    {
      resource: ref('good', 1, 'shop'),
      responses: [
        { policy: 'disallow-latest', kind: 'ClusterPolicy', results: [{ policy: 'disallow-latest', rule: 'no-latest', ruleType: 'validation', status: 'pass', message: "validation rule 'no-latest' passed." }] },
      ],
    },
    {
      resource: ref('bad', 12, 'shop'),
      responses: [
        {
          policy: 'disallow-latest',
          kind: 'ClusterPolicy',
          results: [
            {
              policy: 'disallow-latest',
              rule: 'no-latest',
              ruleType: 'validation',
              status: 'fail',
              action: 'Enforce',
              message: 'validation error: use a pinned tag <not latest> & "digest". rule no-latest failed at path /spec/containers/0/image/',
              path: '/spec/containers/0/image',
              fix: 'pin the image: nginx:1.25',
            },
          ],
        },
        {
          policy: 'require-team',
          kind: 'ClusterPolicy',
          results: [{ policy: 'require-team', rule: 'team', ruleType: 'validation', status: 'warn', action: 'Audit', message: 'missing label, 100%\nsecond line: here' }],
        },
      ],
    },
    {
      resource: ref('cluster-thing', 0),
      responses: [
        {
          policy: 'require-team',
          kind: 'ClusterPolicy',
          results: [
            { policy: 'require-team', rule: 'team', ruleType: 'validation', status: 'error', reason: 'CONTEXT_LOAD_FAILED', message: 'failed to load context: configmap not found' },
            { policy: 'require-team', rule: 'other', ruleType: 'validation', status: 'skip', reason: 'PRECONDITIONS_NOT_MET', message: 'preconditions not met' },
          ],
        },
      ],
    },
  ],
};

const testdata = (name: string) => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));
const paint = createPaint(false);

describe.each([
  ['table', 'apply.table.txt'],
  ['json', 'apply.json'],
  ['yaml', 'apply.yaml'],
  ['junit', 'apply.junit.xml'],
  ['sarif', 'apply.sarif'],
  ['github', 'apply.github.txt'],
] as const)('apply format %s', (format, golden) => {
  it(`matches testdata/${golden}`, () => {
    const out = applyFormatters[format](REPORT, paint);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(testdata(golden), out);
    expect(out).toBe(readFileSync(testdata(golden), 'utf8'));
  });
});

describe('apply format properties', () => {
  it('summary counts every status', () => {
    expect(summarize(REPORT)).toEqual({ resources: 3, policies: 2, pass: 1, fail: 1, warn: 1, error: 1, skip: 1 });
  });

  it('json results carry resource, policy, rule, status, message, path, action, reason and fix', () => {
    const doc = JSON.parse(applyFormatters.json(REPORT));
    expect(doc.results).toHaveLength(5);
    expect(doc.results[1]).toMatchObject({ resource: { kind: 'Pod', namespace: 'shop', name: 'bad', line: 12 }, policy: 'disallow-latest', rule: 'no-latest', status: 'fail', path: '/spec/containers/0/image', action: 'Enforce', fix: 'pin the image: nginx:1.25' });
  });

  it('sarif is 2.1.0 with ruleId policy/rule, levels error/warning, and the resource\'s file (forward slashes) and line', () => {
    const doc = JSON.parse(applyFormatters.sarif(REPORT));
    expect(doc.version).toBe('2.1.0');
    expect(doc.$schema).toContain('sarif-2.1.0');
    const run = doc.runs[0];
    expect(run.tool.driver.name).toBe('guardrail');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['disallow-latest/no-latest', 'require-team/team']);
    expect(run.results.map((r: { ruleId: string; level: string }) => `${r.ruleId}:${r.level}`)).toEqual(['disallow-latest/no-latest:error', 'require-team/team:warning', 'require-team/team:error']);
    const loc = run.results[0].locations[0].physicalLocation;
    expect(loc).toEqual({ artifactLocation: { uri: 'deploy/pods.yaml' }, region: { startLine: 12 } });
    // SARIF regions are 1-based: a resource without a known line is reported at line 1.
    expect(run.results[2].locations[0].physicalLocation.region.startLine).toBe(1);
  });

  it('junit escapes XML and marks fail and error as failures, skip as skipped', () => {
    const xml = applyFormatters.junit(REPORT);
    expect(xml).toContain('&lt;not latest&gt; &amp; &quot;digest&quot;');
    expect(xml).not.toContain('<not latest>');
    expect(xml).toMatch(/<testsuite [^>]*tests="5" failures="2" skipped="1"/);
    expect(xml.match(/<failure /g)).toHaveLength(2);
    expect(xml.match(/<skipped\/>/g)).toHaveLength(1);
  });

  it('github annotations: one line per fail/warn/error, %, CR and LF escaped in data, also : and , in properties', () => {
    const lines = applyFormatters.github(REPORT).split('\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^::error file=deploy\/pods\.yaml,line=12,title=disallow-latest\/no-latest::Pod\/shop\/bad: validation error: /);
    expect(lines[1]).toBe('::warning file=deploy/pods.yaml,line=12,title=require-team/team::Pod/shop/bad: missing label, 100%25%0Asecond line: here');
    // Like SARIF: forward slashes, and a resource without a known line is annotated at line 1.
    expect(lines[2]).toMatch(/^::error file=deploy\/pods\.yaml,line=1,/);
  });

  it('table hides skips and shows the fix under a failure', () => {
    const table = applyFormatters.table(REPORT, paint);
    expect(table).not.toContain('preconditions not met');
    expect(table).toContain('fix: pin the image: nginx:1.25');
    expect(table.split('\n')[0]).toMatch(/^RESOURCE\s+POLICY\s+RULE\s+RESULT\s+MESSAGE$/);
  });
});
