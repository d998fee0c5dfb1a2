/**
 * Where the server's log lines go: standard output, written in the background. A synchronous
 * write per line (pino's default) costs the event loop a system call for every reply; here lines
 * are gathered up to a few kilobytes and written off the event loop, and a timer writes what
 * waits so that no line is more than about half a second late in a quiet hour. pino writes what
 * is buffered synchronously when the process exits, whatever the exit.
 */
import { pino } from 'pino';

/** Lines are written once this many bytes wait, or by the timer. */
const bufferBytes = 4096;
/** How often the timer writes what waits, ms. */
const flushEveryMs = 250;

export function backgroundStdout(fd = 1): pino.DestinationStream {
  const stream = pino.destination({ dest: fd, sync: false, minLength: bufferBytes });
  // Ticks since the last line: a flush can find a write in progress and do nothing, so the timer
  // tries twice after the last line.
  let ticksSinceLine = 2;
  setInterval(() => {
    if (ticksSinceLine >= 2) return;
    ticksSinceLine += 1;
    stream.flush();
  }, flushEveryMs).unref();
  return {
    write(line: string) {
      ticksSinceLine = 0;
      stream.write(line);
    },
  };
}
