/**
 * Apply imported entries to the corpus's YAML entry files (pure: file texts in, new texts out).
 * An entry whose id a file already holds is updated in place, field by field, through the yaml
 * Document API, so the other entries, the comments, the key order and the scalar and flow styles
 * stay as they were and staff see a small diff. A new entry is appended to one file for new
 * entries. Files nothing changed in are not returned.
 */
import { isMap, isScalar, isSeq, Pair, parseDocument, type Document, type Node, YAMLMap, type YAMLSeq } from 'yaml';
import { Entry } from './entry.js';
import type { SourceFile } from './parse-yaml.js';

/**
 * How an entry file is printed: never folded, and with flow lists written [a, b] as in the corpus
 * or [ a, b ] when that is how the file writes them (the first that prints it back unchanged).
 */
const printOptions = [
  { lineWidth: 0, flowCollectionPadding: false },
  { lineWidth: 0, flowCollectionPadding: true },
] as const;

/** The key order of a new entry (and where a field missing from an entry is inserted). */
const entryKeys = [
  'id',
  'pillar',
  'kind',
  'title',
  'shortTitle',
  'body',
  'figures',
  'period',
  'keywords',
  'phrasings',
  'results',
  'source',
] as const;
/** Lists written on one line, [a, b], as in the corpus files. */
const flowLists: ReadonlySet<string> = new Set(['keywords', 'results']);
const figureKeys = ['label', 'before', 'after', 'unit', 'period', 'approximate', 'note'] as const;
const sourceKeys = ['section', 'line'] as const;

/** The comment a new file for new entries starts with. */
export const newEntriesFileComment =
  ' Entries added from a spreadsheet (npm run corpus -- import). They may be moved to the file of their pillar.';

export interface EntryWrites {
  /** The files whose text changed, with their new text (the file for new entries when it is created). */
  readonly files: readonly SourceFile[];
  readonly added: readonly string[];
  readonly updated: readonly string[];
  readonly unchanged: readonly string[];
}

/**
 * Add and update entries. `files` are the corpus's entry files (valid YAML with an `entries`
 * list); an entry whose id one of them holds replaces it there, any other entry is appended to
 * `newEntriesFile` (one of `files`, or a new file of that name).
 */
export function writeEntries(files: readonly SourceFile[], entries: readonly Entry[], newEntriesFile: string): EntryWrites {
  const docs = new Map<string, Document>();
  const where = new Map<string, { readonly file: string; readonly node: YAMLMap }>();
  for (const file of files) {
    const doc = parseDocument(file.text);
    if (doc.errors.length > 0) throw new Error(`${file.name} is not valid YAML: ${doc.errors[0]?.message ?? ''}`);
    docs.set(file.name, doc);
    for (const item of entriesOf(doc, file.name).items) {
      const id = isMap(item) ? item.get('id') : undefined;
      if (typeof id === 'string' && isMap(item) && !where.has(id)) where.set(id, { file: file.name, node: item });
    }
  }

  const added: string[] = [];
  const updated: string[] = [];
  const unchanged: string[] = [];
  const changed = new Set<string>();
  for (const entry of entries) {
    const held = where.get(entry.id);
    const heldIn = held && docs.get(held.file);
    const next = plainEntry(entry);
    if (held && heldIn) {
      const current = Entry.safeParse(held.node.toJS(heldIn));
      if (current.success && sameValue(plainEntry(current.data), next)) {
        unchanged.push(entry.id);
        continue;
      }
      syncMap(heldIn, held.node, next, entryKeys);
      changed.add(held.file);
      updated.push(entry.id);
    } else {
      let doc = docs.get(newEntriesFile);
      if (!doc) {
        doc = parseDocument(`#${newEntriesFileComment}\nentries: []\n`);
        docs.set(newEntriesFile, doc);
      }
      const list = entriesOf(doc, newEntriesFile);
      list.flow = false;
      const created = entryNode(doc, next);
      created.spaceBefore = list.items.length > 0;
      list.items.push(created);
      where.set(entry.id, { file: newEntriesFile, node: created });
      changed.add(newEntriesFile);
      added.push(entry.id);
    }
  }

  const out: SourceFile[] = [];
  for (const [name, doc] of docs) {
    if (!changed.has(name)) continue;
    const before = files.find((f) => f.name === name)?.text;
    const options = printOptions.find((o) => before !== undefined && parseDocument(before).toString(o) === before) ?? printOptions[0];
    const text = doc.toString(options);
    if (text !== before) out.push({ name, text });
  }
  return { files: out, added, updated, unchanged };
}

function entriesOf(doc: Document, name: string): YAMLSeq {
  const list = doc.get('entries', true);
  if (!isSeq(list)) throw new Error(`${name} has no entries list`);
  return list;
}

type Plain = string | number | boolean | PlainObject | Plain[];
interface PlainObject {
  [key: string]: Plain;
}

/**
 * The entry as it is written in YAML: keys in file order, absent fields and empty figures or
 * phrasings left out (an empty `results` stays: it says the report lists no result for the pledge).
 */
function plainEntry(entry: Entry): PlainObject {
  const out: PlainObject = {};
  for (const key of entryKeys) {
    const value: unknown = entry[key];
    if (value === undefined || ((key === 'figures' || key === 'phrasings') && entry[key].length === 0)) continue;
    if (key === 'figures') out.figures = entry.figures.map((f) => ordered(f, figureKeys));
    else if (key === 'source') out.source = ordered(entry.source, sourceKeys);
    else out[key] = value as Plain;
  }
  return out;
}

function ordered(value: object, keys: readonly string[]): PlainObject {
  const out: PlainObject = {};
  for (const key of keys) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = v as Plain;
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    const otherKeys = Object.keys(b).filter((k) => b[k] !== undefined);
    return keys.length === otherKeys.length && keys.every((k) => sameValue(a[k], b[k]));
  }
  return Object.is(a, b);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A new entry's node: block style, keywords and results as flow lists [a, b] as in the corpus files. */
function entryNode(doc: Document, value: PlainObject): YAMLMap {
  const node = doc.createNode(value) as YAMLMap;
  for (const key of flowLists) {
    const list = node.get(key, true);
    if (isSeq(list)) list.flow = true;
  }
  return node;
}

/**
 * Make `map` hold `next`, touching only what differs: keys `next` lacks are deleted, scalars get
 * their new value in their old style, lists and maps are updated item by item, and a missing key
 * is inserted where `order` puts it.
 */
function syncMap(doc: Document, map: YAMLMap, next: PlainObject, order: readonly string[]): void {
  map.items = map.items.filter((pair) => {
    const key = isScalar(pair.key) ? pair.key.value : pair.key;
    return typeof key === 'string' && key in next;
  });
  for (const key of Object.keys(next)) {
    const value = next[key] as Plain;
    const current = map.get(key, true) as Node | undefined;
    if (current === undefined) {
      insertPair(map, createPair(doc, key, value), order);
    } else if (!sameValue(current.toJS(doc), value)) {
      const replacement = syncNode(doc, current, value, key);
      if (replacement) map.set(key, replacement);
    }
  }
}

/** Update `node` in place to hold `value`; returns a new node when it cannot be updated in place. */
function syncNode(doc: Document, node: Node, value: Plain, key: string): Node | undefined {
  if (isScalar(node) && !isPlainObject(value) && !Array.isArray(value)) {
    node.value = value;
    return undefined;
  }
  if (isMap(node) && isPlainObject(value)) {
    syncMap(doc, node, value, key === 'source' ? sourceKeys : figureKeys);
    return undefined;
  }
  if (isSeq(node) && Array.isArray(value)) {
    node.items = value.map((item, i) => {
      const old = node.items[i];
      if (old !== undefined && isNodeLike(old) && sameValue(old.toJS(doc), item)) return old;
      if (old !== undefined && isNodeLike(old)) {
        const replacement = syncNode(doc, old, item, key);
        if (!replacement) return old;
        return replacement;
      }
      return doc.createNode(item);
    });
    return undefined;
  }
  return doc.createNode(value);
}

function isNodeLike(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value);
}

function createPair(doc: Document, key: string, value: Plain): Pair {
  const node = doc.createNode(value);
  if (flowLists.has(key) && isSeq(node)) node.flow = true;
  return new Pair(doc.createNode(key), node);
}

/** Insert before the first key that comes after it in `order`, or at the end. */
function insertPair(map: YAMLMap, pair: Pair, order: readonly string[]): void {
  const rank = (p: Pair) => {
    const key = isScalar(p.key) ? p.key.value : p.key;
    const i = order.indexOf(String(key));
    return i < 0 ? order.length : i;
  };
  const at = map.items.findIndex((p) => rank(p) > rank(pair));
  if (at < 0) map.items.push(pair);
  else map.items.splice(at, 0, pair);
}
