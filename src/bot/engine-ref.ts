/**
 * Holds the engine currently serving. Empty until start-up finishes building it; a later corpus
 * reload swaps it in one assignment, so a request sees either the old engine or the new one.
 */
import type { Engine } from './engine.js';

export interface EngineRef {
  /** The serving engine, or undefined while starting. */
  current(): Engine | undefined;
  /** Resolves with the serving engine once there is one. */
  ready(): Promise<Engine>;
  set(engine: Engine): void;
}

export function createEngineRef(initial?: Engine): EngineRef {
  let engine = initial;
  let resolveFirst: (e: Engine) => void = () => {};
  const first = initial ? Promise.resolve(initial) : new Promise<Engine>((resolve) => (resolveFirst = resolve));
  return {
    current: () => engine,
    ready: () => (engine ? Promise.resolve(engine) : first),
    set(next) {
      engine = next;
      resolveFirst(next);
    },
  };
}
