/**
 * Structured JSON logs (pino). Nothing personal is logged: no LINE user ids, no reply tokens,
 * no message texts; the redaction list is a safety net for fields that should never be passed.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'komoro-policy-bot' },
      redact: {
        paths: ['userId', '*.userId', 'replyToken', '*.replyToken', 'text', '*.text', 'question', '*.question'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
