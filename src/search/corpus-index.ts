/**
 * MiniSearch, with the exact terms of a built index looked up in a hash table. MiniSearch keeps
 * its terms in a radix tree and finds a term by comparing it with each child of a node in turn: a
 * Japanese corpus's terms and bigrams start with hundreds of different characters (761 at the
 * root for the bundled corpus), so each word, reading bigram and character bigram of a question
 * was compared with hundreds of keys, the better part of a search with few matches. An index is
 * built once and then only searched (a changed corpus gets a new one), so once built its terms
 * are put in a Map, which answers the same postings; prefix and fuzzy searches still walk the tree.
 */
import MiniSearch from 'minisearch';

export class CorpusIndex<T> extends MiniSearch<T> {
  private lookedUpInTable = false;

  /** Called once every document is added: exact terms are looked up in a table from then on. */
  lookUpTermsInTable(): void {
    const postings = new Map(this._index.entries());
    this._index.get = (term: string) => postings.get(term);
    this.lookedUpInTable = true;
  }

  // The table would miss what changed: an index looked up in a table is not changed.
  override add(document: T): void {
    this.unchanged();
    super.add(document);
  }

  override remove(document: T): void {
    this.unchanged();
    super.remove(document);
  }

  override discard(id: unknown): void {
    this.unchanged();
    super.discard(id);
  }

  private unchanged(): void {
    if (this.lookedUpInTable) throw new Error('CorpusIndex: the index is not changed once its terms are in a table');
  }
}
