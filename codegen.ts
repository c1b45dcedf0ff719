import { readFileSync, readdirSync } from 'node:fs'
import type { CodegenConfig } from '@graphql-codegen/cli'

/**
 * The GraphQL parent (mapper) of each type a module owns: every `export type <Type>Model` in
 * src/modules/<module>/<module>.models.ts maps SDL type <Type>, so a new module needs no line here.
 */
function moduleMappers(): Record<string, string> {
  const mappers: Record<string, string> = {}
  for (const module of readdirSync('src/modules', { withFileTypes: true })) {
    if (!module.isDirectory()) continue
    const file = `src/modules/${module.name}/${module.name}.models.ts`
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch {
      continue
    }
    for (const [, type] of text.matchAll(/^export (?:type|interface) (\w+)Model\b/gm)) {
      if (type in mappers) throw new Error(`${type}Model is declared by two modules`)
      mappers[type] = `../modules/${module.name}/${module.name}.models.js#${type}Model`
    }
  }
  return mappers
}

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
        // Base types here; every module's from its <module>.models.ts (see moduleMappers).
        mappers: {
          Viewer: '../shared/viewer.js#Viewer',
          Money: '../shared/money.js#MoneyValue',
          ...moduleMappers(),
        },
        scalars: {
          DateTime: { input: 'Date', output: 'Date | string' },
          Decimal: { input: 'string', output: 'string' },
          CurrencyCode: { input: 'string', output: 'string' },
          Date: { input: 'string', output: 'string' },
          JSON: { input: 'unknown', output: 'unknown' },
        },
      },
    },
    'test/generated/': {
      preset: 'client',
      documents: ['test/**/*.graphql'],
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Decimal: 'string', CurrencyCode: 'string', Date: 'string', JSON: 'unknown' },
      },
    },
    'sdk/generated/': {
      preset: 'client',
      documents: ['sdk/operations/**/*.graphql'],
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Decimal: 'string', CurrencyCode: 'string', Date: 'string', JSON: 'unknown' },
      },
    },
  },
}

export default config
