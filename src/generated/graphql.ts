import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ShopRow as ShopRowModel, UserRow as UserRowModel, PostRow as PostRowModel, CommentRow as CommentRowModel } from '../rows.js';
import type { Viewer as ViewerModel, Context } from '../context.js';
import type { SessionTokens as SessionTokensModel } from '../modules/auth/auth.service.js';
import type { MoneyValue as MoneyValueModel } from '../money.js';
import type { PostConnection as PostConnectionModel, CommentConnection as CommentConnectionModel } from '../modules/blog/blog.loaders.js';
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
  /** An instant in time, as an ISO 8601 string in UTC with millisecond precision, e.g. `"2026-11-21T09:30:00.000Z"`. */
  DateTime: { input: Date; output: Date | string; }
  /** An exact decimal number encoded as a string, e.g. `"12.50"`. Used for money so no precision is lost to floats. */
  Decimal: { input: string; output: string; }
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
  /** Comments on a published post of the viewer's shop. */
  commentCreate: CommentCreatePayload;
  /** Deletes a comment (its author, or staff of the shop: recorded in the audit log). */
  commentDelete: CommentDeletePayload;
  /** Hides or shows a comment (staff of the shop; recorded in the audit log). */
  commentModerate: CommentModeratePayload;
  /** Changes the signed-in user's password and revokes all of their sessions. */
  passwordChange: PasswordChangePayload;
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
  /** Signs in with email and password. */
  sessionCreate: SessionCreatePayload;
  /** Exchanges a refresh token for a new session. Each refresh token works once. */
  sessionRefresh: SessionRefreshPayload;
  /** Signs out: revokes the session of this refresh token and every session refreshed from the same sign-in. */
  sessionRevoke: SessionRevokePayload;
  /** Creates a shop and its first administrator in one transaction, and signs the administrator in. */
  shopCreate: ShopCreatePayload;
  /** Creates a customer account in a shop and signs it in. */
  userRegister: UserRegisterPayload;
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
export type MutationPasswordChangeArgs = {
  input: PasswordChangeInput;
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
export type MutationUserRegisterArgs = {
  input: UserRegisterInput;
};

/** An object with a globally unique, opaque id (`gid://shopfront/<Type>/<uuid>`) that can be refetched with `node(id:)`. */
export type Node = {
  /** The opaque global id of the object. */
  id: Scalars['ID']['output'];
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
  first?: InputMaybe<Scalars['Int']['input']>;
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

/** The role of a user in their shop. */
export type Role =
  /** Administrator: all staff rights, plus staff roles, shop settings and the audit log. */
  | 'ADMIN'
  /** A shopper: may buy, review, blog and comment. */
  | 'CUSTOMER'
  /** Staff: manages catalog, orders and moderation of the shop. */
  | 'STAFF';

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
  /** When the shop was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The currency all prices of the shop are in. */
  currencyCode: Scalars['CurrencyCode']['output'];
  /** The unique, URL-safe handle of the shop, e.g. `"demo"`. */
  handle: Scalars['String']['output'];
  /** The opaque global id of the shop. */
  id: Scalars['ID']['output'];
  /** The display name of the shop. */
  name: Scalars['String']['output'];
  /** The post with this handle; `null` when there is none or the viewer may not see it (a draft of someone else). */
  post?: Maybe<Post>;
  /** The shop's published posts, newest first (by publication time). */
  posts: PostConnection;
  /** The sales tax rate applied at checkout, in basis points (825 = 8.25 %). */
  taxRateBasisPoints: Scalars['Int']['output'];
};


/** A tenant: one storefront with its own catalog, customers, orders and blog. */
export type ShopPostArgs = {
  handle: Scalars['String']['input'];
};


/** A tenant: one storefront with its own catalog, customers, orders and blog. */
export type ShopPostsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PostFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
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

/** A person with an account in one shop. */
export type User = Node & {
  __typename?: 'User';
  /** When the account was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The public name shown next to the user's reviews, posts and comments. */
  displayName: Scalars['String']['output'];
  /** The email address. Visible to the user themself and to staff of their shop; `null` for everyone else. */
  email?: Maybe<Scalars['String']['output']>;
  /** The opaque global id of the user. */
  id: Scalars['ID']['output'];
  /** The role in the shop. Visible to the user themself and to staff of their shop; `null` for everyone else. */
  role?: Maybe<Role>;
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
  /** A value that must be unique is already in use (e.g. an email or handle). */
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

/** The signed-in user and everything that belongs to them. */
export type Viewer = {
  __typename?: 'Viewer';
  /** The viewer's own posts, drafts and published alike (not deleted), most recently changed first. */
  posts: PostConnection;
  /** The shop the viewer is signed in to. */
  shop: Shop;
  /** The signed-in user's account. */
  user: User;
};


/** The signed-in user and everything that belongs to them. */
export type ViewerPostsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
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
    | ( CommentRowModel )
    | ( PostRowModel )
    | ( ShopRowModel )
    | ( UserRowModel )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Comment: ResolverTypeWrapper<CommentRowModel>;
  CommentConnection: ResolverTypeWrapper<CommentConnectionModel>;
  CommentCreateInput: CommentCreateInput;
  CommentCreatePayload: ResolverTypeWrapper<Omit<CommentCreatePayload, 'comment'> & { comment?: Maybe<ResolversTypes['Comment']> }>;
  CommentDeleteInput: CommentDeleteInput;
  CommentDeletePayload: ResolverTypeWrapper<CommentDeletePayload>;
  CommentEdge: ResolverTypeWrapper<Omit<CommentEdge, 'node'> & { node: ResolversTypes['Comment'] }>;
  CommentModerateInput: CommentModerateInput;
  CommentModeratePayload: ResolverTypeWrapper<Omit<CommentModeratePayload, 'comment'> & { comment?: Maybe<ResolversTypes['Comment']> }>;
  CommentStatus: CommentStatus;
  CurrencyCode: ResolverTypeWrapper<Scalars['CurrencyCode']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Money: ResolverTypeWrapper<MoneyValueModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PasswordChangeInput: PasswordChangeInput;
  PasswordChangePayload: ResolverTypeWrapper<Omit<PasswordChangePayload, 'session' | 'user'> & { session?: Maybe<ResolversTypes['Session']>, user?: Maybe<ResolversTypes['User']> }>;
  Post: ResolverTypeWrapper<PostRowModel>;
  PostConnection: ResolverTypeWrapper<PostConnectionModel>;
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
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Role: Role;
  Session: ResolverTypeWrapper<SessionTokensModel>;
  SessionCreateInput: SessionCreateInput;
  SessionCreatePayload: ResolverTypeWrapper<Omit<SessionCreatePayload, 'session' | 'user'> & { session?: Maybe<ResolversTypes['Session']>, user?: Maybe<ResolversTypes['User']> }>;
  SessionRefreshInput: SessionRefreshInput;
  SessionRefreshPayload: ResolverTypeWrapper<Omit<SessionRefreshPayload, 'session'> & { session?: Maybe<ResolversTypes['Session']> }>;
  SessionRevokeInput: SessionRevokeInput;
  SessionRevokePayload: ResolverTypeWrapper<SessionRevokePayload>;
  Shop: ResolverTypeWrapper<ShopRowModel>;
  ShopAdminInput: ShopAdminInput;
  ShopCreateInput: ShopCreateInput;
  ShopCreatePayload: ResolverTypeWrapper<Omit<ShopCreatePayload, 'session' | 'shop' | 'user'> & { session?: Maybe<ResolversTypes['Session']>, shop?: Maybe<ResolversTypes['Shop']>, user?: Maybe<ResolversTypes['User']> }>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  User: ResolverTypeWrapper<UserRowModel>;
  UserError: ResolverTypeWrapper<UserError>;
  UserErrorCode: UserErrorCode;
  UserRegisterInput: UserRegisterInput;
  UserRegisterPayload: ResolverTypeWrapper<Omit<UserRegisterPayload, 'session' | 'user'> & { session?: Maybe<ResolversTypes['Session']>, user?: Maybe<ResolversTypes['User']> }>;
  Viewer: ResolverTypeWrapper<ViewerModel>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Boolean: Scalars['Boolean']['output'];
  Comment: CommentRowModel;
  CommentConnection: CommentConnectionModel;
  CommentCreateInput: CommentCreateInput;
  CommentCreatePayload: Omit<CommentCreatePayload, 'comment'> & { comment?: Maybe<ResolversParentTypes['Comment']> };
  CommentDeleteInput: CommentDeleteInput;
  CommentDeletePayload: CommentDeletePayload;
  CommentEdge: Omit<CommentEdge, 'node'> & { node: ResolversParentTypes['Comment'] };
  CommentModerateInput: CommentModerateInput;
  CommentModeratePayload: Omit<CommentModeratePayload, 'comment'> & { comment?: Maybe<ResolversParentTypes['Comment']> };
  CurrencyCode: Scalars['CurrencyCode']['output'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Money: MoneyValueModel;
  Mutation: Record<PropertyKey, never>;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  PageInfo: PageInfo;
  PasswordChangeInput: PasswordChangeInput;
  PasswordChangePayload: Omit<PasswordChangePayload, 'session' | 'user'> & { session?: Maybe<ResolversParentTypes['Session']>, user?: Maybe<ResolversParentTypes['User']> };
  Post: PostRowModel;
  PostConnection: PostConnectionModel;
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
  Query: Record<PropertyKey, never>;
  Session: SessionTokensModel;
  SessionCreateInput: SessionCreateInput;
  SessionCreatePayload: Omit<SessionCreatePayload, 'session' | 'user'> & { session?: Maybe<ResolversParentTypes['Session']>, user?: Maybe<ResolversParentTypes['User']> };
  SessionRefreshInput: SessionRefreshInput;
  SessionRefreshPayload: Omit<SessionRefreshPayload, 'session'> & { session?: Maybe<ResolversParentTypes['Session']> };
  SessionRevokeInput: SessionRevokeInput;
  SessionRevokePayload: SessionRevokePayload;
  Shop: ShopRowModel;
  ShopAdminInput: ShopAdminInput;
  ShopCreateInput: ShopCreateInput;
  ShopCreatePayload: Omit<ShopCreatePayload, 'session' | 'shop' | 'user'> & { session?: Maybe<ResolversParentTypes['Session']>, shop?: Maybe<ResolversParentTypes['Shop']>, user?: Maybe<ResolversParentTypes['User']> };
  String: Scalars['String']['output'];
  User: UserRowModel;
  UserError: UserError;
  UserRegisterInput: UserRegisterInput;
  UserRegisterPayload: Omit<UserRegisterPayload, 'session' | 'user'> & { session?: Maybe<ResolversParentTypes['Session']>, user?: Maybe<ResolversParentTypes['User']> };
  Viewer: ViewerModel;
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

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type MoneyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  commentCreate?: Resolver<ResolversTypes['CommentCreatePayload'], ParentType, ContextType, RequireFields<MutationCommentCreateArgs, 'input'>>;
  commentDelete?: Resolver<ResolversTypes['CommentDeletePayload'], ParentType, ContextType, RequireFields<MutationCommentDeleteArgs, 'input'>>;
  commentModerate?: Resolver<ResolversTypes['CommentModeratePayload'], ParentType, ContextType, RequireFields<MutationCommentModerateArgs, 'input'>>;
  passwordChange?: Resolver<ResolversTypes['PasswordChangePayload'], ParentType, ContextType, RequireFields<MutationPasswordChangeArgs, 'input'>>;
  postCreate?: Resolver<ResolversTypes['PostCreatePayload'], ParentType, ContextType, RequireFields<MutationPostCreateArgs, 'input'>>;
  postDelete?: Resolver<ResolversTypes['PostDeletePayload'], ParentType, ContextType, RequireFields<MutationPostDeleteArgs, 'input'>>;
  postLike?: Resolver<ResolversTypes['PostLikePayload'], ParentType, ContextType, RequireFields<MutationPostLikeArgs, 'input'>>;
  postPublish?: Resolver<ResolversTypes['PostPublishPayload'], ParentType, ContextType, RequireFields<MutationPostPublishArgs, 'input'>>;
  postUnlike?: Resolver<ResolversTypes['PostUnlikePayload'], ParentType, ContextType, RequireFields<MutationPostUnlikeArgs, 'input'>>;
  postUpdate?: Resolver<ResolversTypes['PostUpdatePayload'], ParentType, ContextType, RequireFields<MutationPostUpdateArgs, 'input'>>;
  sessionCreate?: Resolver<ResolversTypes['SessionCreatePayload'], ParentType, ContextType, RequireFields<MutationSessionCreateArgs, 'input'>>;
  sessionRefresh?: Resolver<ResolversTypes['SessionRefreshPayload'], ParentType, ContextType, RequireFields<MutationSessionRefreshArgs, 'input'>>;
  sessionRevoke?: Resolver<ResolversTypes['SessionRevokePayload'], ParentType, ContextType, RequireFields<MutationSessionRevokeArgs, 'input'>>;
  shopCreate?: Resolver<ResolversTypes['ShopCreatePayload'], ParentType, ContextType, RequireFields<MutationShopCreateArgs, 'input'>>;
  userRegister?: Resolver<ResolversTypes['UserRegisterPayload'], ParentType, ContextType, RequireFields<MutationUserRegisterArgs, 'input'>>;
};

export type NodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  __resolveType: TypeResolveFn<'Comment' | 'Post' | 'Shop' | 'User', ParentType, ContextType>;
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

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  nodes?: Resolver<Array<Maybe<ResolversTypes['Node']>>, ParentType, ContextType, RequireFields<QueryNodesArgs, 'ids'>>;
  shop?: Resolver<Maybe<ResolversTypes['Shop']>, ParentType, ContextType, RequireFields<QueryShopArgs, 'handle'>>;
  viewer?: Resolver<Maybe<ResolversTypes['Viewer']>, ParentType, ContextType>;
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
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
  handle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  post?: Resolver<Maybe<ResolversTypes['Post']>, ParentType, ContextType, RequireFields<ShopPostArgs, 'handle'>>;
  posts?: Resolver<ResolversTypes['PostConnection'], ParentType, ContextType, Partial<ShopPostsArgs>>;
  taxRateBasisPoints?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ShopCreatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ShopCreatePayload'] = ResolversParentTypes['ShopCreatePayload']> = {
  session?: Resolver<Maybe<ResolversTypes['Session']>, ParentType, ContextType>;
  shop?: Resolver<Maybe<ResolversTypes['Shop']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['Role']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
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

export type ViewerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = {
  posts?: Resolver<ResolversTypes['PostConnection'], ParentType, ContextType, Partial<ViewerPostsArgs>>;
  shop?: Resolver<ResolversTypes['Shop'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  Comment?: CommentResolvers<ContextType>;
  CommentConnection?: CommentConnectionResolvers<ContextType>;
  CommentCreatePayload?: CommentCreatePayloadResolvers<ContextType>;
  CommentDeletePayload?: CommentDeletePayloadResolvers<ContextType>;
  CommentEdge?: CommentEdgeResolvers<ContextType>;
  CommentModeratePayload?: CommentModeratePayloadResolvers<ContextType>;
  CurrencyCode?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PasswordChangePayload?: PasswordChangePayloadResolvers<ContextType>;
  Post?: PostResolvers<ContextType>;
  PostConnection?: PostConnectionResolvers<ContextType>;
  PostCreatePayload?: PostCreatePayloadResolvers<ContextType>;
  PostDeletePayload?: PostDeletePayloadResolvers<ContextType>;
  PostEdge?: PostEdgeResolvers<ContextType>;
  PostLikePayload?: PostLikePayloadResolvers<ContextType>;
  PostPublishPayload?: PostPublishPayloadResolvers<ContextType>;
  PostUnlikePayload?: PostUnlikePayloadResolvers<ContextType>;
  PostUpdatePayload?: PostUpdatePayloadResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Session?: SessionResolvers<ContextType>;
  SessionCreatePayload?: SessionCreatePayloadResolvers<ContextType>;
  SessionRefreshPayload?: SessionRefreshPayloadResolvers<ContextType>;
  SessionRevokePayload?: SessionRevokePayloadResolvers<ContextType>;
  Shop?: ShopResolvers<ContextType>;
  ShopCreatePayload?: ShopCreatePayloadResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  UserRegisterPayload?: UserRegisterPayloadResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
};

