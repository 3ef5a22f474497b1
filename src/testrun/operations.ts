/**
 * A test result's `operation` (e.g. DELETE): the Kyverno CLI evaluates that result's resources as a
 * request with that operation, while results without one use the values' `request.operation` or
 * CREATE. Each extra operation gets its own evaluation of the named resources; results then only see
 * the evaluation of their own operation.
 */
import type { AdmissionInput, JsonObject, Operation } from '../engine/index.js';
import type { TestResultSpec } from './types.js';

const OPERATIONS = new Set<Operation>(['CREATE', 'UPDATE', 'DELETE', 'CONNECT']);
/** Stand-ins of resources evaluated for a result's operation. */
const operationOf = new WeakMap<JsonObject, Operation>();

function resultOperation(spec: TestResultSpec): Operation | undefined {
  const op = spec.operation?.toUpperCase() as Operation | undefined;
  return op !== undefined && OPERATIONS.has(op) ? op : undefined;
}

/** One subject per resource and distinct result operation (a copy of the resource, tagged). */
export function operationSubjects(
  results: readonly TestResultSpec[],
  resources: readonly JsonObject[],
  build: (resource: JsonObject, operation: Operation) => AdmissionInput,
): Array<{ resource: JsonObject; input: AdmissionInput }> {
  const ops = new Set(results.map(resultOperation).filter((o): o is Operation => o !== undefined));
  const out: Array<{ resource: JsonObject; input: AdmissionInput }> = [];
  for (const op of ops) {
    for (const resource of resources) {
      const copy = { ...resource };
      operationOf.set(copy, op);
      out.push({ resource: copy, input: build(resource, op) });
    }
  }
  return out;
}

/** Whether an evaluated resource belongs to this result: same operation, or both without one. */
export function forOperation(resource: JsonObject, spec: TestResultSpec): boolean {
  return operationOf.get(resource) === resultOperation(spec);
}
