// The block-style layout of go-yaml's Marshal with indent 4 (docs/factory-protocol.md §4.3): a
// key's block value starts at the next multiple of 4 past the key; a sequence item's content aligns
// 2 columns after the dash.
import { SchematicError } from '../../errors.js';
import type { EncoderDialect } from './dialect.js';
import { literalHeader, literalLines } from './literal-block.js';
import { doubleQuoted, singleQuoted } from './quoted-text.js';
import { chooseStringStyle } from './string-style.js';
import type { YamlNode } from './yaml-tree.js';

type InlineOrLiteral =
  { readonly inline: string } | { readonly header: string; readonly literal: string };

const MAX_SIMPLE_KEY_BYTES = 128;

const childColumn = (keyColumn: number): number => 4 * Math.floor((keyColumn + 4) / 4);

class Emitter {
  readonly lines: string[] = [];
  constructor(private readonly dialect: EncoderDialect) {}

  private scalarText(text: string, isKey: boolean): InlineOrLiteral {
    if (/[\u2028\u2029]/.test(text)) {
      throw new SchematicError(
        'a string contains U+2028 or U+2029, which YAML reads as a line break',
        {
          hint: 'Remove the Unicode line or paragraph separator from the schematic.',
        },
      );
    }
    const style = chooseStringStyle(text, { isKey, dialect: this.dialect });
    if (style === 'literal') return { header: literalHeader(text, this.dialect), literal: text };
    if (style === 'plain') return { inline: text };
    return { inline: style === 'single' ? singleQuoted(text) : doubleQuoted(text) };
  }

  private keyText(key: string): string {
    if (Buffer.byteLength(key, 'utf8') > MAX_SIMPLE_KEY_BYTES) {
      // go-yaml switches to the explicit `? key` form here, which this emitter does not write.
      throw new SchematicError(
        `an overlay option key is longer than ${MAX_SIMPLE_KEY_BYTES} bytes`,
        {
          hint: `Shorten the key to at most ${MAX_SIMPLE_KEY_BYTES} bytes.`,
        },
      );
    }
    const rendered = this.scalarText(key, true);
    return 'inline' in rendered ? rendered.inline : doubleQuoted(key);
  }

  /** Writes `node` after `head` (a key with its colon, or a dash), then any block below it. */
  private emitAfter(head: string, node: YamlNode, blockColumn: number, itemColumn: number): void {
    switch (node.type) {
      case 'raw':
        this.lines.push(`${head} ${node.text}`);
        return;
      case 'string': {
        const rendered = this.scalarText(node.value, false);
        if ('inline' in rendered) {
          this.lines.push(`${head} ${rendered.inline}`);
          return;
        }
        this.lines.push(`${head} ${rendered.header}`);
        this.lines.push(...literalLines(rendered.literal, blockColumn));
        return;
      }
      case 'map':
      case 'seq': {
        const empty = node.type === 'map' ? node.entries.length === 0 : node.items.length === 0;
        if (empty) {
          this.lines.push(`${head} ${node.type === 'map' ? '{}' : '[]'}`);
        } else if (head.endsWith('-')) {
          // A collection as a sequence item starts on the dash line.
          this.emitCollection(node, itemColumn, `${head} `);
        } else {
          this.lines.push(head);
          this.emitCollection(node, blockColumn, undefined);
        }
      }
    }
  }

  emitCollection(node: YamlNode, column: number, firstLead: string | undefined): void {
    const pad = ' '.repeat(column);
    if (node.type === 'map') {
      node.entries.forEach(([key, value], index) => {
        const lead = index === 0 && firstLead !== undefined ? firstLead : pad;
        this.emitAfter(`${lead}${this.keyText(key)}:`, value, childColumn(column), column);
      });
    } else if (node.type === 'seq') {
      node.items.forEach((item, index) => {
        const lead = index === 0 && firstLead !== undefined ? firstLead : pad;
        this.emitAfter(`${lead}-`, item, column + 2, column + 2);
      });
    }
  }
}

/** The document text: every line ends with LF, with no `---` or `...` framing. */
export function emitYaml(root: YamlNode, dialect: EncoderDialect): string {
  const emitter = new Emitter(dialect);
  emitter.emitCollection(root, 0, undefined);
  return `${emitter.lines.join('\n')}\n`;
}
