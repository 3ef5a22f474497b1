import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInputs } from './load-inputs.js';

const POD = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n`;
const names = (docs: Array<{ value: unknown }>) =>
  docs.map((d) => (d.value as { metadata: { name: string } }).metadata.name);

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'guardrail-load-'));
  await mkdir(join(dir, 'tree/b/deeper'), { recursive: true });
  await mkdir(join(dir, 'tree/.hidden'), { recursive: true });
  await writeFile(join(dir, 'tree/z.yaml'), POD('z'));
  await writeFile(join(dir, 'tree/a.yml'), POD('a'));
  await writeFile(join(dir, 'tree/b/m.json'), JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'm' } }));
  await writeFile(join(dir, 'tree/b/deeper/d.yaml'), POD('d') + '---\n' + POD('e'));
  await writeFile(join(dir, 'tree/b/notes.txt'), POD('ignored-extension'));
  await writeFile(join(dir, 'tree/.hidden/h.yaml'), POD('ignored-hidden'));
  await symlink(join(dir, 'tree'), join(dir, 'tree/b/loop'));
  await writeFile(join(dir, 'scalar.yaml'), 'just a string\n---\n- 1\n---\nfoo: bar\n---\n' + POD('ok'));
  await writeFile(join(dir, 'big.yaml'), POD('big') + '#'.repeat(2000) + '\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadInputs', () => {
  it('walks folders recursively in sorted order, reading only .yaml/.yml/.json and skipping dot-folders', async () => {
    const { docs, issues } = await loadInputs([join(dir, 'tree')]);
    expect(issues).toEqual([]);
    expect(names(docs)).toEqual(['a', 'd', 'e', 'm', 'z']);
  });

  it('reads an explicitly named file whatever its extension', async () => {
    const { docs } = await loadInputs([join(dir, 'tree/b/notes.txt')]);
    expect(names(docs)).toEqual(['ignored-extension']);
  });

  it('reports a missing path as FILE_NOT_FOUND and carries on', async () => {
    const missing = join(dir, 'nope.yaml');
    const { docs, issues } = await loadInputs([missing, join(dir, 'tree/z.yaml')]);
    expect(names(docs)).toEqual(['z']);
    expect(issues).toMatchObject([{ code: 'FILE_NOT_FOUND', source: { file: missing } }]);
  });

  it('refuses files over maxFileBytes without parsing them', async () => {
    const { docs, issues } = await loadInputs([join(dir, 'big.yaml')], { maxFileBytes: 1000 });
    expect(docs).toEqual([]);
    expect(issues.map((i) => i.code)).toEqual(['FILE_TOO_LARGE']);
    expect((await loadInputs([join(dir, 'big.yaml')], { maxFileBytes: 10_000 })).docs).toHaveLength(1);
  });

  it('reports documents that are not Kubernetes objects with file and line', async () => {
    const file = join(dir, 'scalar.yaml');
    const { docs, issues } = await loadInputs([file], { positions: 'start' });
    expect(names(docs)).toEqual(['ok']);
    expect(issues.map((i) => [i.code, i.source?.line])).toEqual([
      ['NOT_KUBERNETES', 1],
      ['NOT_KUBERNETES', 3],
      ['NOT_KUBERNETES', 5],
    ]);
    expect(issues.every((i) => i.source?.file === file)).toBe(true);
  });

  it('reads - from the injected stdin reader, with the same size limit', async () => {
    const readStdin = async () => POD('from-stdin');
    const { docs } = await loadInputs(['-'], { readStdin });
    expect(names(docs)).toEqual(['from-stdin']);
    expect(docs[0]?.file).toBe('<stdin>');
    const tooBig = await loadInputs(['-'], { readStdin, maxFileBytes: 10 });
    expect(tooBig.issues.map((i) => i.code)).toEqual(['FILE_TOO_LARGE']);
  });
});
