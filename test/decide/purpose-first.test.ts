import { describe, expect, it } from 'vitest';
import { questionIntent } from '../../src/analyze/question-intent.js';
import { bundledEngine } from '../support/bot-server.js';

describe('a question asking what a thing is for', () => {
  it('is read as asking a purpose (何のため, 目的は), not as asking what the thing is', () => {
    expect(questionIntent('PR動画って何のために作るの？')).toMatchObject({ asksPurpose: true });
    expect(questionIntent('PR動画って何のために作るの？').askedNoun).toBeUndefined();
    expect(questionIntent('この会議の目的は？').asksPurpose).toBe(true);
    expect(questionIntent('PR動画って何？')).toMatchObject({ askedNoun: '動画' });
    expect(questionIntent('PR動画って何？').asksPurpose).toBeUndefined();
  });

  it('is answered by the entry that states the purpose, not by one that reports the thing was used', async () => {
    const engine = await bundledEngine();
    const { decision } = engine.ask('PR動画って何のために作んの？');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('pr-videos');
    // Asked whether it was made, the result that reports its use still answers.
    expect(engine.ask('PR動画って作ったの？').decision.hits[0]?.entry.id).toBe('city-promotion');
  });
});
