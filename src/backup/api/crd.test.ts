import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { BACKUP_KINDS } from './group.js';
import { buildCrd, crdFileName } from './crd.js';

const chartCrds = fileURLToPath(new URL('../../../charts/guardrail/crds/', import.meta.url));

describe('buildCrd', () => {
  it.each(BACKUP_KINDS)('%s: names, scope and labels match the chart’s CRD', (kind) => {
    const file = chartCrds + crdFileName(kind);
    if (!existsSync(file)) return; // the chart is optional in this tree
    const chart = load(readFileSync(file, 'utf8')) as { metadata: unknown; spec: { names: unknown; scope: string; group: string } };
    const ours = buildCrd(kind) as unknown as typeof chart;
    expect(ours.metadata).toEqual(chart.metadata);
    expect(ours.spec.names).toEqual(chart.spec.names);
    expect([ours.spec.scope, ours.spec.group]).toEqual([chart.spec.scope, chart.spec.group]);
  });

  it.each(BACKUP_KINDS)('%s: the schema uses only what apiextensions.k8s.io/v1 accepts', (kind) => {
    const text = JSON.stringify(buildCrd(kind));
    expect(text).not.toMatch(/"(const|if|then|else|\$ref)":/);
    expect(text).not.toContain('"additionalProperties":false');
  });

  it.each(BACKUP_KINDS)('%s: the chart lists the printer columns buildCrd makes (kubectl get)', (kind) => {
    const file = chartCrds + crdFileName(kind);
    if (!existsSync(file)) return;
    type Crd = { spec: { versions: { additionalPrinterColumns?: { name: string; jsonPath: string }[] }[] } };
    const cols = (c: Crd) => c.spec.versions[0]?.additionalPrinterColumns?.map((x) => `${x.name}=${x.jsonPath}`);
    const chart = load(readFileSync(file, 'utf8')) as Crd;
    expect(cols(chart)).toEqual(cols(buildCrd(kind) as unknown as Crd));
    expect(cols(chart)?.length).toBeGreaterThan(1);
  });

  it('turns the export-action if/then/else into CEL rules', () => {
    const text = JSON.stringify(buildCrd('BackupPolicy'));
    expect(text).toContain("self.action != 'export' || has(self.exportParameters)");
  });
});
