/**
 * LINE messages as DOM elements, drawn the way the LINE app draws them: Flex bubbles and carousels
 * (boxes, texts and spans, buttons, images, icons, separators, fillers), text balloons, and a
 * visible placeholder for anything else. Plain browser JavaScript, no dependencies.
 *
 * Safety: every string from a message goes into the DOM through textContent or a validated CSS
 * value (colours must be #RRGGBB[AA], lengths px or %, as LINE itself requires); never innerHTML.
 *
 * Sizes and defaults follow LINE's Flex Message renderer: text xxs 11px … 5xl 74px, spacing and
 * margins none/xs 2px/sm 4px/md 8px/lg 12px/xl 16px/xxl 20px, bubble widths nano 120px … giga 500px,
 * block paddings header/body 20px and footer 10px, buttons 52px (sm 40px) high.
 */

/** @typedef {{ onAction?: (action: Record<string, unknown>) => void }} RenderHandlers */

const FONT_SIZES = {
  xxs: '11px',
  xs: '13px',
  sm: '14px',
  md: '16px',
  lg: '19px',
  xl: '22px',
  xxl: '29px',
  '3xl': '35px',
  '4xl': '48px',
  '5xl': '74px',
};
const IMAGE_SIZES = {
  xxs: '40px',
  xs: '60px',
  sm: '80px',
  md: '100px',
  lg: '120px',
  xl: '140px',
  xxl: '160px',
  '3xl': '180px',
  '4xl': '200px',
  '5xl': '240px',
  full: '100%',
};
const SPACES = { none: '0px', xs: '2px', sm: '4px', md: '8px', lg: '12px', xl: '16px', xxl: '20px' };
const BORDER_WIDTHS = { none: '0px', light: '0.5px', normal: '1px', medium: '2px', 'semi-bold': '3px', bold: '4px' };
const CORNER_RADII = { none: '0px', xs: '2px', sm: '4px', md: '8px', lg: '12px', xl: '16px', xxl: '20px' };
const BUBBLE_WIDTHS = {
  nano: '120px',
  micro: '160px',
  deca: '220px',
  hecto: '241px',
  kilo: '260px',
  mega: '300px',
  giga: '500px',
};
const BLOCK_PADDING = { header: '20px', hero: '0px', body: '20px', footer: '10px' };
const JUSTIFY = new Set(['flex-start', 'center', 'flex-end', 'space-between', 'space-around', 'space-evenly']);
const ALIGN = new Set(['flex-start', 'center', 'flex-end']);
const GRAVITY = { top: 'flex-start', center: 'center', bottom: 'flex-end' };
const ALIGN_SELF = { start: 'flex-start', center: 'center', end: 'flex-end' };

const HEX_COLOR = /^#(?:[0-9a-f]{6}|[0-9a-f]{8})$/iu;
const LENGTH = /^(?:\d+(?:\.\d+)?)(?:px|%)$/u;
const PX = /^(?:\d+(?:\.\d+)?)px$/u;

/** A colour LINE accepts (#RRGGBB or #RRGGBBAA), else undefined. */
export function flexColor(value) {
  return typeof value === 'string' && HEX_COLOR.test(value) ? value : undefined;
}

/** A keyword from the table, or a px/% length when `allowLength`; else undefined. */
function lengthOf(value, table, allowLength = true) {
  if (typeof value !== 'string') return undefined;
  if (table && Object.hasOwn(table, value)) return table[value];
  return allowLength && LENGTH.test(value) ? value : undefined;
}

/** Create an element with classes and, optionally, text (always as textContent). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/** A visible stand-in for something the preview cannot draw, so nothing disappears silently. */
/** Append a term and its value (text, or a node) to a <dl>. */
export function definition(list, term, value) {
  list.append(el('dt', '', term));
  const dd = el('dd');
  if (value instanceof Node) dd.append(value);
  else dd.textContent = value;
  list.append(dd);
}

export function placeholder(what, detail) {
  const node = el('div', 'fx-unknown');
  node.append(el('span', 'fx-unknown-label', `未対応の要素: ${what}`));
  if (detail) node.append(el('span', 'fx-unknown-detail', detail));
  return node;
}

/** Describe an action for a tooltip: what tapping does in LINE. */
export function describeAction(action) {
  if (!action || typeof action !== 'object') return '';
  switch (action.type) {
    case 'message':
      return `メッセージ送信: ${action.text ?? ''}`;
    case 'postback':
      return `ポストバック: ${action.data ?? ''}${action.displayText ? `（表示: ${action.displayText}）` : ''}`;
    case 'uri':
      return `リンク: ${action.uri ?? ''}`;
    default:
      return `アクション: ${String(action.type)}`;
  }
}

function bindAction(node, action, handlers) {
  if (!action || typeof action !== 'object') return;
  node.classList.add('fx-tappable');
  node.title = describeAction(action);
  node.addEventListener('click', (event) => {
    event.stopPropagation();
    handlers.onAction?.(action);
  });
}

/** Flex grow/shrink as LINE sets it: 1 in a horizontal box, 0 (natural size) in a vertical one. */
function applyFlex(node, component, parentLayout) {
  const horizontal = parentLayout === 'horizontal' || parentLayout === 'baseline';
  const flex = Number.isInteger(component.flex) && component.flex >= 0 ? component.flex : horizontal ? 1 : 0;
  node.style.flex = flex === 0 ? '0 0 auto' : `${flex} 1 0px`;
}

/** The space before a child: its own margin wins over the parent's spacing; none before the first. */
function applyGap(node, component, parent, index) {
  if (index === 0) return;
  const gap = lengthOf(component.margin, SPACES, true) ?? lengthOf(parent.spacing, SPACES, true);
  if (!gap) return;
  if (parent.layout === 'vertical') node.style.marginTop = gap;
  else node.style.marginInlineStart = gap;
}

function applyPosition(node, component) {
  if (component.position === 'absolute') node.style.position = 'absolute';
  const offsets = {
    offsetTop: 'top',
    offsetBottom: 'bottom',
    offsetStart: 'insetInlineStart',
    offsetEnd: 'insetInlineEnd',
  };
  for (const [prop, css] of Object.entries(offsets)) {
    const value = lengthOf(component[prop], SPACES, true);
    if (value) node.style[css] = value;
  }
}

/** What every child of a box gets: flex, the gap before it, position and offsets. */
function placeChild(node, component, parent, index) {
  applyFlex(node, component, parent.layout);
  applyGap(node, component, parent, index);
  applyPosition(node, component);
  const gravity = GRAVITY[component.gravity];
  if (gravity && parent.layout !== 'vertical') node.style.alignSelf = gravity;
}

function renderBox(box, handlers) {
  const layout = ['vertical', 'horizontal', 'baseline'].includes(box.layout) ? box.layout : 'vertical';
  const node = el('div', `fx-box fx-${layout}`);
  node.dataset.flexType = 'box';
  const style = node.style;
  const background = flexColor(box.backgroundColor);
  if (background) style.backgroundColor = background;
  const gradient = box.background;
  if (gradient && gradient.type === 'linearGradient') {
    const start = flexColor(gradient.startColor);
    const end = flexColor(gradient.endColor);
    const center = flexColor(gradient.centerColor);
    const angle =
      typeof gradient.angle === 'string' && /^\d+(?:\.\d+)?deg$/u.test(gradient.angle) ? gradient.angle : '0deg';
    const centerPosition = lengthOf(gradient.centerPosition, undefined) ?? '50%';
    if (start && end) {
      style.backgroundImage = center
        ? `linear-gradient(${angle}, ${start} 0%, ${center} ${centerPosition}, ${end} 100%)`
        : `linear-gradient(${angle}, ${start}, ${end})`;
    }
  }
  const borderWidth = lengthOf(box.borderWidth, BORDER_WIDTHS);
  const borderColor = flexColor(box.borderColor);
  if (borderWidth || borderColor) {
    style.borderStyle = 'solid';
    style.borderWidth = borderWidth ?? '1px';
    style.borderColor = borderColor ?? '#000000';
  }
  const radius = lengthOf(box.cornerRadius, CORNER_RADII);
  if (radius) style.borderRadius = radius;
  for (const [prop, css] of [
    ['width', 'width'],
    ['maxWidth', 'maxWidth'],
    ['height', 'height'],
    ['maxHeight', 'maxHeight'],
  ]) {
    const value = lengthOf(box[prop], undefined);
    if (value) style[css] = value;
  }
  const paddingAll = lengthOf(box.paddingAll, SPACES);
  if (paddingAll) style.padding = paddingAll;
  for (const [prop, css] of [
    ['paddingTop', 'paddingTop'],
    ['paddingBottom', 'paddingBottom'],
    ['paddingStart', 'paddingInlineStart'],
    ['paddingEnd', 'paddingInlineEnd'],
  ]) {
    const value = lengthOf(box[prop], SPACES);
    if (value) style[css] = value;
  }
  if (JUSTIFY.has(box.justifyContent)) style.justifyContent = box.justifyContent;
  if (ALIGN.has(box.alignItems) && layout !== 'baseline') style.alignItems = box.alignItems;

  const contents = Array.isArray(box.contents) ? box.contents : [];
  contents.forEach((child, index) => {
    const childNode = renderComponent(child, handlers, layout);
    placeChild(childNode, child ?? {}, { layout, spacing: box.spacing }, index);
    node.append(childNode);
  });
  bindAction(node, box.action, handlers);
  return node;
}

function applyTextStyle(node, props) {
  const size = lengthOf(props.size, FONT_SIZES, true);
  if (size && (Object.hasOwn(FONT_SIZES, props.size) || PX.test(props.size))) node.style.fontSize = size;
  if (props.weight === 'bold') node.style.fontWeight = '700';
  if (props.style === 'italic') node.style.fontStyle = 'italic';
  if (props.decoration === 'underline' || props.decoration === 'line-through')
    node.style.textDecoration = props.decoration;
  const color = flexColor(props.color);
  if (color) node.style.color = color;
}

function renderText(text, handlers) {
  const node = el('div', 'fx-text');
  node.dataset.flexType = 'text';
  const spans = Array.isArray(text.contents) ? text.contents.filter((s) => s && s.type === 'span') : [];
  if (spans.length > 0) {
    for (const span of spans) {
      const spanNode = el('span', 'fx-span', span.text ?? '');
      applyTextStyle(spanNode, span);
      node.append(spanNode);
    }
  } else {
    node.textContent = typeof text.text === 'string' ? text.text : '';
  }
  applyTextStyle(node, text);
  if (text.size === undefined) node.style.fontSize = FONT_SIZES.md;
  if (text.wrap === true) {
    node.classList.add('fx-wrap');
    if (Number.isInteger(text.maxLines) && text.maxLines > 0) {
      node.classList.add('fx-clamp');
      node.style.webkitLineClamp = String(text.maxLines);
    }
    const lineSpacing = lengthOf(text.lineSpacing, undefined);
    if (lineSpacing && PX.test(lineSpacing)) node.style.lineHeight = `calc(1.4em + ${lineSpacing})`;
  }
  if (text.align === 'start' || text.align === 'end' || text.align === 'center') node.style.textAlign = text.align;
  bindAction(node, text.action, handlers);
  return node;
}

function renderButton(button, handlers) {
  const style = ['primary', 'secondary', 'link'].includes(button.style) ? button.style : 'link';
  const node = el('button', `fx-button fx-button-${style}${button.height === 'sm' ? ' fx-button-sm' : ''}`);
  node.type = 'button';
  node.dataset.flexType = 'button';
  const action = button.action && typeof button.action === 'object' ? button.action : undefined;
  node.append(el('span', 'fx-button-label', action?.label ?? ''));
  const color = flexColor(button.color);
  if (color) {
    if (style === 'link') node.style.color = color;
    else node.style.backgroundColor = color;
  }
  bindAction(node, action, handlers);
  return node;
}

/** "W:H" as a CSS aspect-ratio, LINE's default 1:1 otherwise. */
function aspectRatioOf(value) {
  const match = typeof value === 'string' ? /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/u.exec(value) : null;
  return match && Number(match[1]) > 0 && Number(match[2]) > 0 ? `${match[1]} / ${match[2]}` : '1 / 1';
}

function imageElement(url, altText) {
  const img = document.createElement('img');
  img.alt = altText;
  img.decoding = 'async';
  img.referrerPolicy = 'no-referrer';
  img.addEventListener('error', () => img.parentElement?.classList.add('fx-image-broken'));
  if (typeof url === 'string' && /^https:\/\//u.test(url)) img.src = url;
  else queueMicrotask(() => img.parentElement?.classList.add('fx-image-broken'));
  return img;
}

function renderImage(image, handlers, parentLayout) {
  const node = el('div', 'fx-image');
  node.dataset.flexType = 'image';
  const size = lengthOf(image.size ?? 'md', IMAGE_SIZES) ?? IMAGE_SIZES.md;
  node.style.width = size;
  node.style.maxWidth = '100%';
  node.style.aspectRatio = aspectRatioOf(image.aspectRatio);
  const background = flexColor(image.backgroundColor);
  if (background) node.style.backgroundColor = background;
  if (parentLayout === 'vertical' || parentLayout === undefined) {
    node.style.alignSelf = ALIGN_SELF[image.align] ?? 'center';
  }
  const img = imageElement(image.url, '画像');
  img.style.objectFit = image.aspectMode === 'cover' ? 'cover' : 'contain';
  node.append(img, el('span', 'fx-image-fallback', '画像'));
  bindAction(node, image.action, handlers);
  return node;
}

function renderIcon(icon) {
  const size = lengthOf(icon.size ?? 'md', FONT_SIZES) ?? FONT_SIZES.md;
  const node = el('span', 'fx-icon');
  node.dataset.flexType = 'icon';
  node.style.height = size;
  node.style.aspectRatio = aspectRatioOf(icon.aspectRatio);
  node.append(imageElement(icon.url, ''));
  return node;
}

function renderSeparator(separator, parentLayout) {
  const node = el('div', `fx-separator ${parentLayout === 'vertical' ? 'fx-separator-h' : 'fx-separator-v'}`);
  node.dataset.flexType = 'separator';
  const color = flexColor(separator.color);
  if (color) node.style.borderColor = color;
  return node;
}

/**
 * One Flex component (box, text, button, image, icon, separator, filler, spacer, video) as an
 * element; any other type, or a value that is not a component, as a visible placeholder.
 */
export function renderComponent(component, handlers = {}, parentLayout = 'vertical') {
  if (!component || typeof component !== 'object') return placeholder(String(component));
  switch (component.type) {
    case 'box':
      return renderBox(component, handlers);
    case 'text':
      return renderText(component, handlers);
    case 'button':
      return renderButton(component, handlers);
    case 'image':
      return renderImage(component, handlers, parentLayout);
    case 'icon':
      return renderIcon(component);
    case 'separator':
      return renderSeparator(component, parentLayout);
    case 'filler': {
      const node = el('div', 'fx-filler');
      node.dataset.flexType = 'filler';
      return node;
    }
    case 'spacer': {
      const node = el('div', 'fx-filler');
      node.style.minHeight = SPACES[component.size] ?? SPACES.md;
      return node;
    }
    case 'video':
      return placeholder('video', 'LINEアプリでは動画が再生されます');
    default:
      return placeholder(String(component.type), typeof component.text === 'string' ? component.text : undefined);
  }
}

/** A Flex bubble: header, hero, body and footer blocks, each with its style. */
export function renderBubble(bubble, handlers = {}) {
  const size = Object.hasOwn(BUBBLE_WIDTHS, bubble.size) ? bubble.size : 'mega';
  const node = el('div', `fx-bubble fx-bubble-${size}`);
  node.dataset.flexType = 'bubble';
  node.style.width = BUBBLE_WIDTHS[size];
  if (bubble.direction === 'rtl') node.dir = 'rtl';
  const styles = bubble.styles && typeof bubble.styles === 'object' ? bubble.styles : {};
  let first = true;
  for (const block of ['header', 'hero', 'body', 'footer']) {
    const content = bubble[block];
    if (!content || typeof content !== 'object') continue;
    const blockStyle = styles[block] && typeof styles[block] === 'object' ? styles[block] : {};
    const blockNode = el('div', `fx-block fx-${block}`);
    const background = flexColor(blockStyle.backgroundColor);
    if (background) blockNode.style.backgroundColor = background;
    if (blockStyle.separator === true && !first) {
      blockNode.classList.add('fx-block-separated');
      const color = flexColor(blockStyle.separatorColor);
      if (color) blockNode.style.borderTopColor = color;
    }
    const inner = renderComponent(content, handlers, 'vertical');
    if (content.type === 'box' && !lengthOf(content.paddingAll, SPACES)) {
      inner.style.padding = BLOCK_PADDING[block];
      // Explicit sides still win over the block default.
      for (const [prop, css] of [
        ['paddingTop', 'paddingTop'],
        ['paddingBottom', 'paddingBottom'],
        ['paddingStart', 'paddingInlineStart'],
        ['paddingEnd', 'paddingInlineEnd'],
      ]) {
        const value = lengthOf(content[prop], SPACES);
        if (value) inner.style[css] = value;
      }
    }
    blockNode.append(inner);
    node.append(blockNode);
    first = false;
  }
  bindAction(node, bubble.action, handlers);
  return node;
}

/** A Flex container: one bubble, or a carousel of bubbles that scrolls sideways. */
export function renderFlexContainer(container, handlers = {}) {
  if (container?.type === 'bubble') return renderBubble(container, handlers);
  if (container?.type === 'carousel') {
    const node = el('div', 'fx-carousel');
    node.dataset.flexType = 'carousel';
    const bubbles = Array.isArray(container.contents) ? container.contents : [];
    for (const bubble of bubbles) {
      node.append(bubble?.type === 'bubble' ? renderBubble(bubble, handlers) : placeholder(String(bubble?.type)));
    }
    return node;
  }
  return placeholder(String(container?.type));
}

/**
 * One LINE message as the element LINE shows in the chat: a text balloon, a Flex bubble or
 * carousel, an image; a sticker, template or anything else as a labelled placeholder (its altText).
 * Quick replies are not drawn here: LINE shows them under the last message, outside it.
 */
export function renderMessage(message, handlers = {}) {
  switch (message?.type) {
    case 'text': {
      const node = el('div', 'chat-balloon', message.text ?? '');
      node.dataset.messageType = 'text';
      return node;
    }
    case 'flex': {
      const node = renderFlexContainer(message.contents, handlers);
      node.dataset.messageType = 'flex';
      return node;
    }
    case 'image': {
      const node = el('div', 'chat-image');
      node.dataset.messageType = 'image';
      node.append(
        imageElement(message.previewImageUrl ?? message.originalContentUrl, '画像'),
        el('span', 'fx-image-fallback', '画像'),
      );
      return node;
    }
    case 'sticker':
      return placeholder('スタンプ', `packageId ${message.packageId} / stickerId ${message.stickerId}`);
    default:
      return placeholder(
        `${String(message?.type)} メッセージ`,
        typeof message?.altText === 'string' ? message.altText : undefined,
      );
  }
}
