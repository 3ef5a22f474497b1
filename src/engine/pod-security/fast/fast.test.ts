/**
 * The pass predicates answer exactly what the checks answer (issue #5): for every check and every
 * versioned implementation, on the restricted example pod, on each documented violation of
 * checks/checks.test.ts's kind, and on thousands of generated pods (fields toggled to allowed, violating
 * and malformed values; containers added, removed, emptied), `passes(spec, metadata)` equals
 * `check(pod).allowed`. The test names report how often each predicate could answer "passes".
 */
import { describe, expect, it } from 'vitest';
import { CHECK_LIST } from '../checks/index.js';
import { generatePod, rng } from '../test-generate.js';
import { podWith, restrictedPod } from '../test-helpers.js';
import type { PodView } from '../types.js';
import { PASSES } from './index.js';

const pods: PodView[] = [];
const r = rng(5);
for (let i = 0; i < 4000; i++) pods.push(generatePod(r, i % 4 === 0 ? 0.05 : i % 4 === 1 ? 0.2 : 0.5));

describe('the registry', () => {
  it('has one predicate per versioned implementation of each check', () => {
    for (const check of CHECK_LIST) expect(PASSES[check.id].length, check.id).toBe(check.versions.length);
  });
});

describe('predicates agree with the checks', () => {
  it('on the restricted example pod, which passes everything', () => {
    const pod = restrictedPod();
    for (const check of CHECK_LIST) for (const passes of PASSES[check.id]) expect(passes(pod.spec, pod.metadata), check.id).toBe(true);
  });

  it('on single violations: a privileged container fails privileged only', () => {
    const pod = podWith({ securityContext: { privileged: true } });
    const failing = CHECK_LIST.filter((c) => !PASSES[c.id].every((p) => p(pod.spec, pod.metadata))).map((c) => c.id);
    expect(failing).toEqual(['privileged']);
  });

  for (const check of CHECK_LIST) {
    check.versions.forEach((impl, i) => {
      const passes = PASSES[check.id][i];
      let passed = 0;
      for (const pod of pods) if (passes?.(pod.spec, pod.metadata)) passed++;
      it(`${check.id} from v1.${impl.minimumMinor}: ${passed}/${pods.length} generated pods pass, ${pods.length - passed} fail`, () => {
        expect(passes).toBeDefined();
        // Both outcomes must be exercised, or agreement proves little.
        expect(passed).toBeGreaterThan(50);
        expect(pods.length - passed).toBeGreaterThan(check.id === 'seccompProfile_baseline' && impl.minimumMinor === 0 ? 10 : 50);
        for (const pod of pods) {
          const want = impl.check(pod).allowed;
          if (passes?.(pod.spec, pod.metadata) !== want) expect({ pod, passes: !want }).toEqual({ pod, passes: want });
        }
      });
    });
  }
});
