// OCI content: the shapes shared by every source and destination of manifests and blobs.
export { MEDIA_TYPES } from './types.js';
export type {
  CopyEvent,
  CopyEventSink,
  Descriptor,
  ManifestBytes,
  OciDestination,
  OciSource,
  OpenBlob,
  Platform,
} from './types.js';
