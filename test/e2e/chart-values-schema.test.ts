/**
 * The chart's values.schema.json and values.yaml, checked without any binary: every object level is
 * closed (additionalProperties false, or a typed map, or a Kubernetes type validated after render), and
 * values.yaml validates against the schema.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './harness/tools.js';

const chart = join(REPO_ROOT, 'charts/guardrail');
const schema = JSON.parse(readFileSync(join(chart, 'values.schema.json'), 'utf8')) as Record<string, unknown>;

type Node = Record<string, unknown>;

function openObjects(node: Node, path: string, out: string[]): string[] {
  const isK8sType = typeof node.description === 'string' && node.description.startsWith('A Kubernetes API object');
  if (node.type === 'object' && node.additionalProperties === undefined && !isK8sType) out.push(path || '/');
  for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Node>)) openObjects(child, `${path}/${key}`, out);
  if (node.items && typeof node.items === 'object') openObjects(node.items as Node, `${path}[]`, out);
  if (node.additionalProperties && typeof node.additionalProperties === 'object') openObjects(node.additionalProperties as Node, `${path}/*`, out);
  for (const alt of (node.oneOf ?? []) as Node[]) openObjects(alt, path, out);
  return out;
}

/** Helm's coalescing of a values file over the defaults: maps merge, a null deletes the key. */
function helmMerge(base: Node, over: Node): Node {
  const out: Node = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prev = out[key];
    if (value === null) delete out[key];
    else if (isMap(value) && isMap(prev)) out[key] = helmMerge(prev, value);
    else out[key] = value;
  }
  return out;
}

const isMap = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

describe('charts/guardrail values.schema.json', () => {
  it('closes every object level', () => {
    expect(openObjects(schema, '', [])).toEqual([]);
    expect(schema.additionalProperties).toBe(false);
  });

  it('accepts values.yaml and every ci/*-values.yaml merged over it', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const values = load(readFileSync(join(chart, 'values.yaml'), 'utf8')) as Node;
    expect(validate(values), JSON.stringify(validate.errors)).toBe(true);
    const ciFiles = readdirSync(join(chart, 'ci')).filter((f) => f.endsWith('-values.yaml'));
    expect(ciFiles.length).toBeGreaterThanOrEqual(3);
    for (const file of ciFiles) {
      const merged = helmMerge(values, load(readFileSync(join(chart, 'ci', file), 'utf8')) as Node);
      expect(validate(merged), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('rejects an unknown key and a bad enum', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const values = load(readFileSync(join(chart, 'values.yaml'), 'utf8')) as Record<string, Record<string, unknown>>;
    expect(validate({ ...values, replicas: 2 })).toBe(false);
    expect(validate({ ...values, webhooks: { ...values.webhooks, failurePolicy: 'Fail' } })).toBe(false);
    expect(validate({ ...values, certificates: { ...values.certificates, mode: 'selfSigned' } })).toBe(false);
  });
});
