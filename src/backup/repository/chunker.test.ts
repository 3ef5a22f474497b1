import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkFile, createChunker } from './chunker.js';

const params = { min: 2048, avg: 8192, max: 65536 };

async function chunksOf(data: Buffer, sizeHint?: number): Promise<Buffer[]> {
  const dir = await mkdtemp(join(tmpdir(), 'gr-chunk-'));
  await writeFile(join(dir, 'f'), data);
  const fh = await open(join(dir, 'f'), 'r');
  const out: Buffer[] = [];
  for await (const c of chunkFile(fh, createChunker(Buffer.alloc(32, 7), params), sizeHint)) out.push(c);
  await fh.close();
  await rm(dir, { recursive: true });
  return out;
}

describe('FastCDC chunker', () => {
  it('covers the input exactly, within min/max, deterministically', async () => {
    const data = randomBytes(2_000_000);
    const chunks = await chunksOf(data);
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
    for (const c of chunks.slice(0, -1)) {
      expect(c.length).toBeGreaterThanOrEqual(params.min);
      expect(c.length).toBeLessThanOrEqual(params.max);
    }
    const mean = data.length / chunks.length;
    expect(mean).toBeGreaterThan(params.avg / 2);
    expect(mean).toBeLessThan(params.avg * 2);
    expect((await chunksOf(data)).map((c) => c.length)).toEqual(chunks.map((c) => c.length));
  });

  it('cuts at max on data with no boundary and survives a wrong size hint', async () => {
    const zeros = Buffer.alloc(300_000);
    const chunks = await chunksOf(zeros, 10);
    expect(Buffer.concat(chunks).equals(zeros)).toBe(true);
    expect(chunks[0]?.length).toBe(params.max);
  });

  it('keeps reading when cuts use up the window exactly (regression: files were cut short at 2 x max)', async () => {
    const zeros = Buffer.alloc(params.max * 5 + 123);
    for (const hint of [undefined, zeros.length, 10]) {
      const chunks = await chunksOf(zeros, hint);
      expect(chunks.reduce((n, c) => n + c.length, 0)).toBe(zeros.length);
    }
  });

  it('resynchronises after an insertion: later boundaries are unchanged', async () => {
    const data = randomBytes(1_000_000);
    const a = (await chunksOf(data)).map((c) => c.toString('hex'));
    const b = (await chunksOf(Buffer.concat([Buffer.from('!'), data]))).map((c) => c.toString('hex'));
    const fresh = b.filter((c) => !a.includes(c));
    expect(fresh.length).toBeLessThanOrEqual(2);
  });

  it('different seeds give different boundaries (boundaries do not fingerprint content)', () => {
    const data = randomBytes(500_000);
    const cut = (seed: number): number => createChunker(Buffer.alloc(32, seed), params).cut(data, 0, data.length, true);
    expect(new Set([cut(1), cut(2), cut(3), cut(4)]).size).toBeGreaterThan(1);
  });
});
