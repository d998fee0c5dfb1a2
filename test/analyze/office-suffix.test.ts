import { describe, expect, it } from 'vitest';
import { writeOfficeSuffixes } from '../../src/analyze/office-suffix.js';
import { bundledEngine } from '../support/bot-server.js';

const corpus = '市役所にスポーツ課を創設しました。インバウンド係とブランド局もあります。';

describe('writeOfficeSuffixes', () => {
  it('writes an office typed in kana after a katakana name (スポーツか, インバウンドかかり) as the corpus does', () => {
    expect(writeOfficeSuffixes('スポーツかってできたの?', corpus)).toBe('スポーツ課ってできたの?');
    expect(writeOfficeSuffixes('スポーツか作ったって', corpus)).toBe('スポーツ課作ったって');
    expect(writeOfficeSuffixes('インバウンドかかりは何をするの', corpus)).toBe('インバウンド係は何をするの');
    expect(writeOfficeSuffixes('ブランドきょくって', corpus)).toBe('ブランド局って');
  });

  it('leaves か a question particle where the corpus has no such office (ワインかビールか)', () => {
    expect(writeOfficeSuffixes('ワインかビールか', corpus)).toBe('ワインかビールか');
    expect(writeOfficeSuffixes('スポーツかな?', corpus)).toBe('スポーツかな?');
  });

  it('answers with the office that was created, not with sports in general', async () => {
    const engine = await bundledEngine();
    const { decision } = engine.ask('スポーツかって いつ できたの？');
    expect(decision.hits[0]?.entry.id).toBe('sports-division');
  });
});
