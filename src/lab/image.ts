import fs from 'node:fs';
import { LAB_IMAGE, imageTarPath } from './config.js';
import { ENGINE_IMPORT_TIMEOUT_MS, type Engine } from './engine.js';
import { t } from './messages.js';
import { UserError } from '../errors.js';

export class MissingImageError extends UserError {
  constructor(readonly tarPath: string) {
    super(t('lab.imageMissing', { path: tarPath }), { tryMessage: t('lab.imageMissing.fix') });
    this.name = 'MissingImageError';
  }
}

export function readImageTar(): Buffer {
  const tar = imageTarPath();
  if (!fs.existsSync(tar)) throw new MissingImageError(tar);
  return fs.readFileSync(tar);
}

/** Import the busybox root filesystem as the lab image (`docker import`, via the Engine API). */
export async function importLabImage(engine: Engine, rootfsTar: Buffer): Promise<void> {
  const [repo, tag] = LAB_IMAGE.split(':') as [string, string];
  await engine.request({
    method: 'POST',
    path: '/images/create',
    query: { fromSrc: '-', repo, tag, changes: 'CMD ["sh"]' },
    raw: rootfsTar,
    timeoutMs: ENGINE_IMPORT_TIMEOUT_MS,
  });
}
