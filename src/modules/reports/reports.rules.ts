import { allow, isStaff, type RuleMap } from '../../graphql/rules.js'

export const reportsRules: RuleMap = {
  Shop: { reports: isStaff },
  // Only reached through Shop.reports, which the resolver also scopes to the viewer's own shop.
  ShopReports: { topCustomers: isStaff, salesByDay: isStaff, topVariants: isStaff },
  TopCustomer: { '*': allow },
  DailySales: { '*': allow },
  TopVariant: { '*': allow },
}
