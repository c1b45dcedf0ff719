/**
 * Pure text functions of the blog: Markdown to plain text, word count, reading time, excerpt and
 * handle derivation. No I/O; unit-tested in test/blog/text.test.ts.
 */

export const WORDS_PER_MINUTE = 200
export const EXCERPT_LENGTH = 200

// Markdown's backslash-escapable punctuation. Escaped characters are parked in the Private Use
// Area while syntax is stripped, so `\*` stays a literal star.
const ESCAPABLE = '\\`*_{}[]()#+-.!>|~<'
const PARK = 0xe000

function park(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!>|~<])/g, (_m, ch: string) =>
    String.fromCharCode(PARK + ESCAPABLE.indexOf(ch)),
  )
}

function unpark(text: string): string {
  return text.replace(/[\ue000-\ue013]/g, (ch) => ESCAPABLE[ch.charCodeAt(0) - PARK])
}

/** Block-level syntax of one line (blockquote, fence, rule, heading, bullet...) removed. */
function stripLine(raw: string): string {
  const line = raw.replace(/^[ \t]*(?:>[ \t]?)+/, '')
  if (/^[ \t]{0,3}(?:`{3,}|~{3,})/.test(line)) return '' // fence marker with its info string
  if (/^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line)) return '' // thematic break
  if (/^[ \t]{0,3}=+[ \t]*$/.test(line)) return '' // setext underline (`---` is a rule above)
  if (/^[\s|:-]+$/.test(line) && line.includes('|') && line.includes('-')) return '' // table delimiter row
  if (/^[ \t]{0,3}\[[^\]\n]{1,500}\]:[ \t]*\S/.test(line)) return '' // reference definition
  const heading = /^[ \t]{0,3}#{1,6}(?:[ \t]+|$)/.exec(line)
  if (heading) {
    // Closing hashes go too: `## Title ##`.
    let text = line.slice(heading[0].length).trimEnd()
    let end = text.length
    while (end > 0 && text[end - 1] === '#') end -= 1
    if (end < text.length && (end === 0 || text[end - 1] === ' ' || text[end - 1] === '\t')) text = text.slice(0, end)
    return text
  }
  return line.replace(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/, '')
}

/** `<!-- ... -->` removed; an unclosed one runs to the end, as in HTML. */
function withoutHtmlComments(text: string): string {
  let out = ''
  let from = 0
  for (;;) {
    const open = text.indexOf('<!--', from)
    if (open < 0) return out + text.slice(from)
    out += text.slice(from, open) + ' '
    const close = text.indexOf('-->', open + 4)
    if (close < 0) return out
    from = close + 3
  }
}

const WORD_CHAR = /[\p{L}\p{N}]/u

/**
 * The text a reader reads: Markdown syntax removed, content kept. Code fence markers, heading
 * hashes, blockquote markers, list bullets and numbers, task boxes, rules, table pipes, emphasis
 * and code markers, HTML tags and comments, images, link URLs and reference definitions go; link
 * text and code stay. A pragmatic subset of CommonMark. Every pattern is anchored or bounded, so
 * the cost stays linear in the input (bodies are up to 100,000 characters of anyone's text).
 */
export function markdownToPlainText(markdown: string): string {
  const text = park(withoutHtmlComments(markdown.replace(/\r\n?/g, '\n')))
    .split('\n')
    .map(stripLine)
    .join('\n')
    // Images, inline and by reference: the alt text is not read. No bracket or parenthesis may
    // occur inside the parts, so every scan stops at the next opener (linear, even for `[[[[`).
    .replace(/!\[[^[\]\n]*\]\([^()\n]*\)/g, ' ')
    .replace(/!\[[^[\]\n]*\]\[[^[\]\n]*\]/g, ' ')
    // Links: keep the text, drop the URL and title.
    .replace(/\[([^[\]\n]*)\]\([^()\n]*\)/g, '$1')
    .replace(/\[([^[\]\n]+)\]\[[^[\]\n]*\]/g, '$1')
    // Autolinks show their URL as text.
    .replace(/<((?:https?|mailto|ftp):[^<>\s]+)>/gi, '$1')
    // HTML tags.
    .replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, ' ')
    // Inline markers: code spans, emphasis, strikethrough, table pipes.
    .replace(/`+/g, '')
    .replace(/\*+/g, '')
    .replace(/~~/g, '')
    .replace(/\|/g, ' ')
    // Underscores are emphasis unless inside a word (snake_case stays).
    .replace(/_+/g, (run, offset: number, all: string) =>
      offset > 0 && WORD_CHAR.test(all[offset - 1]) && WORD_CHAR.test(all[offset + run.length] ?? '') ? run : '',
    )
  return unpark(text)
}

/** Words of plain text: whitespace-separated tokens with at least one letter or digit. */
export function countWords(plain: string): number {
  let count = 0
  for (const token of plain.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) count += 1
  return count
}

/** Minutes to read a Markdown body: words / 200, rounded up, at least 1. */
export function readingTimeMinutes(markdown: string): number {
  return Math.max(1, Math.ceil(countWords(markdownToPlainText(markdown)) / WORDS_PER_MINUTE))
}

/**
 * The first ~200 characters of the body's plain text, whitespace collapsed, cut at a word
 * boundary with an ellipsis when shortened.
 */
export function deriveExcerpt(markdown: string, length = EXCERPT_LENGTH): string {
  const plain = markdownToPlainText(markdown.slice(0, length * 20))
    .replace(/\s+/g, ' ')
    .trim()
  const chars = Array.from(plain)
  if (chars.length <= length) return plain
  const cut = chars.slice(0, length).join('')
  const space = cut.lastIndexOf(' ')
  const head = (space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/u, '')
  return `${head}…`
}

export const HANDLE_MAX = 100
export const HANDLE_FORMAT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Lower case, trimmed, inner whitespace collapsed to one space. */
export function normalizeTag(tag: string): string {
  return tag.trim().replace(/\s+/g, ' ').toLowerCase()
}

export { charLength } from '../../shared/validation.js'
