// Parses `Content-Range: bytes <start>-<end>/<total|*>` of a 206 answer (RFC 9110 §14.4).
export interface ContentRange {
  readonly start: number;
  readonly end: number;
  readonly total?: number | undefined;
}

export function parseContentRange(value: string | undefined): ContentRange | undefined {
  const match = /^bytes\s+(\d+)-(\d+)\/(\d+|\*)$/i.exec(value?.trim() ?? '');
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  const start = Number(match[1]);
  const end = Number(match[2]);
  if (end < start) return undefined;
  return { start, end, total: match[3] === '*' ? undefined : Number(match[3]) };
}
