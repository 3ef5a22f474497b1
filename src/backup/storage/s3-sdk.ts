import { createRequire } from 'node:module';
import type * as S3 from '@aws-sdk/client-s3';

let sdk: typeof S3 | undefined;

/**
 * The S3 SDK, loaded on first use: it is ~20 MB of parsed JavaScript that every `guardrail repo` command on a
 * filesystem repository paid for (1 GiB backup bench: the peak RSS goal is 256 MB). `require` keeps the
 * storage factories synchronous; the package has no "exports" map, so Node's ESM loader resolves `import`
 * to the same CommonJS build (one SDK instance either way).
 */
export function s3Sdk(): typeof S3 {
  sdk ??= createRequire(import.meta.url)('@aws-sdk/client-s3') as typeof S3;
  return sdk;
}
