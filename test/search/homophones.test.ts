/**
 * A kanji word found only by its sound: a word of the same length that sounds the same is the
 * word meant (高知 for 高地), a stretch of sound inside longer words is chance (今日 in 協働).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/bot/engine.js';
import { bundledEngine } from '../support/bot-server.js';

let engine: Engine;
beforeAll(async () => {
  engine = await bundledEngine();
});

describe('words matched by their sound', () => {
  it('hears a mistyped word as the corpus word that sounds the same', () => {
    const { decision } = engine.ask('高知トレーニングの推進');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('high-altitude-training');
  });

  it('does not hear a word in a stretch of sound of longer words, and declines', () => {
    expect(engine.ask('今日のプロ野球の結果は？').decision.kind).toBe('abstain');
  });
});

describe('kana runs matched by their sound', () => {
  it('counts a stretch of three sounds or more, not two met by chance in longer words', () => {
    // じょせ|つしゃ, しゅう, りょう: the entries' readings hold them only inside other words.
    for (const q of ['じょせつしゃは いつ きて くれるの', 'ほいくえんの ほいくりょうは いくら ですか']) {
      expect(engine.ask(q).decision.kind, q).not.toBe('answer');
    }
    const { decision } = engine.ask('ふるさとのうぜいは いくら あつまったの');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('furusato-nozei-growth');
  });
});
