import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../engine/test-support/index.js';
import { createMetrics, DURATION_BUCKETS, METRIC_NAMES } from './metrics.js';

const HELP_REQUESTS = 'Admission requests answered, by webhook path, operation, resource kind and decision.';
const HELP_DURATION = 'Time from receiving an AdmissionReview to answering it, in seconds.';

/** The metrics as they were: prom-client's own counter and histogram, one labelled call each per admission. */
function reference() {
  const registry = new Registry();
  const requests = new Counter({ name: METRIC_NAMES.admissionRequests, help: HELP_REQUESTS, labelNames: ['webhook', 'operation', 'kind', 'decision'], registers: [registry] });
  const duration = new Histogram({ name: METRIC_NAMES.admissionReviewDuration, help: HELP_DURATION, labelNames: ['webhook', 'operation', 'decision'], buckets: DURATION_BUCKETS, registers: [registry] });
  return {
    registry,
    record(webhook: string, operation: string, kind: string, decision: string, seconds: number) {
      requests.inc({ webhook, operation, kind, decision });
      duration.observe({ webhook, operation, decision }, seconds);
    },
  };
}

type Admission = [string, string, string, string, number];

function admissions(n: number, seed: number): Admission[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  // Durations on bucket bounds (le is inclusive), between them, and past the last one (+Inf only).
  const seconds = [0.0003, 0.001, 0.0017, 0.005, 0.0123, 0.25, 0.7, 10, 12.5, 1e-6];
  return Array.from({ length: n }, () => [pick(['validate', 'mutate', 'validate-policy']), pick(['CREATE', 'UPDATE', 'DELETE', '']), pick(['apps/v1/Deployment', 'v1/Pod', 'v1/Secret', '']), pick(['allowed', 'denied', 'error']), pick(seconds) * (1 + rnd())]);
}

async function text(registry: Registry, name: string): Promise<string> {
  return registry.getSingleMetricAsString(name);
}

async function expectSame(ours: Registry, theirs: Registry): Promise<void> {
  for (const name of [METRIC_NAMES.admissionRequests, METRIC_NAMES.admissionReviewDuration]) expect(await text(ours, name)).toBe(await text(theirs, name));
  const json = async (r: Registry) => (await r.getMetricsAsJSON()).filter((m) => m.name === METRIC_NAMES.admissionRequests || m.name === METRIC_NAMES.admissionReviewDuration);
  expect(await json(ours)).toEqual(await json(theirs));
}

describe('admission metrics through cells', () => {
  it('expose exactly what prom-client’s counter and histogram exposed, after many admissions', async () => {
    const ours = createMetrics();
    const theirs = reference();
    for (const a of admissions(2000, 7)) {
      ours.admissionTally.record(...a);
      theirs.record(...a);
    }
    await expectSame(ours.registry, theirs.registry);
    expect(await text(ours.registry, METRIC_NAMES.admissionReviewDuration)).toContain('le="+Inf"');
    // Same registration order as before: the /metrics text lists metrics in it.
    const types = (await ours.registry.metrics()).split('\n').filter((l) => l.startsWith('# TYPE '));
    expect(types.slice(0, 3)).toEqual([
      `# TYPE ${METRIC_NAMES.admissionRequests} counter`,
      `# TYPE ${METRIC_NAMES.admissionReviewDuration} histogram`,
      `# TYPE ${METRIC_NAMES.policyResults} counter`,
    ]);
  });

  it('a scrape between admissions sees the counts so far, and the next one the rest', async () => {
    const ours = createMetrics();
    const theirs = reference();
    const all = admissions(300, 11);
    for (const [from, to] of [[0, 5], [5, 6], [6, 6], [6, 300]] as const) {
      for (const a of all.slice(from, to)) {
        ours.admissionTally.record(...a);
        theirs.record(...a);
      }
      await expectSame(ours.registry, theirs.registry);
      expect(await ours.registry.metrics()).toContain(`# TYPE ${METRIC_NAMES.admissionReviewDuration} histogram`);
    }
  });

  it('keeps observe(labels, seconds) and reset working on the duration histogram', async () => {
    const ours = createMetrics();
    const theirs = reference();
    ours.admissionReviewDuration.observe({ webhook: 'validate', operation: 'CREATE', decision: 'allowed' }, 0.002);
    theirs.record('validate', 'CREATE', 'x', 'allowed', 0.002);
    expect(await text(ours.registry, METRIC_NAMES.admissionReviewDuration)).toBe(await text(theirs.registry, METRIC_NAMES.admissionReviewDuration));
    ours.registry.resetMetrics();
    expect(await text(ours.registry, METRIC_NAMES.admissionReviewDuration)).not.toContain('_count');
    expect(() => ours.admissionTally.record('validate', 'CREATE', 'v1/Pod', 'allowed', Number.NaN)).toThrow(TypeError);
  });
});
