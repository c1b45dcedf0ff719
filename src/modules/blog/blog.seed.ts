import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import type { Config } from '../../config.js'
import { systemScope } from '../../shared/scope.js'
import type { Viewer } from '../../shared/viewer.js'
import type { Result } from '../../shared/errors.js'
import type { UserRow } from '../../shared/rows.js'
import * as repo from './blog.repository.js'
import * as blog from './blog.service.js'

export interface BlogDemoUsers {
  readonly admin: UserRow
  readonly staff: UserRow
  /** The demo customers, in DEMO_USERS order (Alice, Bob, Carol, Dave). */
  readonly customers: readonly UserRow[]
}

interface DemoPost {
  author: 'admin' | 'staff' | number
  title: string
  tags: string[]
  body: string
  /** Days before seeding it was published; undefined for a draft. */
  publishedDaysAgo?: number
  comments: { by: number | 'staff'; body: string; hidden?: boolean }[]
  likedBy: number[]
}

const POSTS: DemoPost[] = [
  {
    author: 'admin',
    title: 'Welcome to the Shopfront Demo Store',
    tags: ['News', 'Announcements'],
    publishedDaysAgo: 21,
    body: [
      '# Welcome!',
      '',
      'This is the **demo store** of Shopfront. Everything you see here was created through the same',
      'GraphQL API your storefront will use: products, customers, orders and this very blog.',
      '',
      '- Browse the catalog with `shop(handle: "demo") { products { ... } }`',
      '- Read the posts with `shop(handle: "demo") { posts { ... } }`',
      '- Sign in as one of the demo customers and leave a comment',
      '',
      'Have fun, and [tell us what you think](https://example.com/feedback).',
    ].join('\n'),
    comments: [
      { by: 0, body: 'Looks great, congratulations on the launch!' },
      { by: 1, body: 'Where can I find the API documentation?' },
      { by: 'staff', body: 'Open Apollo Sandbox on /graphql: every type and field is documented there.' },
    ],
    likedBy: [0, 1, 2, 3],
  },
  {
    author: 'staff',
    title: 'How We Pick Our Coffee Beans',
    tags: ['Coffee', 'Sourcing'],
    publishedDaysAgo: 14,
    body: [
      '## Start at the farm',
      '',
      'We buy green coffee from a handful of farms we visit every year. Altitude, variety and processing',
      'shape the cup long before roasting does, so we taste a lot of samples before we commit.',
      '',
      '## Roast for the bean',
      '',
      'Each lot gets its own roast profile. Light roasts keep the fruit of a washed Ethiopian; a natural',
      'Brazilian wants a little more time to develop its chocolate notes.',
      '',
      '> Good coffee is grown, not made.',
    ].join('\n'),
    comments: [
      { by: 2, body: 'Which farm does the Ethiopian come from?' },
      { by: 3, body: 'BUY CHEAP FOLLOWERS NOW!!!', hidden: true },
    ],
    likedBy: [2],
  },
  {
    author: 0,
    title: 'Five Ways to Brew at Home',
    tags: ['Coffee', 'How-To'],
    publishedDaysAgo: 7,
    body: [
      'You do not need an espresso machine to make a great cup. Here are my five favourite methods:',
      '',
      '1. **Pour-over**: clean and bright; try 15 g of coffee for 250 g of water.',
      '2. **French press**: full-bodied; four minutes, then plunge slowly.',
      '3. **AeroPress**: forgiving and quick, perfect for travel.',
      '4. **Moka pot**: strong and sweet, a classic on any stove.',
      '5. **Cold brew**: steep overnight in the fridge, dilute to taste.',
      '',
      '```text',
      'ratio = coffee grams / water grams ≈ 1:16',
      '```',
    ].join('\n'),
    comments: [
      { by: 1, body: 'The AeroPress changed my mornings.' },
      { by: 'staff', body: 'Great list! The moka pot is my favourite too.' },
    ],
    likedBy: [1, 3],
  },
  {
    author: 1,
    title: 'A Weekend in Lisbon',
    tags: ['Travel'],
    publishedDaysAgo: 2,
    body: [
      'Two days, seven hills and more pastéis de nata than I will admit to.',
      '',
      'We started in *Alfama*, got lost on purpose, and ended the day watching the sunset from a',
      'miradouro. Sunday was for Belém, the river and a very long lunch.',
      '',
      '![Tram 28](https://example.com/images/tram-28.jpg)',
    ].join('\n'),
    comments: [{ by: 0, body: 'Adding this to my list for next spring.' }],
    likedBy: [0],
  },
  {
    author: 0,
    title: 'Notes for the Autumn Catalog',
    tags: ['Drafts'],
    body: 'Ideas so far: a darker roast for the cold months, gift boxes, a tasting set.',
    comments: [],
    likedBy: [],
  },
]

function check<T>(result: Result<T>, what: string): { ok: true } & T {
  if (!result.ok) throw new Error(`seeding ${what} failed: ${result.errors.map((e) => e.message).join(', ')}`)
  return result
}

/**
 * The demo blog: four published posts (by the admin, the staff member and two customers) and a
 * draft, with comments (one hidden by staff) and likes by the demo customers. Created through
 * the blog services; deterministic apart from the timestamps, which are spread over the last
 * three weeks so the feed has an order to show.
 */
export async function seedBlogDemoData(db: Kysely<DB>, config: Config, users: BlogDemoUsers): Promise<void> {
  const as = (user: UserRow) => systemScope(db, config, viewerOf(user), 'seed')
  const viewerOf = (user: UserRow): Viewer => ({
    userId: user.id,
    shopId: user.shop_id,
    role: user.role,
    tokenId: 'seed',
  })
  const userOf = (who: 'admin' | 'staff' | number) =>
    who === 'admin' ? users.admin : who === 'staff' ? users.staff : users.customers[who]

  for (const demo of POSTS) {
    const author = as(userOf(demo.author))
    const { post } = check(
      await blog.createPost(author, { title: demo.title, body: demo.body, tags: demo.tags }),
      demo.title,
    )
    if (demo.publishedDaysAgo === undefined) continue
    check(await blog.publishPost(author, post.id), `publishing ${demo.title}`)
    await repo.backdatePost(db, post.shop_id, post.id, new Date(Date.now() - demo.publishedDaysAgo * 86_400_000))
    for (const comment of demo.comments) {
      const { comment: row } = check(
        await blog.createComment(as(userOf(comment.by)), { postId: post.id, body: comment.body }),
        `a comment on ${demo.title}`,
      )
      if (comment.hidden) {
        check(await blog.moderateComment(as(users.staff), { commentId: row.id, status: 'HIDDEN' }), 'moderation')
      }
    }
    for (const customer of demo.likedBy) {
      check(await blog.likePost(as(users.customers[customer]), post.id), `a like of ${demo.title}`)
    }
  }
}
