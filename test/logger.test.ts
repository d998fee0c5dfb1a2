import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('redacts personal fields passed by mistake, keeping the rest of the line', () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', stream);
    logger.info(
      { eventId: 'E1', userId: 'U0123456789abcdef', replyToken: 'tok', text: 'ふるさと納税は？', question: '残業は？' },
      'replied',
    );
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({
      eventId: 'E1',
      userId: '[redacted]',
      replyToken: '[redacted]',
      text: '[redacted]',
      question: '[redacted]',
      msg: 'replied',
    });
    expect(lines[0]).not.toContain('U0123456789abcdef');
    expect(lines[0]).not.toContain('ふるさと納税');
  });

  it('redacts them in the bindings of a child logger too', () => {
    const { lines, stream } = capture();
    createLogger('info', stream).child({ userId: 'U0123456789abcdef' }).info('event');
    expect(lines[0]).not.toContain('U0123456789abcdef');
  });
});
