// The download engine's public surface; everything else in this folder is an implementation detail.
export {
  downloadArtifact,
  DEFAULT_BACKOFF_MS,
  DEFAULT_HEAD_TIMEOUT_MS,
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_RETRIES,
} from './download-artifact.js';
export { partPathFor, resumeRecordPathFor } from './paths.js';
export { nodeFileSystem } from './node-file-system.js';
export { formatBytes } from './failures.js';
export { hashFile } from './hash-file.js';
export type { HashedFile } from './hash-file.js';
export { parseContentLength } from './head-prewarm.js';
export type {
  DownloadEvent,
  DownloadFileSystem,
  DownloadOptions,
  DownloadResult,
  RecordedArtifact,
  WritableFile,
} from './types.js';
