/** A logger whose JSON lines a test reads, to check what was logged and that no user data was. */
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logger.js';

export function capturedLogger(): { readonly logger: Logger; readonly lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger('debug', sink), lines };
}
