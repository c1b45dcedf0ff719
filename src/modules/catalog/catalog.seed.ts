import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { currencyScale, formatDecimal } from '../../shared/money.js'
import type { ProductStatus } from '../../shared/rows.js'
import type { Config } from '../../config.js'
import { systemScope } from '../../shared/scope.js'
import { createProduct } from './catalog.service.js'
import type { VariantInput } from './catalog.validation.js'

/** mulberry32: a tiny seeded PRNG, so the demo catalog is the same on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Kind {
  noun: string
  sku: string
  basePriceMinor: number
  sizes: readonly string[]
  colors: readonly string[]
  blurb: string
}

const APPAREL_SIZES = ['XS', 'S', 'M', 'L', 'XL']
const KINDS: readonly Kind[] = [
  {
    noun: 'T-Shirt',
    sku: 'TEE',
    basePriceMinor: 2400,
    sizes: APPAREL_SIZES,
    colors: ['White', 'Black', 'Navy'],
    blurb: 'Soft organic cotton, relaxed fit.',
  },
  {
    noun: 'Hoodie',
    sku: 'HOOD',
    basePriceMinor: 5900,
    sizes: APPAREL_SIZES,
    colors: ['Grey', 'Forest', 'Black'],
    blurb: 'Brushed fleece inside, kangaroo pocket.',
  },
  {
    noun: 'Cap',
    sku: 'CAP',
    basePriceMinor: 1900,
    sizes: [],
    colors: ['Sand', 'Black', 'Olive', 'Red'],
    blurb: 'Six-panel cap with an adjustable strap.',
  },
  {
    noun: 'Mug',
    sku: 'MUG',
    basePriceMinor: 1400,
    sizes: ['8 oz', '12 oz'],
    colors: ['White', 'Speckled'],
    blurb: 'Stoneware, dishwasher safe.',
  },
  {
    noun: 'Tote Bag',
    sku: 'TOTE',
    basePriceMinor: 1800,
    sizes: [],
    colors: ['Natural', 'Black'],
    blurb: 'Heavy canvas with long handles.',
  },
  {
    noun: 'Sneakers',
    sku: 'SNKR',
    basePriceMinor: 8900,
    sizes: ['38', '39', '40', '41', '42', '43'],
    colors: ['White', 'Black'],
    blurb: 'Leather upper, recycled rubber sole.',
  },
  {
    noun: 'Notebook',
    sku: 'NOTE',
    basePriceMinor: 900,
    sizes: ['A5', 'A4'],
    colors: ['Dotted', 'Lined', 'Blank'],
    blurb: '120 pages of 100 gsm paper.',
  },
  {
    noun: 'Socks',
    sku: 'SOCK',
    basePriceMinor: 1200,
    sizes: ['S/M', 'L/XL'],
    colors: ['Stripe', 'Plain'],
    blurb: 'Combed cotton, reinforced heel.',
  },
]
const ADJECTIVES = ['Classic', 'Everyday', 'Coastal', 'Alpine', 'Urban', 'Vintage', 'Studio']

/**
 * Loads a demo catalog into the shop through the catalog service (so prices, handles and audit rows are
 * exactly what the API would write): 50 products of 1–6 variants (sizes, colors), every seventh a DRAFT,
 * one ARCHIVED, and some variants (and a few whole products) out of stock. Deterministic. Answers the
 * number of products created.
 */
export async function seedCatalog(
  db: Kysely<DB>,
  config: Config,
  shopId: string,
  actorId: string,
  currencyCode = 'USD',
): Promise<number> {
  const random = prng(20261121)
  const scope = systemScope(db, config, { userId: actorId, shopId, role: 'STAFF', tokenId: 'seed' }, 'seed')
  const scale = currencyScale(currencyCode)
  // The price table is in cents; other currencies get the same amounts in their own minor units.
  const price = (cents: number) => formatDecimal((BigInt(cents) * 10n ** BigInt(scale)) / 100n, scale)
  let created = 0
  for (let i = 0; i < 50; i++) {
    const kind = KINDS[i % KINDS.length]
    const adjective = ADJECTIVES[Math.floor(i / KINDS.length) % ADJECTIVES.length]
    const title = `${adjective} ${kind.noun}`
    const combos: { name: string; value: string }[][] = []
    for (const size of kind.sizes.length ? kind.sizes : [null]) {
      for (const color of kind.colors) {
        combos.push([...(size ? [{ name: 'Size', value: size }] : []), { name: 'Color', value: color }])
      }
    }
    const count = Math.min(combos.length, 1 + Math.floor(random() * 6))
    const soldOut = i % 11 === 5
    const priceMinor = kind.basePriceMinor + Math.floor(random() * 5) * 100
    const variants: VariantInput[] = combos.slice(0, count).map((options, v) => ({
      sku: `${kind.sku}-${String(i + 1).padStart(3, '0')}-${v + 1}`,
      selectedOptions: options,
      // Larger sizes cost a little more.
      price: price(priceMinor + (kind.sizes.length ? kind.sizes.indexOf(options[0].value) * 100 : 0)),
      quantity: soldOut || random() < 0.2 ? 0 : 1 + Math.floor(random() * 40),
    }))
    const status: ProductStatus = i % 7 === 3 ? 'DRAFT' : i === 44 ? 'ARCHIVED' : 'ACTIVE'
    const result = await createProduct(scope, { title, description: kind.blurb, status, variants })
    if (!result.ok) throw new Error(`seeding "${title}" failed: ${result.errors.map((e) => e.message).join(', ')}`)
    created += 1
  }
  return created
}
