import { open, stat } from 'node:fs/promises';
import type { Issue } from '../../engine/result.js';
import { collectFiles } from './collect-files.js';
import { isKubernetesObject, notKubernetesIssue } from './kubernetes-object.js';
import { parseDocuments } from './parse-documents.js';
import type { ParseOptions } from './parse-documents.js';
import type { ParseResult } from './parse-result.js';
import { readStdinLimited } from './read-stdin.js';

/** Default per-file limit. Generous for manifests; a guard against feeding a disk image by mistake. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export const STDIN_NAME = '<stdin>';

export interface LoadOptions extends ParseOptions {
  maxFileBytes?: number;
  /** Reads standard input for the path `-`; resolves undefined when it is over maxFileBytes. */
  readStdin?: (maxBytes: number) => Promise<string | undefined>;
}

/**
 * Loads files, folders (recursive, .yaml/.yml/.json, sorted) and `-` (stdin). Problems are issues, never
 * throws: FILE_NOT_FOUND, FILE_UNREADABLE, FILE_TOO_LARGE, YAML_PARSE, NOT_KUBERNETES.
 */
export async function loadInputs(paths: string[], opts: LoadOptions = {}): Promise<ParseResult> {
  const maxBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const result: ParseResult = { docs: [], issues: [] };
  const add = (part: ParseResult): void => {
    result.issues.push(...part.issues);
    for (const doc of part.docs) {
      if (isKubernetesObject(doc.value)) result.docs.push(doc);
      else result.issues.push(notKubernetesIssue(doc));
    }
  };
  for (const path of paths) {
    if (path === '-') {
      const text = await (opts.readStdin ?? readStdinLimited)(maxBytes);
      if (text === undefined || Buffer.byteLength(text) > maxBytes) result.issues.push(tooLarge(STDIN_NAME, maxBytes));
      else add(parseDocuments(stripBom(text), STDIN_NAME, opts));
      continue;
    }
    const files = await expand(path, result.issues);
    for (const file of files) add(await loadFile(file, maxBytes, opts));
  }
  return result;
}

async function expand(path: string, issues: Issue[]): Promise<string[]> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? await collectFiles(path) : [path];
  } catch (err: unknown) {
    issues.push(fileIssue(path, err));
    return [];
  }
}

async function loadFile(file: string, maxBytes: number, opts: ParseOptions): Promise<ParseResult> {
  try {
    const handle = await open(file, 'r');
    try {
      // Check the size on the open handle (not a separate stat) so a file cannot grow in between.
      if ((await handle.stat()).size > maxBytes) return { docs: [], issues: [tooLarge(file, maxBytes)] };
      return parseDocuments(stripBom(await handle.readFile('utf8')), file, opts);
    } finally {
      await handle.close();
    }
  } catch (err: unknown) {
    return { docs: [], issues: [fileIssue(file, err)] };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function tooLarge(file: string, maxBytes: number): Issue {
  const message = `file is larger than ${maxBytes} bytes; not read`;
  return { code: 'FILE_TOO_LARGE', message, path: '', source: { file, line: 1, col: 1 }, severity: 'error' };
}

function fileIssue(file: string, err: unknown): Issue {
  const code = (err as { code?: string }).code;
  const missing = code === 'ENOENT' || code === 'ENOTDIR';
  return {
    code: missing ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE',
    message: missing ? 'no such file or directory' : `cannot read: ${(err as Error).message}`,
    path: '',
    source: { file, line: 1, col: 1 },
    severity: 'error',
  };
}
