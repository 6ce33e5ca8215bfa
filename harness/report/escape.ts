import { oneLine, stripControlCharacters } from '../text.ts';

export { oneLine, stripControlCharacters };

/** Text safe inside HTML or XML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** Text safe in XML 1.0: escaped, and without the control characters XML forbids. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeHtml(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''));
}

/** Text safe in a markdown table cell: escapeMarkdownText (pipes included). Join escaped parts with `<br>` for line breaks. */
export function escapeMarkdownCell(text: string): string {
  return escapeMarkdownText(text);
}

/**
 * Untrusted text as literal markdown text (GitHub-flavoured): one line, control characters
 * stripped, HTML's `& < >` as entities, and every character that could start markdown —
 * emphasis, code, links, images, headings, tables, strikethrough — escaped with a backslash.
 */
export function escapeMarkdownText(text: string): string {
  return oneLine(text)
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[`*_[\]|~#!]/g, (char) => `\\${char}`);
}

/** Untrusted text as a markdown code span (shown verbatim): one line, no backtick, pipes escaped for tables. */
export function markdownCode(text: string): string {
  return `\`${oneLine(text).replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}
