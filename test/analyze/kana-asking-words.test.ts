import { describe, expect, it } from 'vitest';
import { spellAskingWords } from '../../src/analyze/kana-asking-words.js';

describe('spellAskingWords', () => {
  it('writes a count typed in kana (なん and a counter) as 何 and the counter', () => {
    expect(spellAskingWords('なんにんがもらった')).toBe('何人がもらった');
    expect(spellAskingWords('ひょうこうはなんめーとる')).toBe('ひょうこうは何メートル');
    expect(spellAskingWords('なんろせんはいる')).toBe('何路線はいる');
    expect(spellAskingWords('どんな ものが はいるの')).toBe('どんな ものが 入るの');
    expect(spellAskingWords('2020年度は なん けんだった')).toBe('2020年度は 何件だった');
    expect(spellAskingWords('ふるさと市民の とうろく方法')).toBe('ふるさと市民の 登録方法');
    expect(spellAskingWords('なんだいとめられる')).toBe('何台とめられる');
  });

  it('reads a counter typed as another kanji of its sound (何気あります: 何基), not 何気ない', () => {
    expect(spellAskingWords('エレベーターは何気ありますか')).toBe('エレベーターは何基ありますか');
    expect(spellAskingWords('何気なく見ていた')).toBe('何気なく見ていた');
    // Any kanji sharing a counter's sound (何権: 何件, 何培: 何倍), but not a counter or word of its own.
    expect(spellAskingWords('差押はH30で何権でしたか')).toBe('差押はH30で何件でしたか');
    expect(spellAskingWords('寄付は何培になった')).toBe('寄付は何倍になった');
    expect(spellAskingWords('何軒ありますか')).toBe('何軒ありますか');
    expect(spellAskingWords('何者ですか')).toBe('何者ですか');
  });

  it('leaves なん that counts nothing as it is (なんで, なんの, なんか, なんだい at the end)', () => {
    for (const text of ['なんでやめたの', 'なんのため', 'なんかかわった', 'それはなんだい?', 'ぜんぶでなんだい']) {
      expect(spellAskingWords(text), text).toBe(text);
    }
  });

  it('writes words that name the fact asked as the intent patterns read them', () => {
    expect(spellAskingWords('ぽーたるのあどれすをおしえて')).toBe('ぽーたるのアドレスをおしえて');
    expect(spellAskingWords('ばすのじこくひょうは')).toBe('ばすの時刻表は');
    // Half converted, the kanji after the kana.
    expect(spellAskingWords('図書館のかいかん時間')).toBe('図書館の開館時間');
    expect(spellAskingWords('つぎのにっていは')).toBe('つぎの日程は');
    // What a count counts, after いくつの (いくつの く で: in how many districts), not く inside a word.
    expect(spellAskingWords('ぼうさいくんれん は いくつの く で やったの')).toBe(
      'ぼうさいくんれん は いくつの 区 で やったの',
    );
    expect(spellAskingWords('いくつのくるまで')).toBe('いくつのくるまで');
    expect(spellAskingWords('えあこんは どこの がっこうに ついたの')).toBe('えあこんは どこの 学校に ついたの');
    expect(spellAskingWords('いたくさきのかいしゃめいは')).toBe('いたくさきの会社名は');
    expect(spellAskingWords('かんこうきょくのでんわばんごうおしえて')).toBe('かんこうきょくの電話番号おしえて');
    expect(spellAskingWords('いくじそうだんは なんようびに やってますか よやくは いりますか')).toBe(
      'いくじそうだんは 何曜日に やってますか 予約は いりますか',
    );
  });

  it('reads a word only where one may start, not inside another word typed in kana', () => {
    // ねだん inside かきねだんだん is no price.
    expect(spellAskingWords('かきねだんだん')).toBe('かきねだんだん');
    expect(spellAskingWords('くだもののねだん')).toBe('くだものの値段');
  });
});
