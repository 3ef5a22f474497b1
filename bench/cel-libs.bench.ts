/**
 * Chooses the CEL library by measurement: conformance pass rate per suite (official cel-spec
 * suites via @bufbuild/cel-spec) and evaluation speed on Kubernetes-policy-like expressions.
 * Run: node --import tsx bench/cel-libs.bench.ts   (results recorded in docs/cel.md)
 */
import { ADAPTERS, type CelAdapter } from './cel-conformance/adapters.js';
import { runConformance } from './cel-conformance/run.js';
import { compileCel } from '../src/engine/cel/index.js';

const EXPRESSIONS = [
  'object.spec.containers.all(c, has(c.securityContext) && c.securityContext.runAsNonRoot == true)',
  "object.metadata.labels['app'] == 'web' && object.spec.replicas <= 5",
  "object.spec.containers.exists(c, c.image.endsWith(':latest'))",
  "object.spec.containers.map(c, c.name).filter(n, n.startsWith('side')).size() == 0",
  "!has(object.spec.hostNetwork) || object.spec.hostNetwork == false",
];

function pod(n: number): Record<string, unknown> {
  const containers = Array.from({ length: n }, (_, i) => ({
    name: `c${i}`,
    image: `registry.example.com/app:${i}.0`,
    securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false },
    resources: { limits: { cpu: '500m', memory: '128Mi' } },
  }));
  return { metadata: { name: 'p', labels: { app: 'web' } }, spec: { replicas: 3, containers } };
}

/** The adapters take library-native values: integral numbers as bigint. */
function native(v: unknown): unknown {
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (Array.isArray(v)) return v.map(native);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, native(x)]));
  return v;
}

function opsPerSec(run: () => unknown, iterations = 20_000): number {
  for (let i = 0; i < 2_000; i++) run();
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) run();
  return Math.round(iterations / ((performance.now() - t0) / 1000));
}

function speed(adapter: CelAdapter, expr: string, object: Record<string, unknown>): number | string {
  try {
    const program = adapter.prepare(expr, { check: true });
    const bindings = { object: native(object) };
    program(bindings);
    return opsPerSec(() => program(bindings));
  } catch (e) {
    return `error: ${(e as Error).message.split('\n')[0]}`;
  }
}

function conformanceReport(): void {
  console.log('## Conformance (passed/total per suite)');
  for (const adapter of ADAPTERS) {
    const scores = runConformance(adapter);
    const passed = scores.reduce((n, s) => n + s.passed, 0);
    const total = scores.reduce((n, s) => n + s.total, 0);
    console.log(`${adapter.name}: ${passed}/${total} (${((100 * passed) / total).toFixed(1)}%)`);
    console.log('  ' + scores.map((s) => `${s.suite} ${s.passed}/${s.total}`).join(', '));
  }
}

function speedReport(): void {
  const object = pod(5);
  console.log('\n## Speed (evaluations/second, pod with 5 containers)');
  for (const expr of EXPRESSIONS) {
    console.log(expr);
    for (const adapter of ADAPTERS) console.log(`  ${adapter.name}: ${speed(adapter, expr, object)}`);
    const compiled = compileCel(expr, { variables: ['object'] });
    if (compiled.ok) {
      console.log(`  compileCel (JSON in/out, cost meter): ${opsPerSec(() => compiled.program.evaluate({ object }))}`);
      const fresh = () => compiled.program.evaluate({ object: pod(5) });
      console.log(`  compileCel, new object each time (conversion not cached): ${opsPerSec(fresh, 5_000)}`);
    }
  }
}

conformanceReport();
speedReport();
