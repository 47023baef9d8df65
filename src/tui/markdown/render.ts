import { Lexer, type Token, type Tokens } from 'marked';
import { t } from '../../i18n/index.js';
import type { Line, Segment } from '../theme.js';
import { cutLine, displayWidth, hardWrap, lineWidth, padEnd, wrapSegments } from '../text.js';
import { callout } from './callout.js';
import { highlightShell, isShellLang } from './shell-highlight.js';

/**
 * Markdown (as `marked`'s lexer reads it) to lines of styled segments, wrapped to a width.
 * Pure; the <Markdown> component draws the lines, and screens can count them to scroll.
 */

export interface MarkdownOptions {
  /** Columns available. */
  width: number;
  /** No colour: marks that colour would carry are written out (`code` keeps its backticks). */
  plain?: boolean;
  /** Linear text: ASCII bullets and rules, tables as `header: value` lines. */
  screenReader?: boolean;
  /**
   * Columns the code blocks are scrolled to the right. Code never wraps: a line wider than the
   * column is cut with `…` and read whole by scrolling (a screen reader gets it wrapped).
   */
  codeShift?: number;
}

interface Ctx extends Required<MarkdownOptions> {
  style: Omit<Segment, 'text'>;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  apos: "'",
  nbsp: ' ',
};

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_m, e: string) => ENTITIES[e] ?? _m);
}

function withStyle(ctx: Ctx, style: Omit<Segment, 'text'>): Ctx {
  return { ...ctx, style: { ...ctx.style, ...style } };
}

/** Chinese and Japanese text and punctuation: a line break between two of them is no space. */
const CJK_BREAK =
  /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef])\n(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef])/gu;

/** A soft line break inside a paragraph: a space, except between two CJK characters. */
export function softBreaks(text: string): string {
  return text.replace(CJK_BREAK, '').replace(/\n/g, ' ');
}

/** Inline tokens to segments; soft line breaks become spaces (none between CJK characters). */
function inline(tokens: Token[] | undefined, ctx: Ctx): Segment[] {
  const out: Segment[] = [];
  for (const tok of tokens ?? []) {
    switch (tok.type) {
      case 'text': {
        const t = tok as Tokens.Text;
        if (t.tokens?.length) out.push(...inline(t.tokens, ctx));
        else out.push({ ...ctx.style, text: softBreaks(decode(t.text)) });
        break;
      }
      case 'escape':
        out.push({ ...ctx.style, text: (tok as Tokens.Escape).text });
        break;
      case 'strong':
        out.push(...inline((tok as Tokens.Strong).tokens, withStyle(ctx, { bold: true })));
        break;
      case 'em':
        out.push(...inline((tok as Tokens.Em).tokens, withStyle(ctx, { italic: true })));
        break;
      case 'del':
        out.push(...inline((tok as Tokens.Del).tokens, withStyle(ctx, { strikethrough: true })));
        break;
      case 'codespan': {
        const text = decode((tok as Tokens.Codespan).text);
        out.push({ ...ctx.style, tone: 'code', text: ctx.plain ? `\`${text}\`` : text });
        break;
      }
      case 'link': {
        const l = tok as Tokens.Link;
        out.push(...inline(l.tokens, withStyle(ctx, { tone: 'link' })));
        const label = l.tokens?.map((t) => ('text' in t ? t.text : '')).join('') ?? l.text;
        if (l.href && l.href !== label && !l.href.startsWith('#'))
          out.push({ ...ctx.style, tone: 'muted', text: ` (${l.href})` });
        break;
      }
      case 'image':
        out.push({ ...ctx.style, tone: 'muted', text: `[${(tok as Tokens.Image).text}]` });
        break;
      case 'br':
        out.push({ text: '\n' });
        break;
      case 'html':
        out.push({ ...ctx.style, text: decode((tok as Tokens.HTML).text.replace(/<[^>]*>/g, '')) });
        break;
      default:
        if ('text' in tok && typeof tok.text === 'string')
          out.push({ ...ctx.style, text: decode(tok.text) });
    }
  }
  return out;
}

function codeBlock(tok: Tokens.Code, ctx: Ctx): Line[] {
  const indent: Segment = { text: '  ' };
  const width = Math.max(1, ctx.width - 2);
  const shell = isShellLang(tok.lang);
  const lines: Line[] = [];
  for (const src of tok.text.split('\n')) {
    const segs: Segment[] = shell ? highlightShell(src) : [{ text: src, tone: 'code' }];
    if (ctx.screenReader) {
      for (const part of hardWrap(segs, width)) lines.push([indent, ...part]);
    } else {
      lines.push([indent, ...cutLine(segs, width, ctx.codeShift)]);
    }
  }
  return lines;
}

function list(tok: Tokens.List, ctx: Ctx): Line[] {
  const lines: Line[] = [];
  const start = typeof tok.start === 'number' ? tok.start : 1;
  tok.items.forEach((item, i) => {
    let marker = tok.ordered ? `${start + i}. ` : ctx.screenReader || ctx.plain ? '- ' : '• ';
    if (item.task) marker += item.checked ? '[x] ' : '[ ] ';
    const indent = displayWidth(marker);
    const inner = blocks(
      item.tokens,
      { ...ctx, width: Math.max(1, ctx.width - indent) },
      item.loose,
    );
    inner.forEach((line, j) => {
      const lead: Segment =
        j === 0 ? { text: marker, tone: 'muted' } : { text: ' '.repeat(indent) };
      lines.push(line.length ? [lead, ...line] : []);
    });
    if (tok.loose && i < tok.items.length - 1) lines.push([]);
  });
  return lines;
}

function table(tok: Tokens.Table, ctx: Ctx): Line[] {
  const header = tok.header.map((c) => inline(c.tokens, ctx));
  const rows = tok.rows.map((r) => r.map((c) => inline(c.tokens, ctx)));
  const text = (segs: Segment[]) => segs.map((s) => s.text).join('');
  const widths = header.map((h, i) =>
    Math.max(displayWidth(text(h)), ...rows.map((r) => displayWidth(text(r[i] ?? [])))),
  );
  const total = widths.reduce((a, b) => a + b, 0) + 3 * Math.max(0, widths.length - 1);
  if (ctx.screenReader || total > ctx.width) {
    // Linear: one line per cell, "header: value".
    const out: Line[] = [];
    rows.forEach((r, ri) => {
      if (ri > 0) out.push([]);
      r.forEach((cell, ci) => {
        const label: Segment = {
          text: t('tui.md.cell', { header: text(header[ci] ?? []) }),
          bold: true,
        };
        out.push(...wrapSegments(cell, ctx.width, { first: [label], rest: [{ text: '  ' }] }));
      });
    });
    return out;
  }
  const sep = ctx.plain ? ' | ' : ' │ ';
  const row = (cells: Segment[][], bold: boolean): Line => {
    const line: Line = [];
    cells.forEach((c, i) => {
      if (i > 0) line.push({ text: sep, tone: 'muted' });
      line.push({ text: padEnd(text(c), widths[i] ?? 0), ...(bold ? { bold: true } : {}) });
    });
    return line;
  };
  const rule: Line = [
    {
      text: widths.map((w) => (ctx.plain ? '-' : '─').repeat(w)).join(ctx.plain ? '-+-' : '─┼─'),
      tone: 'muted',
    },
  ];
  return [row(header, true), rule, ...rows.map((r) => row(r, false))];
}

function block(tok: Token, ctx: Ctx): Line[] | undefined {
  switch (tok.type) {
    case 'heading': {
      const h = tok as Tokens.Heading;
      const segs = inline(h.tokens, withStyle(ctx, { tone: 'heading' }));
      const first: Line =
        ctx.plain || ctx.screenReader ? [{ text: '#'.repeat(h.depth) + ' ', tone: 'heading' }] : [];
      return wrapSegments(segs, ctx.width, { first });
    }
    case 'paragraph':
      return wrapSegments(inline((tok as Tokens.Paragraph).tokens, ctx), ctx.width);
    case 'text': {
      // Block-level text: the body of a tight list item.
      const t = tok as Tokens.Text;
      return wrapSegments(
        t.tokens?.length ? inline(t.tokens, ctx) : [{ text: decode(t.text) }],
        ctx.width,
      );
    }
    case 'code':
      return codeBlock(tok as Tokens.Code, ctx);
    case 'list':
      return list(tok as Tokens.List, ctx);
    case 'blockquote': {
      const mark: Segment = { text: ctx.plain || ctx.screenReader ? '> ' : '│ ', tone: 'muted' };
      const quote = tok as Tokens.Blockquote;
      const note = callout(quote.text);
      const inner = blocks(note ? new Lexer().lex(note.body) : quote.tokens, {
        ...ctx,
        width: Math.max(1, ctx.width - 2),
      });
      const head = note
        ? wrapSegments([{ text: note.label, tone: 'heading' }], Math.max(1, ctx.width - 2))
        : [];
      return [...head, ...inner].map((l) => [mark, ...l]);
    }
    case 'hr':
      return [
        [
          {
            text: (ctx.screenReader ? '-' : '─').repeat(
              Math.min(ctx.width, ctx.screenReader ? 3 : ctx.width),
            ),
            tone: 'muted',
          },
        ],
      ];
    case 'table':
      return table(tok as Tokens.Table, ctx);
    case 'html': {
      const text = decode((tok as Tokens.HTML).text.replace(/<[^>]*>/g, '')).trim();
      return text ? wrapSegments([{ text }], ctx.width) : undefined;
    }
    case 'space':
    case 'def':
      return undefined;
    default:
      return 'text' in tok && typeof tok.text === 'string'
        ? wrapSegments([{ text: tok.text }], ctx.width)
        : undefined;
  }
}

/** Blocks, separated by one blank line (none inside a tight list item). */
function blocks(tokens: Token[], ctx: Ctx, loose = true): Line[] {
  const out: Line[] = [];
  for (const tok of tokens) {
    const lines = block(tok, ctx);
    if (!lines?.length) continue;
    if (out.length && loose) out.push([]);
    out.push(...lines);
  }
  return out;
}

export function renderMarkdown(markdown: string, opts: MarkdownOptions): Line[] {
  const ctx: Ctx = {
    width: Math.max(1, Math.floor(opts.width)),
    plain: opts.plain ?? false,
    screenReader: opts.screenReader ?? false,
    codeShift: Math.max(0, opts.codeShift ?? 0),
    style: {},
  };
  const lines = blocks(new Lexer().lex(markdown), ctx);
  // Nothing may be wider than asked for (a stray wide grapheme at a boundary, say).
  return lines.flatMap((l) => (lineWidth(l) > ctx.width ? hardWrap(l, ctx.width) : [l]));
}

/** The plain text of rendered lines (tests, screen readers, copy). */
export function linesText(lines: Line[]): string[] {
  return lines.map((l) => l.map((s) => s.text).join(''));
}
