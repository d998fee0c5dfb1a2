/**
 * Webhook signatures: LINE's documented test vector checked through the SDK's
 * `validateSignature` and through the fixtures' `sign`, so signed fixture requests are
 * exactly what the SDK middleware expects.
 */
import { validateSignature } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import { sign } from '../support/webhook-fixtures.js';

// From LINE's documentation (see shared/line-openapi/README.md).
const body = '{"destination":"U8e742f61d673b39c7fff3cecb7536ef0","events":[]}';
const channelSecret = '8c570fa6dd201bb328f1c1eac23a96d8';
const signature = 'GhRKmvmHys4Pi8DxkF4+EayaH0OqtJtaZxgTD9fMDLs=';

describe('webhook signature', () => {
  it("accepts LINE's documented test vector through the SDK's validateSignature", () => {
    expect(validateSignature(body, channelSecret, signature)).toBe(true);
  });

  it("computes LINE's documented signature with the fixtures' sign()", () => {
    expect(sign(body, channelSecret)).toBe(signature);
  });

  it('rejects a body tampered with after signing', () => {
    const tampered = body.replace('"events":[]', '"events":[{}]');
    expect(validateSignature(tampered, channelSecret, signature)).toBe(false);
  });

  it('rejects a signature made with another channel secret', () => {
    expect(validateSignature(body, channelSecret, sign(body, 'another-channel-secret'))).toBe(false);
  });

  it('signs the exact bytes, so re-serialising the same JSON with spaces breaks the signature', () => {
    const reformatted = JSON.stringify(JSON.parse(body), null, 2);
    expect(validateSignature(reformatted, channelSecret, signature)).toBe(false);
    expect(validateSignature(reformatted, channelSecret, sign(reformatted, channelSecret))).toBe(true);
  });
});
