// JSON Lines: one JSON object per line, UTF-8, written in chunks.
import { closeSync, openSync, writeSync } from 'node:fs';

export class JsonlWriter {
  rows = 0;
  private fd: number;
  private pending: string[] = [];

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  /** Writes one object; returns its line number (the first object is line 1: JSON Lines have no header). */
  row(object: Record<string, unknown>): number {
    this.pending.push(JSON.stringify(object));
    this.rows++;
    if (this.pending.length >= 10_000) this.flush();
    return this.rows;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.fd, `${this.pending.join('\n')}\n`);
    this.pending = [];
  }
}
