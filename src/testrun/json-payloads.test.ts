import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonPayloads, resultRefs } from './json-payloads.js';

describe('jsonPayloads', () => {
  it('reads each payload as the object of a request, named by its file name with kind ""', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'payloads-'));
    await writeFile(path.join(dir, 'plan.json'), '{"resource_changes": [{"type": "x"}]}');
    const { subjects, problems } = await readJsonPayloads(['plan.json', 'missing.json'], dir);
    expect(problems).toHaveLength(1);
    expect(subjects).toHaveLength(1);
    expect(subjects[0]?.resource).toEqual({ kind: '', metadata: { name: 'plan.json' } });
    expect(subjects[0]?.input.object).toEqual({ resource_changes: [{ type: 'x' }] });
  });
  it('refers a kind "" result without resources to every payload', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'payloads-'));
    await writeFile(path.join(dir, 'a.json'), '{}');
    await writeFile(path.join(dir, 'b.json'), '{}');
    const { subjects } = await readJsonPayloads(['a.json', 'b.json'], dir);
    expect(resultRefs({ policy: 'p', kind: '' }, subjects)).toEqual(['a.json', 'b.json']);
    expect(resultRefs({ policy: 'p', kind: '', resources: ['b.json'] }, subjects)).toEqual(['b.json']);
    expect(resultRefs({ policy: 'p', kind: 'Pod' }, subjects)).toEqual([]);
  });
});
