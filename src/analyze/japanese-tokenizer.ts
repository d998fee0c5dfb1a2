/**
 * The morphological analyser (kuromoji with its bundled IPA dictionary), built once at start-up.
 * Building is asynchronous (about half a second); tokenising afterwards is synchronous.
 *
 * kuromoji's own loader leaves about 170 MB of dictionary behind (and garbage that only V8's next
 * full GC frees): the files are padded with zeros to powers of two, and the map from surface forms
 * to dictionary entries becomes a JS object of 325,871 small arrays (about 60 MB of heap). This
 * module loads the same files into kuromoji's own classes, keeping about 55 MB: each file is
 * inflated once into a buffer of its exact size, the zero padding is cut, the surface-form map is
 * two Int32Arrays behind kuromoji's `target_map[id]` access, and the inflated originals are freed
 * at once. No token changes (test/analyze/japanese-tokenizer.test.ts compares with kuromoji's own
 * loader); DESIGN.md, "Memory", has the figures. Tokenising is made cheaper in the same internals
 * (the trie walked a character at a time, entries handed over with the words, features decoded at
 * once): DESIGN.md, "Query latency: lookups inside kuromoji and MiniSearch".
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { LRUCache } from 'lru-cache';
import path from 'node:path';
import { promisify } from 'node:util';
import { MessageChannel } from 'node:worker_threads';
import { gunzip } from 'node:zlib';
import type { DynamicDictionaries, IpadicFeatures, Tokenizer } from 'kuromoji';
import { joinNewerWords } from './newer-words.js';
import { suffixBeforeTte } from './suffix-before-tte.js';

/** One morpheme as the rest of the pipeline sees it. */
export interface Morpheme {
  readonly surface: string;
  /** Offset of the surface in the tokenised text (0-based, UTF-16 units). */
  readonly start: number;
  /** Dictionary (base) form, e.g. 減っ → 減る; the surface for unknown words. */
  readonly base: string;
  /** Katakana reading; undefined for unknown words (latin letters, rare names). */
  readonly reading: string | undefined;
  /** Part of speech and its first sub-category, e.g. 名詞 / 固有名詞. */
  readonly pos: string;
  readonly posDetail: string;
}

/** A synchronous tokenizer: text in, morphemes out. */
export type Tokenize = (text: string) => Morpheme[];

/** kuromoji's tokenizer with the IPA dictionary's features on each token. */
export type KuromojiTokenizer = Tokenizer<IpadicFeatures>;

const require = createRequire(import.meta.url);

/** The IPA dictionary bundled with kuromoji. */
export function dictionaryPath(): string {
  return path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
}

// kuromoji's classes (kuromoji 0.1.2 is pinned: these paths and fields are its internals).
interface UnknownDictionaryLoader {
  loadUnknownDictionaries(
    unk: Uint8Array,
    unkPos: Uint8Array,
    unkMap: Uint8Array,
    charMap: Uint8Array,
    compatCharMap: Uint32Array,
    invokeDefinitions: Uint8Array,
  ): void;
}
interface TrieBuffers {
  getBaseBuffer(): Int32Array;
  getCheckBuffer(): Int32Array;
  loadBaseBuffer(b: Int32Array): unknown;
  loadCheckBuffer(b: Int32Array): unknown;
}
const DynamicDictionariesClass = require('kuromoji/src/dict/DynamicDictionaries.js') as new () => DynamicDictionaries;
const TokenizerClass = require('kuromoji/src/Tokenizer.js') as new (dic: DynamicDictionaries) => KuromojiTokenizer;
const ViterbiLatticeClass = require('kuromoji/src/viterbi/ViterbiLattice.js') as new () => ViterbiLattice;
const ViterbiNodeClass = require('kuromoji/src/viterbi/ViterbiNode.js') as new (
  name: number,
  cost: number,
  startPosition: number,
  length: number,
  type: 'KNOWN' | 'UNKNOWN',
  leftId: number,
  rightId: number,
  surface: string,
) => object;
const SurrogateAwareStringClass = require('kuromoji/src/util/SurrogateAwareString.js') as new (
  text: string,
) => SurrogateAwareString;

const inflate = promisify(gunzip);

/**
 * A gzip file inflated into one buffer of exactly its size: the last four bytes of a gzip file
 * give the inflated size, and an output chunk one byte larger makes zlib return a view of that
 * single buffer instead of concatenating 16 kB chunks into a copy (kuromoji's loader then copies
 * it once more).
 */
async function inflateFile(file: string): Promise<Uint8Array> {
  const compressed = await readFile(file);
  const size = compressed.readUInt32LE(compressed.length - 4);
  const inflated = await inflate(compressed, { chunkSize: Math.max(64, size + 1) });
  freeNow(compressed.buffer);
  return new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.length);
}

/**
 * Free a large buffer now instead of at V8's next full GC, which may come long after start-up
 * (Node 20 has no ArrayBuffer.prototype.transfer): transferred into a message that is never
 * delivered, its memory goes back to the system when the ports close. Small buffers may live in
 * Node's shared pool, which cannot be transferred; they are left to the GC.
 */
function freeNow(buffer: ArrayBufferLike): void {
  if (buffer.byteLength < 64 * 1024 || !(buffer instanceof ArrayBuffer)) return;
  const { port1, port2 } = new MessageChannel();
  try {
    port1.postMessage(null, [buffer]);
  } catch {
    // Not transferable after all: the GC frees it later.
  } finally {
    port1.close();
    port2.close();
  }
}

/** `trimmed` in place of `original`, whose memory is freed when it is not the same buffer. */
function replacing<T extends ArrayBufferView>(original: ArrayBufferView, trimmed: T): T {
  if (trimmed.buffer !== original.buffer) freeNow(original.buffer);
  return trimmed;
}

/**
 * A copy without the zero padding that ends the file. kuromoji reads these buffers with
 * ByteBuffer, whose getters answer 0 past the end, so every read answers as before: four zero
 * bytes are kept after the data for reads that start inside it (a short or an int).
 */
function withoutZeroPadding(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  const length = Math.min(bytes.length, end + 4);
  return length === bytes.length ? bytes : bytes.slice(0, length);
}

function int32s(bytes: Uint8Array): Int32Array {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  return new Int32Array(aligned.buffer, aligned.byteOffset, aligned.length >> 2);
}

/**
 * tid_map.dat (surface form id → ids of its dictionary entries) as offsets into one flat array,
 * behind the `target_map[id]` lookup kuromoji's dictionary offers: the entries of id k are
 * values[offsets[k] .. offsets[k+1]), and an id without entries answers undefined, as kuromoji's
 * object does. The file lists ids in ascending order (kuromoji writes them by iterating an object
 * with integer keys), then zero padding, which kuromoji's reader goes through without effect.
 */
export function compactTargetMap(bytes: Uint8Array): Record<number, ArrayLike<number>> {
  const entriesOf = compactTargets(bytes);
  return new Proxy<Record<number, ArrayLike<number>>>(
    {},
    {
      get(_target, property) {
        return typeof property === 'string' ? entriesOf(Number(property)) : undefined;
      },
    },
  );
}

/** The dictionary entries of each surface form id of tid_map.dat, as compactTargetMap reads them. */
function compactTargets(bytes: Uint8Array): (id: number) => Int32Array | undefined {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const keyCount = data.getInt32(0, true);
  let position = 4;
  let lastKey = -1;
  let valueCount = 0;
  for (let i = 0; i < keyCount; i++) {
    const key = data.getInt32(position, true);
    const count = data.getInt32(position + 4, true);
    if (key <= lastKey || count < 0)
      throw new Error(`tid_map.dat: id ${key} after ${lastKey}; expected kuromoji 0.1.2's layout`);
    lastKey = key;
    valueCount += count;
    position += 8 + 4 * count;
  }
  if (bytes.subarray(position).some((byte) => byte !== 0)) {
    throw new Error("tid_map.dat: data after the listed ids; expected kuromoji 0.1.2's layout");
  }
  const offsets = new Int32Array(lastKey + 2);
  const values = new Int32Array(valueCount);
  position = 4;
  let next = 0;
  let filled = 0;
  for (let i = 0; i < keyCount; i++) {
    const key = data.getInt32(position, true);
    const count = data.getInt32(position + 4, true);
    position += 8;
    while (filled <= key) offsets[filled++] = next;
    for (let j = 0; j < count; j++, position += 4) values[next++] = data.getInt32(position, true);
  }
  while (filled <= lastKey + 1) offsets[filled++] = next;
  return (id) => {
    if (!Number.isInteger(id) || id < 0 || id > lastKey) return undefined;
    const from = offsets[id] as number;
    const to = offsets[id + 1] as number;
    return from === to ? undefined : values.subarray(from, to);
  };
}

/**
 * Build kuromoji's tokenizer from its dictionary files, compactly (see the header). Tokens are
 * those of `kuromoji.builder({ dicPath }).build()`, field for field.
 */
export async function loadKuromoji(dicPath: string = dictionaryPath()): Promise<KuromojiTokenizer> {
  const names = [
    'base.dat.gz',
    'check.dat.gz',
    'tid.dat.gz',
    'tid_pos.dat.gz',
    'tid_map.dat.gz',
    'cc.dat.gz',
    'unk.dat.gz',
    'unk_pos.dat.gz',
    'unk_map.dat.gz',
    'unk_char.dat.gz',
    'unk_compat.dat.gz',
    'unk_invoke.dat.gz',
  ] as const;
  const files = await Promise.all(names.map((name) => inflateFile(path.join(dicPath, name))));
  const [base, check, tid, tidPos, tidMap, cc, unk, unkPos, unkMap, unkChar, unkCompat, unkInvoke] = files as [
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
  ];
  const dic = new DynamicDictionariesClass();

  // The double-array trie: kuromoji keeps a subarray of the padded file; keep a copy of just that.
  dic.loadTrie(int32s(base), int32s(check));
  const trie = (dic.trie as unknown as { bc: TrieBuffers }).bc;
  trie.loadBaseBuffer(replacing(base, trie.getBaseBuffer().slice()));
  trie.loadCheckBuffer(replacing(check, trie.getCheckBuffer().slice()));

  const tokenInfo = dic.token_info_dictionary;
  tokenInfo.loadDictionary(replacing(tid, withoutZeroPadding(tid)));
  tokenInfo.loadPosVector(replacing(tidPos, withoutZeroPadding(tidPos)));
  const entriesOf = compactTargets(tidMap);
  (tokenInfo as unknown as { target_map: unknown }).target_map = compactTargetMap(tidMap);
  freeNow(tidMap.buffer);

  dic.connection_costs.loadConnectionCosts(new Int16Array(cc.buffer, cc.byteOffset, cc.length >> 1));
  // unk_invoke.dat is read record by record to its end: its 1 MB of padding would make 149,775
  // empty character classes that no character maps to (the 11 real ones come first).
  (dic.unknown_dictionary as unknown as UnknownDictionaryLoader).loadUnknownDictionaries(
    replacing(unk, withoutZeroPadding(unk)),
    replacing(unkPos, withoutZeroPadding(unkPos)),
    unkMap,
    unkChar,
    new Uint32Array(unkCompat.buffer, unkCompat.byteOffset, unkCompat.length >> 2),
    replacing(unkInvoke, withoutZeroPadding(unkInvoke)),
  );
  freeNow(unkMap.buffer);
  for (const dictionary of [dic.token_info_dictionary, dic.unknown_dictionary]) {
    decodeFeaturesAtOnce(dictionary as unknown as FeatureDictionary);
  }
  const tokenizer = new TokenizerClass(dic);
  const builder = (tokenizer as unknown as { viterbi_builder: LatticeBuilder }).viterbi_builder;
  lookUpWordsCharacterByCharacter(builder, entriesOf);
  buildLatticeInOnePass(builder);
  return tokenizer;
}

/** kuromoji's TokenInfoDictionary, as its tokenizer reads a token's features (kuromoji 0.1.2). */
interface FeatureDictionary {
  readonly dictionary: { getInt(index: number): number };
  readonly pos_buffer: { readonly buffer: Uint8Array };
  getFeatures(tokenInfoId: string): string;
}

const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * A token's features (part of speech, base form, reading), read from the dictionary by one
 * decoding of their bytes: kuromoji copies them into an array a byte at a time and builds the
 * string a character at a time, a tenth of a long message's tokenising and much of its garbage.
 * The dictionary's strings are UTF-8, so the decoder reads them as kuromoji does.
 */
function decodeFeaturesAtOnce(dictionary: FeatureDictionary): void {
  const decoded = new LRUCache<number, string>({ max: decodedFeaturesKept });
  dictionary.getFeatures = (tokenInfoId: string) => {
    const id = parseInt(tokenInfoId);
    if (isNaN(id)) return '';
    let features = decoded.get(id);
    if (features === undefined) {
      const bytes = dictionary.pos_buffer.buffer;
      const start = dictionary.dictionary.getInt(id + 6);
      const end = bytes.indexOf(0, start);
      features = utf8Decoder.decode(bytes.subarray(start, end < 0 ? bytes.length : end));
      decoded.set(id, features);
    }
    return features;
  };
}

/**
 * How many words' features are kept decoded: citizens use a few thousand words over and over (the
 * particles and endings of every message among them), out of the dictionary's 390,000.
 */
const decodedFeaturesKept = 20_000;

/** doublearray's trie (doublearray 0.0.2's internals). */
interface PrefixTrie {
  readonly bc: { getBase(index: number): number; getBaseBuffer(): Int32Array; getCheckBuffer(): Int32Array };
  commonPrefixSearch(key: string): Word[];
}

/** A word of the dictionary found at a position: its surface, and where its entries are. */
interface Word {
  k: string;
  v?: number;
}

/** kuromoji's ViterbiBuilder, as it reads the dictionary words starting at each position. */
interface LatticeBuilder {
  trie: Pick<PrefixTrie, 'commonPrefixSearch'>;
  token_info_dictionary: { target_map: unknown; dictionary: ShortReader };
  unknown_dictionary: {
    target_map: Record<number, Iterable<number>>;
    dictionary: ShortReader;
    lookup(character: string): CharacterClass;
  };
  build(sentence: string): ViterbiLattice;
}

interface ShortReader {
  getShort(index: number): number;
}
interface CharacterClass {
  readonly class_id: number;
  readonly class_name: string;
  readonly is_always_invoke: number | boolean;
  readonly is_grouping: number | boolean;
}
interface ViterbiLattice {
  append(node: object): void;
  appendEos(): void;
}
interface SurrogateAwareString {
  readonly length: number;
  slice(index: number): string;
  charAt(index: number): string;
}

/**
 * kuromoji's ViterbiBuilder.build (0.1.2), the same lattice built the same way but for one thing:
 * at each position kuromoji wraps the whole rest of the sentence in a SurrogateAwareString, which
 * maps every character of it, only to read its first few characters: quadratic in the sentence,
 * and a fifth of what tokenising allocated. Here the sentence is mapped once and the rest read
 * from it (a rest starts where a character does, so its characters are the sentence's).
 */
function buildLatticeInOnePass(builder: LatticeBuilder): void {
  builder.build = function (this: LatticeBuilder, sentenceText: string): ViterbiLattice {
    const lattice = new ViterbiLatticeClass();
    const sentence = new SurrogateAwareStringClass(sentenceText);
    const known = this.token_info_dictionary;
    const unknown = this.unknown_dictionary;
    for (let pos = 0; pos < sentence.length; pos++) {
      const tail = sentence.slice(pos);
      const vocabulary = this.trie.commonPrefixSearch(tail);
      const entries = known.target_map as Record<number, Iterable<number>>;
      for (const { k: key, v: trieId } of vocabulary) {
        // The ids are integers: kuromoji's parseInt of each gives it back.
        for (const tokenInfoId of entries[trieId as number] as Iterable<number>) {
          const leftId = known.dictionary.getShort(tokenInfoId);
          const rightId = known.dictionary.getShort(tokenInfoId + 2);
          const wordCost = known.dictionary.getShort(tokenInfoId + 4);
          lattice.append(
            new ViterbiNodeClass(tokenInfoId, wordCost, pos + 1, key.length, 'KNOWN', leftId, rightId, key),
          );
        }
      }
      // Unknown words: the character here, or the run of characters of its class.
      const tailLength = sentence.length - pos;
      const head = sentence.charAt(pos);
      const headClass = unknown.lookup(head);
      if (vocabulary.length === 0 || headClass.is_always_invoke === 1) {
        // kuromoji's key is the head character's SurrogateAwareString (length 1) until a
        // character is added to it, then a string, whose length counts UTF-16 units.
        let key = head;
        let grouped = false;
        if (headClass.is_grouping === 1 && 1 < tailLength) {
          for (let k = 1; k < tailLength; k++) {
            const next = sentence.charAt(pos + k);
            if (headClass.class_name !== unknown.lookup(next).class_name) break;
            key += next;
            grouped = true;
          }
        }
        for (const unknownId of unknown.target_map[headClass.class_id] as Iterable<number>) {
          const leftId = unknown.dictionary.getShort(unknownId);
          const rightId = unknown.dictionary.getShort(unknownId + 2);
          const wordCost = unknown.dictionary.getShort(unknownId + 4);
          const length = grouped ? key.length : 1;
          lattice.append(new ViterbiNodeClass(unknownId, wordCost, pos + 1, length, 'UNKNOWN', leftId, rightId, key));
        }
      }
    }
    lattice.appendEos();
    return lattice;
  };
}

/** doublearray's root node, the code that ends a key, and what traverse answers for no child. */
const ROOT = 0;
const END_OF_KEY = 0;
const NO_CHILD = -1;

/**
 * At each position of a sentence, kuromoji's lattice builder looks up the dictionary words that
 * start there with the whole rest of the sentence as the key, which doublearray first encodes in
 * UTF-8 whole (and each word found is decoded back): quadratic in a sentence's length, and the
 * better part of tokenising a long message; then it reads each word's entries through the
 * surface-form map, a Proxy (see compactTargetMap), slow to call. Here the builder walks the same
 * trie, each character encoded only when the walk reaches it, ending where the trie has no
 * child: it finds the same words (a dictionary key is a whole string, so a word ends only after
 * a whole character). Their entries are handed over in an array of the words found, which the
 * builder reads as its surface-form map right after the search. A key with a lone surrogate
 * goes doublearray's own way (it throws on a lone high one).
 */
function lookUpWordsCharacterByCharacter(
  builder: LatticeBuilder,
  entriesOf: (id: number) => Int32Array | undefined,
): void {
  const trie = builder.trie as PrefixTrie;
  const wholeKeySearch = trie.commonPrefixSearch.bind(trie);
  const found: (Int32Array | undefined)[] = [];
  builder.token_info_dictionary = Object.create(builder.token_info_dictionary, {
    target_map: { value: found },
  }) as LatticeBuilder['token_info_dictionary'];
  const bytes = new Uint8Array(4);
  // doublearray's traverse, on its arrays: the child of `parent` by `code`, if the check says so.
  const base = trie.bc.getBaseBuffer();
  const check = trie.bc.getCheckBuffer();
  const traverse = (parent: number, code: number) => {
    const child = (base[parent] as number) + code;
    return check[child] === parent ? child : NO_CHILD;
  };
  // The i-th word's entries go to found[i], and the word says so.
  const handedOver = (words: Word[]) =>
    words.map((word, i) => {
      if (word.v === undefined) return word;
      found[i] = entriesOf(word.v);
      return { ...word, v: i };
    });
  builder.trie = {
    commonPrefixSearch: (key: string) => {
      if (!key.isWellFormed()) return handedOver(wholeKeySearch(key));
      const words: Word[] = [];
      let node = ROOT;
      for (let i = 0; i < key.length;) {
        const code = key.codePointAt(i) as number;
        const length = utf8(code, bytes);
        for (let b = 0; b < length; b++) {
          node = traverse(node, bytes[b] as number);
          if (node === NO_CHILD) return words;
        }
        i += code > 0xffff ? 2 : 1;
        const leaf = traverse(node, END_OF_KEY);
        if (leaf !== NO_CHILD) {
          const leafBase = trie.bc.getBase(leaf);
          if (leafBase <= 0) {
            found[words.length] = entriesOf(-leafBase - 1);
            words.push({ v: words.length, k: key.slice(0, i) });
          } else {
            words.push({ k: key.slice(0, i) });
          }
        }
      }
      return words;
    },
  };
}

/** The UTF-8 bytes of a code point, written into `bytes`; how many there are. */
function utf8(code: number, bytes: Uint8Array): number {
  if (code < 0x80) {
    bytes[0] = code;
    return 1;
  }
  if (code < 0x800) {
    bytes[0] = 0xc0 | (code >>> 6);
    bytes[1] = 0x80 | (code & 0x3f);
    return 2;
  }
  if (code < 0x10000) {
    bytes[0] = 0xe0 | (code >>> 12);
    bytes[1] = 0x80 | ((code >>> 6) & 0x3f);
    bytes[2] = 0x80 | (code & 0x3f);
    return 3;
  }
  bytes[0] = 0xf0 | (code >>> 18);
  bytes[1] = 0x80 | ((code >>> 12) & 0x3f);
  bytes[2] = 0x80 | ((code >>> 6) & 0x3f);
  bytes[3] = 0x80 | (code & 0x3f);
  return 4;
}

/**
 * The pipeline's view of kuromoji's tokens. Where each starts is counted from the surfaces, which
 * cover the text end to end: kuromoji's own word_position slips after an unknown token that mixes
 * kinds of symbol (「...。」 moves it on by one), and every offset after it would point elsewhere.
 */
export function toMorphemes(tokens: readonly IpadicFeatures[]): Morpheme[] {
  let start = 0;
  return tokens.map((t) => {
    const morpheme = {
      surface: t.surface_form,
      start,
      base: t.basic_form && t.basic_form !== '*' ? t.basic_form : t.surface_form,
      reading: t.reading && t.reading !== '*' ? t.reading : undefined,
      pos: t.pos,
      posDetail: t.pos_detail_1,
    };
    start += t.surface_form.length;
    return morpheme;
  });
}

/** Build kuromoji once; resolves to a synchronous tokenize function. */
export async function createJapaneseTokenizer(dicPath: string = dictionaryPath()): Promise<Tokenize> {
  let tokenizer: KuromojiTokenizer;
  try {
    tokenizer = await loadKuromoji(dicPath);
  } catch (err) {
    throw new Error(`could not load the kuromoji dictionary from ${dicPath}`, { cause: err });
  }
  const plain = (text: string) => joinNewerWords(toMorphemes(tokenizer.tokenize(text)));
  return (text) => suffixBeforeTte(plain(text), plain);
}
