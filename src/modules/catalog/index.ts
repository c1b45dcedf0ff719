import { type Module, seededShop } from '../module.js'
import { catalogEmbeds } from './catalog.embeds.js'
import { createCatalogLoaders } from './catalog.loaders.js'
import { catalogNodes, catalogResolvers } from './catalog.resolvers.js'
import { catalogRules } from './catalog.rules.js'
import { seedCatalog } from './catalog.seed.js'

export type CatalogLoaders = ReturnType<typeof createCatalogLoaders>

/** Products, variants and inventory. */
export const catalogModule: Module<CatalogLoaders> = {
  name: 'catalog',
  resolvers: catalogResolvers,
  rules: catalogRules,
  nodes: catalogNodes,
  createLoaders: createCatalogLoaders,
  embeds: catalogEmbeds,
  seed: async (demo) => {
    const { db, config, shop, staff } = seededShop(demo)
    await seedCatalog(db, config, shop.id, staff.id, shop.currency_code)
  },
}
