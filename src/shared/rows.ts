import type { Insertable, Selectable } from 'kysely'
import type { DB } from '../../db/types.js'

// Rows as they come out of the database: the parents GraphQL resolvers receive (codegen mappers).
export type ShopRow = Selectable<DB['shop']>
export type NewShopRow = Insertable<DB['shop']>
export type UserRow = Selectable<DB['user']>
export type NewUserRow = Insertable<DB['user']>
export type RefreshTokenRow = Selectable<DB['refresh_token']>
export type AuditEventRow = Selectable<DB['audit_event']>
export type Role = UserRow['role']
export type ProductRow = Selectable<DB['product']>
export type NewProductRow = Insertable<DB['product']>
export type ProductVariantRow = Selectable<DB['product_variant']>
export type NewProductVariantRow = Insertable<DB['product_variant']>
export type ProductStatus = ProductRow['status']
export type PostRow = Selectable<DB['post']>
export type NewPostRow = Insertable<DB['post']>
export type PostStatus = PostRow['status']
export type CommentRow = Selectable<DB['comment']>
export type CommentStatus = CommentRow['status']
export type PasswordResetTokenRow = Selectable<DB['password_reset_token']>
export type EmailVerificationTokenRow = Selectable<DB['email_verification_token']>
export type EmailDeliveryRow = Selectable<DB['email_delivery']>
export type EmailKind = EmailDeliveryRow['kind']
export type CartRow = Selectable<DB['cart']>
export type CartLineRow = Selectable<DB['cart_line']>
export type OrderRow = Selectable<DB['order']>
export type NewOrderRow = Insertable<DB['order']>
export type NewOrderLineRow = Insertable<DB['order_line']>
export type OrderLineRow = Selectable<DB['order_line']>
export type OrderEventRow = Selectable<DB['order_event']>
export type OrderStatus = OrderRow['status']
export type ReviewRow = Selectable<DB['review']>
export type NewReviewRow = Insertable<DB['review']>
export type ReviewStatus = ReviewRow['status']
