// The shapes every OCI mover shares: where manifests and blobs come from (the factory's registry,
// an OCI image layout on disk) and where they go (a registry, a layout). One copy engine walks an
// image from any source to any destination, so publish, bundle and `publish --from` are one code
// path (docs/distribution.md).
import type { Readable } from 'node:stream';

export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociEmpty: 'application/vnd.oci.empty.v1+json',
  cosignSimpleSigning: 'application/vnd.dev.cosign.simplesigning.v1+json',
} as const;

export interface Platform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string | undefined;
}

/** An OCI content descriptor: what a manifest says about a blob or another manifest. */
export interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly annotations?: Readonly<Record<string, string>> | undefined;
  readonly platform?: Platform | undefined;
  readonly artifactType?: string | undefined;
}

/** A manifest exactly as stored: its bytes are what its digest is of, never re-serialised. */
export interface ManifestBytes {
  readonly bytes: Buffer;
  readonly mediaType: string;
  /** `sha256:<hex>` of `bytes`. */
  readonly digest: string;
}

/** Opens a blob's bytes from `offset` (0 for all); the stream yields exactly size - offset bytes. */
export type OpenBlob = (offset: number, signal?: AbortSignal) => Promise<Readable>;

/** What happened to one blob or manifest on its way to a destination, for progress rows. */
export type CopyEvent =
  | { readonly type: 'blob-start'; readonly descriptor: Descriptor; readonly repository: string }
  | {
      readonly type: 'blob-progress';
      readonly digest: string;
      readonly sentBytes: number;
      readonly totalBytes: number;
    }
  | {
      readonly type: 'blob-done';
      readonly digest: string;
      /** skipped: already there (HEAD); mounted: from another repository; uploaded: sent. */
      readonly how: 'skipped' | 'mounted' | 'uploaded';
    }
  | { readonly type: 'manifest-done'; readonly digest: string; readonly reference: string };

export type CopyEventSink = (event: CopyEvent) => void;

/** Reads manifests and blobs of one repository of a source. */
export interface OciSource {
  /** For messages: `factory.example/metal-installer/<id>`, `bundle ./site/images`. */
  readonly description: string;
  /** A manifest by digest or tag; the bytes are held to the digest when one is asked for. */
  manifest(reference: string, signal?: AbortSignal): Promise<ManifestBytes>;
  /** A blob's bytes; the copy engine checks them against the descriptor's digest and size. */
  blob(descriptor: Descriptor): OpenBlob;
  /** The tags a source lists, when it can (a layout's ref names); registries return undefined. */
  tags?(signal?: AbortSignal): Promise<readonly string[] | undefined>;
}

/** Writes manifests and blobs into one repository (or one layout) of a destination. */
export interface OciDestination {
  readonly description: string;
  hasBlob(repository: string, descriptor: Descriptor, signal?: AbortSignal): Promise<boolean>;
  /** Mounts from another repository of the same destination; false when it could not. */
  mountBlob?(
    repository: string,
    descriptor: Descriptor,
    fromRepository: string,
    signal?: AbortSignal,
  ): Promise<boolean>;
  /** Stores the blob; must check digest and size and resume from the destination's offset. */
  putBlob(
    repository: string,
    descriptor: Descriptor,
    open: OpenBlob,
    onProgress?: (sentBytes: number) => void,
    signal?: AbortSignal,
  ): Promise<void>;
  /** The digest stored under `reference` (a tag or digest), or undefined when there is none. */
  manifestDigest(
    repository: string,
    reference: string,
    signal?: AbortSignal,
  ): Promise<string | undefined>;
  /** Stores the exact bytes under a digest or a tag; returns the digest the destination reports. */
  putManifest(
    repository: string,
    reference: string,
    manifest: ManifestBytes,
    signal?: AbortSignal,
  ): Promise<string>;
}
