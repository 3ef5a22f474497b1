import { describe, expect, it } from 'vitest';
import { parseDocuments } from './parse-documents.js';

const MODES = ['full', 'start'] as const;

const multi = [
  '# leading comment',
  '---',
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: one',
  'data:',
  '  script: |',
  '    echo start',
  '    ---', // indented: scalar content, not a document marker
  '    echo end',
  '---',
  '---',
  'apiVersion: v1',
  'kind: Namespace',
  'metadata: {name: two}',
  '',
].join('\n');

describe.each(MODES)('parseDocuments (positions: %s)', (positions) => {
  it('reads multi-document YAML, drops empty documents, records start lines', () => {
    const { docs, issues } = parseDocuments(multi, 'm.yaml', { positions });
    expect(issues).toEqual([]);
    expect(docs.map((d) => [d.index, d.line, d.col])).toEqual([
      [0, 3, 1],
      [2, 14, 1],
    ]);
    expect(docs[0]?.value).toMatchObject({ data: { script: 'echo start\n---\necho end\n' } });
    expect(docs[1]?.file).toBe('m.yaml');
  });

  it('reads JSON', () => {
    const text = '{\n\t"apiVersion": "v1",\n\t"kind": "Pod",\n\t"metadata": {"name": "p"}\n}\n';
    const { docs, issues } = parseDocuments(text, 'p.json', { positions });
    expect(issues).toEqual([]);
    expect(docs).toHaveLength(1);
    expect(docs[0]?.value).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } });
    expect(docs[0]?.line).toBe(1);
  });

  it('flattens List and *List kinds; items keep their own start positions', () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- apiVersion: v1',
      '  kind: Pod',
      '  metadata: {name: a}',
      '- apiVersion: v1',
      '  kind: PodList',
      '  items:',
      '  - {apiVersion: v1, kind: Pod, metadata: {name: b}}',
      '',
    ].join('\n');
    const { docs } = parseDocuments(text, 'l.yaml', { positions });
    expect(docs.map((d) => (d.value as { metadata: { name: string } }).metadata.name)).toEqual(['a', 'b']);
    expect(docs[0]?.line).toBe(4);
    expect(docs[0]?.col).toBe(3);
    expect(docs[0]?.positionOf('/metadata/name')?.line).toBeGreaterThanOrEqual(4);
    // A nested List's items still point inside the outer item.
    expect(docs[1]?.line).toBeGreaterThanOrEqual(7);
  });

  it('reports malformed YAML as YAML_PARSE with the right line and keeps the other documents', () => {
    const text = 'apiVersion: v1\nkind: A\n---\napiVersion: v1\nkind: [B\n---\napiVersion: v1\nkind: C\n';
    const { docs, issues } = parseDocuments(text, 'bad.yaml', { positions });
    expect(docs.map((d) => (d.value as { kind: string }).kind)).toEqual(['A', 'C']);
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue?.code).toBe('YAML_PARSE');
    expect(issue?.source?.file).toBe('bad.yaml');
    expect(issue?.source?.line).toBeGreaterThanOrEqual(5);
    expect(issue?.source?.line).toBeLessThanOrEqual(6);
    expect(issue?.message).not.toContain('\n');
  });

  it('points at a bad indentation on its own line', () => {
    const text = 'a:\n  b: 1\n c: 2\n';
    const { issues } = parseDocuments(text, 'i.yaml', { positions });
    expect(issues).toMatchObject([{ code: 'YAML_PARSE', source: { file: 'i.yaml', line: 3 } }]);
  });

  it('rejects duplicate keys', () => {
    const { issues } = parseDocuments('a: 1\na: 2\n', 'd.yaml', { positions });
    expect(issues.map((i) => i.code)).toEqual(['YAML_PARSE']);
  });

  it('reads YAML 1.1 scalars as Kubernetes does (yes/on are booleans, 0755 octal, dates strings)', () => {
    const { docs } = parseDocuments('a: yes\nb: on\nc: 0755\nd: 2001-12-14\ne: "yes"\n', 'y.yaml', { positions });
    expect(docs[0]?.value).toEqual({ a: true, b: true, c: 493, d: '2001-12-14', e: 'yes' });
  });
});

describe('full positions', () => {
  const text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: nginx\n';

  it('maps a pointer to the line and column of the field', () => {
    const [doc] = parseDocuments(text, 'p.yaml').docs;
    expect(doc?.positionOf('/spec/containers/0/image')).toEqual({ file: 'p.yaml', line: 6, col: 5 });
    expect(doc?.positionOf('/spec/containers/0')).toEqual({ file: 'p.yaml', line: 5, col: 5 });
    expect(doc?.positionOf('')).toEqual({ file: 'p.yaml', line: 1, col: 1 });
  });

  it('falls back to the nearest existing ancestor', () => {
    const [doc] = parseDocuments(text, 'p.yaml').docs;
    expect(doc?.positionOf('/spec/containers/0/resources/limits')).toEqual({ file: 'p.yaml', line: 5, col: 5 });
    expect(doc?.positionOf('/spec/containers/7')?.line).toBe(4);
  });

  it('handles escaped pointer tokens', () => {
    const [doc] = parseDocuments('metadata:\n  annotations:\n    a/b~c: x\n', 'e.yaml').docs;
    expect(doc?.positionOf('/metadata/annotations/a~1b~0c')?.line).toBe(3);
  });
});

describe('start positions', () => {
  it('agrees with full parsing value for value', () => {
    const text = multi + '---\nx: &a {k: [1, 2.5, null, ~, true]}\ny: *a\nz: {<<: *a, w: 1}\n';
    const full = parseDocuments(text, 'f.yaml', { positions: 'full' }).docs.map((d) => d.value);
    const start = parseDocuments(text, 'f.yaml', { positions: 'start' }).docs.map((d) => d.value);
    expect(start).toEqual(full);
  });

  it('points every pointer at the document start', () => {
    const [, doc] = parseDocuments(multi, 'm.yaml', { positions: 'start' }).docs;
    expect(doc?.positionOf('/metadata/name')).toEqual({ file: 'm.yaml', line: 14, col: 1 });
  });
});
