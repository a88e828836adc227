// The sums file is read back by verify: what the writer writes (and sha256sum's binary mark)
// parses to the same records, and a line that is not a sum is refused by number.
import { describe, expect, it } from 'vitest';
import { parseSha256Sums, sha256SumsText } from '../../../src/core/manifest/index.js';
import { userInputErrorOf } from './user-input-error.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const FILE = 'releases/1.0.0.sha256sums';

const refusal = (text: string) => userInputErrorOf(() => parseSha256Sums(text, FILE));

describe('parseSha256Sums', () => {
  it('reads back what the writer writes, with line numbers', () => {
    const files = [
      { sha256: A, localPath: 'artifacts/metal-amd64.iso' },
      { sha256: B, localPath: 'artifacts/with space.raw.xz' },
    ];
    expect(parseSha256Sums(sha256SumsText(files), FILE)).toEqual([
      { line: 1, ...files[0] },
      { line: 2, ...files[1] },
    ]);
  });

  it("accepts sha256sum's binary mark and upper-case digits", () => {
    expect(parseSha256Sums(`${B.toUpperCase()} *artifacts/x.iso`, FILE)).toEqual([
      { line: 1, sha256: B, localPath: 'artifacts/x.iso' },
    ]);
  });

  it('reads an empty file as no entries', () => {
    expect(parseSha256Sums('', FILE)).toEqual([]);
  });

  it.each([
    ['a short hash', `${A.slice(1)}  artifacts/x.iso\n`],
    ['a missing path', `${A}  \n`],
    ['one space only', `${A} artifacts/x.iso\n`],
    ['a blank line', `${A}  artifacts/x.iso\n\n${B}  artifacts/y.iso\n`],
    ['a Windows line end', `${A}  artifacts/x.iso\r\n`],
  ])('refuses %s, naming the line', (_what, text) => {
    const line = text.includes('\n\n') ? 2 : 1;
    const error = refusal(text);
    expect(error.message).toContain(`${FILE}:${line} is not a sha256sum line`);
    expect(error.hint).toContain('64-digit SHA-256');
  });

  it('names the line after good ones', () => {
    expect(refusal(`${A}  a\n${B}  b\nnot a sum\n`).message).toContain(`${FILE}:3 `);
  });
});
