/** Runs every test file under the given folders; `test` paths are relative to the folder given. */
import path from 'node:path';
import { discoverTests } from './discover.js';
import { runTestFile, type RunTestOptions } from './run-test.js';
import type { TestRunReport } from './types.js';

export async function runTests(roots: readonly string[], opts: RunTestOptions = {}): Promise<TestRunReport> {
  const report: TestRunReport = {
    summary: { tests: 0, results: 0, passed: 0, failed: 0, unsupported: 0, errors: 0 },
    results: [],
    problems: [],
  };
  for (const root of roots) {
    let files: string[];
    try {
      files = await discoverTests(root);
    } catch (err) {
      report.problems.push({ test: root, message: `cannot read ${root}: ${(err as NodeJS.ErrnoException).code ?? String(err)}` });
      continue;
    }
    if (files.length === 0) report.problems.push({ test: root, message: `no kyverno-test.yaml found under ${root}` });
    for (const file of files) {
      const rel = path.relative(root, file).split(path.sep).join('/') || path.basename(file);
      report.summary.tests++;
      const { rows, problems } = await runTestFile(file, rel, opts);
      for (const p of problems) report.problems.push({ test: rel, message: p });
      report.results.push(...rows);
    }
  }
  for (const r of report.results) {
    report.summary.results++;
    if (r.ok) report.summary.passed++;
    else if (r.actual === 'unsupported') report.summary.unsupported++;
    else report.summary.failed++;
    if (r.actual === 'error') report.summary.errors++;
  }
  return report;
}
