// Filter expressions as Okta's list calls take them (SCIM, RFC 7644 §3.4.2.2), parsed into a
// predicate:
//   expr := term ('or' term)* ; term := factor ('and' factor)*
//   factor := '(' expr ')' | 'not' '(' expr ')' | attribute operator value | attribute 'pr'
// The grammar is shared; each caller (the users `filter`/`search`, the System Log `filter`) says
// which attributes, operators and values it takes, what they match, and how it refuses.

export interface FilterToken {
  kind: 'word' | 'string' | 'paren';
  text: string;
  /** Offset in the expression (0-based), for messages that point at it. */
  at: number;
}

/** One `attribute operator [value]` of the expression. */
export interface FilterComparison {
  attribute: string;
  attributeAt: number;
  /** Lower case. */
  operator: string;
  operatorAt: number;
  /** Absent for `pr`. */
  value?: FilterToken;
}

export type Predicate<T> = (item: T) => boolean;

export interface FilterDialect<T> {
  /** Whether `not (...)` is accepted. */
  allowNot: boolean;
  /** Refuses an attribute or operator, before the value is read (so the first mistake is named). */
  check(comparison: FilterComparison): void;
  compare(comparison: FilterComparison): Predicate<T>;
  /** The error for a malformed expression; `reason` is a sentence, `at` where it went wrong. */
  syntaxError(reason: string, at: number): Error;
}

function tokenize<T>(input: string, dialect: FilterDialect<T>): FilterToken[] {
  const tokens: FilterToken[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ kind: 'paren', text: ch, at: i });
      i++;
    } else if (ch === '"') {
      const at = i;
      let text = '';
      i++;
      while (i < input.length && input[i] !== '"') {
        if (input[i] === '\\' && i + 1 < input.length) i++;
        text += input[i++];
      }
      if (i >= input.length) throw dialect.syntaxError('Unterminated string literal.', at);
      i++;
      tokens.push({ kind: 'string', text, at });
    } else {
      const match = /^[^\s()"]+/.exec(input.slice(i))!;
      tokens.push({ kind: 'word', text: match[0], at: i });
      i += match[0].length;
    }
  }
  return tokens;
}

export function parseFilter<T>(expression: string, dialect: FilterDialect<T>): Predicate<T> {
  const tokens = tokenize(expression, dialect);
  let pos = 0;
  const end = () => expression.length;
  const peekWord = (): string | undefined => (tokens[pos]?.kind === 'word' ? tokens[pos].text.toLowerCase() : undefined);

  const parseExpr = (): Predicate<T> => {
    const parts = [parseTerm()];
    while (peekWord() === 'or') {
      pos++;
      parts.push(parseTerm());
    }
    return parts.length === 1 ? parts[0] : (item) => parts.some((p) => p(item));
  };
  const parseTerm = (): Predicate<T> => {
    const parts = [parseFactor()];
    while (peekWord() === 'and') {
      pos++;
      parts.push(parseFactor());
    }
    return parts.length === 1 ? parts[0] : (item) => parts.every((p) => p(item));
  };
  const parenthesised = (): Predicate<T> => {
    const inner = parseExpr();
    if (tokens[pos]?.text !== ')') throw dialect.syntaxError('Missing closing parenthesis.', tokens[pos]?.at ?? end());
    pos++;
    return inner;
  };
  const parseFactor = (): Predicate<T> => {
    const token = tokens[pos++];
    if (!token) throw dialect.syntaxError('Unexpected end of expression.', end());
    if (token.kind === 'paren' && token.text === '(') return parenthesised();
    if (token.kind !== 'word') throw dialect.syntaxError(`Unexpected "${token.text}".`, token.at);
    if (token.text.toLowerCase() === 'not') {
      if (!dialect.allowNot) throw dialect.syntaxError('The "not" operator is not supported.', token.at);
      if (tokens[pos]?.text !== '(') throw dialect.syntaxError('"not" must be followed by a parenthesised expression.', tokens[pos]?.at ?? end());
      pos++;
      const inner = parenthesised();
      return (item) => !inner(item);
    }
    const attribute = token.text;
    const operatorToken = tokens[pos++];
    if (!operatorToken) throw dialect.syntaxError(`Missing operator after ${attribute}.`, end());
    const comparison: FilterComparison = { attribute, attributeAt: token.at, operator: operatorToken.text.toLowerCase(), operatorAt: operatorToken.at };
    dialect.check(comparison);
    if (comparison.operator === 'pr') return dialect.compare(comparison);
    const value = tokens[pos++];
    if (!value || value.kind === 'paren') {
      throw dialect.syntaxError(`Missing value after ${attribute} ${comparison.operator}.`, value?.at ?? end());
    }
    return dialect.compare({ ...comparison, value });
  };

  const predicate = parseExpr();
  if (pos < tokens.length) throw dialect.syntaxError(`Unexpected "${tokens[pos].text}".`, tokens[pos].at);
  return predicate;
}
