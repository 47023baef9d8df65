import { dnlabEnv } from '../../env.js';
import { t } from '../../i18n/index.js';
import { labEngine } from '../../lab/engines.js';
import { down, up } from '../../lab/lab.js';
import { readState } from '../../lab/state.js';
import { ProgressPrinter, interruptSignal, seconds, yellow } from '../output.js';

function hostList(): string {
  return (readState()?.topology.hosts ?? []).map((h) => `${h.name} ${h.lanAddress}`).join(', ');
}

/** `up` with progress; Ctrl-C (or SIGTERM) stops it and removes whatever it had made. */
export async function upWithProgress(): Promise<void> {
  const printer = new ProgressPrinter();
  const interrupt = interruptSignal();
  // A lab that was complete is only repaired: an interrupted repair must not remove it.
  const wasComplete = readState()?.complete === true;
  try {
    const result = await up({ onProgress: printer.onProgress, signal: interrupt.signal });
    printer.stop();
    if (result.cleaned && result.cleaned.processes + result.cleaned.namespaces > 0) {
      process.stdout.write(`${t('lab.cleanedLeftovers', { ...result.cleaned })}\n`);
    }
    const engine = labEngine();
    const asked = dnlabEnv('DNLAB_ENGINE');
    if (result.alreadyUp && engine && asked && asked !== engine.name) {
      process.stderr.write(
        `${yellow(t('lab.engine.differs', { running: engine.name, engine: asked }))}\n`,
      );
    }
    if (engine)
      process.stdout.write(
        `${t('lab.engine.line', { engine: engine.name, version: engine.version })}\n`,
      );
    if (result.restarted && result.restarted.length > 0) {
      process.stdout.write(
        `${t('lab.up.revived', { time: seconds(result.ms), what: result.restarted.join(', ') })}\n`,
      );
      return;
    }
    process.stdout.write(
      result.alreadyUp
        ? `${t('lab.alreadyUp', { hosts: hostList() })}\n`
        : `${t('lab.upDone', { time: seconds(result.ms), hosts: hostList() })}\n${t('lab.nextSteps')}\n`,
    );
  } catch (err) {
    printer.stop();
    if (interrupt.signal.aborted) {
      if (wasComplete) {
        process.stderr.write(`${yellow(t('lab.up.interrupted'))}\n`);
        process.exitCode = 130;
        return;
      }
      process.stderr.write(`${yellow(t('cli.interrupted'))}\n`);
      await down();
      process.exitCode = 130;
      return;
    }
    throw err;
  } finally {
    interrupt.dispose();
  }
}
