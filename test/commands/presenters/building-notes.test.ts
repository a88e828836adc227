import { describe, expect, it } from 'vitest';
import { buildingNotes } from '../../../src/commands/presenters/building-notes.js';

describe('buildingNotes', () => {
  it('says nothing for a quick answer, then one line per interval while the factory builds', () => {
    const lines: string[] = [];
    const note = buildingNotes((line) => lines.push(line), 'the ISO', 10_000);
    for (let elapsed = 1_000; elapsed <= 35_000; elapsed += 1_000) note(elapsed);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('building the ISO');
    expect(lines[0]).toMatch(/10\s?s/);
  });
});
