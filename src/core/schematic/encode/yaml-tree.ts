// The small YAML tree the canonical emitter writes: strings keep their text (the emitter picks
// the style), every other scalar is already in its final spelling.

export type YamlNode =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'raw'; readonly text: string }
  | { readonly type: 'map'; readonly entries: readonly (readonly [string, YamlNode])[] }
  | { readonly type: 'seq'; readonly items: readonly YamlNode[] };

export const str = (value: string): YamlNode => ({ type: 'string', value });
export const raw = (text: string): YamlNode => ({ type: 'raw', text });
export const seq = (items: readonly YamlNode[]): YamlNode => ({ type: 'seq', items });
export const map = (entries: readonly (readonly [string, YamlNode])[]): YamlNode => ({
  type: 'map',
  entries,
});
