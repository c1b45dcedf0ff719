import { type Module, seededShop } from '../module.js'
import { blogEmbeds } from './blog.embeds.js'
import { createBlogLoaders } from './blog.loaders.js'
import { blogNodes, blogResolvers } from './blog.resolvers.js'
import { blogRules } from './blog.rules.js'
import { seedBlogDemoData } from './blog.seed.js'

export type BlogLoaders = ReturnType<typeof createBlogLoaders>

/** Posts, comments, likes and reading time. */
export const blogModule: Module<BlogLoaders> = {
  name: 'blog',
  resolvers: blogResolvers,
  rules: blogRules,
  nodes: blogNodes,
  createLoaders: createBlogLoaders,
  embeds: blogEmbeds,
  seed: async (demo) => {
    const { db, config, admin, staff, customers } = seededShop(demo)
    await seedBlogDemoData(db, config, { admin, staff, customers })
  },
}
