import { describe, expect, it } from 'vitest';
import type { Term } from '../../src/analyze/analyze.js';
import { focusSpans, questionClauses, type Clause } from '../../src/analyze/question-focus.js';
import { withTopicRaisedEarlier } from '../../src/analyze/topic-raised-earlier.js';

/** The words of `words` found in the spans, as terms: a stand-in for the engine's specific words. */
const namedFrom =
  (text: string, words: readonly string[]) =>
  (spans: readonly Clause[]): Term[] =>
    words.flatMap((w) => {
      const start = text.indexOf(w);
      const inside = spans.some((s) => start >= s.start && start < s.end);
      return start >= 0 && inside ? [{ text: w, reading: undefined, role: 'content', kana: false, start }] : [];
    });

const asked = (text: string, words: readonly string[]) => {
  const clauses = questionClauses(text);
  return withTopicRaisedEarlier(text, focusSpans(text, clauses), clauses, namedFrom(text, words))
    .map((c) => text.slice(c.start, c.end))
    .join('|');
};

describe('withTopicRaisedEarlier', () => {
  it('leaves the news heard before a sentence of story when the question names its own topic', () => {
    expect(
      asked(
        '会報でふるさと納税が増えたと読みました。さて、うちの自治会は役員のなり手もおりません。自治会のあり方について、何か政策はありますか。',
        ['ふるさと納税', '自治会'],
      ),
    ).toBe('自治会のあり方について、何か政策はありますか。');
  });

  it('leaves the news heard before when the question names a long topic of its own (〜始める人について)', () => {
    expect(
      asked(
        '市が医療費を窓口で安くしたと孫から聞きました。良いことだと思います。使われなくなった農地や新しく農業を始める人について、何か政策はありますか。',
        ['医療費', '農地'],
      ),
    ).toBe('使われなくなった農地や新しく農業を始める人について、何か政策はありますか。');
  });

  it('leaves what was heard before the letter turns to its own matter (本題ですが、)', () => {
    expect(
      asked(
        '先日、市が医療費を窓口で安くしたと孫から聞き、良いことだと思いました。本題ですが、農地の政策はありますか。',
        ['医療費', '農地'],
      ),
    ).toBe('農地の政策はありますか。');
  });

  it('asks about a topic heard of earlier when the question names it again', () => {
    expect(
      asked('係長を対象にした研修があると、姪から聞きました。姪は今主任だそうで。何という研修なのでしょうか。', [
        '研修',
        '係長',
      ]),
    ).toBe('係長を対象にした研修がある|何という研修なのでしょうか。');
  });

  it('asks about the topic heard of just before one sentence of story, though the question does not name it', () => {
    expect(
      asked(
        '応援隊というのがあると聞きました。祭りにも来ていただきたいのですが、何人くらいが登録しているのでしょうか。',
        ['応援隊', '登録'],
      ),
    ).toBe('応援隊というのがある|何人くらいが登録しているのでしょうか。');
  });

  it('leaves a topic heard of before a question that turns to another matter (ところで), though they share a word', () => {
    expect(
      asked('市長が協定を結んだと聞いて、喜んでおりました。ところで、市長はいつ就任されたのでしょうか。', [
        '市長',
        '就任',
      ]),
    ).toBe('ところで、市長はいつ就任されたのでしょうか。');
  });

  it('leaves a topic told as what happened, not heard of, in the story', () => {
    expect(
      asked('研修のことで市役所に電話をしましたら、つないでくださいました。以前とは違うそうで。何という研修ですか。', [
        '研修',
      ]),
    ).toBe('何という研修ですか。');
  });
});
