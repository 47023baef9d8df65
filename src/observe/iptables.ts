import type { FirewallChain, FirewallRule } from './facts.js';

/** Rules and chains of one firewall read, in the shapes of facts.ts. */
export interface ParsedFirewall {
  rules: FirewallRule[];
  chains: FirewallChain[];
}

/** Split an iptables-save line into words, keeping "quoted strings" (with \" escapes) as one word. */
export function tokenize(line: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (i >= line.length) break;
    let word = '';
    let quoted = false;
    while (i < line.length && (quoted || (line[i] !== ' ' && line[i] !== '\t'))) {
      const ch = line[i] as string;
      if (ch === '\\' && quoted && i + 1 < line.length) {
        word += line[i + 1];
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = !quoted;
        i++;
        continue;
      }
      word += ch;
      i++;
    }
    words.push(word);
  }
  return words;
}

const COUNTERS = /^\[(\d+):(\d+)\]\s+/;

/** Options whose value is what a fact keeps; every other option is skipped (with its values). */
type Field = 'protocol' | 'source' | 'destination' | 'inIface' | 'outIface' | 'dport' | 'sport';
const FIELD_OPTIONS: Record<string, Field> = {
  '-p': 'protocol',
  '--protocol': 'protocol',
  '-s': 'source',
  '--source': 'source',
  '--src': 'source',
  '-d': 'destination',
  '--destination': 'destination',
  '--dst': 'destination',
  '-i': 'inIface',
  '--in-interface': 'inIface',
  '-o': 'outIface',
  '--out-interface': 'outIface',
  '--dport': 'dport',
  '--destination-port': 'dport',
  '--dports': 'dport',
  '--destination-ports': 'dport',
  '--sport': 'sport',
  '--source-port': 'sport',
  '--sports': 'sport',
  '--source-ports': 'sport',
};

const NEGATABLE: Partial<Record<Field, keyof FirewallRule>> = {
  source: 'sourceNegated',
  destination: 'destinationNegated',
  inIface: 'inIfaceNegated',
  outIface: 'outIfaceNegated',
};

/** Parse the words after `-A <chain>` into the fields of a rule. */
function parseRuleWords(words: string[], rule: FirewallRule): void {
  let negate = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (w === '!') {
      negate = true;
      continue;
    }
    const field = FIELD_OPTIONS[w];
    let value = words[i + 1];
    // Old iptables wrote the negation after the option: `-i ! docker0`.
    if (value === '!') {
      negate = true;
      i++;
      value = words[i + 1];
    }
    if (field && value !== undefined) {
      i++;
      // `-p tcp -m tcp --dport 80`: the first protocol wins (a later -p would be an error anyway).
      if (field === 'protocol' && rule.protocol) {
        negate = false;
        continue;
      }
      const neg = NEGATABLE[field];
      if (neg) {
        rule[field] = value;
        if (negate) (rule as unknown as Record<string, unknown>)[neg] = true;
      } else {
        // Ports and protocol have no negation flag of their own: `! --dport 80` reads `!80`.
        rule[field] = negate ? `!${value}` : value;
      }
    } else if (
      (w === '-j' || w === '--jump' || w === '-g' || w === '--goto') &&
      value !== undefined
    ) {
      i++;
      rule.target = value;
      if (w === '-g' || w === '--goto') rule.goto = true;
    } else if (w === '--to-destination' && value !== undefined) {
      i++;
      rule.toDestination = value;
    } else if (w === '--to-source' && value !== undefined) {
      i++;
      rule.toSource = value;
    } else if (w === '--comment' && value !== undefined) {
      i++;
      rule.comment = value;
    }
    negate = false;
  }
}

/**
 * Parse `iptables-save` output (with or without `-c` counters) into rules and chains.
 * `raw` is each rule line as printed, without its counter prefix.
 */
export function parseIptablesSave(text: string, family = 'ip'): ParsedFirewall {
  const rules: FirewallRule[] = [];
  const chains: FirewallChain[] = [];
  let table = '';
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#') || line === 'COMMIT') continue;
    if (line.startsWith('*')) {
      table = line.slice(1).trim();
      continue;
    }
    if (line.startsWith(':')) {
      // `:FORWARD DROP [0:0]` or `:DOCKER - [0:0]`
      const m = /^:(\S+)\s+(\S+)(?:\s+\[(\d+):(\d+)\])?/.exec(line);
      if (m) {
        const chain: FirewallChain = { backend: 'iptables', table, chain: m[1] as string, family };
        if (m[2] !== '-') chain.policy = m[2];
        if (m[3] !== undefined) {
          chain.packets = Number(m[3]);
          chain.bytes = Number(m[4]);
        }
        chains.push(chain);
      }
      continue;
    }
    let body = line;
    let packets: number | undefined;
    let bytes: number | undefined;
    const c = COUNTERS.exec(body);
    if (c) {
      packets = Number(c[1]);
      bytes = Number(c[2]);
      body = body.slice(c[0].length);
    }
    const words = tokenize(body);
    if (words[0] !== '-A' && words[0] !== '--append') continue;
    const chain = words[1];
    if (!chain) continue;
    const rule: FirewallRule = { backend: 'iptables', table, chain, raw: body, family };
    parseRuleWords(words.slice(2), rule);
    if (packets !== undefined) {
      rule.packets = packets;
      rule.bytes = bytes;
    }
    rules.push(rule);
  }
  return { rules, chains };
}
