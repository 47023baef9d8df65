import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closest, describeGot } from '../../../src/lessons/issues.js';
import { isDocPath } from '../../../src/lessons/schema.js';
import {
  pickVariant,
  placeholders,
  resolveText,
  textFields,
  translationPath,
} from '../../../src/lessons/text.js';
import { GOOD } from './helpers.js';

const dir = path.join(GOOD, '01-good');

describe('per-language texts', () => {
  it('a plain string is English, and every language falls back to it', () => {
    expect(resolveText(dir, 'Hello', 'text', 'en')).toEqual({ text: 'Hello' });
    expect(resolveText(dir, 'Hello', 'text', 'zh-CN')).toEqual({ text: 'Hello' });
  });

  it('a per-language text gives each language its own, English where one is missing', () => {
    const both = { en: 'Hello', 'zh-CN': '你好' };
    expect(resolveText(dir, both, 'text', 'en').text).toBe('Hello');
    expect(resolveText(dir, both, 'text', 'zh-CN').text).toBe('你好');
    expect(resolveText(dir, { en: 'Hello' }, 'text', 'zh-CN').text).toBe('Hello');
    expect(resolveText(dir, undefined, 'text', 'zh-CN').text).toBe('');
  });

  it('a markdown file finds its translation beside it, else stays English', () => {
    expect(translationPath('steps/01-find-docker0.md', 'zh-CN')).toBe(
      'steps/01-find-docker0.zh-CN.md',
    );
    expect(pickVariant(dir, 'steps/01-find-docker0.md', 'doc', 'zh-CN')).toEqual({
      value: 'steps/01-find-docker0.zh-CN.md',
      file: 'steps/01-find-docker0.zh-CN.md',
      lang: 'zh-CN',
    });
    expect(pickVariant(dir, 'steps/02-make-net.md', 'doc-or-text', 'zh-CN')).toMatchObject({
      lang: 'zh-CN',
    });
    expect(pickVariant(dir, 'steps/no-such.md', 'doc-or-text', 'zh-CN')).toEqual({
      value: 'steps/no-such.md',
      file: 'steps/no-such.md',
      lang: 'en',
    });
  });

  it('explain is inline markdown unless it names a markdown file', () => {
    expect(resolveText(dir, 'A **bold** move.', 'doc-or-text', 'en')).toEqual({
      text: 'A **bold** move.',
    });
    expect(resolveText(dir, 'steps/01-explain.md', 'doc-or-text', 'en').text).toBe(
      'docker0 is the default bridge.\n',
    );
  });

  it('finds every text field of a lesson with its path', () => {
    const refs = textFields({
      title: 'T',
      summary: 'S',
      steps: [
        {
          title: 'a',
          text: 'steps/a.md',
          hints: ['h'],
          checks: [{ message: 'm' }],
          wrong: [{ says: 's' }],
          explain: 'e',
        },
      ],
    });
    expect(refs.map((r) => `${r.path.join('.')}:${r.role}`)).toEqual([
      'title:text',
      'summary:text',
      'steps.0.title:text',
      'steps.0.text:doc',
      'steps.0.hints.0:text',
      'steps.0.checks.0.message:text',
      'steps.0.wrong.0.says:text',
      'steps.0.explain:doc-or-text',
    ]);
  });

  it('placeholders are the {name}s a catalogue fills, not Go templates', () => {
    expect(placeholders('{b} and {a}, {a} again; {{.NetworkSettings.IPAddress}}')).toEqual([
      'a',
      'b',
    ]);
  });
});

describe('small helpers', () => {
  it('isDocPath accepts relative .md paths inside the folder only', () => {
    expect(isDocPath('steps/01-x.md')).toBe(true);
    expect(isDocPath('steps/01-x.zh-CN.md')).toBe(true);
    for (const bad of [
      '/etc/x.md',
      '../x.md',
      'steps/../../x.md',
      'steps//x.md',
      'a b.md',
      'x.txt',
      'Some text.',
    ]) {
      expect(isDocPath(bad)).toBe(false);
    }
  });

  it('closest guesses typos and prefixes, and nothing when far', () => {
    expect(closest('hint', ['id', 'hints', 'host'])).toBe('hints');
    expect(closest('zh', ['en', 'zh-CN'])).toBe('zh-CN');
    expect(closest('subnett', ['name', 'subnet'])).toBe('subnet');
    expect(closest('frobnicate', ['container-running', 'network-exists'])).toBeUndefined();
  });

  it('describeGot names what the author wrote', () => {
    expect([undefined, null, 'x', 5, [], [1, 2], { a: 1 }].map(describeGot)).toEqual([
      'nothing',
      'an empty value',
      '"x"',
      '5',
      'an empty list',
      'a list of 2',
      'a mapping',
    ]);
  });
});
