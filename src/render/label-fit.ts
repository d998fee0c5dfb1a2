/**
 * Labels that fit a phone, checked on the messages the bot is about to send (by the renderers'
 * tests, like limits.ts for LINE's own limits). LINE takes a quick-reply label of 20 characters,
 * but a phone cuts it at about 12 full-width ones, and a button's label at its share of the
 * bubble's width; a label cut by the phone (「役に立たなか…」) reads as a slip.
 */
import type { messagingApi } from '@line/bot-sdk';
import { labelBudget, labelWidth } from '../corpus/label-width.js';

/**
 * Every label of `messages` wider than it may be, one readable line each
 * (`"messages[0].quickReply.items[2].action.label: 「…」 is 13 full-width characters (max 12)"`),
 * or an empty array. Quick replies and buttons spanning a bubble take {@link labelBudget}; a
 * button sharing a horizontal row with others takes its share of it.
 */
export function checkLabelFit(messages: readonly messagingApi.Message[]): string[] {
  const violations: string[] = [];
  const check = (label: string | undefined, budget: number, path: string): void => {
    if (label === undefined) return;
    if (labelWidth(label) > budget) {
      violations.push(`${path}: 「${label}」 is ${labelWidth(label)} full-width characters (max ${budget})`);
    }
  };

  const walk = (component: messagingApi.FlexComponent, path: string, budget: number): void => {
    if (component.type === 'button') {
      check(component.action.label, budget, `${path}.action.label`);
    } else if (component.type === 'box') {
      const buttons = component.contents.filter((c) => c.type === 'button').length;
      const share = component.layout === 'horizontal' && buttons > 1 ? Math.floor(budget / buttons) : budget;
      component.contents.forEach((child, i) => walk(child, `${path}.contents[${i}]`, share));
    }
  };

  const walkBubble = (bubble: messagingApi.FlexBubble, path: string): void => {
    for (const block of ['header', 'hero', 'body', 'footer'] as const) {
      const component = bubble[block];
      if (component !== undefined) walk(component, `${path}.${block}`, labelBudget);
    }
  };

  messages.forEach((message, m) => {
    const path = `messages[${m}]`;
    if (message.type === 'flex') {
      const container = message.contents;
      if (container.type === 'bubble') walkBubble(container, `${path}.contents`);
      else container.contents.forEach((bubble, i) => walkBubble(bubble, `${path}.contents.contents[${i}]`));
    }
    message.quickReply?.items?.forEach((item, i) =>
      check(item.action?.label, labelBudget, `${path}.quickReply.items[${i}].action.label`),
    );
  });
  return violations;
}
