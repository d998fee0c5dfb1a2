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
    // The thought behind a thing planned or built (どんな考えで計画), but not a view held (どういう考えなの).
    expect(questionIntent('複合施設はどのような考えで計画されているのでしょうか').asksPurpose).toBe(true);
    expect(questionIntent('複合施設はどのような考え方で整備されるのですか').asksPurpose).toBe(true);
    expect(questionIntent('どのような目的で整備されるのですか').asksPurpose).toBe(true);
    expect(questionIntent('市民協働って市長はどういう考えなの？').asksPurpose).toBeUndefined();
    // Whom a thing is for (どんな人のため, 誰向け) is what it is for, too; not who did it.
    expect(questionIntent('複合施設は、どんな人のために計画されているのでしょうか').asksPurpose).toBe(true);
    expect(questionIntent('複合施設って誰向けの施設なの？').asksPurpose).toBe(true);
    expect(questionIntent('どういう人たちのことを考えて計画されているのでしょうか').asksPurpose).toBe(true);
    expect(questionIntent('誰が計画したの？').asksPurpose).toBeUndefined();
  });

  it('is answered by an entry whose keywords say it tells the aim (目的, ねらい), as staff mark it', async () => {
    const engine = await bundledEngine();
    const { decision } = engine.ask(
      '子どもが小さい共働きの家庭です。駅の近くにできる複合施設について、どんな考えで計画しているのか教えてください。',
    );
    expect(decision.hits[0]?.entry.id).toBe('complex-facility-aim');
    // Whom it is for, as staff wrote among its everyday phrasings.
    expect(engine.ask('複合施設は、どういった人に向けた施設ですか').decision.hits[0]?.entry.id).toBe(
      'complex-facility-aim',
    );
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
