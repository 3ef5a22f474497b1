import { describe, expect, it } from 'vitest';
import { createS3Storage } from './s3-storage.js';
import { storageSuite } from './storage-suite.js';
import { startVersityGw, versitygwBinary } from './versitygw-server.js';

const bin = versitygwBinary();
const ci = process.env.CI === 'true';

if (!bin && ci) {
  describe('storage suite: s3 (versitygw)', () => {
    it('needs the versitygw binary in CI', () => {
      throw new Error('versitygw binary missing: run `bash test/tools/versitygw.sh` before `npm test`');
    });
  });
} else if (!bin) {
  console.warn('\n!!! SKIPPING the S3 storage suite: no versitygw binary. Build it: bash test/tools/versitygw.sh !!!\n');
  describe.skip('storage suite: s3 (versitygw)', () => it('skipped', () => undefined));
} else {
  storageSuite('s3 (versitygw)', async () => {
    const gw = await startVersityGw(bin);
    await gw.createLockedBucket('suite');
    return {
      storage: createS3Storage({ endpoint: gw.endpoint, bucket: 'suite', prefix: 'repo', credentials: gw.credentials }),
      retentionMs: 2000,
      now: () => Date.now(),
      advance: (ms) => new Promise((r) => setTimeout(r, ms)),
      cleanup: () => gw.stop(),
    };
  }, { gaps: { 'object-writer': 'S3 objects are put whole: a multipart upload needs 5 MiB parts and would hold them anyway' } });

  describe('s3 immutability probe', () => {
    it('reports enforced only after the server refused a versioned delete', async () => {
      const gw = await startVersityGw(bin);
      try {
        await gw.createLockedBucket('probe');
        const s = createS3Storage({ endpoint: gw.endpoint, bucket: 'probe', credentials: gw.credentials });
        const r = await s.probeImmutability();
        expect(r.level, r.detail).toBe('enforced');
        await s.close();
      } finally {
        await gw.stop();
      }
    });
  });
}
