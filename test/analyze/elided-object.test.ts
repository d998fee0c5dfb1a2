import { describe, expect, it } from 'vitest';
import type { Term } from '../../src/analyze/analyze.js';
import { elidedObject } from '../../src/analyze/elided-object.js';
import { bundledEngine } from '../support/bot-server.js';

/** A verb's term at the n-th place its surface stands in the text, with its dictionary form. */
const verbAt = (text: string, surface: string, base: string, nth = 0): Term => {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(surface, start + 1);
  return {
    text: base,
    reading: undefined,
    role: 'content',
    kana: false,
    weak: true,
    start,
    end: start + surface.length,
  };
};

describe('elidedObject', () => {
  const text = '毎年、特定検診を受けております。受ける人の割合はどのくらいでしょうか。';
  const asked = { start: text.indexOf('受ける人'), end: text.length };
  const story = { start: 0, end: asked.start };

  it('finds the object a verb said again leaves out (特定検診を受けて…受ける人の割合)', () => {
    const terms = [verbAt(text, '受け', '受ける'), verbAt(text, '受け', '受ける', 1)];
    const span = elidedObject(text, asked, [story], terms);
    expect(span && text.slice(span.start, span.end)).toBe('特定検診');
  });

  it('finds the object the story marked by は, a word or two before the verb (特定健診は欠かさず受けて)', () => {
    const marked = '毎年の特定健診は欠かさず受けております。何割くらいの人が受けているのか知りたい';
    const markedAsked = { start: marked.indexOf('何割'), end: marked.length };
    const terms = [verbAt(marked, '受け', '受ける'), verbAt(marked, '受け', '受ける', 1)];
    const span = elidedObject(marked, markedAsked, [{ start: 0, end: markedAsked.start }], terms);
    expect(span && marked.slice(span.start, span.end)).toBe('特定健診');
  });

  it('finds none when the question names its own object, or says another verb', () => {
    const own = '毎年特定検診を受けております。がん検診を受ける人の割合は？';
    const ownAsked = { start: own.indexOf('がん'), end: own.length };
    const terms = [verbAt(own, '受け', '受ける'), verbAt(own, '受け', '受ける', 1)];
    expect(elidedObject(own, ownAsked, [{ start: 0, end: ownAsked.start }], terms)).toBeUndefined();
    const other = '毎年特定検診を受けております。行く人の割合は？';
    const otherAsked = { start: other.indexOf('行く'), end: other.length };
    const otherTerms = [verbAt(other, '受け', '受ける'), verbAt(other, '行く', '行く')];
    expect(elidedObject(other, otherAsked, [{ start: 0, end: otherAsked.start }], otherTerms)).toBeUndefined();
  });

  it('finds none when the question asks for the object itself (何を作っている)', () => {
    const made = '畑で野菜を作っております。シカの事業では何を作っているのですか？';
    const madeAsked = { start: made.indexOf('シカ'), end: made.length };
    const terms = [verbAt(made, '作っ', '作る'), verbAt(made, '作っ', '作る', 1)];
    expect(elidedObject(made, madeAsked, [{ start: 0, end: madeAsked.start }], terms)).toBeUndefined();
  });

  it('lets a letter ask of what its story said with the verb', async () => {
    const engine = await bundledEngine();
    const { decision } = engine.ask(
      '毎年欠かさず特定検診を受けておりますが、周りには面倒だと言って受けない人も多いのです。市全体では、受ける人の割合はどのくらいまで上がってきたのでしょうか。',
    );
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('specific-health-checkup-rate');
  });

  it('reads a question that names only the city (小諸もやってるの？) of the thing described before it', async () => {
    const engine = await bundledEngine();
    const { decision } = engine.ask(
      '公共の建物に会社の名前をつけてもらって、その代わりにお金を出してもらうやつ。小諸もやってるの？',
    );
    expect(decision.hits[0]?.entry.id).toBe('naming-rights');
  });
});
