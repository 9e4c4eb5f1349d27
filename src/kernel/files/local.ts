import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { sm3Hex } from '../crypto/sm3.ts';
import { uuidv7 } from '../ids.ts';
import { FileNotFoundError, type FileStore, type StoredFile } from './store.ts';

const KEY_PATTERN = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

/** Files under one directory, keyed by generated ids so a client never chooses a path. */
export function localFileStore(root: string): FileStore {
  const base = resolve(root);
  const pathOf = (key: string) => {
    if (!KEY_PATTERN.test(key)) throw new FileNotFoundError(key);
    const path = resolve(join(base, key));
    if (!path.startsWith(base + sep)) throw new FileNotFoundError(key);
    return path;
  };
  return {
    async put(content, options = {}) {
      const prefix = (options.prefix ?? 'misc').toLowerCase().replace(/[^a-z0-9-]/g, '-');
      const key = `${prefix}/${uuidv7()}`;
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      // Write then rename so a reader never sees half a file.
      await writeFile(`${path}.part`, content);
      await rename(`${path}.part`, path);
      const stored: StoredFile = { key, size: content.length, sm3: sm3Hex(content) };
      return stored;
    },
    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new FileNotFoundError(key);
        throw err;
      }
    },
    async exists(key) {
      try {
        await stat(pathOf(key));
        return true;
      } catch {
        return false;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
