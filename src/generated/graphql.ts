import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ShopRow as ShopRowModel, UserRow as UserRowModel } from '../rows.js';
import type { Viewer as ViewerModel, Context } from '../context.js';
import type { SessionTokens as SessionTokensModel } from '../modules/auth/auth.service.js';
import type { MoneyValue as MoneyValueModel } from '../money.js';
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
  /** Changes the signed-in user's password and revokes all of their sessions. */
  passwordChange: PasswordChangePayload;
  /**
   * Sets a new password with a code from the password reset email. The code works once; every session of the
   * user is signed out.
   */
  passwordReset: PasswordResetPayload;
  /**
   * Emails a one-time password reset code, valid for 30 minutes, to the account with this email, if there is
   * one. Always answers the same. A new request makes the codes sent before it stop working.
   */
  passwordResetRequest: PasswordResetRequestPayload;
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
  /** The sales tax rate applied at checkout, in basis points (825 = 8.25 %). */
  taxRateBasisPoints: Scalars['Int']['output'];
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
  /** The shop the viewer is signed in to. */
  shop: Shop;
  /** The signed-in user's account. */
  user: User;
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
    | ( ShopRowModel )
    | ( UserRowModel )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
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
  PasswordResetInput: PasswordResetInput;
  PasswordResetPayload: ResolverTypeWrapper<Omit<PasswordResetPayload, 'user'> & { user?: Maybe<ResolversTypes['User']> }>;
  PasswordResetRequestInput: PasswordResetRequestInput;
  PasswordResetRequestPayload: ResolverTypeWrapper<PasswordResetRequestPayload>;
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
  PasswordResetInput: PasswordResetInput;
  PasswordResetPayload: Omit<PasswordResetPayload, 'user'> & { user?: Maybe<ResolversParentTypes['User']> };
  PasswordResetRequestInput: PasswordResetRequestInput;
  PasswordResetRequestPayload: PasswordResetRequestPayload;
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
  passwordChange?: Resolver<ResolversTypes['PasswordChangePayload'], ParentType, ContextType, RequireFields<MutationPasswordChangeArgs, 'input'>>;
  passwordReset?: Resolver<ResolversTypes['PasswordResetPayload'], ParentType, ContextType, RequireFields<MutationPasswordResetArgs, 'input'>>;
  passwordResetRequest?: Resolver<ResolversTypes['PasswordResetRequestPayload'], ParentType, ContextType, RequireFields<MutationPasswordResetRequestArgs, 'input'>>;
  sessionCreate?: Resolver<ResolversTypes['SessionCreatePayload'], ParentType, ContextType, RequireFields<MutationSessionCreateArgs, 'input'>>;
  sessionRefresh?: Resolver<ResolversTypes['SessionRefreshPayload'], ParentType, ContextType, RequireFields<MutationSessionRefreshArgs, 'input'>>;
  sessionRevoke?: Resolver<ResolversTypes['SessionRevokePayload'], ParentType, ContextType, RequireFields<MutationSessionRevokeArgs, 'input'>>;
  shopCreate?: Resolver<ResolversTypes['ShopCreatePayload'], ParentType, ContextType, RequireFields<MutationShopCreateArgs, 'input'>>;
  userRegister?: Resolver<ResolversTypes['UserRegisterPayload'], ParentType, ContextType, RequireFields<MutationUserRegisterArgs, 'input'>>;
};

export type NodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  __resolveType: TypeResolveFn<'Shop' | 'User', ParentType, ContextType>;
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
  shop?: Resolver<ResolversTypes['Shop'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  CurrencyCode?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PasswordChangePayload?: PasswordChangePayloadResolvers<ContextType>;
  PasswordResetPayload?: PasswordResetPayloadResolvers<ContextType>;
  PasswordResetRequestPayload?: PasswordResetRequestPayloadResolvers<ContextType>;
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

