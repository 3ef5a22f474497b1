/**
 * Helpers shared by the engine's agreement and fuzz tests (test code only: nothing under src/engine
 * imports this outside *.test.ts files and test generators).
 */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

/** A seeded generator of numbers in [0, 1) (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The YAML documents of a file that are objects; none when the file does not parse. */
export function readYamlObjects(file: string): Array<Record<string, unknown>> {
  try {
    return parseAllDocuments(readFileSync(file, 'utf8'))
      .map((d) => d.toJS() as Record<string, unknown>)
      .filter((d) => d && typeof d === 'object');
  } catch {
    return [];
  }
}
