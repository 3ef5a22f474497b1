import { describe, expect, it } from 'vitest';
import { VariableError } from '../errors.js';
import { substituteReferences } from './references.js';

describe('substituteReferences', () => {
  it('resolves relative references within the pattern, with operators', () => {
    const pattern = {
      spec: {
        containers: [
          { name: '*', resources: { requests: { memory: '$(<=./../../limits/memory)' }, limits: { memory: '2048Mi' } } },
        ],
      },
    };
    const out = substituteReferences(pattern) as typeof pattern;
    expect(out.spec.containers[0]!.resources.requests.memory).toBe('<=2048Mi');
  });
  it('ignores anchors in paths and resolves absolute references', () => {
    const pattern = { metadata: { '=(name)': 'web', labels: { app: '$(/metadata/name)' } } };
    expect(substituteReferences(pattern)).toEqual({ metadata: { '=(name)': 'web', labels: { app: 'web' } } });
  });
  it('leaves escaped references literally and errors on unresolved ones', () => {
    expect(substituteReferences({ a: '\\$(./b)' })).toEqual({ a: '$(./b)' });
    expect(() => substituteReferences({ a: '$(./../missing)' })).toThrow(VariableError);
  });
  it('returns the same reference when there are no references', () => {
    const p = { a: { b: 'x' } };
    expect(substituteReferences(p)).toBe(p);
  });
});
