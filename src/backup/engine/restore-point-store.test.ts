import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRestorePointStore } from './restore-point-store.js';
import { restorePointStoreSuite } from './restore-point-store-suite.js';

restorePointStoreSuite('YAML files (local mode)', async () => createRestorePointStore(join(await mkdtemp(join(tmpdir(), 'rps-')), 'restorepoints')));
