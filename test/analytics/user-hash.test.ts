import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashUserId, randomSalt } from '../../src/analytics/user-hash.js';

const userId = 'U4af4980629a1b2c3d4e5f60718293a4b';

describe('hashUserId', () => {
  it('is the HMAC-SHA256 of the user id keyed by the salt, in hex', () => {
    const expected = createHmac('sha256', 'salt-0123456789abcdef').update(userId).digest('hex');
    expect(hashUserId(userId, 'salt-0123456789abcdef')).toBe(expected);
    expect(hashUserId(userId, 'salt-0123456789abcdef')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same hash for the same user and salt, so distinct users can be counted', () => {
    expect(hashUserId(userId, 'a-fixed-salt-value')).toBe(hashUserId(userId, 'a-fixed-salt-value'));
    expect(hashUserId(userId, 'a-fixed-salt-value')).not.toBe(
      hashUserId('U0000000000000000000000000000000a', 'a-fixed-salt-value'),
    );
  });

  it('gives another hash with another salt, so hashes cannot be matched without the salt', () => {
    expect(hashUserId(userId, 'first-salt-value-1')).not.toBe(hashUserId(userId, 'second-salt-value-2'));
  });

  it('never contains the user id', () => {
    expect(hashUserId(userId, randomSalt())).not.toContain(userId.slice(1));
  });
});

describe('randomSalt', () => {
  it('is 32 random bytes in hex, different every time', () => {
    expect(randomSalt()).toMatch(/^[0-9a-f]{64}$/);
    expect(randomSalt()).not.toBe(randomSalt());
  });
});
