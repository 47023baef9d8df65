import { Help, type Command, type Option } from 'commander';
import { displayWidth } from '../text/width.js';
import { SUPPORTED_LANGS, detectLang, t, type Lang, type MessageKey } from '../i18n/index.js';
import { LabError } from '../lab/errors.js';

/**
 * The language of every message, `--help` included: commander reads descriptions when the
 * program is built, so the language is chosen from argv and the environment before that.
 */

/** `en`, `zh-CN` and their usual spellings (`zh_CN`, `zh-Hans`, `en-US`); else undefined. */
export function parseLang(value: string): Lang | undefined {
  if (/^en([-_][a-z]{2,4})?$/i.test(value)) return 'en';
  if (/^zh([-_](cn|hans|sg))?$/i.test(value)) return 'zh-CN';
  return undefined;
}

/** The value given to `--lang` (`--lang X` or `--lang=X`) before any `--`; the last one wins. */
export function langArg(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang' && i + 1 < argv.length) found = argv[++i];
    else if (a.startsWith('--lang=')) found = a.slice('--lang='.length);
  }
  return found;
}

export class UnsupportedLangError extends LabError {
  constructor(readonly lang: string) {
    super(t('cli.badLang', { lang, langs: SUPPORTED_LANGS.join(', ') }), t('cli.badLangFix'));
    this.name = 'UnsupportedLangError';
  }
}

/**
 * `--lang` wins (an unsupported one is an error, not a silent English); else LC_ALL /
 * LC_MESSAGES / LANG; else English. `argv` is the user's arguments (no node, no script).
 */
export function chooseLang(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  const explicit = langArg(argv);
  if (explicit === undefined) return detectLang(undefined, env);
  const lang = parseLang(explicit);
  if (!lang) throw new UnsupportedLangError(explicit);
  return lang;
}

/** commander's argParser for `--lang`: the same rule when the program is parsed directly. */
export function langOption(value: string): Lang {
  const lang = parseLang(value);
  if (!lang) throw new UnsupportedLangError(value);
  return lang;
}

const TITLES: Record<string, MessageKey> = {
  'Usage:': 'cli.help.usage',
  'Options:': 'cli.help.options',
  'Arguments:': 'cli.help.arguments',
  'Commands:': 'cli.help.commands',
  'Global Options:': 'cli.help.globalOptions',
};

// A CJK character is a chunk of its own (with the punctuation that must not end or start a line), so
// a Chinese sentence wraps between characters; Latin words still wrap at spaces.
const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
const OPENING = '（「『《〈【“‘';
const CLOSING = '，。、：；？！）」』》〉】”’';
const CHUNK = new RegExp(`\\s*[${OPENING}]*(?:[${CJK}]|[^\\s${CJK}]+)[${CLOSING}]*`, 'gu');

/** One error line: `error: message` in the current language (`错误：message`). */
export function errorLine(message: string, label: string = t('cli.error')): string {
  return t('cli.errorLine', { error: label, message });
}

/** commander's own error messages (the common ones), as it words them, and their keys. */
const COMMANDER_ERRORS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^unknown option '(.+)'$/, (m) => t('cli.cmdr.unknownOption', { option: m[1] })],
  [/^unknown command '(.+)'$/, (m) => t('cli.unknownCommand', { name: m[1] })],
  [/^missing required argument '(.+)'$/, (m) => t('cli.cmdr.missingArgument', { name: m[1] })],
  [
    /^option '(.+)' argument missing$/,
    (m) => t('cli.cmdr.optionArgumentMissing', { option: m[1] }),
  ],
  [
    /^too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (m) => t('cli.cmdr.tooManyArguments', { command: m[1] ?? 'dnlab', expected: m[2], got: m[3] }),
  ],
];

/** commander's error output (`error: …` and `(Did you mean …?)` lines) in the current language. */
export function localizeCommanderError(text: string): string {
  const end = text.endsWith('\n') ? '\n' : '';
  return (
    text
      .slice(0, text.length - end.length)
      .split('\n')
      .map((line) => {
        const err = /^error: (.*)$/.exec(line);
        if (err) {
          const message = err[1]!;
          for (const [re, say] of COMMANDER_ERRORS) {
            const m = re.exec(message);
            if (m) return errorLine(say(m));
          }
          return errorLine(message);
        }
        const hint = /^\(Did you mean (?:one of )?(.+)\?\)$/.exec(line);
        return hint ? t('cli.cmdr.didYouMean', { words: hint[1] }) : line;
      })
      .join('\n') + end
  );
}

/**
 * commander's help in the current language: its headings and built-in option texts through the
 * catalogue, its errors too, widths in terminal columns (a Chinese character takes two) and wrapping that can
 * break between Chinese characters. Call before adding subcommands: they copy these settings.
 */
export function localizeHelp(program: Command): Command {
  const base = new Help();
  return program
    .helpOption('-h, --help', t('cli.help.helpOption'))
    .helpCommand('help [command]', t('cli.help.helpCommand'))
    .showHelpAfterError(t('cli.help.afterError'))
    .configureOutput({ outputError: (text, write) => write(localizeCommanderError(text)) })
    .configureHelp({
      styleTitle: (title: string) => (TITLES[title] ? t(TITLES[title]) : title),
      optionDescription: (option: Option) =>
        base.optionDescription(option).replace(/\(default: /, `(${t('cli.help.default')}: `),
      displayWidth: (s: string) => displayWidth(s),
      boxWrap(this: Help, str: string, width: number): string {
        if (width < this.minWidthToWrap) return str;
        return str
          .split(/\r\n|\n/)
          .map((line) => {
            const lines: string[] = [];
            let cur = '';
            for (const chunk of line.match(CHUNK) ?? []) {
              if (cur && displayWidth(cur + chunk) > width) {
                lines.push(cur);
                cur = chunk.trimStart();
              } else cur += chunk;
            }
            lines.push(cur);
            return lines.join('\n');
          })
          .join('\n');
      },
    });
}
