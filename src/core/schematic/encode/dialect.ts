/** Which factory encoder to imitate: v1.5 (go-yaml v4 rc.6) or legacy (≤ v1.4.x, docs/factory-protocol.md §7). */
export type EncoderDialect = 'v1.5' | 'legacy';
