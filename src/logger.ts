/**
 * Structured JSON logs (pino). Nothing personal is logged: no LINE user ids, no reply tokens,
 * no message texts; the redaction list is a safety net for fields that should never be passed.
 * It names top-level fields only: wildcard paths ("*.text") make pino copy and walk every logged
 * object, which under load cost more than the rest of a log line (see DESIGN.md, "Performance").
 */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'komoro-policy-bot' },
      redact: {
        paths: ['userId', 'replyToken', 'text', 'question'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
