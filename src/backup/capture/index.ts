/** Capture of one app (local mode): sanitized manifests, related objects, volume data behind VolumeCapture. */
export { captureApp, declaredVolumes } from './capture-app.js';
export type { CaptureInput, CaptureResult } from './capture-app.js';
export { sanitizeObject } from './sanitize.js';
export { relatedObjects, referencesOf } from './related.js';
export type { References } from './related.js';
export { createLocalFolderCapture } from './volumes.js';
export type { VolumeCapture, VolumeRef, VolumeOutcome } from './volumes.js';
export { loadManifests } from './load-manifests.js';
export { objectKey } from './types.js';
export type { KubeObject } from './types.js';
export { isCapturedResource, skipReason, SKIPPED_RESOURCES, SKIPPED_GROUPS } from './namespace-filter.js';
export type { SkipReason } from './namespace-filter.js';
