import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Viewer as ViewerModel } from '../shared/viewer.js';
import type { MoneyValue as MoneyValueModel } from '../shared/money.js';
import type { AuditEventModel as AuditEventModelModel, AuditEventConnectionModel as AuditEventConnectionModelModel } from '../modules/audit/audit.models.js';
import type { ShopModel as ShopModelModel, UserModel as UserModelModel, SessionModel as SessionModelModel } from '../modules/auth/auth.models.js';
import type { PostModel as PostModelModel, CommentModel as CommentModelModel, PostConnectionModel as PostConnectionModelModel, CommentConnectionModel as CommentConnectionModelModel } from '../modules/blog/blog.models.js';
import type { ProductModel as ProductModelModel, ProductVariantModel as ProductVariantModelModel, ProductConnectionModel as ProductConnectionModelModel } from '../modules/catalog/catalog.models.js';
import type { CartModel as CartModelModel, CartLineModel as CartLineModelModel, OrderModel as OrderModelModel, OrderLineModel as OrderLineModelModel, OrderEventModel as OrderEventModelModel, OrderConnectionModel as OrderConnectionModelModel } from '../modules/orders/orders.models.js';
import type { DataExportModel as DataExportModelModel } from '../modules/privacy/privacy.models.js';
import type { ShopReportsModel as ShopReportsModelModel, TopCustomerModel as TopCustomerModelModel, DailySalesModel as DailySalesModelModel, TopVariantModel as TopVariantModelModel } from '../modules/reports/reports.models.js';
import type { ReviewModel as ReviewModelModel, ReviewConnectionModel as ReviewConnectionModelModel } from '../modules/reviews/reviews.models.js';
import type { CustomerModel as CustomerModelModel, CustomerConnectionModel as CustomerConnectionModelModel } from '../modules/staff/staff.models.js';
import type { Context } from '../graphql/context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A three-letter ISO 4217 currency code in upper case, e.g. `"EUR"`. */
  CurrencyCode: { input: string; output: string; }
  /**
   * A calendar date without a time, as an ISO 8601 string `"YYYY-MM-DD"`, e.g. `"2026-11-21"`. Report dates are days
   * in the shop's time zone.
   */
  Date: { input: string; output: string; }
  /** An instant in time, as an ISO 8601 string in UTC with millisecond precision, e.g. `"2026-11-21T09:30:00.000Z"`. */
  DateTime: { input: Date; output: Date | string; }
  /** An exact decimal number encoded as a string, e.g. `"12.50"`. Used for money so no precision is lost to floats. */
  Decimal: { input: string; output: string; }
  /** Any JSON value (an object, array, string, number, boolean or null), sent as JSON itself rather than as a string. */
  JSON: { input: unknown; output: unknown; }
};

/**
 * One entry of the shop's audit log: a privileged or security-relevant action. Entries are append-only: no API
 * changes or removes one.
 */
export type AuditEvent = Node & {
  __typename?: 'AuditEvent';
  /** What happened, as `<object>.<verb>`, e.g. `"product.created"`, `"user.role_changed"`, `"order.paid"`. */
  action: Scalars['String']['output'];
  /** Who did it; `null` for the system (a worker, reuse detection) or when the account no longer exists. */
  actor?: Maybe<User>;
  /** The global id of who did it, kept when the account is gone; `null` for the system. */
  actorId?: Maybe<Scalars['ID']['output']>;
  /** When it happened (the start of the transaction that made the change). */
  createdAt: Scalars['DateTime']['output'];
  /** What changed, as recorded by the action (e.g. `{ "before": {...}, "after": {...} }`). */
  diff: Scalars['JSON']['output'];
  /** The opaque global id of the event. */
  id: Scalars['ID']['output'];
  /** The id of the request that made the change (the `x-request-id` of its response), for matching logs. */
  requestId?: Maybe<Scalars['String']['output']>;
  /** The object acted on, when it still exists and the viewer may see it. */
  target?: Maybe<Node>;
  /** The global id of the object acted on, kept when the object is gone; `null` when the action concerns no single object. */
  targetId?: Maybe<Scalars['ID']['output']>;
  /** The type of the object acted on, e.g. `"Product"`. */
  targetType: Scalars['String']['output'];
};

/** A page of the audit log, newest first. */
export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  /** The events of this page with their cursors. */
  edges: Array<AuditEventEdge>;
  /** The events of this page. */
  nodes: Array<AuditEvent>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** One event in a page of the audit log. */
export type AuditEventEdge = {
  __typename?: 'AuditEventEdge';
  /** The cursor of this event, for `after` / `before`. */
  cursor: Scalars['String']['output'];
  /** The event. */
  node: AuditEvent;
};

/** Narrows the audit log; every field given must match. */
export type AuditEventFilter = {
  /** Only events with this action, e.g. `"order.paid"`. */
  action?: InputMaybe<Scalars['String']['input']>;
  /** Only events done by this user (a `User` id). */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** Only events at or after this instant. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only events about this object (its global id, of any type). */
  targetId?: InputMaybe<Scalars['ID']['input']>;
  /** Only events about objects of this type, e.g. `"Product"`. */
  targetType?: InputMaybe<Scalars['String']['input']>;
  /** Only events before this instant. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** A signed-in user's server-side cart: one per user, emptied by a successful checkout. */
export type Cart = Node & {
  __typename?: 'Cart';
  /** The tax the shop's rate would add to the subtotal now (rounded half-up); checkout computes the real one. */
  estimatedTax: Money;
  /** The opaque global id of the cart. */
  id: Scalars['ID']['output'];
  /** The lines, oldest first. */
  lines: Array<CartLine>;
  /** The sum of the line totals at the current prices (lines no longer for sale count nothing). */
  subtotal: Money;
  /** Subtotal plus estimated tax. */
  total: Money;
  /** When a line was last added, changed or removed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** One variant and its quantity in a cart. */
export type CartLine = {
  __typename?: 'CartLine';
  /** The opaque global id of the line (for `cartLinesUpdate` and `cartLinesRemove`). */
  id: Scalars['ID']['output'];
  /** The variant's current price times the quantity (zero when it is no longer for sale). */
  lineTotal: Money;
  /** How many units (1–999). */
  quantity: Scalars['Int']['output'];
  /** The variant; `null` when it is no longer for sale (checkout refuses such a line). */
  variant?: Maybe<ProductVariant>;
};

/** A variant and how many units of it to add. */
export type CartLineInput = {
  /** Units to add, 1–999 (added to an existing line of the same variant). */
  quantity: Scalars['Int']['input'];
  /** The variant to add. */
  variantId: Scalars['ID']['input'];
};

/** A new quantity for a cart line. */
export type CartLineUpdateInput = {
  /** The cart line to change. */
  lineId: Scalars['ID']['input'];
  /** The new quantity, 0–999; 0 removes the line. */
  quantity: Scalars['Int']['input'];
};

/** Lines to add to the viewer's cart. */
export type CartLinesAddInput = {
  /** The lines to add (at most 250). A cart holds at most 100 different variants. */
  lines: Array<CartLineInput>;
};

/** Lines to remove from the viewer's cart. */
export type CartLinesRemoveInput = {
  /** The ids of the lines to remove (at most 250). */
  lineIds: Array<Scalars['ID']['input']>;
};

/** Quantities to change in the viewer's cart. */
export type CartLinesUpdateInput = {
  /** The lines to change (at most 250). */
  lines: Array<CartLineUpdateInput>;
};

/** The result of a cart mutation. */
export type CartPayload = {
  __typename?: 'CartPayload';
  /** The cart after the change; `null` on failure. */
  cart?: Maybe<Cart>;
  /** Why the cart was not changed. Nothing changes when any line is refused. */
  userErrors: Array<UserError>;
};

/** Places an order from the viewer's cart. */
export type CheckoutCompleteInput = {
  /**
   * A client-chosen key (1–100 characters) that makes retries safe: the same key with the same cart answers the
   * first outcome again; with a different cart it answers `IDEMPOTENCY_KEY_REUSED`. Kept at least 24 hours.
   */
  idempotencyKey: Scalars['String']['input'];
  /** A note for the shop (at most 1,000 characters). */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** The result of `checkoutComplete`. */
export type CheckoutCompletePayload = {
  __typename?: 'CheckoutCompletePayload';
  /** The placed order; `null` on failure. */
  order?: Maybe<Order>;
  /**
   * Why no order was placed: `OUT_OF_STOCK` names each short line (`["cart", "lines", "<index>", "quantity"]`) with
   * what is available; `INVALID_STATE` for an empty cart or a line no longer for sale; `IDEMPOTENCY_KEY_REUSED`;
   * `CONFLICT` when a request with the same key is still running (retry).
   */
  userErrors: Array<UserError>;
};

/** A reader's comment on a published post. */
export type Comment = Node & {
  __typename?: 'Comment';
  /** Who wrote the comment (public profile: display name). */
  author: User;
  /** The text (1–5,000 characters), plain text as written. */
  body: Scalars['String']['output'];
  /** When the comment was written. */
  createdAt: Scalars['DateTime']['output'];
  /** The opaque global id of the comment. */
  id: Scalars['ID']['output'];
  /** The post the comment is on. */
  post: Post;
  /** Whether the comment is shown or hidden by staff. */
  status: CommentStatus;
};

/** A page of comments. */
export type CommentConnection = {
  __typename?: 'CommentConnection';
  /** The comments of this page with their cursors. */
  edges: Array<CommentEdge>;
  /** The comments of this page. */
  nodes: Array<Comment>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** How many comments the viewer may see on the post. */
  totalCount: Scalars['Int']['output'];
};

/** A new comment. */
export type CommentCreateInput = {
  /** The text (1–5,000 characters). */
  body: Scalars['String']['input'];
  /** The published post to comment on. */
  postId: Scalars['ID']['input'];
};

/** The result of `commentCreate`. */
export type CommentCreatePayload = {
  __typename?: 'CommentCreatePayload';
  /** The new comment; null on failure. */
  comment?: Maybe<Comment>;
  /** Why the comment was not created: `NOT_FOUND` for a post the viewer cannot see, `INVALID_STATE` for a draft. */
  userErrors: Array<UserError>;
};

/** The comment to delete. */
export type CommentDeleteInput = {
  /** The viewer's own comment, or (for staff) any comment of their shop. */
  id: Scalars['ID']['input'];
};

/** The result of `commentDelete`. */
export type CommentDeletePayload = {
  __typename?: 'CommentDeletePayload';
  /** The id of the deleted comment; null on failure. */
  deletedCommentId?: Maybe<Scalars['ID']['output']>;
  /** Why the comment was not deleted. */
  userErrors: Array<UserError>;
};

/** A comment in a page of comments. */
export type CommentEdge = {
  __typename?: 'CommentEdge';
  /** The position of the comment, to pass as `after`. */
  cursor: Scalars['String']['output'];
  /** The comment. */
  node: Comment;
};

/** A moderation decision on a comment. */
export type CommentModerateInput = {
  /** The comment to moderate. */
  id: Scalars['ID']['input'];
  /** `HIDDEN` to hide it from readers, `VISIBLE` to show it again. */
  status: CommentStatus;
};

/** The result of `commentModerate`. */
export type CommentModeratePayload = {
  __typename?: 'CommentModeratePayload';
  /** The comment with its new status; null on failure. */
  comment?: Maybe<Comment>;
  /** Why the comment was not moderated. */
  userErrors: Array<UserError>;
};

/** Whether readers can see a comment. */
export type CommentStatus =
  /** Hidden by staff: visible only to staff of the shop and to the comment's author. */
  | 'HIDDEN'
  /** Shown to everyone who can read the post. */
  | 'VISIBLE';

/**
 * A person with an account in the shop, as staff see them: contact details, role and what they have bought.
 * Reached through `Shop.customers` or `node(id:)`, by staff of the same shop only.
 */
export type Customer = Node & {
  __typename?: 'Customer';
  /** When the account was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The public name. */
  displayName: Scalars['String']['output'];
  /** The email address. */
  email: Scalars['String']['output'];
  /** The opaque global id of the customer (`gid://shopfront/Customer/<uuid>`; the same UUID as their `user`). */
  id: Scalars['ID']['output'];
  /** When the customer last placed an order; `null` when never. */
  lastOrderAt?: Maybe<Scalars['DateTime']['output']>;
  /** How many orders the customer has placed, in any status. */
  orderCount: Scalars['Int']['output'];
  /** The role in the shop. */
  role: Role;
  /** The sum of the totals of the customer's PAID and FULFILLED orders (unpaid, cancelled and refunded orders count nothing). */
  totalSpent: Money;
  /** The account itself: its id is the one `userRoleUpdate` and `Shop.orders(filter: { customerId })` take. */
  user: User;
};

/** A page of the shop's customers, newest account first. */
export type CustomerConnection = {
  __typename?: 'CustomerConnection';
  /** The customers of this page with their cursors. */
  edges: Array<CustomerEdge>;
  /** The customers of this page. */
  nodes: Array<Customer>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** How many customers match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One customer in a page of customers. */
export type CustomerEdge = {
  __typename?: 'CustomerEdge';
  /** The cursor of this customer, for `after` / `before`. */
  cursor: Scalars['String']['output'];
  /** The customer. */
  node: Customer;
};

/** One day of sales. */
export type DailySales = {
  __typename?: 'DailySales';
  /** The day, in the shop's time zone. */
  date: Scalars['Date']['output'];
  /** How many PAID or FULFILLED orders were placed that day. */
  orders: Scalars['Int']['output'];
  /** The sum of those orders' totals. */
  revenue: Money;
};

/** Everything Shopfront stores about the signed-in user, as one JSON document (GDPR art. 15 / 20). */
export type DataExport = {
  __typename?: 'DataExport';
  /**
   * The document: `{ format, generatedAt, profile, shop, cart, orders (with lines), reviews, posts, comments, likes,
   * sessions, auditEvents, limits, truncated }`. Sessions are sign-in families (`createdAt`, `lastUsedAt`, `expiresAt`,
   * `revokedAt`), never token hashes; amounts are minor units as strings. Each list holds the most recent items up to
   * the cap named in `limits` (orders 200, reviews 500, posts 50, comments 500, likes 1000, sessions 200, audit events
   * 500), so a document is at most about 16 million characters; `truncated` names the lists that had more.
   */
  document: Scalars['JSON']['output'];
  /** When the document was put together (by the database, in one consistent snapshot). */
  generatedAt: Scalars['DateTime']['output'];
  /** The lists that were cut at their cap (empty when the document is complete). */
  truncated: Array<Scalars['String']['output']>;
};

/** A change of stock by a number of units. */
export type InventoryAdjustInput = {
  /**
   * Units to add (positive) or remove (negative); not 0, at most 1,000,000,000 either way. Stock stays within
   * 0–1,000,000,000: a change that would leave that range is refused whole (`OUT_OF_STOCK` below 0).
   */
  delta: Scalars['Int']['input'];
  /** Why the stock changes, e.g. `"received"`, `"damaged"`, `"correction"` (1–200 characters); kept in the audit log. */
  reason: Scalars['String']['input'];
  /** The variant whose stock changes. */
  variantId: Scalars['ID']['input'];
};

/** The result of `inventoryAdjust`. */
export type InventoryAdjustPayload = {
  __typename?: 'InventoryAdjustPayload';
  /** `OUT_OF_STOCK` when the change would take the stock below 0. */
  userErrors: Array<UserError>;
  /** The variant with its new stock; null on failure. */
  variant?: Maybe<ProductVariant>;
};

/** A new stock level, set only if the stock is still what the caller last saw. */
export type InventorySetInput = {
  /** The stock the caller expects the variant to have now; when it differs the change is refused with `CONFLICT`. */
  expectedQuantity: Scalars['Int']['input'];
  /** The new number of units (0–1,000,000,000). */
  quantity: Scalars['Int']['input'];
  /** Why the stock is set, e.g. `"stock count"` (1–200 characters); kept in the audit log. Defaults to `"set"`. */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** The variant whose stock is set. */
  variantId: Scalars['ID']['input'];
};

/** The result of `inventorySet`. */
export type InventorySetPayload = {
  __typename?: 'InventorySetPayload';
  /** `CONFLICT` when the stock was not `expectedQuantity`. */
  userErrors: Array<UserError>;
  /** The variant with its new stock; null on failure. */
  variant?: Maybe<ProductVariant>;
};

/** An amount of money in the shop's currency. */
export type Money = {
  __typename?: 'Money';
  /** The amount as an exact decimal string with the currency's minor-unit scale, e.g. `"12.50"`. */
  amount: Scalars['Decimal']['output'];
  /** The currency of the amount. */
  currencyCode: Scalars['CurrencyCode']['output'];
};

/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Adds variants to the viewer's cart (creating it), merging with lines of the same variant. All or nothing. */
  cartLinesAdd: CartPayload;
  /** Removes lines from the viewer's cart. All or nothing. */
  cartLinesRemove: CartPayload;
  /** Changes quantities of lines in the viewer's cart; a quantity of 0 removes the line. All or nothing. */
  cartLinesUpdate: CartPayload;
  /**
   * Places an order from the viewer's cart in one transaction: stock is checked and taken for every line, prices come
   * from the catalog, the cart is emptied and a confirmation email is queued. Nothing happens when any line fails.
   */
  checkoutComplete: CheckoutCompletePayload;
  /** Comments on a published post of the viewer's shop. */
  commentCreate: CommentCreatePayload;
  /** Deletes a comment (its author, or staff of the shop: recorded in the audit log). */
  commentDelete: CommentDeletePayload;
  /** Hides or shows a comment (staff of the shop; recorded in the audit log). */
  commentModerate: CommentModeratePayload;
  /** Changes a variant's stock by a delta, atomically; it never goes below 0. Staff and admins. */
  inventoryAdjust: InventoryAdjustPayload;
  /** Sets a variant's stock if it still equals `expectedQuantity` (compare-and-set). Staff and admins. */
  inventorySet: InventorySetPayload;
  /** Cancels an order and puts its stock back: the customer while it is PENDING_PAYMENT, staff while PENDING_PAYMENT or PAID. */
  orderCancel: OrderTransitionPayload;
  /** Staff: marks a PAID order as FULFILLED. */
  orderFulfill: OrderTransitionPayload;
  /** Staff: marks a PENDING_PAYMENT order as PAID. */
  orderMarkPaid: OrderTransitionPayload;
  /** Staff: marks a PAID or FULFILLED order as REFUNDED. */
  orderRefund: OrderTransitionPayload;
  /** Changes the signed-in user's password and revokes all of their sessions. */
  passwordChange: PasswordChangePayload;
  /**
   * Sets a new password with a code from the password reset email. The code works once; every session of the
   * user is signed out.
   */
  passwordReset: PasswordResetPayload;
  /**
   * Emails a one-time password reset code, valid for 30 minutes, to the account with this email, if there is
   * one. Always answers the same, in the same time. A new request makes the codes sent before it stop working;
   * so does a password change. Requests are limited per (shop, email) and per client address, known account or
   * not (3 and 20 per 15 minutes by default): past a limit the answer is a `THROTTLED` error.
   */
  passwordResetRequest: PasswordResetRequestPayload;
  /** Creates a draft post by the viewer in their shop. The reading time is computed from the body. */
  postCreate: PostCreatePayload;
  /**
   * Deletes a post (its author, or staff of the shop: recorded in the audit log). A deleted post is gone from every
   * list and lookup; its handle becomes free.
   */
  postDelete: PostDeletePayload;
  /** Likes a published post. Idempotent: liking a post twice, even concurrently, leaves one like. */
  postLike: PostLikePayload;
  /**
   * Publishes one of the viewer's posts: it appears in `Shop.posts`, newest first. Publishing a published post
   * changes nothing.
   */
  postPublish: PostPublishPayload;
  /** Removes the viewer's like from a post. Idempotent: unliking a post not liked changes nothing. */
  postUnlike: PostUnlikePayload;
  /**
   * Changes a post: its author may change anything; staff of the shop may only unpublish it (`status: DRAFT`).
   * Someone else's published post answers FORBIDDEN; a post the viewer cannot see answers `NOT_FOUND`.
   */
  postUpdate: PostUpdatePayload;
  /** Creates a product with its first variants. Staff and admins of the viewer's shop. */
  productCreate: ProductCreatePayload;
  /**
   * Soft-deletes a product: it disappears from the storefront and from staff lists (unless `includeDeleted`), and can
   * be restored. Staff and admins.
   */
  productDelete: ProductDeletePayload;
  /** Restores a soft-deleted product. Staff and admins. */
  productRestore: ProductRestorePayload;
  /** Changes a product's handle, title, description or status. Staff and admins. */
  productUpdate: ProductUpdatePayload;
  /**
   * Reviews an ACTIVE product of the viewer's shop. One review per product and author: a second one, even sent
   * concurrently, answers `CONFLICT` (change the first with `reviewUpdate`). A product the viewer cannot see (a draft,
   * a deleted product, another shop's product) answers `NOT_FOUND`.
   */
  reviewCreate: ReviewCreatePayload;
  /**
   * Deletes a review for good: its author, or staff of the shop (recorded in the audit log when it is someone
   * else's). The author may then review the product again. Someone else's review answers FORBIDDEN to customers; a
   * review the viewer cannot see answers `NOT_FOUND`.
   */
  reviewDelete: ReviewDeletePayload;
  /**
   * Hides or publishes a review (staff of the shop; each change recorded in the audit log). Moderating a review into
   * the status it already has changes nothing.
   */
  reviewModerate: ReviewModeratePayload;
  /**
   * Changes one of the viewer's reviews (author only). Someone else's review answers FORBIDDEN; a review the viewer
   * cannot see answers `NOT_FOUND`.
   */
  reviewUpdate: ReviewUpdatePayload;
  /** Signs in with email and password. */
  sessionCreate: SessionCreatePayload;
  /** Exchanges a refresh token for a new session. Each refresh token works once. */
  sessionRefresh: SessionRefreshPayload;
  /** Signs out: revokes the session of this refresh token and every session refreshed from the same sign-in. */
  sessionRevoke: SessionRevokePayload;
  /** Creates a shop and its first administrator in one transaction, and signs the administrator in. */
  shopCreate: ShopCreatePayload;
  /** Admin only: changes the shop's name, tax rate, time zone or currency (the currency only while it has no orders). Audited. */
  shopUpdate: ShopUpdatePayload;
  /**
   * Admin only: makes an email a STAFF or ADMIN of the shop. An existing customer is promoted (and signed out everywhere,
   * so their next session carries the role); a new address gets an account and an email with a one-time code, valid for
   * 30 minutes, to set its password with `passwordReset`. Audited.
   */
  staffInvite: StaffInvitePayload;
  /**
   * Marks the account's email address verified with the one-time code from the welcome email (valid 7 days).
   * Needs no session: the code proves the address. Until then the address gets no order emails.
   */
  userEmailVerify: UserEmailVerifyPayload;
  /** Creates a customer account in a shop and signs it in. */
  userRegister: UserRegisterPayload;
  /**
   * Admin only: changes the role of a user of the shop and signs them out everywhere. The last ADMIN of a shop cannot be
   * demoted, even by two admins demoting each other at once. Audited.
   */
  userRoleUpdate: UserRoleUpdatePayload;
  /** Adds a variant to a product. Staff and admins. */
  variantCreate: VariantCreatePayload;
  /** Deletes a variant (a product keeps at least one). Staff and admins. */
  variantDelete: VariantDeletePayload;
  /** Changes a variant's SKU, title, options or price. Staff and admins. */
  variantUpdate: VariantUpdatePayload;
  /**
   * Erases the signed-in user's account, confirmed with the password. The email address and name are anonymized
   * (the account shows as "Deleted user"), every session ends, the cart is emptied, and queued emails, the email log,
   * password reset codes, idempotency records and rate-limit counters that hold the address are deleted or anonymized.
   * Orders keep their totals (for the shop's accounts); posts, comments and reviews stay, attributed to "Deleted
   * user". The last ADMIN of a shop cannot delete themselves. This cannot be undone.
   */
  viewerDelete: ViewerDeletePayload;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationCartLinesAddArgs = {
  input: CartLinesAddInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationCartLinesRemoveArgs = {
  input: CartLinesRemoveInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationCartLinesUpdateArgs = {
  input: CartLinesUpdateInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationCheckoutCompleteArgs = {
  input: CheckoutCompleteInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationCommentCreateArgs = {
  input: CommentCreateInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationCommentDeleteArgs = {
  input: CommentDeleteInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationCommentModerateArgs = {
  input: CommentModerateInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationInventoryAdjustArgs = {
  input: InventoryAdjustInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationInventorySetArgs = {
  input: InventorySetInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationOrderCancelArgs = {
  input: OrderTransitionInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationOrderFulfillArgs = {
  input: OrderTransitionInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationOrderMarkPaidArgs = {
  input: OrderTransitionInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationOrderRefundArgs = {
  input: OrderTransitionInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationPasswordChangeArgs = {
  input: PasswordChangeInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationPasswordResetArgs = {
  input: PasswordResetInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationPasswordResetRequestArgs = {
  input: PasswordResetRequestInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationPostCreateArgs = {
  input: PostCreateInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationPostDeleteArgs = {
  input: PostDeleteInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationPostLikeArgs = {
  input: PostLikeInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationPostPublishArgs = {
  input: PostPublishInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationPostUnlikeArgs = {
  input: PostUnlikeInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationPostUpdateArgs = {
  input: PostUpdateInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationProductCreateArgs = {
  input: ProductCreateInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationProductDeleteArgs = {
  input: ProductDeleteInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationProductRestoreArgs = {
  input: ProductRestoreInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationProductUpdateArgs = {
  input: ProductUpdateInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationReviewCreateArgs = {
  input: ReviewCreateInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationReviewDeleteArgs = {
  input: ReviewDeleteInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationReviewModerateArgs = {
  input: ReviewModerateInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationReviewUpdateArgs = {
  input: ReviewUpdateInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationSessionCreateArgs = {
  input: SessionCreateInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationSessionRefreshArgs = {
  input: SessionRefreshInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationSessionRevokeArgs = {
  input: SessionRevokeInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationShopCreateArgs = {
  input: ShopCreateInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationShopUpdateArgs = {
  input: ShopUpdateInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationStaffInviteArgs = {
  input: StaffInviteInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationUserEmailVerifyArgs = {
  input: UserEmailVerifyInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationUserRegisterArgs = {
  input: UserRegisterInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationUserRoleUpdateArgs = {
  input: UserRoleUpdateInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationVariantCreateArgs = {
  input: VariantCreateInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationVariantDeleteArgs = {
  input: VariantDeleteInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationVariantUpdateArgs = {
  input: VariantUpdateInput;
};


/** The entry points for writing. Every mutation takes one `input` and answers a payload with `userErrors`. */
export type MutationViewerDeleteArgs = {
  input: ViewerDeleteInput;
};

/** An object with a globally unique, opaque id (`gid://shopfront/<Type>/<uuid>`) that can be refetched with `node(id:)`. */
export type Node = {
  /** The opaque global id of the object. */
  id: Scalars['ID']['output'];
};

/** A placed order. Its lines and totals are snapshots taken at checkout: later catalog changes do not alter them. */
export type Order = Node & {
  __typename?: 'Order';
  /** When the order was cancelled, if it was. */
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  /** The customer who placed the order (visible to the customer and the shop's staff). */
  customer?: Maybe<User>;
  /** Every status change, oldest first (the first is the placement). */
  events: Array<OrderEvent>;
  /** The opaque global id of the order. */
  id: Scalars['ID']['output'];
  /** The ordered lines, in cart order. */
  lines: Array<OrderLine>;
  /** The customer's note from checkout, if any. */
  note?: Maybe<Scalars['String']['output']>;
  /** The order number, sequential per shop, starting at 1. */
  number: Scalars['Int']['output'];
  /** When the order was placed. */
  placedAt: Scalars['DateTime']['output'];
  /** The current status. */
  status: OrderStatus;
  /** The sum of the line totals. */
  subtotal: Money;
  /** Tax at the shop's rate when the order was placed, rounded half-up on the whole order. */
  tax: Money;
  /** Subtotal plus tax. */
  total: Money;
};

/** A page of orders. */
export type OrderConnection = {
  __typename?: 'OrderConnection';
  /** The orders of this page with their cursors. */
  edges: Array<OrderEdge>;
  /** The orders of this page. */
  nodes: Array<Order>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** How many orders match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An order and its cursor. */
export type OrderEdge = {
  __typename?: 'OrderEdge';
  /** The cursor to pass as `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The order. */
  node: Order;
};

/** A status change of an order. */
export type OrderEvent = {
  __typename?: 'OrderEvent';
  /** When it happened. */
  occurredAt: Scalars['DateTime']['output'];
  /** The status the order entered. */
  status: OrderStatus;
};

/** Which orders `Shop.orders` lists. */
export type OrderFilter = {
  /** Only orders of this customer (a User id). */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** Only orders placed at or after this instant. */
  placedAfter?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only orders placed before this instant. */
  placedBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only orders in this status. */
  status?: InputMaybe<OrderStatus>;
};

/** One line of an order, snapshotted at checkout. */
export type OrderLine = {
  __typename?: 'OrderLine';
  /** Unit price times quantity. */
  lineTotal: Money;
  /** How many units were ordered. */
  quantity: Scalars['Int']['output'];
  /** The SKU at checkout. */
  sku: Scalars['String']['output'];
  /** The product and variant title at checkout, e.g. `"Linen shirt – M / Blue"`. */
  title: Scalars['String']['output'];
  /** The unit price at checkout. */
  unitPrice: Money;
  /** The variant as it is now; `null` when it is gone or not visible to the viewer. */
  variant?: Maybe<ProductVariant>;
};

/**
 * Where an order is in its life: `PENDING_PAYMENT → PAID → FULFILLED`; `PENDING_PAYMENT | PAID → CANCELLED`;
 * `PAID | FULFILLED → REFUNDED`.
 */
export type OrderStatus =
  /** Cancelled before shipping; its stock went back on sale. */
  | 'CANCELLED'
  /** Shipped. */
  | 'FULFILLED'
  /** Paid: ready to ship. */
  | 'PAID'
  /** Placed, waiting for payment. */
  | 'PENDING_PAYMENT'
  /** Refunded after payment. */
  | 'REFUNDED';

/** The order to change. */
export type OrderTransitionInput = {
  /** The order's id. */
  orderId: Scalars['ID']['input'];
};

/** The result of an order state change. */
export type OrderTransitionPayload = {
  __typename?: 'OrderTransitionPayload';
  /** The order after the change; `null` on failure. */
  order?: Maybe<Order>;
  /**
   * `NOT_FOUND` when the order does not exist or is not the viewer's to change; `INVALID_STATE` when the transition
   * is not allowed from the order's status.
   */
  userErrors: Array<UserError>;
};

/** Where a page of a connection sits in the whole list. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last item of this page, if any. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow the last one of this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether more items precede the first one of this page. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first item of this page, if any. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A new password for the signed-in user. */
export type PasswordChangeInput = {
  /** The current password. */
  currentPassword: Scalars['String']['input'];
  /** The new password: at least 10 characters, not the email. */
  newPassword: Scalars['String']['input'];
};

/** The result of `passwordChange`. */
export type PasswordChangePayload = {
  __typename?: 'PasswordChangePayload';
  /** A fresh session: every earlier session of the user is revoked. Null on failure. */
  session?: Maybe<Session>;
  /** The user; null on failure. */
  user?: Maybe<User>;
  /** Why the password was not changed. */
  userErrors: Array<UserError>;
};

/** A reset code from the password reset email, and the new password. */
export type PasswordResetInput = {
  /** The new password: at least 10 characters, not the email. */
  newPassword: Scalars['String']['input'];
  /** The one-time code from the password reset email. */
  token: Scalars['String']['input'];
};

/** The result of `passwordReset`. */
export type PasswordResetPayload = {
  __typename?: 'PasswordResetPayload';
  /** The user whose password was reset; null on failure. Sign in with the new password to get a session. */
  user?: Maybe<User>;
  /**
   * `INVALID_TOKEN` when the code is unknown, expired, already used or superseded by a newer request;
   * `WEAK_PASSWORD` when the new password does not meet the policy (the code stays usable).
   */
  userErrors: Array<UserError>;
};

/** The account to send a password reset email to. */
export type PasswordResetRequestInput = {
  /** The account's email address (any case). */
  email: Scalars['String']['input'];
  /** The handle of the shop the account belongs to. */
  shopHandle: Scalars['String']['input'];
};

/**
 * The result of `passwordResetRequest`. It is the same whether or not an account has this email, so accounts
 * cannot be probed with it.
 */
export type PasswordResetRequestPayload = {
  __typename?: 'PasswordResetRequestPayload';
  /** Always empty: the request is accepted whatever the email. */
  userErrors: Array<UserError>;
};

/** A blog post of a shop. Drafts and deleted posts are absent (`null`, not listed) for everyone who may not see them. */
export type Post = Node & {
  __typename?: 'Post';
  /** Who wrote the post (public profile: display name). */
  author: User;
  /**
   * The body as Markdown source (at most 100,000 characters). The API never renders it to HTML: clients render it
   * with a sanitizing Markdown renderer.
   */
  body: Scalars['String']['output'];
  /** The comments the viewer may see, oldest first. Hidden comments appear only for staff of the shop and their authors. */
  comments: CommentConnection;
  /** When the post was created. */
  createdAt: Scalars['DateTime']['output'];
  /** A short summary: the author's own, or the first ~200 characters of the body's plain text. */
  excerpt: Scalars['String']['output'];
  /** The URL-safe handle, unique among the shop's posts, e.g. `"spring-collection"`. */
  handle: Scalars['String']['output'];
  /** The opaque global id of the post. */
  id: Scalars['ID']['output'];
  /** How many users like the post. */
  likeCount: Scalars['Int']['output'];
  /** When the post was (last) published; `null` for drafts. */
  publishedAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * Estimated minutes to read the body: words / 200, rounded up, at least 1. Markdown syntax is not counted.
   * Computed on every save.
   */
  readingTimeMinutes: Scalars['Int']['output'];
  /** Whether the post is a draft or published. */
  status: PostStatus;
  /** Tags, normalized to lower case (at most 10, each 1–30 characters). */
  tags: Array<Scalars['String']['output']>;
  /** The title (1–200 characters). */
  title: Scalars['String']['output'];
  /** When the post's content or status last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Whether the signed-in viewer likes the post; `false` for anonymous readers. */
  viewerHasLiked: Scalars['Boolean']['output'];
};


/** A blog post of a shop. Drafts and deleted posts are absent (`null`, not listed) for everyone who may not see them. */
export type PostCommentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of posts. */
export type PostConnection = {
  __typename?: 'PostConnection';
  /** The posts of this page with their cursors. */
  edges: Array<PostEdge>;
  /** The posts of this page. */
  nodes: Array<Post>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** How many posts the whole list holds. */
  totalCount: Scalars['Int']['output'];
};

/** A new post, created as a draft in the viewer's shop. */
export type PostCreateInput = {
  /** The body as Markdown (at most 100,000 characters). Defaults to empty. */
  body?: InputMaybe<Scalars['String']['input']>;
  /** A summary (at most 500 characters). Omitted or empty: derived from the body, and kept in step with it. */
  excerpt?: InputMaybe<Scalars['String']['input']>;
  /**
   * The handle: 1–100 lowercase letters and digits in dash-separated groups. When omitted it is derived from the
   * title, with a numeric suffix (`-2`, `-3`…) when taken. A given handle that is taken is refused with `TAKEN`.
   */
  handle?: InputMaybe<Scalars['String']['input']>;
  /** Tags: at most 10, each 1–30 characters; normalized to lower case, duplicates dropped. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The title (1–200 characters). */
  title: Scalars['String']['input'];
};

/** The result of `postCreate`. */
export type PostCreatePayload = {
  __typename?: 'PostCreatePayload';
  /** The new draft; null on failure. */
  post?: Maybe<Post>;
  /** Why the post was not created. */
  userErrors: Array<UserError>;
};

/** The post to delete. */
export type PostDeleteInput = {
  /** The viewer's own post, or (for staff) any post of their shop. */
  id: Scalars['ID']['input'];
};

/** The result of `postDelete`. */
export type PostDeletePayload = {
  __typename?: 'PostDeletePayload';
  /** The id of the deleted post; null on failure. */
  deletedPostId?: Maybe<Scalars['ID']['output']>;
  /** Why the post was not deleted. */
  userErrors: Array<UserError>;
};

/** A post in a page of posts. */
export type PostEdge = {
  __typename?: 'PostEdge';
  /** The position of the post, to pass as `after`. */
  cursor: Scalars['String']['output'];
  /** The post. */
  node: Post;
};

/** Narrows `Shop.posts`. */
export type PostFilter = {
  /** Only posts by this user. */
  authorId?: InputMaybe<Scalars['ID']['input']>;
  /** Only posts with this tag (compared in lower case). */
  tag?: InputMaybe<Scalars['String']['input']>;
};

/** The post to like or unlike. */
export type PostLikeInput = {
  /** A published post of the viewer's shop. */
  postId: Scalars['ID']['input'];
};

/** The result of `postLike`. */
export type PostLikePayload = {
  __typename?: 'PostLikePayload';
  /** The post, with its like count after the change; null on failure. */
  post?: Maybe<Post>;
  /** Why the like was not recorded. */
  userErrors: Array<UserError>;
};

/** The post to publish. */
export type PostPublishInput = {
  /** One of the viewer's own posts. */
  id: Scalars['ID']['input'];
};

/** The result of `postPublish`. */
export type PostPublishPayload = {
  __typename?: 'PostPublishPayload';
  /** The published post; null on failure. */
  post?: Maybe<Post>;
  /** Why the post was not published. */
  userErrors: Array<UserError>;
};

/** Whether readers can see a post. */
export type PostStatus =
  /** Being written: visible only to its author and to staff of its shop. */
  | 'DRAFT'
  /** Public: listed in `Shop.posts` and readable by anyone. */
  | 'PUBLISHED';

/** The post to stop liking. */
export type PostUnlikeInput = {
  /** A post the viewer can see. */
  postId: Scalars['ID']['input'];
};

/** The result of `postUnlike`. */
export type PostUnlikePayload = {
  __typename?: 'PostUnlikePayload';
  /** The post, with its like count after the change; null on failure. */
  post?: Maybe<Post>;
  /** Why the like was not removed. */
  userErrors: Array<UserError>;
};

/** Changes to a post. Omitted (or null) fields stay as they are. */
export type PostUpdateInput = {
  /** A new Markdown body (at most 100,000 characters). The reading time (and a derived excerpt) follow it. */
  body?: InputMaybe<Scalars['String']['input']>;
  /** A new summary (at most 500 characters); the empty string goes back to deriving it from the body. */
  excerpt?: InputMaybe<Scalars['String']['input']>;
  /** A new handle (same format as in `postCreate`); `TAKEN` when another post has it. */
  handle?: InputMaybe<Scalars['String']['input']>;
  /** The post to change. */
  id: Scalars['ID']['input'];
  /**
   * A new status. `DRAFT` unpublishes the post: its author, or staff of the shop (moderation, recorded in the
   * audit log), may do it. `PUBLISHED` publishes it like `postPublish` (author only). Staff may change only the
   * status of other users' posts.
   */
  status?: InputMaybe<PostStatus>;
  /** The new tags, replacing the old ones (same rules as in `postCreate`). */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** A new title (1–200 characters). The handle does not follow the title: change it explicitly. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** The result of `postUpdate`. */
export type PostUpdatePayload = {
  __typename?: 'PostUpdatePayload';
  /** The post as changed; null on failure. */
  post?: Maybe<Post>;
  /** Why the post was not changed. */
  userErrors: Array<UserError>;
};

/** The span of a product's variant prices. */
export type PriceRange = {
  __typename?: 'PriceRange';
  /** The highest variant price. */
  max: Money;
  /** The lowest variant price. */
  min: Money;
};

/**
 * A thing for sale, with one or more buyable variants.
 *
 * Anonymous callers, customers and staff of other shops see only ACTIVE, non-deleted products; any other product
 * answers as if it did not exist (`null`, and absent from lists), through `node` too.
 */
export type Product = Node & {
  __typename?: 'Product';
  /** When the product was created. */
  createdAt: Scalars['DateTime']['output'];
  /** When the product was soft-deleted; `null` while it is live. Staff of the shop only: anyone else gets `FORBIDDEN`. */
  deletedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The description, as plain text (may be empty). */
  description: Scalars['String']['output'];
  /** The URL-safe handle, unique in the shop, e.g. `"linen-shirt"`. */
  handle: Scalars['String']['output'];
  /** The opaque global id of the product. */
  id: Scalars['ID']['output'];
  /** The lowest and highest price among the live variants. */
  priceRange: PriceRange;
  /** The average rating and the number of published reviews. */
  rating: ProductRating;
  /**
   * The reviews of the product the viewer may see, newest first by default. Hidden reviews appear only for staff of
   * the shop and their authors.
   */
  reviews: ReviewConnection;
  /** The life-cycle status. */
  status: ProductStatus;
  /** The display title. */
  title: Scalars['String']['output'];
  /** When the product or one of its variants was last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The live variants, in the order they were added (at most 100). */
  variants: Array<ProductVariant>;
};


/**
 * A thing for sale, with one or more buyable variants.
 *
 * Anonymous callers, customers and staff of other shops see only ACTIVE, non-deleted products; any other product
 * answers as if it did not exist (`null`, and absent from lists), through `node` too.
 */
export type ProductReviewsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  reverse?: InputMaybe<Scalars['Boolean']['input']>;
  sortKey?: InputMaybe<ReviewSortKey>;
};

/** A page of products. */
export type ProductConnection = {
  __typename?: 'ProductConnection';
  /** The products of this page with their cursors. */
  edges: Array<ProductEdge>;
  /** The products of this page. */
  nodes: Array<Product>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** How many products match the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A new product and its first variants. */
export type ProductCreateInput = {
  /** The description (at most 20,000 characters). Defaults to empty. */
  description?: InputMaybe<Scalars['String']['input']>;
  /**
   * The handle: 1–100 lowercase letters, digits and inner dashes. When omitted it is derived from the title, with a
   * numeric suffix (`-2`, `-3`…) when taken; an explicit handle that is taken is `TAKEN`.
   */
  handle?: InputMaybe<Scalars['String']['input']>;
  /** The status. Defaults to DRAFT. */
  status?: InputMaybe<ProductStatus>;
  /** The title (1–200 characters). */
  title: Scalars['String']['input'];
  /** The first variants: 1–100. */
  variants: Array<ProductVariantInput>;
};

/** The result of `productCreate`. */
export type ProductCreatePayload = {
  __typename?: 'ProductCreatePayload';
  /** The new product; null on failure. */
  product?: Maybe<Product>;
  /** Why the product was not created. */
  userErrors: Array<UserError>;
};

/** The product to soft-delete. */
export type ProductDeleteInput = {
  /** The product's id. */
  id: Scalars['ID']['input'];
};

/** The result of `productDelete`. */
export type ProductDeletePayload = {
  __typename?: 'ProductDeletePayload';
  /** The soft-deleted product (with `deletedAt` set); null on failure. */
  product?: Maybe<Product>;
  /** Why the product was not deleted (`INVALID_STATE` when it already is). */
  userErrors: Array<UserError>;
};

/** A product and its cursor. */
export type ProductEdge = {
  __typename?: 'ProductEdge';
  /** The opaque cursor of this product, for `after` / `before`. */
  cursor: Scalars['String']['output'];
  /** The product. */
  node: Product;
};

/**
 * Narrows `Shop.products`. All given conditions must hold.
 *
 * `status` and `includeDeleted` are for staff of the shop: anyone else who sets either gets a top-level `FORBIDDEN`
 * error (`UNAUTHENTICATED` when anonymous) and no results.
 */
export type ProductFilter = {
  /** Include soft-deleted products too. Staff only; defaults to false. */
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only products whose lowest variant price is at most this amount. */
  priceMax?: InputMaybe<Scalars['Decimal']['input']>;
  /** Only products whose lowest variant price is at least this amount. */
  priceMin?: InputMaybe<Scalars['Decimal']['input']>;
  /**
   * Only products with one of these statuses. Staff only. Staff see every status when omitted; everyone else sees
   * ACTIVE products only.
   */
  status?: InputMaybe<Array<ProductStatus>>;
  /** Only products whose title contains this text, case-insensitively (at most 200 characters). */
  titleContains?: InputMaybe<Scalars['String']['input']>;
};

/** The summary of a product's published reviews. */
export type ProductRating = {
  __typename?: 'ProductRating';
  /** The mean rating of the published reviews, rounded to 2 decimals; `null` when there are none. */
  average?: Maybe<Scalars['Float']['output']>;
  /** How many published reviews the product has (hidden ones are not counted). */
  count: Scalars['Int']['output'];
};

/** The soft-deleted product to bring back. */
export type ProductRestoreInput = {
  /** The product's id. */
  id: Scalars['ID']['input'];
};

/** The result of `productRestore`. */
export type ProductRestorePayload = {
  __typename?: 'ProductRestorePayload';
  /** The restored product; null on failure. */
  product?: Maybe<Product>;
  /** Why the product was not restored (`INVALID_STATE` when it is not deleted). */
  userErrors: Array<UserError>;
};

/** What to order products by. Ties are broken by id, so the order is stable. */
export type ProductSortKey =
  /** Creation time, oldest first (newest first with `reverse: true`). */
  | 'CREATED_AT'
  /** The lowest variant price, cheapest first. */
  | 'PRICE'
  /** Title, alphabetically (database collation). */
  | 'TITLE';

/** Where a product is in its life cycle. Only ACTIVE products are visible outside the shop's staff. */
export type ProductStatus =
  /** On sale: visible to everyone. */
  | 'ACTIVE'
  /** No longer sold but kept for reference: visible to the shop's staff only. */
  | 'ARCHIVED'
  /** Being prepared: visible to the shop's staff only. */
  | 'DRAFT';

/** Changes to a product; omitted fields stay as they are. */
export type ProductUpdateInput = {
  /** A new description (at most 20,000 characters). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** A new handle (same rules as on creation; `TAKEN` when in use). */
  handle?: InputMaybe<Scalars['String']['input']>;
  /** The product to change. */
  id: Scalars['ID']['input'];
  /** A new status. */
  status?: InputMaybe<ProductStatus>;
  /** A new title (1–200 characters). */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** The result of `productUpdate`. */
export type ProductUpdatePayload = {
  __typename?: 'ProductUpdatePayload';
  /** The product as changed; null on failure. */
  product?: Maybe<Product>;
  /** Why the product was not changed. */
  userErrors: Array<UserError>;
};

/** A buyable version of a product (a size, a color…), with its own SKU, price and stock. */
export type ProductVariant = Node & {
  __typename?: 'ProductVariant';
  /** Whether at least one unit is in stock. */
  availableForSale: Scalars['Boolean']['output'];
  /** When the variant was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The opaque global id of the variant. */
  id: Scalars['ID']['output'];
  /** The unit price. */
  price: Money;
  /** The product the variant belongs to. */
  product: Product;
  /** The units in stock. Staff of the shop only: anyone else gets `FORBIDDEN`. */
  quantityAvailable: Scalars['Int']['output'];
  /** The option values of this variant, in order. */
  selectedOptions: Array<SelectedOption>;
  /** The stock-keeping unit, unique among the shop's variants. */
  sku: Scalars['String']['output'];
  /** The display title, e.g. `"M / Blue"`. */
  title: Scalars['String']['output'];
  /** When the variant was last changed (stock changes included). */
  updatedAt: Scalars['DateTime']['output'];
};

/** A variant created together with its product. */
export type ProductVariantInput = {
  /** The unit price in the shop's currency: at least 0, less than 1,000,000,000, with at most the currency's decimals. */
  price: Scalars['Decimal']['input'];
  /** The units in stock to start with (0–1,000,000,000). Defaults to 0. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Up to 3 option values, e.g. size and color. */
  selectedOptions?: InputMaybe<Array<SelectedOptionInput>>;
  /** The SKU: 1–64 characters without spaces, unique among the shop's live variants. */
  sku: Scalars['String']['input'];
  /** The display title (1–200 characters). Defaults to the option values joined by `" / "`, or `"Default"`. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** The entry points for reading. */
export type Query = {
  __typename?: 'Query';
  /**
   * Refetches any object by its global id. A malformed id, an id of an unknown type, or an object the viewer may not
   * see answers `null`.
   */
  node?: Maybe<Node>;
  /** Refetches up to 100 objects by their global ids, in the order given; each position is `null` when `node` would be. */
  nodes: Array<Maybe<Node>>;
  /** The public storefront of the shop with this handle; `null` when there is none. */
  shop?: Maybe<Shop>;
  /** The signed-in user (from the `Authorization: Bearer` access token); `null` when anonymous. */
  viewer?: Maybe<Viewer>;
};


/** The entry points for reading. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for reading. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** The entry points for reading. */
export type QueryShopArgs = {
  handle: Scalars['String']['input'];
};

/**
 * A customer's rating of a product. Hidden reviews, and reviews of products the viewer cannot see, are absent
 * (`null`, not listed) for everyone who may not see them, through `node` too.
 */
export type Review = Node & {
  __typename?: 'Review';
  /** Who wrote the review (public profile: display name). */
  author: User;
  /** The text (at most 5,000 characters; may be empty), plain text as written. */
  body: Scalars['String']['output'];
  /** When the review was written. */
  createdAt: Scalars['DateTime']['output'];
  /** The opaque global id of the review. */
  id: Scalars['ID']['output'];
  /** The product the review is about. */
  product: Product;
  /** The rating, from 1 to 5 stars. */
  rating: Scalars['Int']['output'];
  /** Whether the review is published or hidden by staff. */
  status: ReviewStatus;
  /** The headline (1–200 characters). */
  title: Scalars['String']['output'];
  /** When the review's content or status last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /**
   * Whether the author has a PAID or FULFILLED order containing the product. Computed when read, so it turns true
   * once such an order is paid, even after the review was written.
   */
  verifiedPurchase: Scalars['Boolean']['output'];
};

/** A page of reviews. */
export type ReviewConnection = {
  __typename?: 'ReviewConnection';
  /** The reviews of this page with their cursors. */
  edges: Array<ReviewEdge>;
  /** The reviews of this page. */
  nodes: Array<Review>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** How many reviews of the product the viewer may see (hidden ones included for staff of the shop and their author). */
  totalCount: Scalars['Int']['output'];
};

/** A new review of a product, by the viewer. */
export type ReviewCreateInput = {
  /** The text (at most 5,000 characters). Defaults to empty. */
  body?: InputMaybe<Scalars['String']['input']>;
  /** An ACTIVE product of the viewer's shop. */
  productId: Scalars['ID']['input'];
  /** The rating, from 1 to 5. */
  rating: Scalars['Int']['input'];
  /** The headline (1–200 characters). */
  title: Scalars['String']['input'];
};

/** The result of `reviewCreate`. */
export type ReviewCreatePayload = {
  __typename?: 'ReviewCreatePayload';
  /** The new review; null on failure. */
  review?: Maybe<Review>;
  /**
   * Why the review was not created: `INVALID_INPUT` (naming the field), `NOT_FOUND` for a product the viewer cannot
   * see, `INVALID_STATE` for a product that is not on sale (staff), `CONFLICT` when the viewer already reviewed it.
   */
  userErrors: Array<UserError>;
};

/** The review to delete. */
export type ReviewDeleteInput = {
  /** The viewer's own review, or (for staff) any review of their shop. */
  id: Scalars['ID']['input'];
};

/** The result of `reviewDelete`. */
export type ReviewDeletePayload = {
  __typename?: 'ReviewDeletePayload';
  /** The id of the deleted review; null on failure. */
  deletedReviewId?: Maybe<Scalars['ID']['output']>;
  /** Why the review was not deleted. */
  userErrors: Array<UserError>;
};

/** A review in a page of reviews. */
export type ReviewEdge = {
  __typename?: 'ReviewEdge';
  /** The position of the review, to pass as `after`. */
  cursor: Scalars['String']['output'];
  /** The review. */
  node: Review;
};

/** A moderation decision on a review. */
export type ReviewModerateInput = {
  /** `HIDE` to hide it from shoppers, `PUBLISH` to show it again. */
  action: ReviewModerationAction;
  /** The review to moderate. */
  id: Scalars['ID']['input'];
};

/** The result of `reviewModerate`. */
export type ReviewModeratePayload = {
  __typename?: 'ReviewModeratePayload';
  /** The review with its new status; null on failure. */
  review?: Maybe<Review>;
  /** Why the review was not moderated. */
  userErrors: Array<UserError>;
};

/** A moderation decision on a review. */
export type ReviewModerationAction =
  /** Hide the review from shoppers (it stays visible to its author and to staff, marked HIDDEN). */
  | 'HIDE'
  /** Publish a hidden review again. */
  | 'PUBLISH';

/** What to order a product's reviews by. Ties are broken by creation time, then id, so the order is stable. */
export type ReviewSortKey =
  /** Creation time, newest first (oldest first with `reverse: true`). */
  | 'CREATED_AT'
  /** Rating, highest first, then newest first (lowest and oldest first with `reverse: true`). */
  | 'RATING';

/** Whether shoppers can see a review. */
export type ReviewStatus =
  /** Hidden by staff: visible only to staff of the shop and to the review's author; not counted in `Product.rating`. */
  | 'HIDDEN'
  /** Shown to everyone who can see the product, and counted in `Product.rating`. */
  | 'PUBLISHED';

/** Changes to one of the viewer's reviews. Omitted (or null) fields stay as they are. */
export type ReviewUpdateInput = {
  /** A new text (at most 5,000 characters; the empty string clears it). */
  body?: InputMaybe<Scalars['String']['input']>;
  /** The review to change (the viewer's own). */
  id: Scalars['ID']['input'];
  /** A new rating, from 1 to 5. */
  rating?: InputMaybe<Scalars['Int']['input']>;
  /** A new headline (1–200 characters). */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** The result of `reviewUpdate`. */
export type ReviewUpdatePayload = {
  __typename?: 'ReviewUpdatePayload';
  /** The review as changed; null on failure. */
  review?: Maybe<Review>;
  /** Why the review was not changed. */
  userErrors: Array<UserError>;
};

/** The role of a user in their shop. */
export type Role =
  /** Administrator: all staff rights, plus staff roles, shop settings and the audit log. */
  | 'ADMIN'
  /** A shopper: may buy, review, blog and comment. */
  | 'CUSTOMER'
  /** Staff: manages catalog, orders and moderation of the shop. */
  | 'STAFF';

/** One option value that tells a variant apart, e.g. `{ name: "Size", value: "M" }`. */
export type SelectedOption = {
  __typename?: 'SelectedOption';
  /** The option's name, e.g. `"Size"`. */
  name: Scalars['String']['output'];
  /** The variant's value for the option, e.g. `"M"`. */
  value: Scalars['String']['output'];
};

/** One option value of a variant. */
export type SelectedOptionInput = {
  /** The option's name (1–50 characters), e.g. `"Size"`; unique within the variant. */
  name: Scalars['String']['input'];
  /** The value (1–100 characters), e.g. `"M"`. */
  value: Scalars['String']['input'];
};

/** A signed-in session: a short-lived access token and a long-lived, single-use refresh token. */
export type Session = {
  __typename?: 'Session';
  /** The JWT to send as `Authorization: Bearer <token>`. */
  accessToken: Scalars['String']['output'];
  /** When the access token stops being accepted (15 minutes after issue). */
  accessTokenExpiresAt: Scalars['DateTime']['output'];
  /** The opaque token to exchange for a new session with `sessionRefresh`. Each one works once. */
  refreshToken: Scalars['String']['output'];
  /** When the refresh token expires (30 days after issue). */
  refreshTokenExpiresAt: Scalars['DateTime']['output'];
};

/** Credentials to sign in with. */
export type SessionCreateInput = {
  /** The account's email address (any case). */
  email: Scalars['String']['input'];
  /** The account's password. */
  password: Scalars['String']['input'];
  /** The handle of the shop the account belongs to. */
  shopHandle: Scalars['String']['input'];
};

/** The result of `sessionCreate`. */
export type SessionCreatePayload = {
  __typename?: 'SessionCreatePayload';
  /** The new session; null on failure. */
  session?: Maybe<Session>;
  /** The signed-in user; null on failure. */
  user?: Maybe<User>;
  /** `INVALID_CREDENTIALS` for an unknown email and a wrong password alike. */
  userErrors: Array<UserError>;
};

/** A refresh token to exchange. */
export type SessionRefreshInput = {
  /** The refresh token of the current session. */
  refreshToken: Scalars['String']['input'];
};

/** The result of `sessionRefresh`. */
export type SessionRefreshPayload = {
  __typename?: 'SessionRefreshPayload';
  /** The new session; the presented refresh token is retired. Null on failure. */
  session?: Maybe<Session>;
  /**
   * `INVALID_TOKEN` when the token is unknown, expired or revoked. Presenting a retired token revokes every session
   * descended from the same sign-in.
   */
  userErrors: Array<UserError>;
};

/** The session to end. */
export type SessionRevokeInput = {
  /** The refresh token of the session to sign out. */
  refreshToken: Scalars['String']['input'];
};

/** The result of `sessionRevoke`. */
export type SessionRevokePayload = {
  __typename?: 'SessionRevokePayload';
  /** Whether a live session was revoked. */
  revoked: Scalars['Boolean']['output'];
  /** `INVALID_TOKEN` when the token is unknown. */
  userErrors: Array<UserError>;
};

/** A tenant: one storefront with its own catalog, customers, orders and blog. */
export type Shop = Node & {
  __typename?: 'Shop';
  /** Admin only: the shop's audit log, newest first. Admins of another shop get an empty list. */
  auditEvents: AuditEventConnection;
  /** When the shop was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The currency all prices of the shop are in. */
  currencyCode: Scalars['CurrencyCode']['output'];
  /** Staff only: the shop's accounts (erased ones excluded), newest first. Staff of another shop get an empty list. */
  customers: CustomerConnection;
  /** The unique, URL-safe handle of the shop, e.g. `"demo"`. */
  handle: Scalars['String']['output'];
  /** The opaque global id of the shop. */
  id: Scalars['ID']['output'];
  /** The display name of the shop. */
  name: Scalars['String']['output'];
  /** Staff only: one order of the shop by its number; `null` when there is none (or for staff of another shop). */
  order?: Maybe<Order>;
  /** Staff only: the shop's orders, newest first. Staff of another shop get an empty list. */
  orders: OrderConnection;
  /** The post with this handle; `null` when there is none or the viewer may not see it (a draft of someone else). */
  post?: Maybe<Post>;
  /** The shop's published posts, newest first (by publication time). */
  posts: PostConnection;
  /**
   * The product with this handle; `null` when there is none or the viewer may not see it. Staff of this shop also
   * get drafts, archived and soft-deleted products.
   */
  product?: Maybe<Product>;
  /**
   * The shop's products, as a keyset-paginated connection. `first`/`last` are 1–100 (default 20); cursors stay valid
   * when products are added or removed around them. Staff of this shop see every status; everyone else (staff of
   * other shops included) sees ACTIVE, non-deleted products only.
   */
  products: ProductConnection;
  /**
   * Staff only: sales reports of the shop. Customers and anonymous callers get `FORBIDDEN` / `UNAUTHENTICATED`;
   * staff of another shop get `null`.
   */
  reports?: Maybe<ShopReports>;
  /** The sales tax rate applied at checkout, in basis points (825 = 8.25 %). */
  taxRateBasisPoints: Scalars['Int']['output'];
  /** The IANA time zone the shop's reports count days in, e.g. `"Europe/Paris"` (default `"UTC"`). */
  timezone: Scalars['String']['output'];
};


/** A tenant: one storefront with its own catalog, customers, orders and blog. */
export type ShopAuditEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditEventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A tenant: one storefront with its own catalog, customers, orders and blog. */
export type ShopCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  query?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<Role>;
};


/** A tenant: one storefront with its own catalog, customers, orders and blog. */
export type ShopOrderArgs = {
  number: Scalars['Int']['input'];
};


/** A tenant: one storefront with its own catalog, customers, orders and blog. */
export type ShopOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A tenant: one storefront with its own catalog, customers, orders and blog. */
export type ShopPostArgs = {
  handle: Scalars['String']['input'];
};


/** A tenant: one storefront with its own catalog, customers, orders and blog. */
export type ShopPostsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PostFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A tenant: one storefront with its own catalog, customers, orders and blog. */
export type ShopProductArgs = {
  handle: Scalars['String']['input'];
};


/** A tenant: one storefront with its own catalog, customers, orders and blog. */
export type ShopProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProductFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  reverse?: InputMaybe<Scalars['Boolean']['input']>;
  sortKey?: InputMaybe<ProductSortKey>;
};

/** The first administrator of a new shop. */
export type ShopAdminInput = {
  /** The administrator's public name. */
  displayName: Scalars['String']['input'];
  /** The administrator's email address. */
  email: Scalars['String']['input'];
  /** The administrator's password: at least 10 characters, not the email. */
  password: Scalars['String']['input'];
};

/** A new shop and its first administrator. */
export type ShopCreateInput = {
  /** The first administrator, created with the shop. */
  admin: ShopAdminInput;
  /** The ISO 4217 currency of the shop's prices. */
  currencyCode: Scalars['CurrencyCode']['input'];
  /** The unique handle: 1–50 lowercase letters, digits and inner dashes. */
  handle: Scalars['String']['input'];
  /** The display name (1–100 characters). */
  name: Scalars['String']['input'];
  /** The tax rate in basis points, 0–10000. Defaults to 0. */
  taxRateBasisPoints?: InputMaybe<Scalars['Int']['input']>;
};

/** The result of `shopCreate`. */
export type ShopCreatePayload = {
  __typename?: 'ShopCreatePayload';
  /** A session signed in as the administrator; null on failure. */
  session?: Maybe<Session>;
  /** The new shop; null on failure. */
  shop?: Maybe<Shop>;
  /** The shop's first administrator; null on failure. */
  user?: Maybe<User>;
  /** Why the shop was not created. */
  userErrors: Array<UserError>;
};

/**
 * Staff reports over the shop's sales, computed in the database. Only orders that are PAID or FULFILLED count
 * (pending, cancelled and refunded orders do not), and an order counts on the day it was **placed** (its
 * `placedAt`), in the shop's time zone: an order placed late on the 1st and paid on the 2nd is a sale of the 1st, and
 * a report over a closed period does not change when old orders are paid later. Revenue is the order total (tax
 * included) for customers and days, and the line totals (before tax) for variants. Every window is at most 366 days.
 */
export type ShopReports = {
  __typename?: 'ShopReports';
  /**
   * Orders and revenue for every day from `from` to `to` (both included, in the shop's time zone), oldest first; a day
   * without sales is present with zeros. At most 366 days; `from` after `to` is refused.
   */
  salesByDay: Array<DailySales>;
  /**
   * The customers who spent the most over the last `days` days (today in the shop's time zone and the days before it),
   * highest spend first (ties: more orders first).
   */
  topCustomers: Array<TopCustomer>;
  /**
   * The variants that sold the most units from `from` to `to` (both included, in the shop's time zone), most units
   * first (ties: more revenue first). At most 366 days; `from` after `to` is refused.
   */
  topVariants: Array<TopVariant>;
};


/**
 * Staff reports over the shop's sales, computed in the database. Only orders that are PAID or FULFILLED count
 * (pending, cancelled and refunded orders do not), and an order counts on the day it was **placed** (its
 * `placedAt`), in the shop's time zone: an order placed late on the 1st and paid on the 2nd is a sale of the 1st, and
 * a report over a closed period does not change when old orders are paid later. Revenue is the order total (tax
 * included) for customers and days, and the line totals (before tax) for variants. Every window is at most 366 days.
 */
export type ShopReportsSalesByDayArgs = {
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
};


/**
 * Staff reports over the shop's sales, computed in the database. Only orders that are PAID or FULFILLED count
 * (pending, cancelled and refunded orders do not), and an order counts on the day it was **placed** (its
 * `placedAt`), in the shop's time zone: an order placed late on the 1st and paid on the 2nd is a sale of the 1st, and
 * a report over a closed period does not change when old orders are paid later. Revenue is the order total (tax
 * included) for customers and days, and the line totals (before tax) for variants. Every window is at most 366 days.
 */
export type ShopReportsTopCustomersArgs = {
  days?: InputMaybe<Scalars['Int']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Staff reports over the shop's sales, computed in the database. Only orders that are PAID or FULFILLED count
 * (pending, cancelled and refunded orders do not), and an order counts on the day it was **placed** (its
 * `placedAt`), in the shop's time zone: an order placed late on the 1st and paid on the 2nd is a sale of the 1st, and
 * a report over a closed period does not change when old orders are paid later. Revenue is the order total (tax
 * included) for customers and days, and the line totals (before tax) for variants. Every window is at most 366 days.
 */
export type ShopReportsTopVariantsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
};

/** New settings of the shop; every field left out keeps its value. */
export type ShopUpdateInput = {
  /** The ISO 4217 currency of the shop's prices: changeable only while the shop has no orders (prices are kept as numbers). */
  currencyCode?: InputMaybe<Scalars['CurrencyCode']['input']>;
  /** The display name (1–100 characters). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The sales tax rate in basis points, 0–10000. Orders already placed keep the rate they were placed with. */
  taxRateBasisPoints?: InputMaybe<Scalars['Int']['input']>;
  /** An IANA time zone name, e.g. `"America/New_York"`. */
  timezone?: InputMaybe<Scalars['String']['input']>;
};

/** The result of `shopUpdate`. */
export type ShopUpdatePayload = {
  __typename?: 'ShopUpdatePayload';
  /** The shop with its new settings; null on failure. */
  shop?: Maybe<Shop>;
  /**
   * `INVALID_INPUT` for a value out of range or an unknown time zone; `INVALID_STATE` for a currency change once the shop
   * has orders.
   */
  userErrors: Array<UserError>;
};

/** Makes an email address a STAFF or ADMIN of the shop. */
export type StaffInviteInput = {
  /**
   * The public name of a new account (1–100 characters); defaults to the part of the email before the `@`.
   * Ignored when the account exists.
   */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** The address to invite. An existing customer of the shop with it is promoted; otherwise an account is created. */
  email: Scalars['String']['input'];
  /** The role to give: `STAFF` or `ADMIN`. */
  role: Role;
};

/** The result of `staffInvite`. */
export type StaffInvitePayload = {
  __typename?: 'StaffInvitePayload';
  /** Whether a new account was created (and an email with a code to set its password sent). */
  created: Scalars['Boolean']['output'];
  /** The invited account with its new role; null on failure. */
  user?: Maybe<User>;
  /**
   * `INVALID_INPUT` for a malformed email or the role `CUSTOMER`; `INVALID_STATE` when the account is already staff or
   * admin (change that with `userRoleUpdate`).
   */
  userErrors: Array<UserError>;
};

/** A customer's spend over a report's window. */
export type TopCustomer = {
  __typename?: 'TopCustomer';
  /** The customer; `null` when the account has been erased (its orders still count). */
  customer?: Maybe<User>;
  /** The customer's email address; `null` when the account has been erased. */
  email?: Maybe<Scalars['String']['output']>;
  /** How many PAID or FULFILLED orders the customer placed in the window. */
  orderCount: Scalars['Int']['output'];
  /** The sum of those orders' totals. */
  totalSpent: Money;
};

/** A variant's sales over a report's window. */
export type TopVariant = {
  __typename?: 'TopVariant';
  /** The sum of those order lines' totals (before tax). */
  revenue: Money;
  /** The SKU on the order lines. */
  sku: Scalars['String']['output'];
  /** The product and variant title on the order lines. */
  title: Scalars['String']['output'];
  /** Units sold in PAID or FULFILLED orders placed in the window. */
  unitsSold: Scalars['Int']['output'];
  /** The variant; `null` when it has been deleted since (its `sku` and `title` are those on the order lines). */
  variant?: Maybe<ProductVariant>;
};

/** A person with an account in one shop. */
export type User = Node & {
  __typename?: 'User';
  /** When the account was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The public name shown next to the user's reviews, posts and comments. */
  displayName: Scalars['String']['output'];
  /** The email address. Visible to the user themself and to staff of their shop; `null` for everyone else. */
  email?: Maybe<Scalars['String']['output']>;
  /**
   * Whether the owner of the address proved it (with the welcome email's code, a password reset or a staff
   * invitation). Only verified addresses get emails other than the welcome, reset and invitation emails.
   * Visible to the user themself and to staff of their shop; `null` for everyone else.
   */
  emailVerified?: Maybe<Scalars['Boolean']['output']>;
  /** The opaque global id of the user. */
  id: Scalars['ID']['output'];
  /** The role in the shop. Visible to the user themself and to staff of their shop; `null` for everyone else. */
  role?: Maybe<Role>;
};

/** The verification code from the welcome email. */
export type UserEmailVerifyInput = {
  /** The one-time code from the welcome email. */
  code: Scalars['String']['input'];
  /** The handle of the shop the account belongs to. */
  shopHandle: Scalars['String']['input'];
};

/** The result of `userEmailVerify`. */
export type UserEmailVerifyPayload = {
  __typename?: 'UserEmailVerifyPayload';
  /** The user whose address is now verified; null on failure. */
  user?: Maybe<User>;
  /** `INVALID_TOKEN` when the code is unknown, of another shop, expired or already used. */
  userErrors: Array<UserError>;
};

/** An expected failure of a mutation: invalid input, not found, conflict and the like. */
export type UserError = {
  __typename?: 'UserError';
  /** A machine-readable code for the failure. */
  code: UserErrorCode;
  /** The path to the input field that caused it, e.g. `["input", "email"]`; null when it concerns no single field. */
  field?: Maybe<Array<Scalars['String']['output']>>;
  /** A human-readable description, safe to show to an end user. */
  message: Scalars['String']['output'];
};

/** The kinds of expected failure a mutation reports in its `userErrors`. */
export type UserErrorCode =
  /** The object changed since it was read (compare-and-set failed), or a concurrent request won. */
  | 'CONFLICT'
  /** The idempotency key was already used with a different input. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The email and password do not match an account. */
  | 'INVALID_CREDENTIALS'
  /** An input value is malformed or out of range; `field` names it. */
  | 'INVALID_INPUT'
  /** The object is in a state that does not allow this operation. */
  | 'INVALID_STATE'
  /** A refresh or reset token is unknown, expired, revoked or already used. */
  | 'INVALID_TOKEN'
  /** The object does not exist, or the viewer may not see it. */
  | 'NOT_FOUND'
  /** Not enough stock for the requested quantity. */
  | 'OUT_OF_STOCK'
  /** A value that must be unique is already in use (e.g. an email, a handle or a SKU). */
  | 'TAKEN'
  /** The password does not meet the policy. */
  | 'WEAK_PASSWORD';

/** A new customer account. */
export type UserRegisterInput = {
  /** The public name (1–100 characters). */
  displayName: Scalars['String']['input'];
  /** The email address; unique in the shop, case-insensitively. */
  email: Scalars['String']['input'];
  /** The password: at least 10 characters, not the email. */
  password: Scalars['String']['input'];
  /** The handle of the shop to register with. */
  shopHandle: Scalars['String']['input'];
};

/** The result of `userRegister`. */
export type UserRegisterPayload = {
  __typename?: 'UserRegisterPayload';
  /** A session signed in as the new customer; null on failure. */
  session?: Maybe<Session>;
  /** The new customer; null on failure. */
  user?: Maybe<User>;
  /** Why the account was not created. */
  userErrors: Array<UserError>;
};

/** A new role for a user of the shop. */
export type UserRoleUpdateInput = {
  /** The new role. */
  role: Role;
  /** The id of the user (a `User` id, e.g. `Customer.user.id`). */
  userId: Scalars['ID']['input'];
};

/** The result of `userRoleUpdate`. */
export type UserRoleUpdatePayload = {
  __typename?: 'UserRoleUpdatePayload';
  /** The user with the new role; null on failure. */
  user?: Maybe<User>;
  /** `NOT_FOUND` when the shop has no such user; `INVALID_STATE` when the change would leave the shop without an ADMIN. */
  userErrors: Array<UserError>;
};

/** A new variant of an existing product. */
export type VariantCreateInput = {
  /** The unit price in the shop's currency: at least 0, less than 1,000,000,000, with at most the currency's decimals. */
  price: Scalars['Decimal']['input'];
  /** The product to add the variant to (not soft-deleted, fewer than 100 variants). */
  productId: Scalars['ID']['input'];
  /** The units in stock to start with (0–1,000,000,000). Defaults to 0. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Up to 3 option values. */
  selectedOptions?: InputMaybe<Array<SelectedOptionInput>>;
  /** The SKU: 1–64 characters without spaces, unique among the shop's live variants. */
  sku: Scalars['String']['input'];
  /** The display title (1–200 characters). Defaults to the option values joined by `" / "`, or `"Default"`. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** The result of `variantCreate`. */
export type VariantCreatePayload = {
  __typename?: 'VariantCreatePayload';
  /** Why the variant was not created. */
  userErrors: Array<UserError>;
  /** The new variant; null on failure. */
  variant?: Maybe<ProductVariant>;
};

/** The variant to delete. */
export type VariantDeleteInput = {
  /** The variant's id. */
  id: Scalars['ID']['input'];
};

/** The result of `variantDelete`. */
export type VariantDeletePayload = {
  __typename?: 'VariantDeletePayload';
  /** The id of the deleted variant; null on failure. */
  deletedVariantId?: Maybe<Scalars['ID']['output']>;
  /** The product the variant belonged to, as it is now; null on failure. */
  product?: Maybe<Product>;
  /** Why the variant was not deleted (`INVALID_STATE` for a product's last variant). */
  userErrors: Array<UserError>;
};

/** Changes to a variant; omitted fields stay as they are. Stock changes go through `inventoryAdjust` / `inventorySet`. */
export type VariantUpdateInput = {
  /** The variant to change. */
  id: Scalars['ID']['input'];
  /** A new unit price. */
  price?: InputMaybe<Scalars['Decimal']['input']>;
  /** New option values (replace the old ones). */
  selectedOptions?: InputMaybe<Array<SelectedOptionInput>>;
  /** A new SKU (`TAKEN` when another live variant of the shop has it). */
  sku?: InputMaybe<Scalars['String']['input']>;
  /** A new title (1–200 characters). */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** The result of `variantUpdate`. */
export type VariantUpdatePayload = {
  __typename?: 'VariantUpdatePayload';
  /** Why the variant was not changed. */
  userErrors: Array<UserError>;
  /** The variant as changed; null on failure. */
  variant?: Maybe<ProductVariant>;
};

/** The signed-in user and everything that belongs to them. */
export type Viewer = {
  __typename?: 'Viewer';
  /** The viewer's cart; `null` until a first line is added. */
  cart?: Maybe<Cart>;
  /**
   * Everything stored about the signed-in user, as one JSON document built by one bounded database statement.
   * Besides the operation's own cost, each export charges 1,000 points to the caller's cost budget (THROTTLED when
   * they are not available), so a burst of exports cannot monopolise the database.
   */
  dataExport: DataExport;
  /** One of the viewer's orders by its number; `null` when there is no such order of theirs. */
  order?: Maybe<Order>;
  /** The viewer's orders, newest first. */
  orders: OrderConnection;
  /** The viewer's own posts, drafts and published alike (not deleted), most recently changed first. */
  posts: PostConnection;
  /** The shop the viewer is signed in to. */
  shop: Shop;
  /** The signed-in user's account. */
  user: User;
};


/** The signed-in user and everything that belongs to them. */
export type ViewerOrderArgs = {
  number: Scalars['Int']['input'];
};


/** The signed-in user and everything that belongs to them. */
export type ViewerOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** The signed-in user and everything that belongs to them. */
export type ViewerPostsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** Confirms the erasure of the signed-in user's account. */
export type ViewerDeleteInput = {
  /**
   * The account's current password. Wrong passwords are limited like failed logins (5 per 15 minutes by default),
   * then `THROTTLED`.
   */
  password: Scalars['String']['input'];
};

/** The result of `viewerDelete`. */
export type ViewerDeletePayload = {
  __typename?: 'ViewerDeletePayload';
  /** The global id of the erased account; null on failure. */
  deletedUserId?: Maybe<Scalars['ID']['output']>;
  /** `INVALID_CREDENTIALS` for a wrong password; `INVALID_STATE` when the viewer is the shop's last administrator. */
  userErrors: Array<UserError>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;




/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Node:
    | ( AuditEventModelModel )
    | ( CartModelModel )
    | ( CommentModelModel )
    | ( CustomerModelModel )
    | ( OrderModelModel )
    | ( PostModelModel )
    | ( ProductModelModel )
    | ( ProductVariantModelModel )
    | ( ReviewModelModel )
    | ( ShopModelModel )
    | ( UserModelModel )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuditEvent: ResolverTypeWrapper<AuditEventModelModel>;
  AuditEventConnection: ResolverTypeWrapper<AuditEventConnectionModelModel>;
  AuditEventEdge: ResolverTypeWrapper<Omit<AuditEventEdge, 'node'> & { node: ResolversTypes['AuditEvent'] }>;
  AuditEventFilter: AuditEventFilter;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Cart: ResolverTypeWrapper<CartModelModel>;
  CartLine: ResolverTypeWrapper<CartLineModelModel>;
  CartLineInput: CartLineInput;
  CartLineUpdateInput: CartLineUpdateInput;
  CartLinesAddInput: CartLinesAddInput;
  CartLinesRemoveInput: CartLinesRemoveInput;
  CartLinesUpdateInput: CartLinesUpdateInput;
  CartPayload: ResolverTypeWrapper<Omit<CartPayload, 'cart'> & { cart?: Maybe<ResolversTypes['Cart']> }>;
  CheckoutCompleteInput: CheckoutCompleteInput;
  CheckoutCompletePayload: ResolverTypeWrapper<Omit<CheckoutCompletePayload, 'order'> & { order?: Maybe<ResolversTypes['Order']> }>;
  Comment: ResolverTypeWrapper<CommentModelModel>;
  CommentConnection: ResolverTypeWrapper<CommentConnectionModelModel>;
  CommentCreateInput: CommentCreateInput;
  CommentCreatePayload: ResolverTypeWrapper<Omit<CommentCreatePayload, 'comment'> & { comment?: Maybe<ResolversTypes['Comment']> }>;
  CommentDeleteInput: CommentDeleteInput;
  CommentDeletePayload: ResolverTypeWrapper<CommentDeletePayload>;
  CommentEdge: ResolverTypeWrapper<Omit<CommentEdge, 'node'> & { node: ResolversTypes['Comment'] }>;
  CommentModerateInput: CommentModerateInput;
  CommentModeratePayload: ResolverTypeWrapper<Omit<CommentModeratePayload, 'comment'> & { comment?: Maybe<ResolversTypes['Comment']> }>;
  CommentStatus: CommentStatus;
  CurrencyCode: ResolverTypeWrapper<Scalars['CurrencyCode']['output']>;
  Customer: ResolverTypeWrapper<CustomerModelModel>;
  CustomerConnection: ResolverTypeWrapper<CustomerConnectionModelModel>;
  CustomerEdge: ResolverTypeWrapper<Omit<CustomerEdge, 'node'> & { node: ResolversTypes['Customer'] }>;
  DailySales: ResolverTypeWrapper<DailySalesModelModel>;
  DataExport: ResolverTypeWrapper<DataExportModelModel>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  InventoryAdjustInput: InventoryAdjustInput;
  InventoryAdjustPayload: ResolverTypeWrapper<Omit<InventoryAdjustPayload, 'variant'> & { variant?: Maybe<ResolversTypes['ProductVariant']> }>;
  InventorySetInput: InventorySetInput;
  InventorySetPayload: ResolverTypeWrapper<Omit<InventorySetPayload, 'variant'> & { variant?: Maybe<ResolversTypes['ProductVariant']> }>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Money: ResolverTypeWrapper<MoneyValueModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  Order: ResolverTypeWrapper<OrderModelModel>;
  OrderConnection: ResolverTypeWrapper<OrderConnectionModelModel>;
  OrderEdge: ResolverTypeWrapper<Omit<OrderEdge, 'node'> & { node: ResolversTypes['Order'] }>;
  OrderEvent: ResolverTypeWrapper<OrderEventModelModel>;
  OrderFilter: OrderFilter;
  OrderLine: ResolverTypeWrapper<OrderLineModelModel>;
  OrderStatus: OrderStatus;
  OrderTransitionInput: OrderTransitionInput;
  OrderTransitionPayload: ResolverTypeWrapper<Omit<OrderTransitionPayload, 'order'> & { order?: Maybe<ResolversTypes['Order']> }>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PasswordChangeInput: PasswordChangeInput;
  PasswordChangePayload: ResolverTypeWrapper<Omit<PasswordChangePayload, 'session' | 'user'> & { session?: Maybe<ResolversTypes['Session']>, user?: Maybe<ResolversTypes['User']> }>;
  PasswordResetInput: PasswordResetInput;
  PasswordResetPayload: ResolverTypeWrapper<Omit<PasswordResetPayload, 'user'> & { user?: Maybe<ResolversTypes['User']> }>;
  PasswordResetRequestInput: PasswordResetRequestInput;
  PasswordResetRequestPayload: ResolverTypeWrapper<PasswordResetRequestPayload>;
  Post: ResolverTypeWrapper<PostModelModel>;
  PostConnection: ResolverTypeWrapper<PostConnectionModelModel>;
  PostCreateInput: PostCreateInput;
  PostCreatePayload: ResolverTypeWrapper<Omit<PostCreatePayload, 'post'> & { post?: Maybe<ResolversTypes['Post']> }>;
  PostDeleteInput: PostDeleteInput;
  PostDeletePayload: ResolverTypeWrapper<PostDeletePayload>;
  PostEdge: ResolverTypeWrapper<Omit<PostEdge, 'node'> & { node: ResolversTypes['Post'] }>;
  PostFilter: PostFilter;
  PostLikeInput: PostLikeInput;
  PostLikePayload: ResolverTypeWrapper<Omit<PostLikePayload, 'post'> & { post?: Maybe<ResolversTypes['Post']> }>;
  PostPublishInput: PostPublishInput;
  PostPublishPayload: ResolverTypeWrapper<Omit<PostPublishPayload, 'post'> & { post?: Maybe<ResolversTypes['Post']> }>;
  PostStatus: PostStatus;
  PostUnlikeInput: PostUnlikeInput;
  PostUnlikePayload: ResolverTypeWrapper<Omit<PostUnlikePayload, 'post'> & { post?: Maybe<ResolversTypes['Post']> }>;
  PostUpdateInput: PostUpdateInput;
  PostUpdatePayload: ResolverTypeWrapper<Omit<PostUpdatePayload, 'post'> & { post?: Maybe<ResolversTypes['Post']> }>;
  PriceRange: ResolverTypeWrapper<Omit<PriceRange, 'max' | 'min'> & { max: ResolversTypes['Money'], min: ResolversTypes['Money'] }>;
  Product: ResolverTypeWrapper<ProductModelModel>;
  ProductConnection: ResolverTypeWrapper<ProductConnectionModelModel>;
  ProductCreateInput: ProductCreateInput;
  ProductCreatePayload: ResolverTypeWrapper<Omit<ProductCreatePayload, 'product'> & { product?: Maybe<ResolversTypes['Product']> }>;
  ProductDeleteInput: ProductDeleteInput;
  ProductDeletePayload: ResolverTypeWrapper<Omit<ProductDeletePayload, 'product'> & { product?: Maybe<ResolversTypes['Product']> }>;
  ProductEdge: ResolverTypeWrapper<Omit<ProductEdge, 'node'> & { node: ResolversTypes['Product'] }>;
  ProductFilter: ProductFilter;
  ProductRating: ResolverTypeWrapper<ProductRating>;
  ProductRestoreInput: ProductRestoreInput;
  ProductRestorePayload: ResolverTypeWrapper<Omit<ProductRestorePayload, 'product'> & { product?: Maybe<ResolversTypes['Product']> }>;
  ProductSortKey: ProductSortKey;
  ProductStatus: ProductStatus;
  ProductUpdateInput: ProductUpdateInput;
  ProductUpdatePayload: ResolverTypeWrapper<Omit<ProductUpdatePayload, 'product'> & { product?: Maybe<ResolversTypes['Product']> }>;
  ProductVariant: ResolverTypeWrapper<ProductVariantModelModel>;
  ProductVariantInput: ProductVariantInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Review: ResolverTypeWrapper<ReviewModelModel>;
  ReviewConnection: ResolverTypeWrapper<ReviewConnectionModelModel>;
  ReviewCreateInput: ReviewCreateInput;
  ReviewCreatePayload: ResolverTypeWrapper<Omit<ReviewCreatePayload, 'review'> & { review?: Maybe<ResolversTypes['Review']> }>;
  ReviewDeleteInput: ReviewDeleteInput;
  ReviewDeletePayload: ResolverTypeWrapper<ReviewDeletePayload>;
  ReviewEdge: ResolverTypeWrapper<Omit<ReviewEdge, 'node'> & { node: ResolversTypes['Review'] }>;
  ReviewModerateInput: ReviewModerateInput;
  ReviewModeratePayload: ResolverTypeWrapper<Omit<ReviewModeratePayload, 'review'> & { review?: Maybe<ResolversTypes['Review']> }>;
  ReviewModerationAction: ReviewModerationAction;
  ReviewSortKey: ReviewSortKey;
  ReviewStatus: ReviewStatus;
  ReviewUpdateInput: ReviewUpdateInput;
  ReviewUpdatePayload: ResolverTypeWrapper<Omit<ReviewUpdatePayload, 'review'> & { review?: Maybe<ResolversTypes['Review']> }>;
  Role: Role;
  SelectedOption: ResolverTypeWrapper<SelectedOption>;
  SelectedOptionInput: SelectedOptionInput;
  Session: ResolverTypeWrapper<SessionModelModel>;
  SessionCreateInput: SessionCreateInput;
  SessionCreatePayload: ResolverTypeWrapper<Omit<SessionCreatePayload, 'session' | 'user'> & { session?: Maybe<ResolversTypes['Session']>, user?: Maybe<ResolversTypes['User']> }>;
  SessionRefreshInput: SessionRefreshInput;
  SessionRefreshPayload: ResolverTypeWrapper<Omit<SessionRefreshPayload, 'session'> & { session?: Maybe<ResolversTypes['Session']> }>;
  SessionRevokeInput: SessionRevokeInput;
  SessionRevokePayload: ResolverTypeWrapper<SessionRevokePayload>;
  Shop: ResolverTypeWrapper<ShopModelModel>;
  ShopAdminInput: ShopAdminInput;
  ShopCreateInput: ShopCreateInput;
  ShopCreatePayload: ResolverTypeWrapper<Omit<ShopCreatePayload, 'session' | 'shop' | 'user'> & { session?: Maybe<ResolversTypes['Session']>, shop?: Maybe<ResolversTypes['Shop']>, user?: Maybe<ResolversTypes['User']> }>;
  ShopReports: ResolverTypeWrapper<ShopReportsModelModel>;
  ShopUpdateInput: ShopUpdateInput;
  ShopUpdatePayload: ResolverTypeWrapper<Omit<ShopUpdatePayload, 'shop'> & { shop?: Maybe<ResolversTypes['Shop']> }>;
  StaffInviteInput: StaffInviteInput;
  StaffInvitePayload: ResolverTypeWrapper<Omit<StaffInvitePayload, 'user'> & { user?: Maybe<ResolversTypes['User']> }>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  TopCustomer: ResolverTypeWrapper<TopCustomerModelModel>;
  TopVariant: ResolverTypeWrapper<TopVariantModelModel>;
  User: ResolverTypeWrapper<UserModelModel>;
  UserEmailVerifyInput: UserEmailVerifyInput;
  UserEmailVerifyPayload: ResolverTypeWrapper<Omit<UserEmailVerifyPayload, 'user'> & { user?: Maybe<ResolversTypes['User']> }>;
  UserError: ResolverTypeWrapper<UserError>;
  UserErrorCode: UserErrorCode;
  UserRegisterInput: UserRegisterInput;
  UserRegisterPayload: ResolverTypeWrapper<Omit<UserRegisterPayload, 'session' | 'user'> & { session?: Maybe<ResolversTypes['Session']>, user?: Maybe<ResolversTypes['User']> }>;
  UserRoleUpdateInput: UserRoleUpdateInput;
  UserRoleUpdatePayload: ResolverTypeWrapper<Omit<UserRoleUpdatePayload, 'user'> & { user?: Maybe<ResolversTypes['User']> }>;
  VariantCreateInput: VariantCreateInput;
  VariantCreatePayload: ResolverTypeWrapper<Omit<VariantCreatePayload, 'variant'> & { variant?: Maybe<ResolversTypes['ProductVariant']> }>;
  VariantDeleteInput: VariantDeleteInput;
  VariantDeletePayload: ResolverTypeWrapper<Omit<VariantDeletePayload, 'product'> & { product?: Maybe<ResolversTypes['Product']> }>;
  VariantUpdateInput: VariantUpdateInput;
  VariantUpdatePayload: ResolverTypeWrapper<Omit<VariantUpdatePayload, 'variant'> & { variant?: Maybe<ResolversTypes['ProductVariant']> }>;
  Viewer: ResolverTypeWrapper<ViewerModel>;
  ViewerDeleteInput: ViewerDeleteInput;
  ViewerDeletePayload: ResolverTypeWrapper<ViewerDeletePayload>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuditEvent: AuditEventModelModel;
  AuditEventConnection: AuditEventConnectionModelModel;
  AuditEventEdge: Omit<AuditEventEdge, 'node'> & { node: ResolversParentTypes['AuditEvent'] };
  AuditEventFilter: AuditEventFilter;
  Boolean: Scalars['Boolean']['output'];
  Cart: CartModelModel;
  CartLine: CartLineModelModel;
  CartLineInput: CartLineInput;
  CartLineUpdateInput: CartLineUpdateInput;
  CartLinesAddInput: CartLinesAddInput;
  CartLinesRemoveInput: CartLinesRemoveInput;
  CartLinesUpdateInput: CartLinesUpdateInput;
  CartPayload: Omit<CartPayload, 'cart'> & { cart?: Maybe<ResolversParentTypes['Cart']> };
  CheckoutCompleteInput: CheckoutCompleteInput;
  CheckoutCompletePayload: Omit<CheckoutCompletePayload, 'order'> & { order?: Maybe<ResolversParentTypes['Order']> };
  Comment: CommentModelModel;
  CommentConnection: CommentConnectionModelModel;
  CommentCreateInput: CommentCreateInput;
  CommentCreatePayload: Omit<CommentCreatePayload, 'comment'> & { comment?: Maybe<ResolversParentTypes['Comment']> };
  CommentDeleteInput: CommentDeleteInput;
  CommentDeletePayload: CommentDeletePayload;
  CommentEdge: Omit<CommentEdge, 'node'> & { node: ResolversParentTypes['Comment'] };
  CommentModerateInput: CommentModerateInput;
  CommentModeratePayload: Omit<CommentModeratePayload, 'comment'> & { comment?: Maybe<ResolversParentTypes['Comment']> };
  CurrencyCode: Scalars['CurrencyCode']['output'];
  Customer: CustomerModelModel;
  CustomerConnection: CustomerConnectionModelModel;
  CustomerEdge: Omit<CustomerEdge, 'node'> & { node: ResolversParentTypes['Customer'] };
  DailySales: DailySalesModelModel;
  DataExport: DataExportModelModel;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  InventoryAdjustInput: InventoryAdjustInput;
  InventoryAdjustPayload: Omit<InventoryAdjustPayload, 'variant'> & { variant?: Maybe<ResolversParentTypes['ProductVariant']> };
  InventorySetInput: InventorySetInput;
  InventorySetPayload: Omit<InventorySetPayload, 'variant'> & { variant?: Maybe<ResolversParentTypes['ProductVariant']> };
  JSON: Scalars['JSON']['output'];
  Money: MoneyValueModel;
  Mutation: Record<PropertyKey, never>;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  Order: OrderModelModel;
  OrderConnection: OrderConnectionModelModel;
  OrderEdge: Omit<OrderEdge, 'node'> & { node: ResolversParentTypes['Order'] };
  OrderEvent: OrderEventModelModel;
  OrderFilter: OrderFilter;
  OrderLine: OrderLineModelModel;
  OrderTransitionInput: OrderTransitionInput;
  OrderTransitionPayload: Omit<OrderTransitionPayload, 'order'> & { order?: Maybe<ResolversParentTypes['Order']> };
  PageInfo: PageInfo;
  PasswordChangeInput: PasswordChangeInput;
  PasswordChangePayload: Omit<PasswordChangePayload, 'session' | 'user'> & { session?: Maybe<ResolversParentTypes['Session']>, user?: Maybe<ResolversParentTypes['User']> };
  PasswordResetInput: PasswordResetInput;
  PasswordResetPayload: Omit<PasswordResetPayload, 'user'> & { user?: Maybe<ResolversParentTypes['User']> };
  PasswordResetRequestInput: PasswordResetRequestInput;
  PasswordResetRequestPayload: PasswordResetRequestPayload;
  Post: PostModelModel;
  PostConnection: PostConnectionModelModel;
  PostCreateInput: PostCreateInput;
  PostCreatePayload: Omit<PostCreatePayload, 'post'> & { post?: Maybe<ResolversParentTypes['Post']> };
  PostDeleteInput: PostDeleteInput;
  PostDeletePayload: PostDeletePayload;
  PostEdge: Omit<PostEdge, 'node'> & { node: ResolversParentTypes['Post'] };
  PostFilter: PostFilter;
  PostLikeInput: PostLikeInput;
  PostLikePayload: Omit<PostLikePayload, 'post'> & { post?: Maybe<ResolversParentTypes['Post']> };
  PostPublishInput: PostPublishInput;
  PostPublishPayload: Omit<PostPublishPayload, 'post'> & { post?: Maybe<ResolversParentTypes['Post']> };
  PostUnlikeInput: PostUnlikeInput;
  PostUnlikePayload: Omit<PostUnlikePayload, 'post'> & { post?: Maybe<ResolversParentTypes['Post']> };
  PostUpdateInput: PostUpdateInput;
  PostUpdatePayload: Omit<PostUpdatePayload, 'post'> & { post?: Maybe<ResolversParentTypes['Post']> };
  PriceRange: Omit<PriceRange, 'max' | 'min'> & { max: ResolversParentTypes['Money'], min: ResolversParentTypes['Money'] };
  Product: ProductModelModel;
  ProductConnection: ProductConnectionModelModel;
  ProductCreateInput: ProductCreateInput;
  ProductCreatePayload: Omit<ProductCreatePayload, 'product'> & { product?: Maybe<ResolversParentTypes['Product']> };
  ProductDeleteInput: ProductDeleteInput;
  ProductDeletePayload: Omit<ProductDeletePayload, 'product'> & { product?: Maybe<ResolversParentTypes['Product']> };
  ProductEdge: Omit<ProductEdge, 'node'> & { node: ResolversParentTypes['Product'] };
  ProductFilter: ProductFilter;
  ProductRating: ProductRating;
  ProductRestoreInput: ProductRestoreInput;
  ProductRestorePayload: Omit<ProductRestorePayload, 'product'> & { product?: Maybe<ResolversParentTypes['Product']> };
  ProductUpdateInput: ProductUpdateInput;
  ProductUpdatePayload: Omit<ProductUpdatePayload, 'product'> & { product?: Maybe<ResolversParentTypes['Product']> };
  ProductVariant: ProductVariantModelModel;
  ProductVariantInput: ProductVariantInput;
  Query: Record<PropertyKey, never>;
  Review: ReviewModelModel;
  ReviewConnection: ReviewConnectionModelModel;
  ReviewCreateInput: ReviewCreateInput;
  ReviewCreatePayload: Omit<ReviewCreatePayload, 'review'> & { review?: Maybe<ResolversParentTypes['Review']> };
  ReviewDeleteInput: ReviewDeleteInput;
  ReviewDeletePayload: ReviewDeletePayload;
  ReviewEdge: Omit<ReviewEdge, 'node'> & { node: ResolversParentTypes['Review'] };
  ReviewModerateInput: ReviewModerateInput;
  ReviewModeratePayload: Omit<ReviewModeratePayload, 'review'> & { review?: Maybe<ResolversParentTypes['Review']> };
  ReviewUpdateInput: ReviewUpdateInput;
  ReviewUpdatePayload: Omit<ReviewUpdatePayload, 'review'> & { review?: Maybe<ResolversParentTypes['Review']> };
  SelectedOption: SelectedOption;
  SelectedOptionInput: SelectedOptionInput;
  Session: SessionModelModel;
  SessionCreateInput: SessionCreateInput;
  SessionCreatePayload: Omit<SessionCreatePayload, 'session' | 'user'> & { session?: Maybe<ResolversParentTypes['Session']>, user?: Maybe<ResolversParentTypes['User']> };
  SessionRefreshInput: SessionRefreshInput;
  SessionRefreshPayload: Omit<SessionRefreshPayload, 'session'> & { session?: Maybe<ResolversParentTypes['Session']> };
  SessionRevokeInput: SessionRevokeInput;
  SessionRevokePayload: SessionRevokePayload;
  Shop: ShopModelModel;
  ShopAdminInput: ShopAdminInput;
  ShopCreateInput: ShopCreateInput;
  ShopCreatePayload: Omit<ShopCreatePayload, 'session' | 'shop' | 'user'> & { session?: Maybe<ResolversParentTypes['Session']>, shop?: Maybe<ResolversParentTypes['Shop']>, user?: Maybe<ResolversParentTypes['User']> };
  ShopReports: ShopReportsModelModel;
  ShopUpdateInput: ShopUpdateInput;
  ShopUpdatePayload: Omit<ShopUpdatePayload, 'shop'> & { shop?: Maybe<ResolversParentTypes['Shop']> };
  StaffInviteInput: StaffInviteInput;
  StaffInvitePayload: Omit<StaffInvitePayload, 'user'> & { user?: Maybe<ResolversParentTypes['User']> };
  String: Scalars['String']['output'];
  TopCustomer: TopCustomerModelModel;
  TopVariant: TopVariantModelModel;
  User: UserModelModel;
  UserEmailVerifyInput: UserEmailVerifyInput;
  UserEmailVerifyPayload: Omit<UserEmailVerifyPayload, 'user'> & { user?: Maybe<ResolversParentTypes['User']> };
  UserError: UserError;
  UserRegisterInput: UserRegisterInput;
  UserRegisterPayload: Omit<UserRegisterPayload, 'session' | 'user'> & { session?: Maybe<ResolversParentTypes['Session']>, user?: Maybe<ResolversParentTypes['User']> };
  UserRoleUpdateInput: UserRoleUpdateInput;
  UserRoleUpdatePayload: Omit<UserRoleUpdatePayload, 'user'> & { user?: Maybe<ResolversParentTypes['User']> };
  VariantCreateInput: VariantCreateInput;
  VariantCreatePayload: Omit<VariantCreatePayload, 'variant'> & { variant?: Maybe<ResolversParentTypes['ProductVariant']> };
  VariantDeleteInput: VariantDeleteInput;
  VariantDeletePayload: Omit<VariantDeletePayload, 'product'> & { product?: Maybe<ResolversParentTypes['Product']> };
  VariantUpdateInput: VariantUpdateInput;
  VariantUpdatePayload: Omit<VariantUpdatePayload, 'variant'> & { variant?: Maybe<ResolversParentTypes['ProductVariant']> };
  Viewer: ViewerModel;
  ViewerDeleteInput: ViewerDeleteInput;
  ViewerDeletePayload: ViewerDeletePayload;
};

export type AuditEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEvent'] = ResolversParentTypes['AuditEvent']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actor?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  actorId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  diff?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  target?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType>;
  targetId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  targetType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AuditEventConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEventConnection'] = ResolversParentTypes['AuditEventConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AuditEventEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['AuditEvent']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AuditEventEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEventEdge'] = ResolversParentTypes['AuditEventEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AuditEvent'], ParentType, ContextType>;
};

export type CartResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Cart'] = ResolversParentTypes['Cart']> = {
  estimatedTax?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['CartLine']>, ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CartLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartLine'] = ResolversParentTypes['CartLine']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lineTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  variant?: Resolver<Maybe<ResolversTypes['ProductVariant']>, ParentType, ContextType>;
};

export type CartPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartPayload'] = ResolversParentTypes['CartPayload']> = {
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type CheckoutCompletePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CheckoutCompletePayload'] = ResolversParentTypes['CheckoutCompletePayload']> = {
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type CommentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Comment'] = ResolversParentTypes['Comment']> = {
  author?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  post?: Resolver<ResolversTypes['Post'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CommentStatus'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CommentConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CommentConnection'] = ResolversParentTypes['CommentConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CommentEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Comment']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CommentCreatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CommentCreatePayload'] = ResolversParentTypes['CommentCreatePayload']> = {
  comment?: Resolver<Maybe<ResolversTypes['Comment']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type CommentDeletePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CommentDeletePayload'] = ResolversParentTypes['CommentDeletePayload']> = {
  deletedCommentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type CommentEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CommentEdge'] = ResolversParentTypes['CommentEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Comment'], ParentType, ContextType>;
};

export type CommentModeratePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CommentModeratePayload'] = ResolversParentTypes['CommentModeratePayload']> = {
  comment?: Resolver<Maybe<ResolversTypes['Comment']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export interface CurrencyCodeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['CurrencyCode'], any> {
  name: 'CurrencyCode';
}

export type CustomerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastOrderAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  orderCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  totalSpent?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CustomerConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerConnection'] = ResolversParentTypes['CustomerConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CustomerEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Customer']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CustomerEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerEdge'] = ResolversParentTypes['CustomerEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
};

export type DailySalesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DailySales'] = ResolversParentTypes['DailySales']> = {
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  orders?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  revenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type DataExportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DataExport'] = ResolversParentTypes['DataExport']> = {
  document?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  generatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  truncated?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type InventoryAdjustPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InventoryAdjustPayload'] = ResolversParentTypes['InventoryAdjustPayload']> = {
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  variant?: Resolver<Maybe<ResolversTypes['ProductVariant']>, ParentType, ContextType>;
};

export type InventorySetPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InventorySetPayload'] = ResolversParentTypes['InventorySetPayload']> = {
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  variant?: Resolver<Maybe<ResolversTypes['ProductVariant']>, ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MoneyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  cartLinesAdd?: Resolver<ResolversTypes['CartPayload'], ParentType, ContextType, RequireFields<MutationCartLinesAddArgs, 'input'>>;
  cartLinesRemove?: Resolver<ResolversTypes['CartPayload'], ParentType, ContextType, RequireFields<MutationCartLinesRemoveArgs, 'input'>>;
  cartLinesUpdate?: Resolver<ResolversTypes['CartPayload'], ParentType, ContextType, RequireFields<MutationCartLinesUpdateArgs, 'input'>>;
  checkoutComplete?: Resolver<ResolversTypes['CheckoutCompletePayload'], ParentType, ContextType, RequireFields<MutationCheckoutCompleteArgs, 'input'>>;
  commentCreate?: Resolver<ResolversTypes['CommentCreatePayload'], ParentType, ContextType, RequireFields<MutationCommentCreateArgs, 'input'>>;
  commentDelete?: Resolver<ResolversTypes['CommentDeletePayload'], ParentType, ContextType, RequireFields<MutationCommentDeleteArgs, 'input'>>;
  commentModerate?: Resolver<ResolversTypes['CommentModeratePayload'], ParentType, ContextType, RequireFields<MutationCommentModerateArgs, 'input'>>;
  inventoryAdjust?: Resolver<ResolversTypes['InventoryAdjustPayload'], ParentType, ContextType, RequireFields<MutationInventoryAdjustArgs, 'input'>>;
  inventorySet?: Resolver<ResolversTypes['InventorySetPayload'], ParentType, ContextType, RequireFields<MutationInventorySetArgs, 'input'>>;
  orderCancel?: Resolver<ResolversTypes['OrderTransitionPayload'], ParentType, ContextType, RequireFields<MutationOrderCancelArgs, 'input'>>;
  orderFulfill?: Resolver<ResolversTypes['OrderTransitionPayload'], ParentType, ContextType, RequireFields<MutationOrderFulfillArgs, 'input'>>;
  orderMarkPaid?: Resolver<ResolversTypes['OrderTransitionPayload'], ParentType, ContextType, RequireFields<MutationOrderMarkPaidArgs, 'input'>>;
  orderRefund?: Resolver<ResolversTypes['OrderTransitionPayload'], ParentType, ContextType, RequireFields<MutationOrderRefundArgs, 'input'>>;
  passwordChange?: Resolver<ResolversTypes['PasswordChangePayload'], ParentType, ContextType, RequireFields<MutationPasswordChangeArgs, 'input'>>;
  passwordReset?: Resolver<ResolversTypes['PasswordResetPayload'], ParentType, ContextType, RequireFields<MutationPasswordResetArgs, 'input'>>;
  passwordResetRequest?: Resolver<ResolversTypes['PasswordResetRequestPayload'], ParentType, ContextType, RequireFields<MutationPasswordResetRequestArgs, 'input'>>;
  postCreate?: Resolver<ResolversTypes['PostCreatePayload'], ParentType, ContextType, RequireFields<MutationPostCreateArgs, 'input'>>;
  postDelete?: Resolver<ResolversTypes['PostDeletePayload'], ParentType, ContextType, RequireFields<MutationPostDeleteArgs, 'input'>>;
  postLike?: Resolver<ResolversTypes['PostLikePayload'], ParentType, ContextType, RequireFields<MutationPostLikeArgs, 'input'>>;
  postPublish?: Resolver<ResolversTypes['PostPublishPayload'], ParentType, ContextType, RequireFields<MutationPostPublishArgs, 'input'>>;
  postUnlike?: Resolver<ResolversTypes['PostUnlikePayload'], ParentType, ContextType, RequireFields<MutationPostUnlikeArgs, 'input'>>;
  postUpdate?: Resolver<ResolversTypes['PostUpdatePayload'], ParentType, ContextType, RequireFields<MutationPostUpdateArgs, 'input'>>;
  productCreate?: Resolver<ResolversTypes['ProductCreatePayload'], ParentType, ContextType, RequireFields<MutationProductCreateArgs, 'input'>>;
  productDelete?: Resolver<ResolversTypes['ProductDeletePayload'], ParentType, ContextType, RequireFields<MutationProductDeleteArgs, 'input'>>;
  productRestore?: Resolver<ResolversTypes['ProductRestorePayload'], ParentType, ContextType, RequireFields<MutationProductRestoreArgs, 'input'>>;
  productUpdate?: Resolver<ResolversTypes['ProductUpdatePayload'], ParentType, ContextType, RequireFields<MutationProductUpdateArgs, 'input'>>;
  reviewCreate?: Resolver<ResolversTypes['ReviewCreatePayload'], ParentType, ContextType, RequireFields<MutationReviewCreateArgs, 'input'>>;
  reviewDelete?: Resolver<ResolversTypes['ReviewDeletePayload'], ParentType, ContextType, RequireFields<MutationReviewDeleteArgs, 'input'>>;
  reviewModerate?: Resolver<ResolversTypes['ReviewModeratePayload'], ParentType, ContextType, RequireFields<MutationReviewModerateArgs, 'input'>>;
  reviewUpdate?: Resolver<ResolversTypes['ReviewUpdatePayload'], ParentType, ContextType, RequireFields<MutationReviewUpdateArgs, 'input'>>;
  sessionCreate?: Resolver<ResolversTypes['SessionCreatePayload'], ParentType, ContextType, RequireFields<MutationSessionCreateArgs, 'input'>>;
  sessionRefresh?: Resolver<ResolversTypes['SessionRefreshPayload'], ParentType, ContextType, RequireFields<MutationSessionRefreshArgs, 'input'>>;
  sessionRevoke?: Resolver<ResolversTypes['SessionRevokePayload'], ParentType, ContextType, RequireFields<MutationSessionRevokeArgs, 'input'>>;
  shopCreate?: Resolver<ResolversTypes['ShopCreatePayload'], ParentType, ContextType, RequireFields<MutationShopCreateArgs, 'input'>>;
  shopUpdate?: Resolver<ResolversTypes['ShopUpdatePayload'], ParentType, ContextType, RequireFields<MutationShopUpdateArgs, 'input'>>;
  staffInvite?: Resolver<ResolversTypes['StaffInvitePayload'], ParentType, ContextType, RequireFields<MutationStaffInviteArgs, 'input'>>;
  userEmailVerify?: Resolver<ResolversTypes['UserEmailVerifyPayload'], ParentType, ContextType, RequireFields<MutationUserEmailVerifyArgs, 'input'>>;
  userRegister?: Resolver<ResolversTypes['UserRegisterPayload'], ParentType, ContextType, RequireFields<MutationUserRegisterArgs, 'input'>>;
  userRoleUpdate?: Resolver<ResolversTypes['UserRoleUpdatePayload'], ParentType, ContextType, RequireFields<MutationUserRoleUpdateArgs, 'input'>>;
  variantCreate?: Resolver<ResolversTypes['VariantCreatePayload'], ParentType, ContextType, RequireFields<MutationVariantCreateArgs, 'input'>>;
  variantDelete?: Resolver<ResolversTypes['VariantDeletePayload'], ParentType, ContextType, RequireFields<MutationVariantDeleteArgs, 'input'>>;
  variantUpdate?: Resolver<ResolversTypes['VariantUpdatePayload'], ParentType, ContextType, RequireFields<MutationVariantUpdateArgs, 'input'>>;
  viewerDelete?: Resolver<ResolversTypes['ViewerDeletePayload'], ParentType, ContextType, RequireFields<MutationViewerDeleteArgs, 'input'>>;
};

export type NodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  __resolveType: TypeResolveFn<'AuditEvent' | 'Cart' | 'Comment' | 'Customer' | 'Order' | 'Post' | 'Product' | 'ProductVariant' | 'Review' | 'Shop' | 'User', ParentType, ContextType>;
};

export type OrderResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order']> = {
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['OrderEvent']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['OrderLine']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  placedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  tax?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type OrderConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderConnection'] = ResolversParentTypes['OrderConnection']> = {
  edges?: Resolver<Array<ResolversTypes['OrderEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Order']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type OrderEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderEdge'] = ResolversParentTypes['OrderEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
};

export type OrderEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderEvent'] = ResolversParentTypes['OrderEvent']> = {
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
};

export type OrderLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderLine'] = ResolversParentTypes['OrderLine']> = {
  lineTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  variant?: Resolver<Maybe<ResolversTypes['ProductVariant']>, ParentType, ContextType>;
};

export type OrderTransitionPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderTransitionPayload'] = ResolversParentTypes['OrderTransitionPayload']> = {
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PasswordChangePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PasswordChangePayload'] = ResolversParentTypes['PasswordChangePayload']> = {
  session?: Resolver<Maybe<ResolversTypes['Session']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type PasswordResetPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PasswordResetPayload'] = ResolversParentTypes['PasswordResetPayload']> = {
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type PasswordResetRequestPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PasswordResetRequestPayload'] = ResolversParentTypes['PasswordResetRequestPayload']> = {
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type PostResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Post'] = ResolversParentTypes['Post']> = {
  author?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  comments?: Resolver<ResolversTypes['CommentConnection'], ParentType, ContextType, Partial<PostCommentsArgs>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  excerpt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  handle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  likeCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  publishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  readingTimeMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PostStatus'], ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  viewerHasLiked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PostConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PostConnection'] = ResolversParentTypes['PostConnection']> = {
  edges?: Resolver<Array<ResolversTypes['PostEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Post']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PostCreatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PostCreatePayload'] = ResolversParentTypes['PostCreatePayload']> = {
  post?: Resolver<Maybe<ResolversTypes['Post']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type PostDeletePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PostDeletePayload'] = ResolversParentTypes['PostDeletePayload']> = {
  deletedPostId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type PostEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PostEdge'] = ResolversParentTypes['PostEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Post'], ParentType, ContextType>;
};

export type PostLikePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PostLikePayload'] = ResolversParentTypes['PostLikePayload']> = {
  post?: Resolver<Maybe<ResolversTypes['Post']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type PostPublishPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PostPublishPayload'] = ResolversParentTypes['PostPublishPayload']> = {
  post?: Resolver<Maybe<ResolversTypes['Post']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type PostUnlikePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PostUnlikePayload'] = ResolversParentTypes['PostUnlikePayload']> = {
  post?: Resolver<Maybe<ResolversTypes['Post']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type PostUpdatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PostUpdatePayload'] = ResolversParentTypes['PostUpdatePayload']> = {
  post?: Resolver<Maybe<ResolversTypes['Post']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type PriceRangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PriceRange'] = ResolversParentTypes['PriceRange']> = {
  max?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  min?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type ProductResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  handle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  priceRange?: Resolver<ResolversTypes['PriceRange'], ParentType, ContextType>;
  rating?: Resolver<ResolversTypes['ProductRating'], ParentType, ContextType>;
  reviews?: Resolver<ResolversTypes['ReviewConnection'], ParentType, ContextType, RequireFields<ProductReviewsArgs, 'reverse' | 'sortKey'>>;
  status?: Resolver<ResolversTypes['ProductStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  variants?: Resolver<Array<ResolversTypes['ProductVariant']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ProductConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductConnection'] = ResolversParentTypes['ProductConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ProductEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Product']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProductCreatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductCreatePayload'] = ResolversParentTypes['ProductCreatePayload']> = {
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ProductDeletePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductDeletePayload'] = ResolversParentTypes['ProductDeletePayload']> = {
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ProductEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductEdge'] = ResolversParentTypes['ProductEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
};

export type ProductRatingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductRating'] = ResolversParentTypes['ProductRating']> = {
  average?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProductRestorePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductRestorePayload'] = ResolversParentTypes['ProductRestorePayload']> = {
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ProductUpdatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductUpdatePayload'] = ResolversParentTypes['ProductUpdatePayload']> = {
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ProductVariantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductVariant'] = ResolversParentTypes['ProductVariant']> = {
  availableForSale?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  quantityAvailable?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  selectedOptions?: Resolver<Array<ResolversTypes['SelectedOption']>, ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  nodes?: Resolver<Array<Maybe<ResolversTypes['Node']>>, ParentType, ContextType, RequireFields<QueryNodesArgs, 'ids'>>;
  shop?: Resolver<Maybe<ResolversTypes['Shop']>, ParentType, ContextType, RequireFields<QueryShopArgs, 'handle'>>;
  viewer?: Resolver<Maybe<ResolversTypes['Viewer']>, ParentType, ContextType>;
};

export type ReviewResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Review'] = ResolversParentTypes['Review']> = {
  author?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  rating?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReviewStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  verifiedPurchase?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ReviewConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReviewConnection'] = ResolversParentTypes['ReviewConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ReviewEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Review']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ReviewCreatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReviewCreatePayload'] = ResolversParentTypes['ReviewCreatePayload']> = {
  review?: Resolver<Maybe<ResolversTypes['Review']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ReviewDeletePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReviewDeletePayload'] = ResolversParentTypes['ReviewDeletePayload']> = {
  deletedReviewId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ReviewEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReviewEdge'] = ResolversParentTypes['ReviewEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Review'], ParentType, ContextType>;
};

export type ReviewModeratePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReviewModeratePayload'] = ResolversParentTypes['ReviewModeratePayload']> = {
  review?: Resolver<Maybe<ResolversTypes['Review']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ReviewUpdatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReviewUpdatePayload'] = ResolversParentTypes['ReviewUpdatePayload']> = {
  review?: Resolver<Maybe<ResolversTypes['Review']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type SelectedOptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SelectedOption'] = ResolversParentTypes['SelectedOption']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SessionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Session'] = ResolversParentTypes['Session']> = {
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  accessTokenExpiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  refreshToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refreshTokenExpiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type SessionCreatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SessionCreatePayload'] = ResolversParentTypes['SessionCreatePayload']> = {
  session?: Resolver<Maybe<ResolversTypes['Session']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type SessionRefreshPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SessionRefreshPayload'] = ResolversParentTypes['SessionRefreshPayload']> = {
  session?: Resolver<Maybe<ResolversTypes['Session']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type SessionRevokePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SessionRevokePayload'] = ResolversParentTypes['SessionRevokePayload']> = {
  revoked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ShopResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Shop'] = ResolversParentTypes['Shop']> = {
  auditEvents?: Resolver<ResolversTypes['AuditEventConnection'], ParentType, ContextType, Partial<ShopAuditEventsArgs>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
  customers?: Resolver<ResolversTypes['CustomerConnection'], ParentType, ContextType, Partial<ShopCustomersArgs>>;
  handle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<ShopOrderArgs, 'number'>>;
  orders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, Partial<ShopOrdersArgs>>;
  post?: Resolver<Maybe<ResolversTypes['Post']>, ParentType, ContextType, RequireFields<ShopPostArgs, 'handle'>>;
  posts?: Resolver<ResolversTypes['PostConnection'], ParentType, ContextType, Partial<ShopPostsArgs>>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType, RequireFields<ShopProductArgs, 'handle'>>;
  products?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, RequireFields<ShopProductsArgs, 'reverse' | 'sortKey'>>;
  reports?: Resolver<Maybe<ResolversTypes['ShopReports']>, ParentType, ContextType>;
  taxRateBasisPoints?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  timezone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ShopCreatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ShopCreatePayload'] = ResolversParentTypes['ShopCreatePayload']> = {
  session?: Resolver<Maybe<ResolversTypes['Session']>, ParentType, ContextType>;
  shop?: Resolver<Maybe<ResolversTypes['Shop']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ShopReportsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ShopReports'] = ResolversParentTypes['ShopReports']> = {
  salesByDay?: Resolver<Array<ResolversTypes['DailySales']>, ParentType, ContextType, RequireFields<ShopReportsSalesByDayArgs, 'from' | 'to'>>;
  topCustomers?: Resolver<Array<ResolversTypes['TopCustomer']>, ParentType, ContextType, RequireFields<ShopReportsTopCustomersArgs, 'days' | 'first'>>;
  topVariants?: Resolver<Array<ResolversTypes['TopVariant']>, ParentType, ContextType, RequireFields<ShopReportsTopVariantsArgs, 'first' | 'from' | 'to'>>;
};

export type ShopUpdatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ShopUpdatePayload'] = ResolversParentTypes['ShopUpdatePayload']> = {
  shop?: Resolver<Maybe<ResolversTypes['Shop']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type StaffInvitePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StaffInvitePayload'] = ResolversParentTypes['StaffInvitePayload']> = {
  created?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type TopCustomerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TopCustomer'] = ResolversParentTypes['TopCustomer']> = {
  customer?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  orderCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalSpent?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type TopVariantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TopVariant'] = ResolversParentTypes['TopVariant']> = {
  revenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unitsSold?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  variant?: Resolver<Maybe<ResolversTypes['ProductVariant']>, ParentType, ContextType>;
};

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  emailVerified?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['Role']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UserEmailVerifyPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserEmailVerifyPayload'] = ResolversParentTypes['UserEmailVerifyPayload']> = {
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type UserErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = {
  code?: Resolver<ResolversTypes['UserErrorCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UserRegisterPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserRegisterPayload'] = ResolversParentTypes['UserRegisterPayload']> = {
  session?: Resolver<Maybe<ResolversTypes['Session']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type UserRoleUpdatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserRoleUpdatePayload'] = ResolversParentTypes['UserRoleUpdatePayload']> = {
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type VariantCreatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VariantCreatePayload'] = ResolversParentTypes['VariantCreatePayload']> = {
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  variant?: Resolver<Maybe<ResolversTypes['ProductVariant']>, ParentType, ContextType>;
};

export type VariantDeletePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VariantDeletePayload'] = ResolversParentTypes['VariantDeletePayload']> = {
  deletedVariantId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type VariantUpdatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VariantUpdatePayload'] = ResolversParentTypes['VariantUpdatePayload']> = {
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  variant?: Resolver<Maybe<ResolversTypes['ProductVariant']>, ParentType, ContextType>;
};

export type ViewerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = {
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType>;
  dataExport?: Resolver<ResolversTypes['DataExport'], ParentType, ContextType>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<ViewerOrderArgs, 'number'>>;
  orders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, Partial<ViewerOrdersArgs>>;
  posts?: Resolver<ResolversTypes['PostConnection'], ParentType, ContextType, Partial<ViewerPostsArgs>>;
  shop?: Resolver<ResolversTypes['Shop'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type ViewerDeletePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ViewerDeletePayload'] = ResolversParentTypes['ViewerDeletePayload']> = {
  deletedUserId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  AuditEvent?: AuditEventResolvers<ContextType>;
  AuditEventConnection?: AuditEventConnectionResolvers<ContextType>;
  AuditEventEdge?: AuditEventEdgeResolvers<ContextType>;
  Cart?: CartResolvers<ContextType>;
  CartLine?: CartLineResolvers<ContextType>;
  CartPayload?: CartPayloadResolvers<ContextType>;
  CheckoutCompletePayload?: CheckoutCompletePayloadResolvers<ContextType>;
  Comment?: CommentResolvers<ContextType>;
  CommentConnection?: CommentConnectionResolvers<ContextType>;
  CommentCreatePayload?: CommentCreatePayloadResolvers<ContextType>;
  CommentDeletePayload?: CommentDeletePayloadResolvers<ContextType>;
  CommentEdge?: CommentEdgeResolvers<ContextType>;
  CommentModeratePayload?: CommentModeratePayloadResolvers<ContextType>;
  CurrencyCode?: GraphQLScalarType;
  Customer?: CustomerResolvers<ContextType>;
  CustomerConnection?: CustomerConnectionResolvers<ContextType>;
  CustomerEdge?: CustomerEdgeResolvers<ContextType>;
  DailySales?: DailySalesResolvers<ContextType>;
  DataExport?: DataExportResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  InventoryAdjustPayload?: InventoryAdjustPayloadResolvers<ContextType>;
  InventorySetPayload?: InventorySetPayloadResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderEdge?: OrderEdgeResolvers<ContextType>;
  OrderEvent?: OrderEventResolvers<ContextType>;
  OrderLine?: OrderLineResolvers<ContextType>;
  OrderTransitionPayload?: OrderTransitionPayloadResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PasswordChangePayload?: PasswordChangePayloadResolvers<ContextType>;
  PasswordResetPayload?: PasswordResetPayloadResolvers<ContextType>;
  PasswordResetRequestPayload?: PasswordResetRequestPayloadResolvers<ContextType>;
  Post?: PostResolvers<ContextType>;
  PostConnection?: PostConnectionResolvers<ContextType>;
  PostCreatePayload?: PostCreatePayloadResolvers<ContextType>;
  PostDeletePayload?: PostDeletePayloadResolvers<ContextType>;
  PostEdge?: PostEdgeResolvers<ContextType>;
  PostLikePayload?: PostLikePayloadResolvers<ContextType>;
  PostPublishPayload?: PostPublishPayloadResolvers<ContextType>;
  PostUnlikePayload?: PostUnlikePayloadResolvers<ContextType>;
  PostUpdatePayload?: PostUpdatePayloadResolvers<ContextType>;
  PriceRange?: PriceRangeResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductConnection?: ProductConnectionResolvers<ContextType>;
  ProductCreatePayload?: ProductCreatePayloadResolvers<ContextType>;
  ProductDeletePayload?: ProductDeletePayloadResolvers<ContextType>;
  ProductEdge?: ProductEdgeResolvers<ContextType>;
  ProductRating?: ProductRatingResolvers<ContextType>;
  ProductRestorePayload?: ProductRestorePayloadResolvers<ContextType>;
  ProductUpdatePayload?: ProductUpdatePayloadResolvers<ContextType>;
  ProductVariant?: ProductVariantResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Review?: ReviewResolvers<ContextType>;
  ReviewConnection?: ReviewConnectionResolvers<ContextType>;
  ReviewCreatePayload?: ReviewCreatePayloadResolvers<ContextType>;
  ReviewDeletePayload?: ReviewDeletePayloadResolvers<ContextType>;
  ReviewEdge?: ReviewEdgeResolvers<ContextType>;
  ReviewModeratePayload?: ReviewModeratePayloadResolvers<ContextType>;
  ReviewUpdatePayload?: ReviewUpdatePayloadResolvers<ContextType>;
  SelectedOption?: SelectedOptionResolvers<ContextType>;
  Session?: SessionResolvers<ContextType>;
  SessionCreatePayload?: SessionCreatePayloadResolvers<ContextType>;
  SessionRefreshPayload?: SessionRefreshPayloadResolvers<ContextType>;
  SessionRevokePayload?: SessionRevokePayloadResolvers<ContextType>;
  Shop?: ShopResolvers<ContextType>;
  ShopCreatePayload?: ShopCreatePayloadResolvers<ContextType>;
  ShopReports?: ShopReportsResolvers<ContextType>;
  ShopUpdatePayload?: ShopUpdatePayloadResolvers<ContextType>;
  StaffInvitePayload?: StaffInvitePayloadResolvers<ContextType>;
  TopCustomer?: TopCustomerResolvers<ContextType>;
  TopVariant?: TopVariantResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserEmailVerifyPayload?: UserEmailVerifyPayloadResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  UserRegisterPayload?: UserRegisterPayloadResolvers<ContextType>;
  UserRoleUpdatePayload?: UserRoleUpdatePayloadResolvers<ContextType>;
  VariantCreatePayload?: VariantCreatePayloadResolvers<ContextType>;
  VariantDeletePayload?: VariantDeletePayloadResolvers<ContextType>;
  VariantUpdatePayload?: VariantUpdatePayloadResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
  ViewerDeletePayload?: ViewerDeletePayloadResolvers<ContextType>;
};

