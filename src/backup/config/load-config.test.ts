import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../engine/result.js';
import { loadBackupConfig } from './load-config.js';

const dir = (name: string): string => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));

describe('loadBackupConfig', () => {
  it('loads a clean folder', async () => {
    const cfg = await loadBackupConfig(dir('good'));
    expect(cfg.issues).toEqual([]);
    expect(cfg.policies.map((p) => p.metadata.name)).toEqual(['gold', 'bronze']);
    expect(cfg.profiles.map((p) => p.metadata.name)).toEqual(['vault', 'local']);
  });

  it('names file, line and field for every problem', async () => {
    const cfg = await loadBackupConfig(dir('bad'));
    const lines = cfg.issues.map((i) => [i.code, i.path, i.source?.file.replace(/^.*testdata\//, ''), i.source?.line]);
    expect(lines).toEqual([
      ['UNKNOWN_TIMEZONE', '/spec/timezone', 'bad/bad.yaml', 7],
      ['EXPORT_PROFILE_NOT_FOUND', '/spec/actions/0/exportParameters/profile/name', 'bad/bad.yaml', 13],
      ['PROTECTION_SHORTER_THAN_MAINTENANCE', '/spec/protectionPeriod', 'bad/bad.yaml', 22],
      ['DUPLICATE_NAME', '/metadata/name', 'bad/bad.yaml', 27],
      ['SCHEMA_MISSING_FIELD', '/spec/selector', 'bad/bad.yaml', 36],
      ['SCHEMA_UNKNOWN_FIELD', '/spec/selectr', 'bad/bad.yaml', 39],
      ['UNKNOWN_BACKUP_KIND', '/kind', 'bad/bad.yaml', 43],
    ]);
    expect(formatIssue(cfg.issues[0] ?? { code: '', message: '', path: '' })).toMatch(/bad\.yaml:7:\d+ {2}\/spec\/timezone {2}UNKNOWN_TIMEZONE {2}unknown time zone "Mars\/Olympus"/);
  });

  it('reports a missing folder as FILE_NOT_FOUND', async () => {
    const cfg = await loadBackupConfig(dir('nope'));
    expect(cfg.issues.map((i) => i.code)).toEqual(['FILE_NOT_FOUND']);
  });
});
