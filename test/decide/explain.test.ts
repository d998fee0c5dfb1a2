import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/bot/engine.js';
import { explainJson, formatExplain } from '../../src/decide/explain.js';
import { defaultDecisionRule } from '../../src/decide/decide.js';
import { fixtureCorpus } from '../support/fixture-corpus.js';
import { realTokenizer } from '../support/tokenizer.js';
import { bundledEngine } from '../support/bot-server.js';

let engine: Engine;
beforeAll(async () => {
  engine = createEngine(fixtureCorpus, await realTokenizer());
});

const explain = (q: string, top = 3) => explainJson(engine.index, engine.ask(q), top);
const explainText = (q: string, top = 3) => formatExplain(engine.index, engine.ask(q), top);

describe('explaining why a hit came', () => {
  it('names the matched term, how it matched and the fields it matched in', () => {
    const x = explain('超過勤務の削減率');
    const best = x.hits[0];
    expect(best?.id).toBe('overtime');
    expect(best?.terms.find((t) => t.term === '超過')).toMatchObject({ matched: true, via: 'text' });
    expect(best?.terms.find((t) => t.term === '超過')?.fields).toContain('title');
    const text = explainText('超過勤務の削減率');
    expect(text).toContain('overtime');
    expect(text).toMatch(/✓ 超過\s+語が一致\s+一致した所: タイトル/u);
  });

  it('tells a word matched by the reading of what the user typed in kana', async () => {
    // しせい reads as 市政 and as 姿勢: the sound is matched, the entry's 「しせいを正す」.
    const bundled = await bundledEngine();
    const x = explainJson(bundled.index, bundled.ask('しせいを正すとは'), 3);
    const term = x.hits[0]?.terms.find((t) => t.term === 'しせい');
    expect(term).toMatchObject({ matched: true, via: 'reading', fields: ['reading'] });
  });

  it('tells a sentence typed in kana read as the corpus writes its words', () => {
    const term = explain('こどものいりょうひ').hits[0]?.terms.find((t) => t.term === '子ども');
    expect(term).toMatchObject({ matched: true, via: 'text' });
  });

  it('gives the decision with the coverage of the best hit and the thresholds', () => {
    const x = explain('超過勤務の削減率');
    expect(x.decision).toMatchObject({ kind: 'answer', confidence: 'full' });
    expect(x.coverage).toBeGreaterThanOrEqual(defaultDecisionRule.answer);
    expect(x.rule).toEqual(defaultDecisionRule);
    expect(x.why).toMatch(/^回答しました: 最上位の項目（overtime）が質問の重みの \d+% を満たします/u);
    expect(x.why).toContain(`回答は ${defaultDecisionRule.answer * 100}% 以上`);
  });

  it('reports a two-letter katakana word matched in the text as such, not as a sound in the readings', () => {
    const bus = explain('バスは走ってる？').hits[0]?.terms.find((t) => t.term === 'バス');
    expect(bus).toMatchObject({ matched: true, via: 'text' });
    expect(bus?.fields).toEqual(['body']);
  });

  it('weighs the content terms of the question to a whole', () => {
    const x = explain('バスの運賃');
    const weights = x.hits[0]?.terms.map((t) => t.weight) ?? [];
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
  });
});

describe('explaining an abstention', () => {
  it('shows the unmatched term and the coverage below the related threshold', () => {
    // バス is in the winery-bus entry, but nothing covers 運賃, the rarer and so heavier word.
    const x = explain('バスの運賃');
    expect(x.decision).toEqual({ kind: 'abstain', reason: 'no-match' });
    expect(x.coverage).toBeLessThan(defaultDecisionRule.related);
    expect(x.hits[0]?.id).toBe('winery-bus');
    expect(x.hits[0]?.terms.find((t) => t.term === '運賃')).toEqual(expect.objectContaining({ matched: false }));
    const text = explainText('バスの運賃');
    expect(text).toContain('回答しませんでした（該当なし）');
    expect(text).toContain(`関連する情報は ${defaultDecisionRule.related * 100}% 以上`);
    expect(text).toMatch(/✗ 運賃\s+一致なし/u);
  });

  it('says small talk is answered apart from the corpus', () => {
    const x = explain('おはようございます！');
    expect(x.decision).toEqual({ kind: 'abstain', reason: 'greeting' });
    expect(x.why).toContain('回答しませんでした（あいさつ）');
    expect(x.why).toContain('決まった返事');
  });

  it('says when nothing is left to search', () => {
    const x = explain('？？');
    expect(x).toMatchObject({ decision: { kind: 'abstain', reason: 'empty' }, contentTerms: [], hits: [] });
    expect(x.coverage).toBeUndefined();
    expect(explainText('？？')).toContain('内容語: なし');
  });
});

describe('the JSON form', () => {
  it('survives a round trip through JSON and keeps only the top hits', () => {
    const x = explain('ふるさと納税の寄付', 1);
    expect(JSON.parse(JSON.stringify(x))).toEqual(x);
    expect(x.hits).toHaveLength(1);
  });
});

describe('a question about a number', () => {
  it('names the unit the reply leads with', () => {
    const x = explain('ふるさと納税の寄付は何倍？');
    expect(x.hits[0]?.id).toBe('furusato-nozei');
    expect(x.decision).toMatchObject({ kind: 'answer', askedUnit: '倍' });
    expect(x.why).toContain('「倍」の数値');
  });
});

describe('a match through a synonym', () => {
  it('names the corpus word the question was searched as, and the fields it matched in', async () => {
    // 寄附 is not in the fixture corpus; a staff synonym group makes it find 寄付.
    const withSynonyms = createEngine({ ...fixtureCorpus, synonyms: [['寄付', '寄附']] }, await realTokenizer());
    const asked = withSynonyms.ask('寄附はいくら？');
    const x = explainJson(withSynonyms.index, asked, 1);
    expect(x.synonyms).toEqual([{ phrase: '寄附', targets: ['寄付'] }]);
    expect(x.hits[0]?.id).toBe('furusato-nozei');
    const term = x.hits[0]?.terms.find((t) => t.term === '寄附');
    expect(term).toMatchObject({ matched: true, via: 'synonym', synonym: { target: '寄付', matchedTerms: ['寄付'] } });
    expect(term?.fields).toContain('keywords');
    expect(formatExplain(withSynonyms.index, asked, 1)).toMatch(
      /✓ 寄附\s+同義語「寄付」（1語中 1語: 寄付）\s+一致した所: /u,
    );
  });
});
