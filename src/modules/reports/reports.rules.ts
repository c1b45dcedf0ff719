import { allow, staffOnly, type RuleMap } from '../../graphql/rules.js'

export const reportsRules: RuleMap = {
  Shop: { reports: staffOnly },
  // Only reached through Shop.reports, which the resolver also scopes to the viewer's own shop.
  ShopReports: { topCustomers: staffOnly, salesByDay: staffOnly, topVariants: staffOnly },
  TopCustomer: { '*': allow },
  DailySales: { '*': allow },
  TopVariant: { '*': allow },
}
