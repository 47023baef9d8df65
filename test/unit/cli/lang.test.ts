import stringWidth from 'string-width';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import {
  UnsupportedLangError,
  chooseLang,
  langArg,
  localizeCommanderError,
  localizeHelp,
  parseLang,
} from '../../../src/cli/lang.js';
import { fitColumns, padColumns } from '../../../src/cli/output.js';
import { buildProgram } from '../../../src/cli/program.js';
import { detectLang, setLang, t } from '../../../src/i18n/index.js';
import { english } from '../../../src/lab/messages.js';

afterEach(() => setLang('en'));

/** The help of one subcommand, as `dnlab <name> --help` prints it, in `lang`. */
function helpOf(lang: 'en' | 'zh-CN', name?: string): string {
  setLang(lang);
  const program = buildProgram();
  const cmd = name ? program.commands.find((c) => c.name() === name) : program;
  if (!cmd) throw new Error(`no command ${name}`);
  let after = '';
  cmd.configureOutput({ writeOut: (s) => (after += s), writeErr: (s) => (after += s) });
  // helpInformation() is the built-in part; outputHelp() adds the addHelpText parts.
  cmd.outputHelp();
  return after;
}

describe('choosing the language', () => {
  const env = (vars: Record<string, string>): NodeJS.ProcessEnv => ({ ...vars });

  it('takes --lang X and --lang=X, before any --', () => {
    expect(langArg(['--lang', 'zh-CN', 'up', '--help'])).toBe('zh-CN');
    expect(langArg(['up', '--lang=zh-CN'])).toBe('zh-CN');
    expect(langArg(['exec', 'host1', '--', 'x', '--lang', 'fr'])).toBeUndefined();
    expect(langArg(['--lang'])).toBeUndefined();
    expect(chooseLang(['--lang', 'zh-CN', 'up'], env({ LANG: 'en_US.UTF-8' }))).toBe('zh-CN');
    expect(chooseLang(['--lang=en'], env({ LANG: 'zh_CN.UTF-8' }))).toBe('en');
  });

  it('falls back to LC_ALL, LC_MESSAGES, LANG, then English', () => {
    expect(chooseLang([], env({ LANG: 'zh_CN.UTF-8' }))).toBe('zh-CN');
    expect(chooseLang([], env({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }))).toBe('en');
    expect(chooseLang([], env({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'C' }))).toBe('zh-CN');
    expect(chooseLang([], env({}))).toBe('en');
    expect(chooseLang([], env({ LC_ALL: '', LANG: 'zh_CN.UTF-8' }))).toBe('zh-CN'); // empty = unset
    expect(detectLang(undefined, env({ LANG: 'zh_SG.UTF-8' }))).toBe('zh-CN');
    expect(detectLang(undefined, env({ LANG: 'de_DE.UTF-8' }))).toBe('en');
  });

  it('accepts the usual spellings of the two languages', () => {
    expect(parseLang('zh-CN')).toBe('zh-CN');
    expect(parseLang('zh_cn')).toBe('zh-CN');
    expect(parseLang('zh-Hans')).toBe('zh-CN');
    expect(parseLang('en-US')).toBe('en');
    expect(parseLang('fr')).toBeUndefined();
    expect(parseLang('zh-TW')).toBeUndefined();
  });

  it('refuses an unsupported --lang and names the supported ones', () => {
    expect(() => chooseLang(['--lang', 'fr', '--help'], {})).toThrow(UnsupportedLangError);
    expect(() => chooseLang(['--lang=fr'], {})).toThrow(/"fr".*en, zh-CN/);
  });

  it('refuses it too when the program itself parses --lang', () => {
    const program = buildProgram().exitOverride();
    program.commands.forEach((c) => c.exitOverride());
    expect(() => program.parse(['--lang', 'fr', 'down'], { from: 'user' })).toThrow(
      UnsupportedLangError,
    );
  });
});

describe('--help in Chinese', () => {
  it('describes `up` in Chinese, with commander’s own words too', () => {
    const zh = helpOf('zh-CN', 'up');
    expect(zh).toContain('启动实验环境');
    expect(zh).toContain('用法：');
    expect(zh).toContain('显示命令帮助');
    expect(zh).toContain('示例：');
    expect(zh).not.toContain('bring the lab up');
    expect(zh).not.toContain('Usage:');
  });

  it('stays English in English', () => {
    const en = helpOf('en', 'up');
    expect(en).toContain('bring the lab up');
    expect(en).toContain('Usage:');
    expect(en).toContain('display help for command');
  });

  it('lists the commands in Chinese, the default of an option included', () => {
    const zh = helpOf('zh-CN');
    expect(zh).toContain('命令：');
    expect(zh).toContain('选项：');
    expect(zh).toContain('检查这台机器能否运行实验环境');
    expect(helpOf('zh-CN', 'topo')).toContain('(默认: "ascii")');
  });

  it('keeps every help line of the lab commands within 80 columns', () => {
    const mine = [
      'up',
      'down',
      'reset',
      'restart-engine',
      'status',
      'shell',
      'exec',
      'topo',
      'trace',
      'check',
      'test-lessons',
      'doctor',
    ];
    const wide: string[] = [];
    for (const name of [undefined, ...mine]) {
      for (const line of helpOf('zh-CN', name).split('\n')) {
        if (stringWidth(line) > 80) wide.push(`${name ?? 'dnlab'}: ${line}`);
      }
    }
    expect(wide).toEqual([]);
  });

  it('wraps Chinese between characters, never before a closing or after an opening mark', () => {
    const program = localizeHelp(new Command('x'));
    const help = program.createHelp();
    Object.assign(help, program.configureHelp());
    const text =
      '启动实验环境：LAN 上的两台 Docker 主机（host1、host2），各自在自己的网络命名空间中。'.repeat(
        2,
      );
    const lines = help.boxWrap(text, 40).split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(stringWidth(line)).toBeLessThanOrEqual(40);
      expect(line).not.toMatch(/^[，。、：）]/);
      expect(line).not.toMatch(/（$/);
    }
    // Nothing lost: only the space where a line was broken goes.
    expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
  });
});

describe('commander errors', () => {
  it('are worded in the current language', () => {
    setLang('zh-CN');
    expect(localizeCommanderError("error: unknown option '--bogus'\n")).toBe(
      "错误：未知选项 '--bogus'\n",
    );
    expect(
      localizeCommanderError("error: unknown command 'stauts'\n(Did you mean status?)\n"),
    ).toBe("错误：未知命令 'stauts'\n（你是想输入 status 吗？）\n");
    expect(
      localizeCommanderError(
        "error: too many arguments for 'up'. Expected 0 arguments but got 1.\n",
      ),
    ).toBe("错误：'up' 的参数过多：应为 0 个，实际为 1 个\n");
  });

  it('keep their meaning in English', () => {
    expect(localizeCommanderError("error: missing required argument 'host'\n")).toBe(
      "error: missing required argument 'host'\n",
    );
    expect(localizeCommanderError('error: something new\n')).toBe('error: something new\n');
  });
});

describe('messages', () => {
  it('machine output stays English whatever the language', () => {
    setLang('zh-CN');
    expect(t('doctor.root.title')).toBe('以 root 身份运行');
    expect(english('doctor.root.title')).toBe('running as root');
    expect(english('doctor.bin.title', { bin: 'ip' })).toBe('ip is installed');
  });

  it('pads and cuts progress lines by terminal columns', () => {
    expect(stringWidth(padColumns('命名空间', 20))).toBe(20);
    expect(padColumns('namespaces', 20)).toHaveLength(20);
    expect(fitColumns('⠋ host1: Docker 引擎', 14)).toBe('⠋ host1: Docke');
    expect(stringWidth(fitColumns('实验环境实验环境', 7))).toBe(6);
  });
});
