import React from 'react';
import { Box } from 'ink';
import { t } from '../../i18n/index.js';
import { KEYMAP, SCOPE_ORDER, keyLabel, type KeyScope } from '../keymap.js';
import { displayWidth, padEnd, wrapSegments } from '../text.js';
import { toneProps, useTheme, type Line } from '../theme.js';
import { Lines } from './Lines.js';
import { windowLines } from './Markdown.js';

export interface HelpOverlayProps {
  width: number;
  /** Rows available (frame included); longer help scrolls. */
  height?: number;
  scroll?: number;
  /** Scopes to list (default: all, in the keymap's order). */
  scopes?: readonly KeyScope[];
}

/** Every binding of the keymap, grouped by where it applies. */
export function helpLines(width: number, scopes: readonly KeyScope[] = SCOPE_ORDER): Line[] {
  const bindings = KEYMAP.filter((b) => scopes.includes(b.scope));
  const label = (keys: readonly string[]) => keys.map(keyLabel).join(' / ');
  const keyW = Math.min(
    Math.max(...bindings.map((b) => displayWidth(label(b.keys)))),
    Math.floor(width / 3),
  );
  const lines: Line[] = [[{ text: t('tui.help.title'), tone: 'heading' }]];
  for (const scope of scopes) {
    const inScope = bindings.filter((b) => b.scope === scope);
    if (!inScope.length) continue;
    lines.push([]);
    lines.push(...wrapSegments([{ text: t(`tui.help.scope.${scope}`), bold: true }], width));
    for (const b of inScope) {
      const keys = padEnd(label(b.keys), keyW);
      lines.push(
        ...wrapSegments([{ text: t(b.description) }], width, {
          first: [{ text: '  ' }, { text: keys, tone: 'key' }, { text: '  ' }],
          rest: [{ text: ' '.repeat(keyW + 4) }],
        }),
      );
    }
  }
  return lines;
}

/** The help overlay: a framed list of every key (no frame in screen-reader mode). */
export function HelpOverlay({ width, height, scroll, scopes }: HelpOverlayProps) {
  const theme = useTheme();
  if (theme.screenReader)
    return <Lines lines={windowLines(helpLines(width, scopes), height, scroll)} />;
  const color = toneProps('key', theme).color as string | undefined;
  return (
    <Box
      borderStyle="round"
      {...(color ? { borderColor: color } : {})}
      paddingX={1}
      width={width}
      flexDirection="column"
    >
      <Lines
        lines={windowLines(
          helpLines(Math.max(10, width - 4), scopes),
          height === undefined ? undefined : Math.max(1, height - 2),
          scroll,
        )}
      />
    </Box>
  );
}
