/**
 * A new engine asks itself a few questions before it serves. The first questions a fresh process
 * answers run before V8 has compiled the pipeline's hot functions and took ten times as long as
 * later ones (over 200 ms for a long letter on a busy machine), all in the event loop, just when a
 * redeploy meets the citizens who kept writing meanwhile.
 */
import type { Engine } from './engine.js';

/** Entries whose titles are asked, one by one and then as one long message of several questions. */
const warmUpEntries = 12;

export function* warmUp(engine: Engine): Generator<void, void, void> {
  const titles = engine.corpus.entries.slice(0, warmUpEntries).map((e) => e.title);
  for (const title of titles) {
    engine.ask(`${title}について教えてください`);
    yield;
  }
  const letter = `いつもお世話になっております。${titles.map((t) => `${t}はどうなりましたか。`).join('')}`;
  yield* engine.askInSteps(letter);
}
