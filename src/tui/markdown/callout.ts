import { t } from '../../i18n/index.js';

/**
 * GitHub-style callouts the lessons use in blockquotes (src/lessons/FORMAT.md): `> [!engines
 * <range>]` (a version note), `> [!online]` (what you will read online) and `> [!home]` (on
 * Docker 28/29 at home). Any markdown viewer shows them as quotes; the TUI shows a label line
 * in their place. Unknown `[!…]` markers stay as written.
 */
export interface Callout {
  /** The label to show, from the catalogue. */
  label: string;
  /** The quote's markdown without the marker. */
  body: string;
}

const MARKER = /^\[!(engines|online|home)\b\s*([^\]]*)\][ \t]*\n?/;

export function callout(quoteText: string): Callout | undefined {
  const m = MARKER.exec(quoteText);
  if (!m) return undefined;
  const kind = m[1]!;
  const range = (m[2] ?? '').trim();
  const label =
    kind === 'engines'
      ? t('tui.md.engines', { range })
      : kind === 'online'
        ? t('tui.md.online')
        : t('tui.md.home');
  return { label, body: quoteText.slice(m[0].length) };
}
