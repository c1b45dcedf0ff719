import { allow, signedIn, staffOnly, type RuleMap } from '../../graphql/rules.js'

export const ordersRules: RuleMap = {
  Viewer: { cart: signedIn, orders: signedIn, order: signedIn },
  Shop: { orders: staffOnly, order: staffOnly },
  Mutation: {
    cartLinesAdd: signedIn,
    cartLinesUpdate: signedIn,
    cartLinesRemove: signedIn,
    checkoutComplete: signedIn,
    orderCancel: signedIn,
    orderMarkPaid: staffOnly,
    orderFulfill: staffOnly,
    orderRefund: staffOnly,
  },
  // A cart or order is only ever reached through its owner's viewer, node (ownership checked in
  // SQL by the loader) or staff fields; its fields add no further restriction.
  Cart: { id: allow, lines: allow, subtotal: allow, estimatedTax: allow, total: allow, updatedAt: allow },
  CartLine: { id: allow, variant: allow, quantity: allow, lineTotal: allow },
  Order: {
    id: allow,
    number: allow,
    status: allow,
    lines: allow,
    subtotal: allow,
    tax: allow,
    total: allow,
    note: allow,
    customer: allow,
    placedAt: allow,
    cancelledAt: allow,
    events: allow,
  },
  OrderLine: { title: allow, sku: allow, unitPrice: allow, quantity: allow, lineTotal: allow, variant: allow },
  OrderEvent: { '*': allow },
  OrderConnection: { '*': allow },
  OrderEdge: { '*': allow },
  CartPayload: { '*': allow },
  CheckoutCompletePayload: { '*': allow },
  OrderTransitionPayload: { '*': allow },
}
