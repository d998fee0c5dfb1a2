import { describe, expect, it } from 'vitest';
import { asksOfOtherPeople } from '../../src/decide/other-people.js';

describe('asksOfOtherPeople', () => {
  const children = 'トップアスリートと子どもたちの交流事業を行いました。';

  it('finds a question about a group of people an entry for another group does not name', () => {
    expect(asksOfOtherPeople('トップアスリートがお年寄りに運動を教える交流会ってある？', children)).toBe(true);
  });

  it('lets through a question about the group the entry names, or one naming no group', () => {
    expect(asksOfOtherPeople('トップアスリートと子どもの交流会ってある？', children)).toBe(false);
    expect(asksOfOtherPeople('トップアスリートとの交流会ってある？', children)).toBe(false);
  });

  it('reads a group inside a compound (老人会で話が出た) as a thing, not whom it is for', () => {
    expect(asksOfOtherPeople('先日の老人会で、交流事業のことが話題になりました', children)).toBe(false);
  });
});
