import { describe, expect, it } from 'vitest';
import type { SynonymGroups } from '../../src/corpus/entry.js';
import { buildSynonymMap, findSynonymSpans, restrictGroups } from '../../src/analyze/synonyms.js';

// A corpus text the way corpusText() gives it: normalised, one field per line.
const corpus = [
  '超過勤務時間を12.81%削減',
  'ふるさと納税の寄付額が50.5倍に',
  '移住定住ポータルを開設',
  '区と行政の関係',
].join('\n');

const groups: SynonymGroups = [
  ['残業', '超過勤務', '時間外勤務'],
  ['寄付', '寄附', 'カンパ'],
  ['シカ', '鹿', 'ニホンジカ'], // no word in the corpus
  ['区', '地区', 'エリア'],
  ['ため', '為', '目的'],
  ['引っ越し', '移住', '転居'],
  ['転居', '移転', '移住'], // 転居 and 移住 are in two groups
];

const keysAndTargets = (text: string) => Object.fromEntries(buildSynonymMap(groups, text).byPhrase);

describe('buildSynonymMap', () => {
  it('maps every word of a group to the words of the group that occur in the corpus', () => {
    const map = keysAndTargets(corpus);
    expect(map['残業']).toEqual(['超過勤務']);
    expect(map['時間外勤務']).toEqual(['超過勤務']);
    expect(map['寄附']).toEqual(['寄付']);
    expect(map['カンパ']).toEqual(['寄付']);
  });

  it('never maps a word to itself, so a word alone in the corpus is no key', () => {
    const map = keysAndTargets(corpus);
    expect(map['超過勤務']).toBeUndefined();
    expect(map['寄付']).toBeUndefined();
  });

  it('ignores a group none of whose words occurs in the corpus', () => {
    expect(keysAndTargets(corpus)['シカ']).toBeUndefined();
  });

  it('skips one-character keys and two-hiragana keys but keeps them as targets', () => {
    const map = keysAndTargets(corpus);
    expect(map['区']).toBeUndefined();
    expect(map['エリア']).toEqual(['区']);
    expect(keysAndTargets('その目的のため')['ため']).toBeUndefined();
    expect(keysAndTargets('その目的のため')['目的']).toEqual(['ため']);
  });

  it('merges the targets of a word that belongs to several groups', () => {
    const map = keysAndTargets('移住と移転');
    expect(map['転居']).toEqual(['移住', '移転']);
    expect(map['引っ越し']).toEqual(['移住']);
    expect(map['移住']).toEqual(['移転']);
  });

  it('keys a phrase with を after a noun also without it, as people say it (お金借りる)', () => {
    const map = buildSynonymMap([['融資', 'お金を借り']], '融資を受ける');
    expect(Object.fromEntries(map.byPhrase)).toEqual({ お金を借り: ['融資'], お金借り: ['融資'] });
    expect(findSynonymSpans('中小企業がお金借りるとき', map).map((s) => s.phrase)).toEqual(['お金借り']);
  });

  it('drops repeated words within a group', () => {
    const map = buildSynonymMap([['残業', '残業', '超過勤務', '超過勤務']], corpus).byPhrase;
    expect(Object.fromEntries(map)).toEqual({ 残業: ['超過勤務'] });
  });

  it('knows the length of its longest key', () => {
    expect(buildSynonymMap(groups, corpus).maxPhraseLength).toBe('時間外勤務'.length);
    expect(buildSynonymMap([], corpus)).toEqual({ byPhrase: new Map(), maxPhraseLength: 0, lengthsByStart: new Map() });
  });

  it('finds a word at the very start, the very end or spread over the whole corpus text', () => {
    const word = ['住民', '市民'];
    expect(Object.fromEntries(buildSynonymMap([word], '').byPhrase)).toEqual({});
    expect(Object.fromEntries(buildSynonymMap([word], '市民').byPhrase)).toEqual({ 住民: ['市民'] });
    expect(Object.fromEntries(buildSynonymMap([word], 'あ市民').byPhrase)).toEqual({ 住民: ['市民'] });
    expect(Object.fromEntries(buildSynonymMap([word], '市').byPhrase)).toEqual({});
    expect(Object.fromEntries(buildSynonymMap([['市民会館', '公会堂']], '市民会 市民会館').byPhrase)).toEqual({
      公会堂: ['市民会館'],
    });
    expect(Object.fromEntries(buildSynonymMap([['市民会館', '公会堂']], '市民会 民会館').byPhrase)).toEqual({});
  });
});

describe('findSynonymSpans', () => {
  const map = buildSynonymMap(
    [
      ['残業', '超過勤務'],
      ['残業時間', '超過勤務時間'],
      ['時間外', '超過勤務'],
      ['pr', '広報'],
    ],
    '超過勤務時間 広報',
  );

  it('takes the longest key at a position and gives where it is', () => {
    expect(findSynonymSpans('残業時間は?', map)).toEqual([
      { start: 0, end: 4, phrase: '残業時間', targets: ['超過勤務時間'] },
    ]);
  });

  it('finds keys left to right without overlapping', () => {
    const spans = findSynonymSpans('残業と時間外の残業時間', map);
    expect(spans.map((s) => [s.start, s.end, s.phrase])).toEqual([
      [0, 2, '残業'],
      [3, 6, '時間外'],
      [7, 11, '残業時間'],
    ]);
  });

  it('still reports a key that also occurs in the corpus, with its targets', () => {
    const withCorpusKey = buildSynonymMap([['残業', '超過勤務']], '残業 超過勤務');
    expect(findSynonymSpans('残業', withCorpusKey)).toEqual([
      { start: 0, end: 2, phrase: '残業', targets: ['超過勤務'] },
    ]);
  });

  it('matches an ascii key only as a whole ascii word', () => {
    expect(findSynonymSpans('pr動画', map).map((s) => s.phrase)).toEqual(['pr']);
    expect(findSynonymSpans('aprilのイベント', map)).toEqual([]);
  });

  it('matches a hiragana key only beside particles, not inside a longer kana word', () => {
    const kana = buildSynonymMap([['係', 'かかり']], '係長');
    expect(findSynonymSpans('お金はかかりますか', kana)).toEqual([]);
    expect(findSynonymSpans('市のかかりは', kana).map((s) => s.phrase)).toEqual(['かかり']);
  });

  it('matches a katakana key only as a whole katakana word, not a piece of a loanword', () => {
    const loan = buildSynonymMap([['広告', 'アド']], '広告');
    expect(findSynonymSpans('家に来てアドバイスしてくれる', loan)).toEqual([]);
    expect(findSynonymSpans('市のアドは', loan).map((s) => s.phrase)).toEqual(['アド']);
  });

  it('finds nothing in an empty question or with an empty map', () => {
    expect(findSynonymSpans('', map)).toEqual([]);
    expect(findSynonymSpans('残業', buildSynonymMap([], ''))).toEqual([]);
  });
});

describe('restrictGroups', () => {
  it('keeps the groups with at least one word in the corpus, unchanged and in order', () => {
    expect(restrictGroups(groups, corpus)).toEqual([groups[0], groups[1], groups[3], groups[5], groups[6]]);
  });

  it('gives the same groups as a plain substring search', () => {
    const text = '小諸市の高齢者福祉センターと子育て支援 ボランティア';
    const many: SynonymGroups = [
      ['高齢', 'x'],
      ['福祉セ', 'y'],
      ['センターと子', 'z'],
      ['支援 ボ', 'w'],
      ['ンティアx', 'v'],
      ['小諸市の高齢者福祉センターと子育て支援 ボランティア', 'u'],
    ];
    expect(restrictGroups(many, text)).toEqual(many.filter((g) => g.some((w) => text.includes(w))));
  });
});
