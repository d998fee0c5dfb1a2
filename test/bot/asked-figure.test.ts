import { beforeAll, describe, expect, it } from 'vitest';
import type { messagingApi } from '@line/bot-sdk';
import { askResult } from '../../src/bot/ask-result.js';
import type { Engine } from '../../src/bot/engine.js';
import { bundledEngine } from '../support/bot-server.js';

let engine: Engine;
beforeAll(async () => {
  engine = await bundledEngine();
});

function flexOf(question: string): messagingApi.FlexMessage {
  const flex = askResult(engine, question).messages.find((m): m is messagingApi.FlexMessage => m.type === 'flex');
  if (!flex) throw new Error(`no flex answer for ${question}`);
  return flex;
}

describe('answers to questions about numbers', () => {
  it('lead with the figure in the unit asked for, in the alt text and first in the bubble', () => {
    // The seizures entry has a count (件) and an amount (千円): 何件 asks for the count.
    const count = flexOf('差し押さえは何件？');
    expect(count.altText).toMatch(/^差押件数は102件→140件/);
    const amount = flexOf('差し押さえの金額はいくら？');
    expect(amount.altText).toMatch(/^換価額は3,536千円→5,533千円/);
  });

  it('rank first the entry whose figures answer the question', () => {
    const result = askResult(engine, 'ふるさと市民は何人？');
    expect(result.hits[0]?.text).toContain('3,682人');
  });
});
