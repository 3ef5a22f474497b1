/**
 * Bad input at the CLI door: every case is one clear line naming the file and position, exit code 2,
 * and never a stack trace. Runs the real `guardrail` binary as CI would.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(repo, 'bin/guardrail.js');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: repo, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const POLICY = (body: string) => `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: p
spec:
  rules:
  - name: r
    match:
      any:
      - resources:
          kinds: [Pod]
    validate:
${body}`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'guardrail-bad-'));
  writeFileSync(path.join(dir, 'malformed.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: [a\n');
  writeFileSync(path.join(dir, 'unknown-anchor.yaml'), POLICY('      pattern:\n        metadata:\n          "%(labels)": x\n'));
  writeFileSync(
    path.join(dir, 'bad-jmespath.yaml'),
    POLICY('      deny:\n        conditions:\n          any:\n          - key: "{{ request.object.metadata.name[ }}"\n            operator: Equals\n            value: x\n'),
  );
  writeFileSync(path.join(dir, 'not-kubernetes.yaml'), 'just: text\nfoo: 1\n');
  writeFileSync(path.join(dir, 'big.yaml'), Buffer.alloc(50 * 1024 * 1024, 'a'));
  mkdirSync(path.join(dir, 'no-tests'));
});

function expectCleanError(r: { code: number; stderr: string }, ...needles: string[]): void {
  expect(r.code).toBe(2);
  for (const n of needles) expect(r.stderr).toContain(n);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
}

describe('guardrail CLI bad input', () => {
  it('malformed YAML names file, line and column', async () => {
    const r = await run(['apply', 'policies', '-r', path.join(dir, 'malformed.yaml')]);
    expectCleanError(r, `${path.join(dir, 'malformed.yaml')}:`, 'YAML_PARSE');
  });
  it('an unknown anchor rejects the policy with its position', async () => {
    const r = await run(['apply', path.join(dir, 'unknown-anchor.yaml'), '-r', 'examples']);
    expectCleanError(r, `${path.join(dir, 'unknown-anchor.yaml')}:15:`, 'PATTERN_INVALID', '%(labels)');
  });
  it('an invalid JMESPath rejects the policy with its position', async () => {
    const r = await run(['apply', path.join(dir, 'bad-jmespath.yaml'), '-r', 'examples']);
    expectCleanError(r, `${path.join(dir, 'bad-jmespath.yaml')}:16:`, 'JMESPATH_INVALID');
  });
  it('a resource file that is not Kubernetes YAML', async () => {
    const r = await run(['apply', 'policies', '-r', path.join(dir, 'not-kubernetes.yaml')]);
    expectCleanError(r, `${path.join(dir, 'not-kubernetes.yaml')}:1:1`, 'NOT_KUBERNETES');
  });
  it('a 50 MB file is refused without reading it', async () => {
    const r = await run(['apply', 'policies', '-r', path.join(dir, 'big.yaml')]);
    expectCleanError(r, path.join(dir, 'big.yaml'), 'FILE_TOO_LARGE');
  });
  it('a folder with no tests', async () => {
    const r = await run(['test', path.join(dir, 'no-tests')]);
    expectCleanError(r, 'no kyverno-test.yaml found');
  });
  it('guardrail validate lists every problem and exits 2', async () => {
    const r = await run(['validate', path.join(dir, 'unknown-anchor.yaml'), path.join(dir, 'bad-jmespath.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('PATTERN_INVALID');
    expect(r.stdout).toContain('JMESPATH_INVALID');
  });
});

describe('guardrail apply on the shipped example', () => {
  it('denies the production Deployment without data-protection labels and passes the compliant one', async () => {
    // --audit-warn: Audit guardrails (e.g. the immutable-location check, which needs a cluster) only warn.
    const r = await run(['apply', 'policies', '-r', 'examples', '-o', 'json', '--audit-warn']);
    expect(r.code).toBe(1);
    type Row = { status: string; policy: string; resource: { file: string }; path?: string; fix?: string };
    const out = JSON.parse(r.stdout) as { results: Row[] };
    const fail = out.results.filter((x) => x.status === 'fail');
    expect(fail).toHaveLength(1);
    expect(fail[0]?.resource.file).toMatch(/examples\/nginx-deployment\.yaml$/);
    expect(fail[0]?.path).toBe('/metadata/labels/dataprotection');
    expect(fail[0]?.fix).toContain('immutable: enabled');
    const labels = out.results.filter((x) => x.policy === 'require-data-protection-labels' && x.status === 'pass');
    expect(labels.map((x) => x.resource.file)).toEqual([expect.stringContaining('nginx-deployment-compliant.yaml')]);
  });
  it('writes SARIF 2.1.0 with ruleId policy/rule and the resource line', async () => {
    const r = await run(['apply', 'policies/data-protection/require-data-protection-labels.yaml', '-r', 'examples', '-o', 'sarif']);
    const sarif = JSON.parse(r.stdout) as { version: string; runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }> }> };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results[0]?.ruleId).toBe('require-data-protection-labels/require-backup-policy-label');
    expect(sarif.runs[0]?.results[0]?.locations[0]?.physicalLocation.region.startLine).toBe(1);
  });
});
