import React from 'react';
import { t, type MessageKey } from '../../i18n/index.js';
import { keysFor } from '../keymap.js';
import { wrapSegments } from '../text.js';
import type { Line } from '../theme.js';
import { Lines } from './Lines.js';

export interface ConfirmProps {
  /** The question, already translated. */
  question: string;
  /** i18n key of the answer line, with `{yes}` and `{no}` placeholders. */
  keysMessage: MessageKey;
  width: number;
}

/** A yes/no question, answered with the keymap's `confirm` keys. */
export function confirmLines({ question, keysMessage, width }: ConfirmProps): Line[] {
  return [
    ...wrapSegments([{ text: question, tone: 'warn' }], width),
    ...wrapSegments(
      [
        {
          text: t(keysMessage, { yes: keysFor('yes', 'confirm'), no: keysFor('no', 'confirm') }),
          tone: 'key',
        },
      ],
      width,
    ),
  ];
}

export function Confirm(props: ConfirmProps) {
  return <Lines lines={confirmLines(props)} />;
}
