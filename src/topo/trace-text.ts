import { t } from '../i18n/index.js';
import type { TraceConfirmation } from './confirm.js';
import { endName, type TracePlan } from './trace.js';
import { displayWidth, pad } from '../text/width.js';
import { safeText } from '../text/safe.js';

/**
 * A trace as text lines (pure): the planned hops, the expected end, then what the probe showed.
 * Names, rules and probe output come from the lab: every line is safe text.
 */
export function renderTrace(plan: TracePlan, confirmation?: TraceConfirmation): string[] {
  return traceLines(plan, confirmation).map((l) => safeText(l));
}

function traceLines(plan: TracePlan, confirmation?: TraceConfirmation): string[] {
  const to = `${endName(plan.to.end)}${plan.to.port !== undefined ? `:${plan.to.port}` : ''}/${plan.to.proto}`;
  const lines = [t('topo.trace.title', { from: endName(plan.from), to }), t('topo.trace.plan')];
  // Columns, not string length: `where` lines up whatever script it is written in.
  const whereW = Math.max(5, ...plan.hops.map((h) => displayWidth(h.where)));
  for (const h of plan.hops) {
    const mark = h.kind === 'drop' ? '✘' : h.kind === 'deliver' ? '✔' : '→';
    const unsure = h.unsure ? ` ${t('topo.trace.unsure')}` : '';
    lines.push(`  ${mark} ${pad(h.where, whereW)}  ${h.text}${unsure}`);
    if (h.rule) lines.push(`  ${' '.repeat(whereW + 4)}${h.rule.raw}`);
  }
  const stop = plan.stop;
  switch (plan.verdict) {
    case 'delivered':
      lines.push(t('topo.trace.delivered', { to: plan.deliveredTo ?? '?' }));
      break;
    case 'dropped':
      lines.push(
        t('topo.trace.dropped', {
          where: stop?.where ?? '?',
          text: stop?.rule?.raw ?? stop?.text ?? '',
        }),
      );
      break;
    case 'no-route':
      lines.push(t('topo.trace.noRoute', { text: stop?.text ?? '' }));
      break;
    default:
      lines.push(t('topo.trace.unknown', { text: stop?.text ?? '' }));
  }
  if (!confirmation) return lines;
  const c = confirmation;
  lines.push('');
  lines.push(
    t('topo.trace.probe', {
      from: c.probe.container ? `${c.probe.host}:${c.probe.container}` : c.probe.host,
      argv: c.probe.argv.join(' '),
    }),
  );
  const detail =
    (c.result.stderr || c.result.stdout).trim().split('\n')[0] ||
    t('topo.trace.exit', { code: c.result.code });
  const reach = t(`topo.trace.reach.${c.reach}`);
  lines.push(t('topo.trace.probeResult', { reach, detail, ms: c.result.ms }));
  if (c.moved.length) {
    lines.push(t('topo.trace.moved'));
    for (const m of c.moved) {
      const where = `${m.host} ${m.table} ${m.chain}`;
      lines.push(
        `  +${m.delta} ${where}: ${m.text}${m.onPath ? `  (${t('topo.trace.onPath')})` : ''}`,
      );
    }
  } else {
    lines.push(t('topo.trace.nothingMoved', { hosts: plan.hosts.join(', ') || '-' }));
  }
  const got = c.reach === 'reached' || c.reach === 'refused';
  const expected = plan.verdict === 'delivered';
  if (c.droppedBy) {
    const text = t('topo.trace.droppedBy', {
      host: c.droppedBy.host,
      rule: `${c.droppedBy.table} ${c.droppedBy.chain}: ${c.droppedBy.text}`,
    });
    lines.push(expected ? t('topo.trace.differs', { text }) : t('topo.trace.confirmed', { text }));
  } else if (got === expected) {
    lines.push(
      t('topo.trace.confirmed', {
        text: got ? `${reach} ${plan.deliveredTo ?? ''}`.trim() : `${reach}: ${stop?.text ?? ''}`,
      }),
    );
  } else {
    const verdict = t(`topo.trace.verdict.${plan.verdict}`);
    lines.push(
      t('topo.trace.differs', { text: t('topo.trace.expectedOther', { reach, verdict }) }),
    );
  }
  for (const e of c.errors) lines.push(`! ${e}`);
  return lines;
}
