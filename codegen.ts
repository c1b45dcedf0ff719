import type { CodegenConfig } from '@graphql-codegen/cli'

/**
 * schema/*.graphql is the contract. `npm run codegen` writes:
 * - schema.graphql: the merged contract, committed and diffed for breaking changes;
 * - src/generated/graphql.ts: resolver signatures whose parents are database rows (mappers);
 * - test/generated/: typed documents for the operations the tests send (client preset);
 * - sdk/generated/: typed documents for the client SDK.
 * Generated files are committed and never edited by hand; CI fails when they are stale.
 */
const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  emitLegacyCommonJSImports: false,
  generates: {
    'schema.graphql': {
      plugins: ['schema-ast'],
      config: { includeDirectives: true, sort: false },
    },
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        useIndexSignature: false,
        contextType: '../graphql/context.js#Context',
        mapperTypeSuffix: 'Model',
        mappers: {
          Shop: '../shared/rows.js#ShopRow',
          User: '../shared/rows.js#UserRow',
          Viewer: '../shared/viewer.js#Viewer',
          Session: '../modules/auth/auth.service.js#SessionTokens',
          Money: '../shared/money.js#MoneyValue',
          Cart: '../shared/rows.js#CartRow',
          CartLine: '../shared/rows.js#CartLineRow',
          Order: '../shared/rows.js#OrderRow',
          OrderLine: '../shared/rows.js#OrderLineRow',
          OrderEvent: '../shared/rows.js#OrderEventRow',
          OrderConnection: '../modules/orders/orders.service.js#OrderPage',
          Product: '../shared/rows.js#ProductRow',
          ProductVariant: '../shared/rows.js#ProductVariantRow',
          ProductConnection: '../modules/catalog/catalog.service.js#ProductPage',
          Post: '../shared/rows.js#PostRow',
          Comment: '../shared/rows.js#CommentRow',
          PostConnection: '../modules/blog/blog.loaders.js#PostConnection',
          CommentConnection: '../modules/blog/blog.loaders.js#CommentConnection',
          Review: '../shared/rows.js#ReviewRow',
          ReviewConnection: '../modules/reviews/reviews.loaders.js#ReviewConnection',
        },
        scalars: {
          DateTime: { input: 'Date', output: 'Date | string' },
          Decimal: { input: 'string', output: 'string' },
          CurrencyCode: { input: 'string', output: 'string' },
        },
      },
    },
    'test/generated/': {
      preset: 'client',
      documents: ['test/**/*.graphql'],
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string', Decimal: 'string', CurrencyCode: 'string' } },
    },
    'sdk/generated/': {
      preset: 'client',
      documents: ['sdk/operations/**/*.graphql'],
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string', Decimal: 'string', CurrencyCode: 'string' } },
    },
  },
}

export default config
