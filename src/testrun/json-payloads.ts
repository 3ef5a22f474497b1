/**
 * `jsonPayloads` of a Kyverno test: arbitrary JSON documents (Terraform plans, Dockerfiles as JSON, ...)
 * that ValidatingPolicies with `evaluation.mode: JSON` check. The Kyverno CLI names each payload by its
 * file name and reports it with `kind: ""`; a result that names no resources refers to every payload.
 */
import path from 'node:path';
import { inputFromResource, type AdmissionInput, type JsonObject } from '../engine/index.js';
import { readDocs } from './read-docs.js';
import type { TestResultSpec } from './types.js';

export interface PayloadSubject {
  /** A stand-in carrying the payload's name (kind ''), so results find it like any resource. */
  resource: JsonObject;
  input: AdmissionInput;
}

export async function readJsonPayloads(files: readonly string[], dir: string): Promise<{ subjects: PayloadSubject[]; problems: string[] }> {
  const subjects: PayloadSubject[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const r = await readDocs([file], dir);
    problems.push(...r.problems);
    const payload = r.docs[0];
    if (payload === undefined) continue;
    const name = path.basename(file);
    // The payload is `object`; it has no apiVersion/kind, so no Kubernetes-mode policy matches it.
    const input = inputFromResource(payload, { operation: 'CREATE' });
    subjects.push({ resource: { kind: '', metadata: { name } }, input });
  }
  return { subjects, problems };
}

/** The resources a result refers to: the named ones, else every payload for a `kind: ""` result. */
export function resultRefs(spec: TestResultSpec, payloads: readonly PayloadSubject[]): string[] {
  const named = spec.resources ?? (spec.resource ? [spec.resource] : []);
  if (named.length > 0 || (spec.kind ?? '') !== '') return named;
  return payloads.map((p) => String((p.resource.metadata as JsonObject).name));
}
