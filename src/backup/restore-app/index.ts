/** Restore of an app from a RestorePoint: ordering, sanitization, namespace/storage-class mapping, transforms. */
export { restoreApp, RestoreError } from './restore-app.js';
export type { RestoreAppOptions, RestoreAppResult } from './restore-app.js';
export { byRestoreOrder, kindRank } from './order.js';
export { transformObject, loadTransforms } from './transform.js';
export type { Transform, Mapping } from './transform.js';
export { createFolderSink } from './object-sink.js';
export type { ObjectSink, SinkOutcome, ExistingPolicy } from './object-sink.js';
