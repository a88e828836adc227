// go-yaml's timestamp resolution (time.Parse with its four layouts) and the RFC 3339 text the
// factory re-emits for a timestamp inside overlay.options.

const DATE_ONLY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const WITH_ZONE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,](\d+))?(Z|[+-]\d{2}:\d{2})$/;
const SPACE_SEPARATED = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,](\d+))?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function zoneText(zone: string | undefined): string | undefined {
  if (zone === undefined || zone === 'Z') return 'Z';
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 24 || minutes > 60) return undefined;
  const total = hours * 60 + minutes;
  // time.Parse puts a zero offset in UTC, which RFC 3339 writes as Z.
  if (total === 0) return 'Z';
  return `${zone[0]}${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}

function fractionText(digits: string | undefined): string {
  // Go keeps nanoseconds (the first nine digits) and RFC3339Nano trims trailing zeros.
  const trimmed = (digits ?? '').slice(0, 9).replace(/0+$/, '');
  return trimmed === '' ? '' : `.${trimmed}`;
}

/** The RFC3339Nano text of `text` when go-yaml would read it as a timestamp, else undefined. */
export function parseGoTimestamp(text: string): string | undefined {
  if (!/^\d{4}-/.test(text)) return undefined;
  const match = DATE_ONLY.exec(text) ?? WITH_ZONE.exec(text) ?? SPACE_SEPARATED.exec(text);
  if (match === null) return undefined;
  const [year, month, day] = [1, 2, 3].map((i) => Number(match[i]));
  const [hour, minute, second] = [4, 5, 6].map((i) => Number(match[i] ?? '0'));
  if (year === undefined || month === undefined || day === undefined) return undefined;
  if (hour === undefined || minute === undefined || second === undefined) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const zone = zoneText(match[8]);
  if (zone === undefined) return undefined;
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  const time = `${pad(hour)}:${pad(minute)}:${pad(second)}${fractionText(match[7])}`;
  return `${date}T${time}${zone}`;
}
