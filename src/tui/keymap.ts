import type { MessageKey } from '../i18n/index.js';

/**
 * Every key of the TUI, defined once. Screens resolve keys through `resolveKey`; the help overlay
 * lists `KEYMAP`; so what the help says is what the keys do.
 */

/** Where a binding applies. `global` applies on every screen except while the pane has focus. */
export type KeyScope = 'global' | 'home' | 'lesson' | 'confirm' | 'help' | 'pane';

export type Action =
  | 'up'
  | 'down'
  | 'top'
  | 'bottom'
  | 'open'
  | 'continue'
  | 'language'
  | 'quit'
  | 'help'
  | 'closeHelp'
  | 'back'
  | 'nextStep'
  | 'prevStep'
  | 'scrollUp'
  | 'scrollDown'
  | 'pageUp'
  | 'pageDown'
  | 'hint'
  | 'solution'
  | 'check'
  | 'reset'
  | 'zoom'
  | 'yes'
  | 'no'
  | 'togglePane'
  | 'narrower'
  | 'wider'
  | 'map'
  | 'trace'
  | 'codeLeft'
  | 'codeRight'
  | 'paneScrollUp'
  | 'paneScrollDown';

export interface KeyBinding {
  action: Action;
  scope: KeyScope;
  /** Key names as `keyNameOf` (input/keys.ts) produces them: `j`, `up`, `enter`, `escape`, `ctrl+c`, `ctrl+]`. */
  keys: readonly string[];
  /** i18n key of what it does (`tui.key.*`). */
  description: MessageKey;
}

/** The one key that moves focus between the shell pane and the lesson (as in telnet). */
export const PANE_TOGGLE_RAW = '\x1d';
export const PANE_TOGGLE_KEY = 'ctrl+]';

export const KEYMAP: readonly KeyBinding[] = [
  {
    action: 'togglePane',
    scope: 'pane',
    keys: [PANE_TOGGLE_KEY],
    description: 'tui.key.togglePane',
  },
  // While the shell has focus: keys no shell or vi binding uses, for the text and the scrollback.
  { action: 'pageDown', scope: 'pane', keys: ['shift+pagedown'], description: 'tui.key.textDown' },
  { action: 'pageUp', scope: 'pane', keys: ['shift+pageup'], description: 'tui.key.textUp' },
  {
    action: 'paneScrollUp',
    scope: 'pane',
    keys: ['shift+up'],
    description: 'tui.key.paneScrollUp',
  },
  {
    action: 'paneScrollDown',
    scope: 'pane',
    keys: ['shift+down'],
    description: 'tui.key.paneScrollDown',
  },
  { action: 'quit', scope: 'global', keys: ['ctrl+c'], description: 'tui.key.quit' },
  { action: 'help', scope: 'global', keys: ['?'], description: 'tui.key.help' },

  { action: 'up', scope: 'home', keys: ['up', 'k'], description: 'tui.key.up' },
  { action: 'down', scope: 'home', keys: ['down', 'j'], description: 'tui.key.down' },
  { action: 'top', scope: 'home', keys: ['home', 'g'], description: 'tui.key.top' },
  { action: 'bottom', scope: 'home', keys: ['end', 'G'], description: 'tui.key.bottom' },
  { action: 'open', scope: 'home', keys: ['enter'], description: 'tui.key.open' },
  { action: 'continue', scope: 'home', keys: ['c'], description: 'tui.key.continue' },
  { action: 'language', scope: 'home', keys: ['L'], description: 'tui.key.language' },
  { action: 'quit', scope: 'home', keys: ['q'], description: 'tui.key.quit' },

  { action: 'nextStep', scope: 'lesson', keys: ['n'], description: 'tui.key.nextStep' },
  { action: 'prevStep', scope: 'lesson', keys: ['p'], description: 'tui.key.prevStep' },
  { action: 'scrollDown', scope: 'lesson', keys: ['down', 'j'], description: 'tui.key.scrollDown' },
  { action: 'scrollUp', scope: 'lesson', keys: ['up', 'k'], description: 'tui.key.scrollUp' },
  {
    action: 'pageDown',
    scope: 'lesson',
    keys: ['pagedown', 'space', 'shift+pagedown'],
    description: 'tui.key.pageDown',
  },
  {
    action: 'pageUp',
    scope: 'lesson',
    keys: ['pageup', 'shift+pageup'],
    description: 'tui.key.pageUp',
  },
  { action: 'codeLeft', scope: 'lesson', keys: ['left'], description: 'tui.key.codeLeft' },
  { action: 'codeRight', scope: 'lesson', keys: ['right'], description: 'tui.key.codeRight' },
  { action: 'narrower', scope: 'lesson', keys: ['<'], description: 'tui.key.narrower' },
  { action: 'wider', scope: 'lesson', keys: ['>'], description: 'tui.key.wider' },
  { action: 'map', scope: 'lesson', keys: ['m'], description: 'tui.key.map' },
  { action: 'trace', scope: 'lesson', keys: ['t'], description: 'tui.key.trace' },
  {
    action: 'paneScrollUp',
    scope: 'lesson',
    keys: ['shift+up'],
    description: 'tui.key.paneScrollUp',
  },
  {
    action: 'paneScrollDown',
    scope: 'lesson',
    keys: ['shift+down'],
    description: 'tui.key.paneScrollDown',
  },
  { action: 'hint', scope: 'lesson', keys: ['h'], description: 'tui.key.hint' },
  { action: 'solution', scope: 'lesson', keys: ['s'], description: 'tui.key.solution' },
  { action: 'check', scope: 'lesson', keys: ['c'], description: 'tui.key.check' },
  { action: 'reset', scope: 'lesson', keys: ['r'], description: 'tui.key.reset' },
  { action: 'zoom', scope: 'lesson', keys: ['z'], description: 'tui.key.zoom' },
  {
    action: 'togglePane',
    scope: 'lesson',
    keys: [PANE_TOGGLE_KEY],
    description: 'tui.key.togglePane',
  },
  // No `q` here: a learner who believes the shell has focus must not quit by typing.
  { action: 'back', scope: 'lesson', keys: ['escape', 'b'], description: 'tui.key.back' },

  { action: 'yes', scope: 'confirm', keys: ['y'], description: 'tui.key.yes' },
  { action: 'no', scope: 'confirm', keys: ['n', 'escape'], description: 'tui.key.no' },

  {
    action: 'scrollDown',
    scope: 'help',
    keys: ['down', 'j'],
    description: 'tui.key.scrollHelpDown',
  },
  { action: 'scrollUp', scope: 'help', keys: ['up', 'k'], description: 'tui.key.scrollHelpUp' },
  {
    action: 'closeHelp',
    scope: 'help',
    keys: ['escape', '?', 'q'],
    description: 'tui.key.closeHelp',
  },
];

/** The order scopes appear in the help overlay. */
export const SCOPE_ORDER: readonly KeyScope[] = [
  'global',
  'home',
  'lesson',
  'confirm',
  'help',
  'pane',
];

/** Keys the shell pane lets through to the lesson while it has focus (text and scrollback). */
export function passesPane(name: string): boolean {
  const action = resolveKey('pane', name);
  return action !== undefined && action !== 'togglePane';
}

/**
 * The action of a key in a scope. Modal scopes (confirm, help) see only their own keys and
 * Ctrl-C; the pane sees only its toggle (every other key belongs to the shell).
 */
export function resolveKey(scope: KeyScope, name: string): Action | undefined {
  const modal = scope === 'confirm' || scope === 'help' || scope === 'pane';
  for (const b of KEYMAP) {
    if (b.scope !== scope) continue;
    if (b.keys.includes(name)) return b.action;
  }
  if (scope === 'pane') return undefined;
  for (const b of KEYMAP) {
    if (b.scope !== 'global') continue;
    if (modal && b.action !== 'quit') continue;
    if (b.keys.includes(name)) return b.action;
  }
  return undefined;
}

/** How a key name is shown to the learner. */
export function keyLabel(name: string): string {
  const named: Record<string, string> = {
    up: '↑',
    down: '↓',
    left: '←',
    right: '→',
    enter: 'Enter',
    escape: 'Esc',
    tab: 'Tab',
    'shift+tab': 'Shift-Tab',
    space: 'Space',
    pageup: 'PgUp',
    pagedown: 'PgDn',
    home: 'Home',
    end: 'End',
    backspace: 'Backspace',
    delete: 'Del',
  };
  if (named[name]) return named[name];
  const mod = /^(shift|alt)\+(.+)$/.exec(name);
  if (mod) return `${mod[1] === 'shift' ? 'Shift' : 'Alt'}-${keyLabel(mod[2]!)}`;
  const ctrl = /^ctrl\+(.)$/.exec(name);
  if (ctrl) return `Ctrl-${ctrl[1]!.toUpperCase()}`;
  return name;
}

/** The keys of the first binding for an action in a scope, as the learner reads them. */
export function keysFor(action: Action, scope: KeyScope): string {
  const b =
    KEYMAP.find((k) => k.action === action && k.scope === scope) ??
    KEYMAP.find((k) => k.action === action);
  return b ? b.keys.map(keyLabel).join('/') : '';
}
