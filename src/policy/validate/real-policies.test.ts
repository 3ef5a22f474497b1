import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../load/load-inputs.js';
import { validatePolicyDocument } from './validate-document.js';

const testdata = fileURLToPath(new URL('./testdata', import.meta.url));

describe('real-world-shaped policies', () => {
  it('load and validate with no issues at all, engine checks included', async () => {
    const { docs, issues } = await loadInputs([testdata]);
    expect(issues).toEqual([]);
    const kinds = docs.map((d) => (d.value as { kind: string }).kind);
    expect(kinds).toEqual([
      'ClusterPolicy',
      'Policy',
      'ClusterPolicy',
      'ClusterPolicy',
      'PolicyException',
      'ValidatingPolicy',
      'ValidatingAdmissionPolicy',
      'ValidatingAdmissionPolicyBinding',
      'MutatingAdmissionPolicy',
    ]);
    for (const doc of docs) expect(validatePolicyDocument(doc)).toEqual([]);
  });
});
