export { buildRequestData, type RequestDataOptions } from './request-data.js';
export { extractImages, parseImageReference, podSpecOf } from './images.js';
export type { ImageInfo } from './images.js';
export { loadContextEntries, loadContextEntriesNow, ContextLoadError } from './load-entries.js';
export { setDottedPath, splitDottedPath } from './set-path.js';
