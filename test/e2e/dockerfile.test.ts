/**
 * The Dockerfile cannot be built here (no container engine) and hadolint is not available from the
 * allowed registries (Go proxy, npm, Debian), so this checks what the chart and the docs rely on:
 * multi-stage build, production-only dependencies, the non-root uid, the entrypoint, and a build context
 * that contains what is copied and leaves out what must not ship.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './harness/tools.js';

interface Instruction {
  op: string;
  args: string;
  stage: number;
}

function parse(text: string): Instruction[] {
  const joined = text.replace(/\\\n/g, ' ');
  const out: Instruction[] = [];
  let stage = -1;
  for (const raw of joined.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [op = '', ...rest] = line.split(/\s+/);
    if (op.toUpperCase() === 'FROM') stage += 1;
    out.push({ op: op.toUpperCase(), args: rest.join(' '), stage });
  }
  return out;
}

const dockerfile = parse(readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8'));
const ignored = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const last = Math.max(...dockerfile.map((i) => i.stage));
const inStage = (stage: number, op: string): Instruction[] => dockerfile.filter((i) => i.stage === stage && i.op === op);

describe('Dockerfile', () => {
  it('builds in one stage and runs from another, with production dependencies only', () => {
    expect(inStage(0, 'FROM')[0]?.args).toMatch(/ AS build$/);
    expect(inStage(0, 'RUN').map((i) => i.args)).toEqual(expect.arrayContaining([expect.stringMatching(/^npm ci\b/), 'npm run build']));
    expect(last).toBe(1);
    expect(inStage(1, 'RUN').some((i) => /npm ci --omit=dev/.test(i.args))).toBe(true);
    expect(inStage(1, 'COPY').some((i) => i.args.startsWith('--from=build /src/dist'))).toBe(true);
  });

  it('runs as uid 65532 with the exec-form entrypoint `node dist/cli/main.js serve`', () => {
    expect(inStage(1, 'USER').at(-1)?.args).toBe('65532:65532');
    expect(JSON.parse(inStage(1, 'ENTRYPOINT').at(-1)?.args ?? 'null')).toEqual(['node', 'dist/cli/main.js', 'serve']);
    expect(existsSync(join(REPO_ROOT, 'src/cli/main.ts'))).toBe(true);
  });

  it('copies only paths that exist and are not excluded by .dockerignore', () => {
    for (const copy of dockerfile.filter((i) => i.op === 'COPY' && !i.args.startsWith('--from'))) {
      const sources = copy.args.split(/\s+/).slice(0, -1);
      for (const src of sources) {
        expect(existsSync(join(REPO_ROOT, src)), src).toBe(true);
        expect(ignored, src).not.toContain(src);
      }
    }
    for (const must of ['.git', 'node_modules', '.cache', 'dist', 'certs']) expect(ignored).toContain(must);
  });
});
