/**
 * One outcome shared by every record of a batch: each caller gets the same promise, settled once
 * when the batch is written (or fails, and every caller sees the error). One promise per batch
 * instead of one per record keeps the cost of recording a question near nothing.
 */
export interface BatchOutcome {
  readonly written: Promise<void>;
  settle(err?: Error): void;
}

export function batchOutcome(): BatchOutcome {
  let settle: (err?: Error) => void = () => undefined;
  const written = new Promise<void>((resolve, reject) => {
    settle = (err) => (err ? reject(err) : resolve());
  });
  written.catch(() => undefined); // a caller that dropped its promise must not make it unhandled
  return { written, settle: (err) => settle(err) };
}
