import { describe, expect, it } from 'vitest';
import type { AdmissionInput, JsonObject, Operation } from '../engine/index.js';
import { forOperation, operationSubjects } from './operations.js';

const pod: JsonObject = { kind: 'Pod', metadata: { name: 'p' } };
const build = (resource: JsonObject, operation: Operation) => ({ operation, object: resource }) as unknown as AdmissionInput;

describe('result operations', () => {
  it('adds one evaluation per distinct operation named by results', () => {
    const subjects = operationSubjects([{ policy: 'a', kind: 'Pod', operation: 'delete' }, { policy: 'b', kind: 'Pod', operation: 'DELETE' }, { policy: 'c', kind: 'Pod' }], [pod], build);
    expect(subjects).toHaveLength(1);
    expect(subjects[0]?.input.operation).toBe('DELETE');
  });
  it('lets a result see only the evaluation of its own operation', () => {
    const [deleted] = operationSubjects([{ policy: 'a', kind: 'Pod', operation: 'DELETE' }], [pod], build);
    expect(forOperation(deleted!.resource, { policy: 'a', kind: 'Pod', operation: 'DELETE' })).toBe(true);
    expect(forOperation(deleted!.resource, { policy: 'c', kind: 'Pod' })).toBe(false);
    expect(forOperation(pod, { policy: 'c', kind: 'Pod' })).toBe(true);
    expect(forOperation(pod, { policy: 'a', kind: 'Pod', operation: 'DELETE' })).toBe(false);
  });
});
