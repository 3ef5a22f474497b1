import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPolicyStore } from './policy-store.js';

const policy = (name: string, failurePolicy = 'Fail') => `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: ${name}
spec:
  validationFailureAction: Enforce
  failurePolicy: ${failurePolicy}
  rules:
    - name: team
      match:
        any:
          - resources:
              kinds: [Pod]
      validate:
        message: team label required
        pattern:
          metadata:
            labels:
              team: "?*"
`;
const broken = policy('require-team').replace('        pattern:', '        patern:');

async function setup(): Promise<{ dir: string; store: ReturnType<typeof createPolicyStore> }> {
  const dir = await mkdtemp(join(tmpdir(), 'guardrail-policies-'));
  return { dir, store: createPolicyStore({ dir, pollIntervalMs: 60_000 }) };
}

describe('createPolicyStore', () => {
  it('loads a folder and reports each file', async () => {
    const { dir, store } = await setup();
    await writeFile(join(dir, 'a.yaml'), policy('require-team'));
    await writeFile(join(dir, 'notes.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: notes}\n');
    await store.start();
    const status = store.status();
    expect(status).toMatchObject({ ready: true, dirFound: true, policyCount: 1 });
    expect(status.files.map((f) => [f.file.slice(dir.length + 1), f.state])).toEqual([['a.yaml', 'ok'], ['notes.yaml', 'ok']]);
    expect(status.files[1]?.issues[0]?.code).toBe('NOT_A_POLICY');
    expect(store.current().set.classic[0]?.name).toBe('require-team');
    store.stop();
  });

  it('keeps the last good version of a file that turns invalid, listing its problems', async () => {
    const { dir, store } = await setup();
    await writeFile(join(dir, 'a.yaml'), policy('require-team'));
    await store.start();
    const before = store.current();
    await writeFile(join(dir, 'a.yaml'), broken + '# edited\n');
    await store.rescan();
    expect(store.current().set.classic.map((p) => p.name)).toEqual(['require-team']);
    expect(store.current()).toBe(before); // nothing changed for requests: no swap happened
    const file = store.status().files[0];
    expect(file).toMatchObject({ state: 'rejected', policies: 1 });
    expect(file?.issues.map((i) => i.code)).toContain('SCHEMA_UNKNOWN_FIELD');
    expect(file?.issues[0]?.source?.file).toBe(join(dir, 'a.yaml'));
    store.stop();
  });

  it('adds new files, removes deleted ones and swaps the snapshot', async () => {
    const { dir, store } = await setup();
    await writeFile(join(dir, 'a.yaml'), policy('a'));
    await store.start();
    const g = store.current().generation;
    await writeFile(join(dir, 'b.yaml'), policy('b', 'Ignore'));
    await store.rescan();
    expect(store.current().set.classic.map((p) => p.name)).toEqual(['a', 'b']);
    expect(store.current().generation).toBe(g + 1);
    const fp = store.current().failurePolicyOf;
    expect(fp({ policy: 'b', kind: 'ClusterPolicy', results: [] })).toBe('Ignore');
    expect(fp({ policy: 'a', kind: 'ClusterPolicy', results: [] })).toBe('Fail');
    await rm(join(dir, 'a.yaml'));
    await store.rescan();
    expect(store.current().set.classic.map((p) => p.name)).toEqual(['b']);
    store.stop();
  });

  it('serves nothing from a broken new file and nothing from a missing folder', async () => {
    const { dir, store } = await setup();
    await writeFile(join(dir, 'x.yaml'), 'kind: [unclosed\n');
    await store.start();
    expect(store.status()).toMatchObject({ ready: true, policyCount: 0, files: [{ state: 'rejected', policies: 0 }] });
    const missing = createPolicyStore({ dir: join(dir, 'nope') });
    await missing.start();
    expect(missing.status()).toMatchObject({ ready: true, dirFound: false, policyCount: 0 });
    missing.stop();
    store.stop();
  });

  it('picks up a change through the file watcher', async () => {
    const { dir, store } = await setup();
    await store.start();
    await writeFile(join(dir, 'a.yaml'), policy('watched'));
    const end = Date.now() + 5000;
    while (store.current().policyCount === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
    expect(store.current().set.classic.map((p) => p.name)).toEqual(['watched']);
    store.stop();
  });
});
