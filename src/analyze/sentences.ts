/** A text's sentences, each with the 。 or ？ that ends it (the last may have none). */
export function sentencesOf(text: string): string[] {
  return text.match(/[^。？?]+[。？?]?/gu) ?? [];
}
