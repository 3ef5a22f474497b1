/**
 * Engine benchmark (issue 2). Run: `npm run bench` (add `--check` to exit 1 when a goal is missed,
 * `--quick` for fewer iterations).
 *
 *  1. Time per resource: a realistic Deployment CREATE against the pod-security policies of the corpus,
 *     compiled once by buildPolicySet and evaluated by evaluatePolicySet (the webhook's path), with two
 *     baselines measured in the same interleaved rounds because the machine is noisy.
 *  2. The whole visible corpus through `guardrail test`: the library in this process, the library in a
 *     fresh child (peak RSS) and the CLI process (`bin/guardrail.js test <corpus> -o json`, peak RSS).
 *
 * Goals: p99 under 1 ms per resource; whole corpus under 10 s.
 */
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { parseAdmissionReview, toAdmissionInput } from '../src/admission/index.js';
import { buildPolicySet, evaluatePolicySet, inputFromResource, type EngineDeps, type JsonObject, type PolicySet } from '../src/engine/index.js';
import { defaultPolicySetOptions } from '../src/policies-engine.js';
import { runTests } from '../src/testrun/index.js';
import { runNodeChild } from './lib/child.js';
import { CorpusMissingError, findConformance, REPO_ROOT } from './lib/corpus.js';
import { admissionReview, deployment, loadYamlDocs } from './lib/fixtures.js';
import { podSecurityPolicyFiles } from './lib/pod-security-files.js';
import { policyFiles } from './lib/policy-files.js';
import { formatTable, mib, ms, verdict } from './lib/table.js';
import { measureInterleaved, type Latency } from './lib/timing.js';

const GOAL_P99_MS = 1;
const GOAL_CORPUS_MS = 10_000;
const args = new Set(process.argv.slice(2));
const ITERATIONS = args.has('--quick') ? 2_000 : 20_000;
const WARMUP = args.has('--quick') ? 500 : 3_000;

let corpus: string;
try {
  corpus = findConformance();
} catch (err) {
  if (err instanceof CorpusMissingError) {
    console.error(`bench: ${err.message}`);
    process.exit(2);
  }
  throw err;
}

const deps: EngineDeps = { now: () => new Date(Date.UTC(2025, 0, 1)) };

function buildSet(files: string[]): { set: PolicySet; files: string[]; compileMs: number } {
  if (files.length === 0) throw new Error(`bench: no policy files in ${corpus}`);
  const docs = loadYamlDocs(files);
  const t0 = performance.now();
  const set = buildPolicySet(docs, defaultPolicySetOptions());
  const compileMs = performance.now() - t0;
  if (set.rejected.length > 0) throw new Error(`bench: rejected policies: ${JSON.stringify(set.rejected)}`);
  return { set, files, compileMs };
}

async function statusCounts(set: PolicySet, input: ReturnType<typeof inputFromResource>): Promise<string> {
  const c: Record<string, number> = {};
  for (const r of await evaluatePolicySet(set, input, deps)) for (const rr of r.results) c[rr.status] = (c[rr.status] ?? 0) + 1;
  return Object.entries(c).sort().map(([k, v]) => `${k} ${v}`).join(', ') || 'no results';
}

async function perResource(): Promise<Latency> {
  const pssFiles = podSecurityPolicyFiles(corpus);
  const pss = buildSet(pssFiles);
  const both = buildSet([...pssFiles, ...policyFiles(path.join(corpus, 'policies', 'pod-security-cel'))]);
  const empty = buildPolicySet([]);
  const good = deployment(false);
  const bad = deployment(true);
  const goodInput = inputFromResource(good);
  const badInput = inputFromResource(bad);
  const body = JSON.stringify(admissionReview(good));
  const reviewPath = async () => {
    const parsed = parseAdmissionReview(JSON.parse(body));
    if (!parsed.ok) throw new Error(parsed.error.message);
    return JSON.stringify(await evaluatePolicySet(pss.set, toAdmissionInput(parsed.request), deps));
  };

  console.log(`corpus: ${corpus}; node ${process.version}; load average (1 min) ${loadavg()[0]!.toFixed(2)} on ${availableParallelism()} cores`);
  console.log(`pod-security policy files: ${pss.files.length} (Kyverno's baseline and restricted set; see note below)`);
  for (const f of pss.files) console.log(`  ${path.relative(REPO_ROOT, f)}`);
  console.log(`pod-security + pod-security-cel: ${both.files.length} files`);
  console.log(`compile (buildPolicySet, once): pod-security ${ms(pss.compileMs, 1)}, +cel ${ms(both.compileMs, 1)}`);
  console.log(`results per evaluation: compliant ${await statusCounts(pss.set, goodInput)}; violating ${await statusCounts(pss.set, badInput)}; +cel compliant ${await statusCounts(both.set, goodInput)}`);
  console.log(`\nlatency: ${ITERATIONS} iterations after ${WARMUP} warm-up, subjects interleaved in rounds of 100\n`);

  const lat = await measureInterleaved(
    {
      'baseline: JSON.parse+stringify of the AdmissionReview': () => JSON.stringify(JSON.parse(body)),
      'baseline: evaluatePolicySet, 0 policies': () => evaluatePolicySet(empty, goodInput, deps),
      'pod-security, compliant Deployment': () => evaluatePolicySet(pss.set, goodInput, deps),
      'pod-security, violating Deployment': () => evaluatePolicySet(pss.set, badInput, deps),
      'pod-security + pod-security-cel, compliant': () => evaluatePolicySet(both.set, goodInput, deps),
      'review path: parse body + review + evaluate + stringify': reviewPath,
    },
    { warmup: WARMUP, iterations: ITERATIONS },
  );
  const base = lat['baseline: JSON.parse+stringify of the AdmissionReview']!;
  const rows = Object.entries(lat).map(([name, l]) => [
    name,
    ms(l.p50),
    ms(l.p99),
    ms(l.max),
    ms(l.cpuP50),
    ms(l.cpuP99),
    `${(l.p50 / base.p50).toFixed(1)}x`,
    `${(l.p99 / base.p99).toFixed(1)}x`,
    name.startsWith('baseline') ? '' : `${verdict(l.p99, GOAL_P99_MS)} wall, ${verdict(l.cpuP99, GOAL_P99_MS)} cpu`,
  ]);
  console.log(formatTable(['subject', 'p50', 'p99', 'max', 'cpu p50', 'cpu p99', 'p50/base', 'p99/base', `goal p99 < ${GOAL_P99_MS} ms`], rows));
  console.log(`load average (1 min) during the run: ${loadavg()[0]!.toFixed(2)} on ${availableParallelism()} cores`);
  return lat['pod-security, compliant Deployment']!;
}

interface CorpusFigures {
  worstMs: number;
}

async function wholeCorpus(): Promise<CorpusFigures> {
  console.log(`\nwhole corpus: ${corpus}\n`);
  const t0 = performance.now();
  const inProc = await runTests([corpus], { policySetOptions: defaultPolicySetOptions() });
  const inProcMs = performance.now() - t0;
  const lib = await runNodeChild([path.join(REPO_ROOT, 'bench/lib/corpus-child.ts'), corpus], REPO_ROOT);
  if (lib.exitCode !== 0) throw new Error(`bench: corpus child failed (${lib.exitCode}): ${lib.stderr}`);
  const libOut = JSON.parse(lib.stdout.trim().split('\n').pop() ?? '{}') as { runMs: number };
  const cli = await runNodeChild([path.join(REPO_ROOT, 'bin/guardrail.js'), 'test', corpus, '-o', 'json'], REPO_ROOT);
  // Exit 1 means some expected results differ: still a complete run. Exit 2 (bad input) or a crash is not.
  if (cli.exitCode !== 0 && cli.exitCode !== 1) throw new Error(`bench: guardrail test exited ${cli.exitCode}: ${cli.stderr.slice(0, 2000)}`);
  const cliSummary = (JSON.parse(cli.stdout) as { summary: JsonObject }).summary;
  const s = inProc.summary;
  console.log(`${s.tests} test files, ${s.results} results: ${s.passed} passed, ${s.failed} failed, ${s.unsupported} unsupported (CLI: ${JSON.stringify(cliSummary)})\n`);
  const goal = (x: number) => `${verdict(x, GOAL_CORPUS_MS)} (< ${GOAL_CORPUS_MS / 1000} s)`;
  console.log(
    formatTable(
      ['run', 'wall', 'peak RSS', 'goal'],
      [
        ['runTests in this process (modules warm)', ms(inProcMs, 0), '-', goal(inProcMs)],
        ['runTests in a fresh child: runTests only', ms(libOut.runMs, 0), mib(lib.maxRssKiB), goal(libOut.runMs)],
        ['runTests in a fresh child: whole process', ms(lib.wallMs, 0), mib(lib.maxRssKiB), goal(lib.wallMs)],
        ['CLI: bin/guardrail.js test <corpus> -o json', ms(cli.wallMs, 0), mib(cli.maxRssKiB), goal(cli.wallMs)],
      ],
    ),
  );
  return { worstMs: Math.max(inProcMs, lib.wallMs, cli.wallMs) };
}

const lat = await perResource();
const corpusFigures = await wholeCorpus();
console.log(
  '\nnote: the 17 pod-security policies are the corpus\'s 8 (policies/pod-security/{baseline,restricted}) and the\n' +
    'other 9 of Kyverno\'s set from examples/pod-security (the webhook bench loads the same 17).\n' +
    'The +cel row adds the corpus\'s validate.cel variants (policies/pod-security-cel) to show a larger set.',
);
const missed = lat.p99 >= GOAL_P99_MS || corpusFigures.worstMs >= GOAL_CORPUS_MS;
console.log(`\ngoals: p99 ${ms(lat.p99)} wall, ${ms(lat.cpuP99)} cpu (< ${GOAL_P99_MS} ms) ${verdict(lat.p99, GOAL_P99_MS)}; corpus ${ms(corpusFigures.worstMs, 0)} worst (< ${GOAL_CORPUS_MS / 1000} s) ${verdict(corpusFigures.worstMs, GOAL_CORPUS_MS)}`);
if (missed && args.has('--check')) process.exitCode = 1;
