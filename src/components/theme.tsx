// Colour is decided once, at the root: NO_COLOR (https://no-color.org) or a terminal without
// colour turns every tone into plain text. Meaning never rests on colour alone: markers such
// as ›, ✔ and ✗ carry it too.
import { Text } from 'ink';
import { colourDisabled } from '../core/format/index.js';
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';

export interface Theme {
  readonly color: boolean;
}

const ThemeContext = createContext<Theme>({ color: true });

export const ThemeProvider = ThemeContext.Provider;

export function themeFor(env: NodeJS.ProcessEnv): Theme {
  return { color: !colourDisabled(env) };
}

export type ToneName = 'accent' | 'muted' | 'good' | 'bad' | 'warn' | 'strong' | 'plain';

const COLORS: Record<ToneName, string | undefined> = {
  accent: 'cyan',
  muted: 'gray',
  good: 'green',
  bad: 'red',
  warn: 'yellow',
  strong: undefined,
  plain: undefined,
};

export interface ToneProps {
  readonly tone: ToneName;
  readonly children: ReactNode;
  readonly wrap?: 'wrap' | 'truncate-end';
}

/** Text in one of the wizard's tones; long lines are cut, never wrapped, so heights stay fixed. */
export function Tone({ tone, children, wrap = 'truncate-end' }: ToneProps) {
  const { color } = useContext(ThemeContext);
  return (
    <Text color={color ? COLORS[tone] : undefined} bold={tone === 'strong'} wrap={wrap}>
      {children}
    </Text>
  );
}
