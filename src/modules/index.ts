// THE list of modules. The schema's resolvers, the shield rules, the node registry, the per-request
// loaders and the demo data are all built from it. Adding a module: a folder under modules/ with
// its schema/<name>.graphql and an index.ts exporting defineModule({...}), plus one line here.
import { auditModule } from './audit/index.js'
import { authModule } from './auth/index.js'
import { blogModule } from './blog/index.js'
import { catalogModule } from './catalog/index.js'
import { ordersModule } from './orders/index.js'
import { reviewsModule } from './reviews/index.js'
import { staffModule } from './staff/index.js'
import { reportsModule } from './reports/index.js'
import { privacyModule } from './privacy/index.js'

/** In seeding order: auth creates the demo shop, catalog fills it, orders buy from it, and so on. */
export const modules = [
  authModule,
  catalogModule,
  ordersModule,
  reviewsModule,
  blogModule,
  staffModule,
  auditModule,
  reportsModule,
  privacyModule,
] as const

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never

/** One request's DataLoaders: every module's, side by side. */
export type Loaders = UnionToIntersection<ReturnType<(typeof modules)[number]['createLoaders']>>

/** Every module's job handlers, for the jobs runtime (main.ts, worker.ts). */
export const jobHandlers = modules.flatMap((module) => module.jobs ?? [])
