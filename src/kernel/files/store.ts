/**
 * Where uploads and generated documents live. The local directory is the embedded default;
 * an S3-compatible store implements the same interface in production.
 */
export interface StoredFile {
  key: string;
  size: number;
  /** SM3 of the content, kept with the record that references the file to detect tampering. */
  sm3: string;
}

export interface FileStore {
  put(content: Buffer, options?: { prefix?: string }): Promise<StoredFile>;
  get(key: string): Promise<Buffer>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

export class FileNotFoundError extends Error {
  readonly key: string;

  constructor(key: string) {
    super(`file not found: ${key}`);
    this.key = key;
  }
}
