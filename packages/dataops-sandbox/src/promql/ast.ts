import { LabelMatcher } from './types';

export type BinaryOp =
  | '+' | '-' | '*' | '/' | '%' | '^'
  | '==' | '!=' | '>' | '<' | '>=' | '<='
  | 'and' | 'or' | 'unless';

export interface VectorMatching {
  /** `on(...)` when true, `ignoring(...)` (or no clause) when false. */
  on: boolean;
  labels: string[];
  card: 'one-to-one' | 'many-to-one' | 'one-to-many' | 'many-to-many';
  include: string[];
}

/** The evaluator's own syntax tree, built from the lezer-promql parse tree. */
export type Expr =
  | { kind: 'number'; v: number }
  | { kind: 'string'; s: string }
  | { kind: 'selector'; name?: string; matchers: LabelMatcher[]; offsetMs: number; rangeMs?: number }
  | { kind: 'call'; fn: string; args: Expr[] }
  | { kind: 'aggregate'; op: string; without: boolean; grouping?: string[]; param?: Expr; expr: Expr }
  | { kind: 'binary'; op: BinaryOp; bool: boolean; matching?: VectorMatching; lhs: Expr; rhs: Expr }
  | { kind: 'unary'; op: '-' | '+'; expr: Expr }
  | { kind: 'paren'; expr: Expr };
