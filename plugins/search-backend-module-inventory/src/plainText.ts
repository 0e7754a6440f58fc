/*
 * Markdown's inline syntax, each with what a reader sees instead. Underscores only count as
 * emphasis at word boundaries: identifiers such as `k8s_infra_prow` keep theirs.
 */
const INLINE: Array<[RegExp, string]> = [
  [/!\[([^\]]*)\]\([^)]*\)/g, '$1'], // ![alt](image.png)
  [/\[([^\]]+)\]\([^)]*\)/g, '$1'], // [text](url)
  [/\[([^\]]+)\]\[[^\]]*\]/g, '$1'], // [text][reference]
  [/<(https?:\/\/[^>\s]+)>/g, '$1'], // <https://…>
  [/<\/?[a-zA-Z][^>]*>/g, ''], // <br>, <img …>, </div>
  [/`([^`]+)`/g, '$1'], // `code`
  [/(\*\*|__)(?=\S)([^]*?\S)\1/g, '$2'], // **strong**
  [/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2'], // *emphasis*
  [/(^|\W)_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2'], // _emphasis_
  [/~~(?=\S)([^]*?\S)~~/g, '$1'], // ~~strike~~
];

/** Line starts that mark a block: headings, quotes, list items, table rules. */
const BLOCK_MARKERS =
  /^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+|\|?\s*:?-{3,}.*$)/gm;

/**
 * What a reader sees of a Markdown text, for search snippets: links by their text, code and
 * emphasis without their marks, no HTML tags or heading, quote and list markers.
 */
export function plainText(markdown: string): string {
  const inline = INLINE.reduce(
    (text, [pattern, replacement]) => text.replace(pattern, replacement),
    markdown.replace(BLOCK_MARKERS, ''),
  );
  return inline.replace(/[ \t]{2,}/g, ' ');
}
