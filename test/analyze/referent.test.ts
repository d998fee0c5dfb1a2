import { describe, expect, it } from 'vitest';
import {
  demonstrativeNoun,
  namesByDemonstrative,
  pointsBack,
  quotedNameSpan,
  referentSpan,
} from '../../src/analyze/referent.js';

const spans = (text: string, asked: string) => {
  const start = text.indexOf(asked);
  return { asked: { start, end: start + asked.length }, before: { start: 0, end: start } };
};

describe('referentSpan', () => {
  it('finds the last word before that ends with the noun after その', () => {
    const text = '運転手さんから新しい複合施設の話を伺いました。その施設には何が入りますか。';
    const { asked, before } = spans(text, 'その施設には何が入りますか。');
    const span = referentSpan(text, asked, before);
    expect(span && text.slice(span.start, span.end)).toBe('複合施設');
  });

  it('takes the phrase that says which one (〜のための会議, 〜という柱) with a bare noun pointed back to', () => {
    const text = '女性が輝く社会をつくるための会議を市が開いたそうです。その会議の名前は？';
    const { asked, before } = spans(text, 'その会議の名前は？');
    const span = referentSpan(text, asked, before);
    expect(span && text.slice(span.start, span.end)).toBe('女性が輝く社会をつくるための会議');
    // A compound names itself: no phrase is taken with it.
    const named = '市が女性のための男女共同会議を開いたそうです。その会議の名前は？';
    const own = referentSpan(
      named,
      spans(named, 'その会議の名前は？').asked,
      spans(named, 'その会議の名前は？').before,
    );
    expect(own && named.slice(own.start, own.end)).toBe('男女共同会議');
  });

  it('leaves a time run into the noun in kanji (毎年鹿に) out of the word pointed back to', () => {
    const text = '畑を毎年鹿に荒らされます。その鹿は何に使っていますか。';
    const { asked, before } = spans(text, 'その鹿は何に使っていますか。');
    const span = referentSpan(text, asked, before);
    expect(span && text.slice(span.start, span.end)).toBe('鹿');
  });

  it('tells あの with a noun (あの複合施設) as a thing known to both, その as one just spoken of', () => {
    const text = '施設ができると聞きました。あの複合施設はいつできますか。';
    const noun = demonstrativeNoun(text, spans(text, 'あの複合施設はいつできますか。').asked);
    expect(noun && [text.slice(noun.start, noun.end), noun.known]).toEqual(['複合施設', true]);
    const that = '施設ができると聞きました。その施設はいつできますか。';
    expect(demonstrativeNoun(that, spans(that, 'その施設はいつできますか。').asked)?.known).toBe(false);
    // この as well: the thing at hand (この任期中に), named without the story.
    const term = '市長になって長いですね。この任期中に新しくできた課は？';
    expect(demonstrativeNoun(term, spans(term, 'この任期中に新しくできた課は？').asked)?.known).toBe(true);
  });

  it('reads どこの as asking which and よその as elsewhere, with no この or その in them', () => {
    const text = 'チームを呼んだらしいけど、どこの国のチーム？';
    expect(demonstrativeNoun(text, spans(text, 'どこの国のチーム？').asked)).toBeUndefined();
    const elsewhere = '孫が帰ってきました。ごみ集めはよその業者に任せているの？';
    expect(
      demonstrativeNoun(elsewhere, spans(elsewhere, 'ごみ集めはよその業者に任せているの？').asked),
    ).toBeUndefined();
  });

  it('finds nothing without a demonstrative, or when no word before ends with its noun', () => {
    const text = '孫が小学生になります。学校の機能は？';
    const { asked, before } = spans(text, '学校の機能は？');
    expect(referentSpan(text, asked, before)).toBeUndefined();
    const other = '孫が小学生になります。その施設は？';
    const pointed = spans(other, 'その施設は？');
    expect(referentSpan(other, pointed.asked, pointed.before)).toBeUndefined();
  });

  it('tells a question that points back without a noun (これは, そうしたこと), and the name quoted before it', () => {
    const text = '会報に「市政3年半の軌跡」という見出しがございました。これはいつからの取り組みですか。';
    const { asked, before } = spans(text, 'これはいつからの取り組みですか。');
    expect(pointsBack(text, asked)).toBe(true);
    const quoted = quotedNameSpan(text, before);
    expect(quoted && text.slice(quoted.start, quoted.end)).toBe('市政3年半の軌跡');
    const plain = '新しい文化が楽しみです。文化の政策はありますか。';
    expect(pointsBack(plain, spans(plain, '文化の政策はありますか。').asked)).toBe(false);
    const that = 'りんごを手に持っておられるのを拝見しました。ああいうのを何と言うのでしたか。';
    expect(pointsBack(that, spans(that, 'ああいうのを何と言うのでしたか。').asked)).toBe(true);
    // Casually, with no particle: あれ、場所も移った？ / あれ場所も移った？
    const casual = '消防署、新しくなった。あれ場所も移っただろう？';
    expect(pointsBack(casual, spans(casual, 'あれ場所も移っただろう？').asked)).toBe(true);
    // こちらに, そちらへ: here and there, not what was said.
    const here = '娘が帰ってきたいそうです。こちらに移り住む人への助成金はありますか。';
    expect(pointsBack(here, spans(here, 'こちらに移り住む人への助成金はありますか。').asked)).toBe(false);
    const it = '娘が帰ってきたいそうです。それについて助成金はありますか。';
    expect(pointsBack(it, spans(it, 'それについて助成金はありますか。').asked)).toBe(true);
    const its = '1つ目の柱は市役所の改革だっただろう。あれの合言葉はなんだったかな';
    expect(pointsBack(its, spans(its, 'あれの合言葉はなんだったかな').asked)).toBe(true);
    // そういうの, said casually for そういうこと.
    const kind = '退職してから絵を習いたいんだけど。そういうの市で応援してくれる？';
    expect(pointsBack(kind, spans(kind, 'そういうの市で応援してくれる？').asked)).toBe(true);
  });

  it('reads a time said with a demonstrative (この数年で) as when, not as a thing pointed back to', () => {
    const text = '消防団に入っている者です。消防の建物について、この数年で市は何をしたのでしょうか。';
    const { asked, before } = spans(text, '消防の建物について、この数年で市は何をしたのでしょうか。');
    expect(namesByDemonstrative(text, asked)).toBe(false);
    expect(referentSpan(text, asked, before)).toBeUndefined();
  });

  it('reads such people (そういう方は) as pointing back, but not a thing of theirs (そういった方の出会い)', () => {
    const members = '兄が『小諸ふるさと市民』に登録しました。今そういう方は全部で何人でしょう。';
    expect(pointsBack(members, spans(members, '今そういう方は全部で何人でしょう。').asked)).toBe(true);
    const span = quotedNameSpan(members, spans(members, '今そういう方は全部で何人でしょう。').before);
    expect(span && members.slice(span.start, span.end)).toBe('小諸ふるさと市民');
    const meeting = '息子が独り身です。そういった方の出会いを後押しする取り組みはありますか。';
    expect(pointsBack(meeting, spans(meeting, 'そういった方の出会いを後押しする取り組みはありますか。').asked)).toBe(
      false,
    );
  });

  it('keeps the ordinal of the thing pointed back to (2つ目の柱は…。その柱の名前)', () => {
    const text = '2つ目の柱は漢字一文字でした。その柱の名前は？';
    const { asked, before } = spans(text, 'その柱の名前は？');
    const span = referentSpan(text, asked, before);
    expect(span && text.slice(span.start, span.end)).toBe('2つ目の柱');
  });

  it('reads such a gathering or activity (そういう催し, そういう活動) as pointing back, not such a programme', () => {
    const lunch = '市長さんとお昼を囲む会があったと聞きました。そういう催しは本当に行われているのでしょうか。';
    expect(pointsBack(lunch, spans(lunch, 'そういう催しは本当に行われているのでしょうか。').asked)).toBe(true);
    // そういう事業を見直す names what is asked about in its own words.
    const review = '役目を終えた事業もあると思います。そういう事業を見直していますか。';
    expect(pointsBack(review, spans(review, 'そういう事業を見直していますか。').asked)).toBe(false);
  });
});
