import type { Resolvers } from '../../generated/graphql.js'
import { DateScalar } from './reports.scalars.js'
import * as reports from './reports.service.js'

const money = (amountMinor: string, currencyCode: string) => ({ amountMinor, currencyCode })

export const reportsResolvers: Resolvers = {
  Date: DateScalar,
  Shop: {
    // Staff only (shield), and only of their own shop: another shop's reports answer null.
    reports: (shop, _args, ctx) => (reports.mayReadReports(ctx.viewer, shop) ? shop : null),
  },
  ShopReports: {
    topCustomers: (shop, args, ctx) => reports.topCustomers(ctx, shop, args),
    salesByDay: (shop, args, ctx) => reports.salesByDay(ctx, shop, args),
    topVariants: (shop, args, ctx) => reports.topVariants(ctx, shop, args),
  },
  TopCustomer: {
    customer: (row, _args, ctx) => ctx.loaders.userById.load(row.customer_id),
    email: (row) => row.email,
    orderCount: (row) => row.order_count,
    totalSpent: (row) => money(row.total_spent_minor, row.currency_code),
  },
  DailySales: {
    date: (row) => row.date,
    orders: (row) => row.orders,
    revenue: (row) => money(row.revenue_minor, row.currency_code),
  },
  TopVariant: {
    variant: (row, _args, ctx) => (row.variant_id ? ctx.loaders.variantById.load(row.variant_id) : null),
    sku: (row) => row.sku,
    title: (row) => row.title,
    unitsSold: (row) => row.units_sold,
    revenue: (row) => money(row.revenue_minor, row.currency_code),
  },
}
