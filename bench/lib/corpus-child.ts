/**
 * Child entry for the in-process corpus measurement: one run of the `guardrail test` library (runTests)
 * over the corpus in a fresh process, so its peak RSS (read by the parent through rss-probe) is that of
 * the library alone. Prints one JSON line: wall time of runTests (module loading excluded) and summary.
 */
import { defaultPolicySetOptions } from '../../src/policies-engine.js';
import { runTests } from '../../src/testrun/index.js';

const root = process.argv[2];
if (!root) throw new Error('usage: corpus-child.ts <conformance folder>');
const t0 = performance.now();
const report = await runTests([root], { policySetOptions: defaultPolicySetOptions() });
process.stdout.write(JSON.stringify({ runMs: performance.now() - t0, summary: report.summary, problems: report.problems.length }) + '\n');
