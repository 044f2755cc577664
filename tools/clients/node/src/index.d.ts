// Types of @claimgraph/client (index.js). Values: docs/api.md, "Values".

/** A graph node: its id and canonical name. `String(entity)` is the name. */
export declare class Entity {
  constructor(id: number, name: string);
  readonly kind: 'entity';
  readonly id: number;
  readonly name: string;
}

/** A claim's id in a result cell. */
export declare class ClaimRef {
  constructor(id: number);
  readonly kind: 'claim';
  readonly id: number;
}

/** A string literal as a claim's object (a plain string there names an entity). */
export declare class Text {
  constructor(text: string);
  readonly kind: 'text';
  readonly text: string;
}

/** A date as a claim's object: "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
export declare class DateText {
  constructor(text: string);
  readonly kind: 'date';
  readonly text: string;
}

/**
 * A result cell: null, a boolean, a number (int_value and number_value
 * alike), a string (strings, dates as ISO 8601 text -- possibly partial --
 * and predicate names), an Entity, a ClaimRef, or a list of cells.
 */
export type Cell = null | boolean | number | string | Entity | ClaimRef | Cell[];
export type Row = Record<string, Cell>;

/** gRPC status codes by name (grpc.status). */
export declare const status: Readonly<Record<string, number>>;

/** The one error the client throws. */
export declare class ClaimgraphError extends Error {
  constructor(code: number, message: string);
  /** The gRPC status code, e.g. 3 */
  readonly code: number;
  /** Its name, e.g. "INVALID_ARGUMENT" */
  readonly codeName: string;
  /** Where the message says the statement is wrong (1-based, characters). */
  readonly line?: number;
  readonly column?: number;
}

export interface Trailer {
  rows: number;
  /** The statement's wall time in the server. */
  elapsedMs: number;
  /** Its server thread's CPU time over that span. */
  cpuMs: number;
  warnings: string[];
  /** For writes: "asserted claim 12 in tx 5". */
  message: string;
  writtenTx: number;
  /** The transaction the statement read at. */
  readAtTx: number;
  /** Cluster mode: the node's state ("node 3, applied tx 42 ..., connected"); "" on a single node. */
  cluster: string;
}

export interface QueryResult {
  columns: string[];
  rows: Row[];
  /** provenance[i]: row i's claim ids (empty without WITH PROVENANCE). */
  provenance: number[][];
  trailer: Trailer;
  /** The transaction a MATCH AS OF read (0: the newest state). */
  asOfTx: number;
  /** In runMany: the statement's error, when it failed. */
  error?: ClaimgraphError;
}

export interface StreamedRow {
  row: Row;
  provenance: number[];
}

export interface Explanation {
  plan: string;
  warnings: string[];
}

export interface NewClaim {
  subject: string;
  predicate: string;
  /** An entity's name (string or Entity), a number, Text or DateText. */
  object: string | Entity | number | Text | DateText;
  source: string;
  quote?: string;
  /** Default 1.0. */
  confidence?: number;
  method?: string;
  modality?: 'asserted' | 'reported' | 'proposed' | 'denied';
  validFrom?: string;
  validTo?: string;
  /** [begin, end): byte offsets into the source's text. */
  span?: [number, number];
  sourceTitle?: string;
  sourcePublisher?: string;
  sourcePublished?: string;
  sourceUrl?: string;
}

export interface WriteResult {
  /** 0 when nothing was written. */
  tx: number;
  claimIds: number[];
  /** The idempotency key matched an earlier batch (a retry). */
  replayed: boolean;
  warnings: string[];
  duplicates: number[];
  newPredicates: string[];
  newEntities: number;
  idempotencyKey: string;
}

export interface Claim {
  id: number;
  subject: string;
  predicate: string;
  object: Cell;
  source: string;
  hasSpan: boolean;
  spanBegin: number;
  spanEnd: number;
  quote: string;
  confidence: number;
  method: string;
  modality: 'MODALITY_UNSPECIFIED' | 'ASSERTED' | 'REPORTED' | 'PROPOSED' | 'DENIED';
  assertedTx: number;
  principal: string;
  assertedAt: string;
  retractedTx: number;
  retractReason: string;
  retractedBy: string;
  retractedAt: string;
  validFrom: string;
  validTo: string;
  deprecated: boolean;
  deprecatedTx: number;
  deprecatedReason: string;
  deprecatedBySource: boolean;
}

export interface HistoryEvent {
  tx: number;
  time: string;
  event: string;
  principal: string;
  detail: string;
}

export interface AuditReport {
  ok: boolean;
  transactionsChecked: number;
  claimsChecked: number;
  firstBadTx: number;
  problem: string;
  indexesChecked: boolean;
  indexesOk: boolean;
  indexClaimsChecked: number;
  evidenceChecked: boolean;
  evidenceOk: boolean;
  textsChecked: number;
  textBytes: number;
  textsRedacted: number;
  quotesChecked: number;
  evidenceProblem: string;
  /** The newest transaction and its hash (hex): the same on every node of a cluster. */
  headTx: number;
  headHash: string;
}

export interface PredicateStats {
  name: string;
  symmetric: boolean;
  inverse: string;
  domain: string;
  range: string;
  liveClaims: number;
}

export interface Stats {
  transactions: number;
  liveClaims: number;
  entities: number;
  predicates: number;
  sources: number;
  diskBytes: number;
  byPredicate: PredicateStats[];
  deprecatedClaims: number;
}

export interface Change {
  tx: number;
  time: string;
  principal: string;
  kind: 'asserted' | 'retracted' | 'deprecated' | 'restored';
  claimId: number;
  subject: Entity;
  predicate: string;
  object: Cell;
  source: string;
  reason: string;
}

export interface ClaimExplanation {
  rule: string;
  cue: string;
  timeText: string;
  validFrom: string;
  validTo: string;
  clause: string;
  clauseBegin: number;
  clauseEnd: number;
  subjectChoice: string;
  objectChoice: string;
  modalityReason: string;
}

export interface IngestResult {
  claims: Claim[];
  tx: number;
  duplicate: boolean;
  sha256: string;
  sourceKey: string;
  sentences: number;
  mentions: number;
  boilerplateBlocks: number;
  duplicateClaims: number;
  explanations: ClaimExplanation[];
}

export type Statement = string | Uint8Array;

export interface ClientOptions {
  token?: string;
  /** The PEM to trust (a file's path, or its bytes); none: plaintext. */
  tlsCa?: string | Uint8Array;
  /** Each call's deadline; streams only when given one of their own. */
  timeoutMs?: number;
  /** Sends of a write after UNAVAILABLE (default 3). */
  retries?: number;
}

export interface CallOptions {
  timeoutMs?: number;
}

export interface QueryOptions extends CallOptions {
  asOfTx?: number;
  maxRows?: number;
}

export declare class Client {
  constructor(address: string, options?: ClientOptions);
  close(): void;
  query(statement: Statement, options?: QueryOptions): Promise<QueryResult>;
  queryIter(statement: Statement, options?: QueryOptions & { batchRows?: number }): AsyncGenerator<StreamedRow, void, undefined>;
  runMany(statements: Statement[], options?: CallOptions): Promise<QueryResult[]>;
  explain(statement: Statement, options?: CallOptions & { asOfTx?: number }): Promise<Explanation>;
  assertClaims(claims: NewClaim[], options?: CallOptions & { idempotencyKey?: string }): Promise<WriteResult>;
  retract(claimIds: number[], reason: string, options?: CallOptions & { idempotencyKey?: string }): Promise<WriteResult>;
  ingest(text: string | Uint8Array, options?: CallOptions & {
    sourceKey?: string; title?: string; publisher?: string; published?: string; url?: string; dryRun?: boolean;
  }): Promise<IngestResult>;
  getClaim(id: number, options?: CallOptions): Promise<Claim>;
  getClaims(ids: number[], options?: CallOptions): Promise<Claim[]>;
  history(claimId: number, options?: CallOptions): Promise<HistoryEvent[]>;
  verifyAudit(options?: CallOptions & { indexes?: boolean; evidence?: boolean }): Promise<AuditReport>;
  stats(options?: CallOptions & { byPredicate?: boolean }): Promise<Stats>;
  watch(options?: { sinceTx?: number; pattern?: string; resume?: boolean }): AsyncGenerator<Change, void, undefined>;
}

export declare function fromValue(value: unknown): Cell;
