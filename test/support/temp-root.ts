/**
 * vitest globalSetup: every temporary folder the tests make (mkdtemp under os.tmpdir(), in the test
 * processes and in the servers and CLIs they start) goes under one folder of this run, removed when the
 * run ends. Tests made their own folders and most did not remove them: a full run left ~650 folders in
 * the system's /tmp. TMPDIR is set before vitest starts its worker processes, which inherit it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'guardrail-tests-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    // KEEP_TEST_TMP=1 leaves the folder for a post-mortem.
    if (process.env.KEEP_TEST_TMP !== '1') rmSync(root, { recursive: true, force: true });
  };
}
