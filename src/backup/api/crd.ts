/**
 * CustomResourceDefinitions for the backup kinds, built from the same JSON Schemas ajv uses, so the API
 * server and local mode accept the same documents. Names, short names, scope and labels match the chart's
 * charts/guardrail/crds/backup.guardrail.dev_*.yaml (crd.test.ts checks). Conversions to what
 * apiextensions.k8s.io/v1 accepts (https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation):
 * `const` -> one-value `enum`; `additionalProperties: false` dropped (pruning removes unknown fields);
 * if/then/else -> an x-kubernetes-validations CEL rule; metadata left to the API server.
 */
import { BACKUP_GROUP, BACKUP_VERSION } from './group.js';
import type { BackupKind } from './group.js';
import type { JsonSchema } from './schemas/common.js';
import { BACKUP_SCHEMAS } from './schemas/registry.js';

const NAMES = {
  BackupPolicy: { plural: 'backuppolicies', singular: 'backuppolicy', shortNames: ['bp'] },
  LocationProfile: { plural: 'locationprofiles', singular: 'locationprofile', shortNames: ['lp'] },
  RestorePoint: { plural: 'restorepoints', singular: 'restorepoint', shortNames: ['rp'] },
} as const satisfies Record<BackupKind, { plural: string; singular: string; shortNames: readonly string[] }>;

const column = (name: string, jsonPath: string, type = 'string') => ({ name, type, jsonPath });
const COLUMNS = {
  BackupPolicy: [column('Frequency', '.spec.frequency'), column('Paused', '.spec.paused', 'boolean')],
  LocationProfile: [column('Immutability', '.status.immutability'), column('Protection', '.spec.protectionPeriod')],
  RestorePoint: [column('App', '.spec.app.name'), column('Policy', '.spec.policy.name'), column('State', '.status.state'), column('Time', '.spec.time', 'date'), column('Retain-Until', '.spec.retainUntil'), { ...column('Message', '.status.message'), priority: 1 }],
} as const satisfies Record<BackupKind, readonly { name: string; type: string; jsonPath: string; priority?: number }[]>;

/** CEL for the export-action branch that JSON Schema expresses with if/then/else. */
const ACTION_RULES = [
  { rule: "self.action != 'export' || has(self.exportParameters)", message: 'an export action needs exportParameters.profile' },
  { rule: "self.action == 'export' || !has(self.exportParameters)", message: 'exportParameters is only for export actions' },
];

function toOpenApi(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toOpenApi);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  const src = node as Record<string, unknown>;
  for (const [k, v] of Object.entries(src)) {
    if (k === 'additionalProperties' && v === false) continue;
    if (k === 'if' || k === 'then' || k === 'else') continue;
    if (k === 'const') out.enum = [v];
    else out[k] = toOpenApi(v);
  }
  if ('if' in src) out['x-kubernetes-validations'] = ACTION_RULES;
  return out;
}

export function crdName(kind: BackupKind): string {
  return `${NAMES[kind].plural}.${BACKUP_GROUP}`;
}

/** The chart's file name for a kind's CRD, e.g. backup.guardrail.dev_backuppolicies.yaml. */
export function crdFileName(kind: BackupKind): string {
  return `${BACKUP_GROUP}_${NAMES[kind].plural}.yaml`;
}

export function buildCrd(kind: BackupKind): Record<string, unknown> {
  const schema = toOpenApi(BACKUP_SCHEMAS[kind]) as JsonSchema & { properties: Record<string, unknown> };
  schema.properties = { ...schema.properties, apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' } };
  schema.required = ['spec'];
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: crdName(kind), labels: { 'app.kubernetes.io/name': 'guardrail', 'app.kubernetes.io/part-of': 'guardrail' } },
    spec: {
      group: BACKUP_GROUP,
      names: { kind, listKind: `${kind}List`, ...NAMES[kind], categories: ['guardrail'] },
      scope: 'Namespaced',
      versions: [{ name: BACKUP_VERSION, served: true, storage: true, subresources: { status: {} }, additionalPrinterColumns: COLUMNS[kind], schema: { openAPIV3Schema: schema } }],
    },
  };
}
