import { randomBytes } from 'node:crypto'
import { ProductCreateDocument, type ProductCreateInput } from '../generated/graphql.js'
import { expectNoErrors, type TestApp } from '../support/app.js'
import type { Account } from '../support/fixtures.js'

export function uuidOf(globalId: string): string {
  return globalId.slice(globalId.lastIndexOf('/') + 1)
}

export function uniqueSku(prefix = 'SKU'): string {
  return `${prefix}-${randomBytes(4).toString('hex').toUpperCase()}`
}

/** Creates a product through the API as `staff`; fails the test on any error. */
export async function createProduct(app: TestApp, staff: Account, input: Partial<ProductCreateInput> = {}) {
  const data = expectNoErrors(
    await app.gql(
      ProductCreateDocument,
      {
        input: {
          title: 'Linen Shirt',
          status: 'ACTIVE',
          variants: [{ sku: uniqueSku(), price: '10.00', quantity: 5 }],
          ...input,
        },
      },
      { token: staff.accessToken },
    ),
  )
  const payload = data.productCreate
  if (payload.userErrors.length || !payload.product) throw new Error(`productCreate failed: ${JSON.stringify(payload.userErrors)}`)
  return payload.product
}
