import { describe, expect, it } from 'vitest'
import {
  countWords,
  deriveExcerpt,
  markdownToPlainText,
  normalizeTag,
  readingTimeMinutes,
} from '../../src/modules/blog/blog.text.js'
import { handleFromTitle } from '../../src/shared/handle.js'

const words = (n: number, word = 'word') => Array.from({ length: n }, () => word).join(' ')
const wordsIn = (markdown: string) => countWords(markdownToPlainText(markdown))

describe('readingTimeMinutes', () => {
  it('is 1 minute for an empty body', () => {
    expect(readingTimeMinutes('')).toBe(1)
  })

  it('is 1 minute for a body of only Markdown syntax', () => {
    expect(readingTimeMinutes('# \n\n---\n\n* \n\n```\n```\n\n> ')).toBe(1)
  })

  it('is 1 minute for 199 words', () => {
    expect(readingTimeMinutes(words(199))).toBe(1)
  })

  it('is 1 minute for exactly 200 words', () => {
    expect(readingTimeMinutes(words(200))).toBe(1)
  })

  it('rounds 201 words up to 2 minutes', () => {
    expect(readingTimeMinutes(words(201))).toBe(2)
  })

  it('is 5 minutes for 1,000 words and 6 for 1,001', () => {
    expect(readingTimeMinutes(words(1000))).toBe(5)
    expect(readingTimeMinutes(words(1001))).toBe(6)
  })

  it('does not count Markdown syntax: 200 words wrapped in syntax stay 1 minute', () => {
    // 200 words of content; the syntax around them would add dozens of tokens if counted.
    const body = [
      '# Heading one ##', // 2
      '',
      '> quoted words here', // 3
      '',
      '- [ ] task item', // 2
      '* bullet item', // 2
      '1. numbered item', // 2
      '',
      '```typescript',
      'const x', // 2
      '```',
      '',
      '***',
      '',
      '| a | b |', // 2
      '| --- | :---: |',
      '',
      '<div class="note" data-x="y">boxed</div>', // 1
      '[link text](https://example.com/a/long/path "A title with words") and ![an image alt](https://example.com/i.png)', // 3
      '[ref]: https://example.com/ref "Reference title"',
      '**bold** _em_ ~~gone~~ `code`', // 4
      words(177),
    ].join('\n')
    expect(wordsIn(body)).toBe(200)
    expect(readingTimeMinutes(body)).toBe(1)
    expect(readingTimeMinutes(`${body}\nextra`)).toBe(2)
  })
})

describe('markdownToPlainText', () => {
  it('keeps link text and drops the URL and title', () => {
    expect(markdownToPlainText('see [the docs](https://example.com/docs "Docs") now').trim()).toBe('see the docs now')
  })

  it('drops images and reference definitions entirely', () => {
    expect(countWords(markdownToPlainText('![alt words](https://x.test/a.png)\n[id]: https://x.test "t"'))).toBe(0)
  })

  it('strips heading hashes, quote markers, bullets and list numbers', () => {
    const plain = markdownToPlainText('## Title\n> quote\n- one\n2) two\n+ three')
    expect(plain.split('\n').map((l) => l.trim())).toEqual(['Title', 'quote', 'one', 'two', 'three'])
  })

  it('keeps code but not its fences, and keeps snake_case identifiers', () => {
    const plain = markdownToPlainText('```js\nlet snake_case = 1\n```')
    expect(plain.trim()).toBe('let snake_case = 1')
  })

  it('strips emphasis markers and HTML tags', () => {
    expect(markdownToPlainText('<p>**bold** and __strong__ and *em*</p>').replace(/\s+/g, ' ').trim()).toBe(
      'bold and strong and em',
    )
  })

  it('keeps escaped punctuation as text', () => {
    expect(markdownToPlainText('2 \\* 3 \\# not a heading').trim()).toBe('2 * 3 # not a heading')
  })

  it('handles 100,000 characters of hostile input quickly', () => {
    const hostile = [
      '['.repeat(100_000),
      '!['.repeat(50_000),
      '[a]('.repeat(25_000),
      '_'.repeat(100_000),
      ' '.repeat(100_000) + 'x',
      '\t'.repeat(100_000) + '#',
      '<a '.repeat(33_000),
      '<http:'.repeat(16_000),
      '<!--'.repeat(25_000),
    ]
    const started = performance.now()
    for (const body of hostile) markdownToPlainText(body)
    expect(performance.now() - started).toBeLessThan(1_000)
  })
})

describe('deriveExcerpt', () => {
  it('is the plain text itself when short', () => {
    expect(deriveExcerpt('# Hello\n\nA **short** post.')).toBe('Hello A short post.')
  })

  it('cuts long text at a word boundary near 200 characters with an ellipsis', () => {
    const excerpt = deriveExcerpt(words(100, 'lorem'))
    expect(excerpt.endsWith('…')).toBe(true)
    expect(excerpt.length).toBeLessThanOrEqual(201)
    expect(excerpt.length).toBeGreaterThan(150)
    expect(
      excerpt
        .slice(0, -1)
        .split(' ')
        .every((w) => w === 'lorem'),
    ).toBe(true)
  })

  it('is empty for an empty body', () => {
    expect(deriveExcerpt('')).toBe('')
  })
})

describe('handleFromTitle and normalizeTag', () => {
  it('derives a lowercase, dash-separated handle without accents', () => {
    expect(handleFromTitle('  Hello, Wörld! Ça va?  ', 'post')).toBe('hello-world-ca-va')
  })

  it('transliterates letters that have no decomposition', () => {
    expect(handleFromTitle('Größe, Æble, Łódź', 'post')).toBe('grosse-aeble-lodz')
  })

  it('falls back to "post" when the title has no letters or digits', () => {
    expect(handleFromTitle('¡¿!?', 'post')).toBe('post')
  })

  it('keeps derived handles to 80 characters without a trailing dash', () => {
    const handle = handleFromTitle(`${'a'.repeat(79)} b`, 'post')
    expect(handle.length).toBeLessThanOrEqual(80)
    expect(handle.endsWith('-')).toBe(false)
  })

  it('normalizes tags to trimmed lower case with single spaces', () => {
    expect(normalizeTag('  Release   Notes ')).toBe('release notes')
  })
})
