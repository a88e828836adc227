// What `status` reports: each thing that differs from the channel's current release, and
// whether it makes a new release due.

export type FindingKind = 'talos-patch' | 'talos-minor' | 'schematic' | 'extension';

export interface StatusFinding {
  readonly kind: FindingKind;
  /** Whether this alone makes a new release due (a newer minor is news, not due: see README). */
  readonly due: boolean;
  /** One sentence a person reads in a CI log. */
  readonly message: string;
  /** The version, file or extension the finding is about, for --json readers. */
  readonly subject: string;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export interface StatusReport {
  readonly channel: string;
  readonly releaseVersion: string;
  readonly talosVersion: string;
  readonly schematicId: string;
  /** True when only the schematic was checked (--offline). */
  readonly offline: boolean;
  readonly due: boolean;
  readonly findings: StatusFinding[];
}
