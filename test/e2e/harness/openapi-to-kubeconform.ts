/**
 * Turns the API server's own OpenAPI v2 document (`kubectl get --raw /openapi/v2`) into the schema layout
 * kubeconform reads from a local folder: `<dir>/v<version>-standalone[-strict]/<kind><suffix>.json`,
 * suffix `-<group's first label>-<version>` or `-<version>` for the core group (kubeconform's
 * pkg/registry schemaPath). Standalone means every $ref is inlined; strict adds additionalProperties:false
 * to objects with declared properties (what openapi2jsonschema --strict does). Nothing is downloaded: the
 * schemas are exactly what the test API server serves, its CRDs included.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Schema = Record<string, unknown>;

interface Gvk {
  group: string;
  version: string;
  kind: string;
}

export interface ConvertResult {
  /** "group/version/kind" of every schema written (group '' for core). */
  written: string[];
  /** The -schema-location argument for kubeconform. */
  schemaLocation: string;
}

const INT_OR_STRING = { oneOf: [{ type: 'string' }, { type: 'integer' }] };
// resource.Quantity is a string in OpenAPI but manifests write `cpu: 1`; apimachinery accepts both.
const QUANTITY = { oneOf: [{ type: 'string' }, { type: 'number' }] };

export function kubeconformFileName(gvk: Gvk): string {
  const prefix = gvk.group === '' ? '' : `-${gvk.group.split('.')[0]}`;
  return `${gvk.kind}${prefix}-${gvk.version}.json`.toLowerCase();
}

export function gvkKey(gvk: Gvk): string {
  return `${gvk.group}/${gvk.version}/${gvk.kind}`;
}

function gvksOf(def: Schema): Gvk[] {
  const list = def['x-kubernetes-group-version-kind'];
  return Array.isArray(list) ? (list as Gvk[]) : [];
}

/** Inlines $refs (a recursive one, such as JSONSchemaProps, becomes `{}`) and applies strictness. */
function inline(schema: Schema, defs: Record<string, Schema>, stack: readonly string[], strict: boolean): Schema {
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/definitions/', '');
    if (name.endsWith('.util.intstr.IntOrString')) return INT_OR_STRING;
    if (name.endsWith('.api.resource.Quantity')) return QUANTITY;
    const target = defs[name];
    if (!target || stack.includes(name)) return {};
    return inline(target, defs, [...stack, name], strict);
  }
  if (schema.format === 'int-or-string' || schema['x-kubernetes-int-or-string'] === true) return INT_OR_STRING;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'x-kubernetes-group-version-kind') continue;
    if (key === 'properties' && value && typeof value === 'object') {
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, Schema>).map(([k, v]) => [k, inline(v, defs, stack, strict)]),
      );
    } else if ((key === 'items' || key === 'additionalProperties') && value && typeof value === 'object') {
      out[key] = inline(value as Schema, defs, stack, strict);
    } else if ((key === 'allOf' || key === 'oneOf' || key === 'anyOf') && Array.isArray(value)) {
      out[key] = (value as Schema[]).map((v) => inline(v, defs, stack, strict));
    } else {
      out[key] = value;
    }
  }
  const open = out['x-kubernetes-preserve-unknown-fields'] === true;
  if (strict && out.properties && out.additionalProperties === undefined && !open) out.additionalProperties = false;
  return out;
}

export interface ConvertOptions {
  /** e.g. "1.32.13" (kubeconform's -kubernetes-version, without the v). */
  kubernetesVersion: string;
  outDir: string;
  /** Only these "group/version/kind" keys; all kinds when absent. */
  only?: ReadonlySet<string>;
}

export function openapiToKubeconform(doc: { definitions?: Record<string, Schema> }, opts: ConvertOptions): ConvertResult {
  const defs = doc.definitions ?? {};
  const written: string[] = [];
  for (const [name, def] of Object.entries(defs)) {
    for (const gvk of gvksOf(def)) {
      if (opts.only && !opts.only.has(gvkKey(gvk))) continue;
      for (const strict of [false, true]) {
        const dir = join(opts.outDir, `v${opts.kubernetesVersion}-standalone${strict ? '-strict' : ''}`);
        mkdirSync(dir, { recursive: true });
        const schema = { $schema: 'http://json-schema.org/schema#', ...inline(def, defs, [name], strict) };
        writeFileSync(join(dir, kubeconformFileName(gvk)), JSON.stringify(schema));
      }
      written.push(gvkKey(gvk));
    }
  }
  return { written, schemaLocation: opts.outDir };
}
