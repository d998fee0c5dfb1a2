/**
 * LINE platform limits that the official OpenAPI schemas do not carry.
 *
 * `checkLineLimits` is a pure check run on the messages the bot is about to send (by the
 * renderers' tests and by the fake Messaging API): it walks every message, flex container,
 * component, template, quick reply and action and returns one human-readable line per
 * violation, so a renderer can be fixed before LINE answers 400 in production.
 *
 * Characters are counted in UTF-16 code units (`string.length`), which is what LINE's
 * server-side validation counts: an emoji outside the BMP such as 🍎 counts as 2.
 */
import type { messagingApi } from '@line/bot-sdk';

/** The limits checked by {@link checkLineLimits}; renderers use them to truncate and split. */
export const lineLimits = {
  /** Messages in one reply or push request. */
  messagesPerRequest: 5,
  /** Characters of a text message (`text` and `textV2`). */
  textLength: 5000,
  /** Characters of `altText` (flex, template, imagemap); it must also be non-empty. */
  altTextLength: 1500,
  /** Bubbles in a flex carousel. */
  carouselBubbles: 12,
  /** UTF-8 bytes of `JSON.stringify(bubble)`. */
  bubbleBytes: 30 * 1024,
  /** UTF-8 bytes of `JSON.stringify(carousel)`. */
  carouselBytes: 50 * 1024,
  /** Items in a quick reply. */
  quickReplyItems: 13,
  /** Characters of a quick-reply button label (which must not be empty). */
  quickReplyLabelLength: 20,
  /** Characters of an action label inside a flex message (buttons, and any component's action). */
  flexActionLabelLength: 40,
  /** Characters of an action label in a template message (buttons, confirm, carousel). */
  templateActionLabelLength: 20,
  /** Characters of an action label in an image carousel template column. */
  imageCarouselLabelLength: 12,
  /** Characters of `data` of postback, datetime picker and rich menu switch actions. */
  postbackDataLength: 300,
  /** Characters of `text` of a message action. */
  messageActionTextLength: 300,
  /** Characters of `uri` of a URI action. */
  uriLength: 1000,
} as const;

/** Which label limit applies depends on where the action is displayed. */
type ActionContext = 'flex' | 'quickReply' | 'template' | 'imageCarousel';

const utf8 = new TextEncoder();

function jsonBytes(value: unknown): number {
  return utf8.encode(JSON.stringify(value)).length;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * Returns every LINE platform limit that `messages` break, one readable line each
 * (`"messages[0].contents.contents[3].footer.contents[0].action.label: 41 characters (max 40)"`),
 * or an empty array when the messages are within limits.
 */
export function checkLineLimits(messages: readonly messagingApi.Message[]): string[] {
  const violations: string[] = [];
  const report = (path: string, problem: string): void => {
    violations.push(`${path}: ${problem}`);
  };
  const maxLength = (path: string, value: string | undefined, max: number): void => {
    if (value !== undefined && value.length > max) {
      report(path, `${value.length} characters (max ${max})`);
    }
  };

  const checkAction = (action: messagingApi.Action | undefined, path: string, context: ActionContext): void => {
    if (action === undefined) return;
    const labelMax =
      context === 'flex'
        ? lineLimits.flexActionLabelLength
        : context === 'quickReply'
          ? lineLimits.quickReplyLabelLength
          : context === 'imageCarousel'
            ? lineLimits.imageCarouselLabelLength
            : lineLimits.templateActionLabelLength;
    maxLength(`${path}.label`, action.label, labelMax);
    switch (action.type) {
      case 'postback':
      case 'datetimepicker':
      case 'richmenuswitch':
        maxLength(`${path}.data`, action.data, lineLimits.postbackDataLength);
        break;
      case 'message':
        maxLength(`${path}.text`, action.text, lineLimits.messageActionTextLength);
        break;
      case 'uri':
        maxLength(`${path}.uri`, action.uri, lineLimits.uriLength);
        break;
      default:
        break;
    }
  };

  const checkComponent = (component: messagingApi.FlexComponent, path: string): void => {
    switch (component.type) {
      case 'box':
        checkAction(component.action, `${path}.action`, 'flex');
        component.contents.forEach((child, i) => checkComponent(child, `${path}.contents[${i}]`));
        break;
      case 'button':
        checkAction(component.action, `${path}.action`, 'flex');
        break;
      case 'image':
      case 'text':
        checkAction(component.action, `${path}.action`, 'flex');
        break;
      case 'video':
        checkAction(component.action, `${path}.action`, 'flex');
        checkComponent(component.altContent, `${path}.altContent`);
        break;
      default:
        break;
    }
  };

  const checkBubble = (bubble: messagingApi.FlexBubble, path: string): void => {
    const bytes = jsonBytes(bubble);
    if (bytes > lineLimits.bubbleBytes) {
      report(path, `bubble JSON is ${kb(bytes)} (max ${kb(lineLimits.bubbleBytes)})`);
    }
    checkAction(bubble.action, `${path}.action`, 'flex');
    for (const block of ['header', 'hero', 'body', 'footer'] as const) {
      const component = bubble[block];
      if (component !== undefined) checkComponent(component, `${path}.${block}`);
    }
  };

  const checkContainer = (container: messagingApi.FlexContainer, path: string): void => {
    if (container.type === 'bubble') {
      checkBubble(container, path);
      return;
    }
    if (container.contents.length > lineLimits.carouselBubbles) {
      report(`${path}.contents`, `${container.contents.length} bubbles (max ${lineLimits.carouselBubbles})`);
    }
    const bytes = jsonBytes(container);
    if (bytes > lineLimits.carouselBytes) {
      report(path, `carousel JSON is ${kb(bytes)} (max ${kb(lineLimits.carouselBytes)})`);
    }
    container.contents.forEach((bubble, i) => checkBubble(bubble, `${path}.contents[${i}]`));
  };

  const checkTemplate = (template: messagingApi.Template, path: string): void => {
    switch (template.type) {
      case 'buttons':
        checkAction(template.defaultAction, `${path}.defaultAction`, 'template');
        template.actions.forEach((a, i) => checkAction(a, `${path}.actions[${i}]`, 'template'));
        break;
      case 'confirm':
        template.actions.forEach((a, i) => checkAction(a, `${path}.actions[${i}]`, 'template'));
        break;
      case 'carousel':
        template.columns.forEach((column, c) => {
          checkAction(column.defaultAction, `${path}.columns[${c}].defaultAction`, 'template');
          column.actions.forEach((a, i) => checkAction(a, `${path}.columns[${c}].actions[${i}]`, 'template'));
        });
        break;
      case 'image_carousel':
        template.columns.forEach((column, c) =>
          checkAction(column.action, `${path}.columns[${c}].action`, 'imageCarousel'),
        );
        break;
      default:
        break;
    }
  };

  const checkAltText = (altText: string, path: string): void => {
    if (altText.length === 0) report(path, 'must not be empty');
    maxLength(path, altText, lineLimits.altTextLength);
  };

  if (messages.length > lineLimits.messagesPerRequest) {
    report('messages', `${messages.length} messages (max ${lineLimits.messagesPerRequest} per request)`);
  }

  messages.forEach((message, m) => {
    const path = `messages[${m}]`;
    switch (message.type) {
      case 'text':
      case 'textV2':
        maxLength(`${path}.text`, message.text, lineLimits.textLength);
        break;
      case 'flex':
        checkAltText(message.altText, `${path}.altText`);
        checkContainer(message.contents, `${path}.contents`);
        break;
      case 'template':
        checkAltText(message.altText, `${path}.altText`);
        checkTemplate(message.template, `${path}.template`);
        break;
      case 'imagemap':
        checkAltText(message.altText, `${path}.altText`);
        break;
      default:
        break;
    }

    const items = message.quickReply?.items;
    if (items !== undefined) {
      if (items.length > lineLimits.quickReplyItems) {
        report(`${path}.quickReply.items`, `${items.length} items (max ${lineLimits.quickReplyItems})`);
      }
      items.forEach((item, i) => {
        const actionPath = `${path}.quickReply.items[${i}].action`;
        // The spec leaves label optional, but a quick-reply button without one is refused.
        if (item.action !== undefined && (item.action.label ?? '') === '')
          report(`${actionPath}.label`, 'must not be empty');
        checkAction(item.action, actionPath, 'quickReply');
      });
    }
  });

  return violations;
}
