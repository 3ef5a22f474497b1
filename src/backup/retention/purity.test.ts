import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('..', import.meta.url));

async function sources(dir: string): Promise<{ file: string; text: string }[]> {
  const out: { file: string; text: string }[] = [];
  for (const e of await readdir(join(here, dir), { withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) {
      out.push({ file: `${dir}/${e.name}`, text: await readFile(join(here, dir, e.name), 'utf8') });
    }
  }
  return out;
}

describe('backup module boundaries', () => {
  it('the repository engine and storage never import the Kubernetes client', async () => {
    for (const { file, text } of [...(await sources('repository')), ...(await sources('storage'))]) {
      expect(text, file).not.toMatch(/@kubernetes\/client-node/);
    }
  });

  it('retention is pure: no node: modules, no clock, no environment', async () => {
    for (const { file, text } of await sources('retention')) {
      expect(text, file).not.toMatch(/from 'node:|Date\.now\(|process\.env|new Date\(\)/);
    }
  });
});
