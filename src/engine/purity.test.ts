/**
 * The engine is pure (STYLE.md, "Shape"): it imports no file system, network, process spawning,
 * Kubernetes client, fastify or pino, reads no `process.env` and no clock (`Date.now()`, `new Date()`).
 * Time and lookups arrive through EngineDeps, so the webhook, the CLI and tests evaluate alike.
 * node:crypto is allowed (hashes are pure functions). This test scans every non-test .ts file under
 * src/engine/ and lists each violation as `file:line`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ENGINE_DIR = path.dirname(fileURLToPath(import.meta.url));
const SRC_DIR = path.dirname(ENGINE_DIR);

/** Folders under src/engine that are not part of the engine proper (none today; dev-only code lives in bench/). */
const EXCLUDED_DIRS: string[] = [];

/** Module specifiers the engine must not import (a `/subpath` of each is forbidden too). */
const FORBIDDEN_MODULES = [
  'fs',
  'net',
  'http',
  'https',
  'http2',
  'tls',
  'dgram',
  'child_process',
  '@kubernetes/client-node',
  'fastify',
  'pino',
];

interface Violation {
  file: string;
  line: number;
  rule: string;
  text: string;
}

/**
 * Blanks comments (keeping newlines, so line numbers stay right) and leaves strings intact: import
 * specifiers are strings, and comments that *mention* Date.now() are not uses of it. A quote inside a
 * regex literal may open a false string, which a newline closes again (JS strings cannot span lines).
 */
function stripComments(src: string): string {
  let out = '';
  let i = 0;
  let state: 'code' | 'line' | 'block' | "'" | '"' | '`' = 'code';
  while (i < src.length) {
    const c = src[i]!;
    const next = src[i + 1];
    if (state === 'code') {
      if (c === '/' && next === '/') state = 'line';
      else if (c === '/' && next === '*') state = 'block';
      else if (c === "'" || c === '"' || c === '`') state = c;
      if (state === 'line' || state === 'block') {
        out += '  ';
        i += 2;
        continue;
      }
      out += c;
    } else if (state === 'line') {
      if (c === '\n') {
        state = 'code';
        out += c;
      } else out += ' ';
    } else if (state === 'block') {
      if (c === '*' && next === '/') {
        out += '  ';
        i += 2;
        state = 'code';
        continue;
      }
      out += c === '\n' ? c : ' ';
    } else {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (c === state || (c === '\n' && state !== '`')) state = 'code';
    }
    i++;
  }
  return out;
}

const IMPORT_RES = [
  /\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

function forbiddenModule(specifier: string): string | undefined {
  const bare = specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier;
  return FORBIDDEN_MODULES.find((m) => bare === m || bare.startsWith(`${m}/`) || (m === 'pino' && bare.startsWith('pino-')));
}

const CALL_RULES: Array<{ rule: string; re: RegExp }> = [
  { rule: 'process.env', re: /\bprocess\s*\.\s*env\b/ },
  { rule: 'Date.now()', re: /\bDate\s*\.\s*now\s*\(/ },
  { rule: 'new Date() without arguments', re: /\bnew\s+Date\s*\(\s*\)/ },
];

function scanSource(file: string, source: string): Violation[] {
  const found: Violation[] = [];
  const lines = stripComments(source).split('\n');
  lines.forEach((text, idx) => {
    for (const re of IMPORT_RES) {
      for (const m of text.matchAll(re)) {
        const hit = forbiddenModule(m[1]!);
        if (hit) found.push({ file, line: idx + 1, rule: `imports ${m[1]}`, text: text.trim() });
      }
    }
    for (const { rule, re } of CALL_RULES) if (re.test(text)) found.push({ file, line: idx + 1, rule, text: text.trim() });
  });
  return found;
}

function engineSources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    const rel = path.relative(ENGINE_DIR, p).split(path.sep).join('/');
    if (e.isDirectory()) {
      if (!EXCLUDED_DIRS.includes(rel)) out.push(...engineSources(p));
    } else if (e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) {
      out.push(p);
    }
  }
  return out;
}

describe('engine purity', () => {
  it('no engine source imports I/O, network, the Kubernetes client, fastify or pino, or reads env or clock', () => {
    const files = engineSources(ENGINE_DIR);
    expect(files.length).toBeGreaterThan(50);
    const violations = files.flatMap((f) => scanSource(path.relative(SRC_DIR, f), readFileSync(f, 'utf8')));
    const listing = violations.map((v) => `src/${v.file}:${v.line}: ${v.rule}: ${v.text}`);
    expect(listing).toEqual([]);
  });

  it('the excluded folders exist (drop an entry here when its folder moves)', () => {
    for (const d of EXCLUDED_DIRS) expect(() => readdirSync(path.join(ENGINE_DIR, d))).not.toThrow();
  });
});

describe('purity scanner', () => {
  const rules = (src: string) => scanSource('x.ts', src).map((v) => `${v.line}:${v.rule}`);

  it('finds forbidden imports in every import form, with or without node:', () => {
    const src = [
      "import { readFileSync } from 'node:fs';",
      "import * as fs from 'fs/promises';",
      "export { x } from 'node:child_process';",
      "const k = await import('@kubernetes/client-node');",
      "import 'pino-pretty';",
      "const h = require('https');",
      "import Fastify from 'fastify';",
    ].join('\n');
    expect(rules(src)).toEqual([
      '1:imports node:fs',
      '2:imports fs/promises',
      '3:imports node:child_process',
      '4:imports @kubernetes/client-node',
      '5:imports pino-pretty',
      '6:imports https',
      '7:imports fastify',
    ]);
  });

  it('allows node:crypto, node:path and look-alike names', () => {
    const src = "import { createHash } from 'node:crypto';\nimport path from 'node:path';\nimport { x } from './fs-like.js';\nimport { y } from 'fastify-nope-not-really/../x';";
    expect(rules(src)).toEqual([]);
  });

  it('finds env and clock reads, and ignores them in comments and with a Date argument', () => {
    const src = [
      'const a = process.env.HOME;',
      'const t = Date.now();',
      'const d = new Date();',
      'const e = new Date(0); // Date.now() in a comment',
      '/* process.env and new Date() in a block',
      '   comment */ const ok = 1;',
      "const s = 'a // b'; const late = new Date( );",
    ].join('\n');
    expect(rules(src)).toEqual(['1:process.env', '2:Date.now()', '3:new Date() without arguments', '7:new Date() without arguments']);
  });

  it('keeps line numbers through strings with escapes and template literals', () => {
    const src = "const q = 'it\\'s';\nconst t = `a\n${1}`;\nconst n = Date.now();";
    expect(rules(src)).toEqual(['4:Date.now()']);
  });
});
