export { storageErrorCodes, StorageError, isStorageError } from './errors.js';
export type { StorageErrorCode } from './errors.js';
export type {
  Storage,
  StorageKind,
  PutOptions,
  ObjectInfo,
  ObjectWriter,
  LockMode,
  ImmutabilityLevel,
  ImmutabilityReport,
  Clock,
} from './types.js';
export { isValidKey } from './types.js';
export { createMemoryStorage } from './memory-storage.js';
export type { MemoryStorageOptions } from './memory-storage.js';
export { createFsStorage } from './fs-storage.js';
export type { FsStorageOptions } from './fs-storage.js';
export { createS3Storage, removeDeleteMarkers } from './s3-storage.js';
export type { S3Storage, S3StorageOptions } from './s3-storage.js';
export { parseLocation } from './location.js';
export type { Location } from './location.js';
export { openStorage } from './open-storage.js';
export type { OpenStorageEnv } from './open-storage.js';
export { withFaults } from './fault-storage.js';
export type { Fault } from './fault-storage.js';
export { startVersityGw, versitygwBinary } from './versitygw-server.js';
export type { VersityGw } from './versitygw-server.js';
