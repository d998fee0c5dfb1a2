import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/bot/engine.js';
import { answerHits, renderReply } from '../../src/render/render-reply.js';
import { fixtureCorpus } from '../support/fixture-corpus.js';
import { realTokenizer } from '../support/tokenizer.js';

let engine: Engine;
beforeAll(async () => {
  engine = createEngine(fixtureCorpus, await realTokenizer());
});

describe('engine replies', () => {
  it('give the same messages as rendering the decision, the first time and from the cache', () => {
    const first = engine.reply('ふるさと納税は？');
    const { decision } = engine.ask('ふるさと納税は？');
    const expected = renderReply(decision, fixtureCorpus.meta, { entries: fixtureCorpus.entries });
    expect(first.messages).toEqual(expected);
    // The entries shown, for analytics: those the answer's bubbles render, best first.
    expect(decision.kind).toBe('answer');
    if (decision.kind === 'answer') {
      expect(first.shownEntryIds).toEqual(answerHits(decision.hits).map((h) => h.entry.id));
      expect(first.shownEntryIds[0]).toBe('furusato-nozei');
    }
    expect(engine.reply('ふるさと納税は？')).toBe(first);
  });

  it('belong to one engine: an engine built on a changed corpus answers from the change', async () => {
    const changed = createEngine(
      { ...fixtureCorpus, entries: fixtureCorpus.entries.filter((e) => e.id !== 'furusato-nozei') },
      await realTokenizer(),
    );
    expect(engine.reply('ふるさと納税は？').decision.kind).toBe('answer');
    expect(changed.reply('ふるさと納税は？')).toMatchObject({ decision: { kind: 'abstain' }, shownEntryIds: [] });
  });
});
