//! The parser: tokens -> AST for the whole Python 3.11 grammar, after CPython 3.11's
//! `Parser/pegen.c` (parser state, token buffer, memo, the two-pass `_PyPegen_run_parser`)
//! and `Grammar/python.gram` (the rules, hand-written in the submodules).
//!
//! The parser is a PEG parser: each rule is a method returning `Option<T>` (`None` = the rule
//! did not match), alternatives are tried in order and backtrack by resetting `mark`, an index
//! into the token buffer (tokens are pulled lazily from the tokenizer as the parser asks, so a
//! tokenizer error surfaces exactly when CPython's would). A raised error is kept in `error`
//! and makes every rule fail from then on, as pegen's `error_indicator` does. Left-recursive
//! rules are loops; a few rules are memoized as CPython memoizes them (see [`memo`]).
//!
//! Submodules: [`expr`] (expressions), [`stmt`] (statements), [`params`] (parameters and call
//! arguments), [`targets`] (assignment/del targets), [`pattern`] (`match` patterns),
//! [`invalid`] (the `invalid_*` rules of the second pass), [`helpers`] (`action_helpers.c`),
//! [`errors`] (`pegen_errors.c`).

mod errors;
mod expr;
mod helpers;
mod invalid;
mod memo;
mod params;
mod pattern;
mod stmt;
mod targets;

use crate::ast::{Expr, ExprContext, ExprKind, Loc, Mod};
use crate::error::SyntaxError;
use crate::token::{TokKind, Token};
use crate::tokenizer::Tokenizer;

/// Parser nesting limit: every guarded rule entry counts one level, and so does every link
/// of a chain a loop builds. CPython counts every rule call against `MAXSTACK` = 6000 (and
/// raises `MemoryError`), and fails trees deeper than about 3000 levels when it builds the
/// Python objects (`RecursionError` in `ast2obj`); we raise a `SyntaxError` at 3000, which
/// also bounds the depth of every tree we return (its drop and clone recurse).
const MAX_DEPTH: u32 = 3000;

/// Flags of [`Parser::scan_group`].
pub(crate) const SCAN_COMMA: u8 = 1;
pub(crate) const SCAN_FOR: u8 = 2;
pub(crate) const SCAN_COLON: u8 = 4;
pub(crate) const SCAN_DOUBLESTAR: u8 = 8;
pub(crate) const SCAN_EMPTY: u8 = 16;
pub(crate) const SCAN_UNKNOWN: u8 = 0x80;

/// Flags of [`Parser::scan_stmt`].
pub(crate) const STMT_EQUAL: u8 = 1;
pub(crate) const STMT_COLON: u8 = 2;
pub(crate) const STMT_AUG: u8 = 4;
pub(crate) const STMT_ALL: u8 = 7;

/// Stack left below which a nested rule moves to a new stack segment (`stacker`): more than
/// the deepest run of frames between two [`Parser::nested`] calls.
const STACK_RED_ZONE: usize = 256 << 10;

/// Size of each new stack segment.
const STACK_SEGMENT: usize = 4 << 20;

/// Parses a decoded source file with the `file` start rule.
pub fn parse_file(src: &str, filename: &str) -> Result<Mod, SyntaxError> {
    let mut p = Parser::new(src, filename, StartRule::File, 0, 0);
    p.run(|p| p.file())
}

/// Parses the expression of an f-string replacement field, as 3.11's `fstring_compile_expr`
/// does: `src` is the expression text wrapped in parentheses, `"(" + expr + ")"`, parsed with
/// the `fstring` start rule (`star_expressions`). Token lines start at `first_lineno`, and
/// tokens on that line have `starting_col_offset` added to their columns (pegen's
/// `starting_lineno`/`starting_col_offset`). Errors get the `f-string: ` prefix.
pub fn parse_fstring_expr(
    src: &str,
    filename: &str,
    first_lineno: u32,
    starting_col_offset: u32,
) -> Result<Expr, SyntaxError> {
    let mut p = Parser::new(
        src,
        filename,
        StartRule::Fstring,
        first_lineno,
        starting_col_offset,
    );
    p.run(|p| p.fstring_rule())
}

/// Parses decoded source with the `eval` start rule (`compile(..., "eval")`, `eval()`).
pub fn parse_eval(src: &str, filename: &str) -> Result<Mod, SyntaxError> {
    let mut p = Parser::new(src, filename, StartRule::Eval, 0, 0);
    p.run(|p| p.eval_rule())
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum StartRule {
    File,
    Eval,
    Fstring,
}

/// The parser state (`Parser` in pegen.h).
pub(crate) struct Parser<'a> {
    pub(crate) src: &'a str,
    pub(crate) filename: &'a str,
    tokenizer: Tokenizer<'a>,
    /// Tokens read so far (`p->tokens[0..p->fill]`).
    pub(crate) tokens: Vec<Token>,
    /// Bracket nesting level of the tokenizer when each token was produced (`token->level`).
    /// Bracket nesting level at each token (`token->level`), computed when first needed
    /// (only an error-pass rule asks).
    levels: Vec<u16>,
    /// The tokenizer reported an error or the end: no more tokens.
    tok_done: bool,
    /// The tokenizer's error, once it has raised one.
    tok_error: Option<SyntaxError>,
    /// The tokenizer's error reached the parser (not only a look-ahead scan).
    tok_error_raised: bool,
    /// Number of tokens the parser itself has read (`p->fill`).
    fill: usize,
    /// Index of the next token to consume (`p->mark`).
    pub(crate) mark: usize,
    /// The raised error (`p->error_indicator` + the pending exception).
    pub(crate) error: Option<SyntaxError>,
    /// Second pass: the `invalid_*` alternatives are tried (`p->call_invalid_rules`).
    pub(crate) call_invalid_rules: bool,
    depth: u32,
    memo: memo::MemoTable,
    /// An already parsed leading primary that the operator rules take as their first
    /// operand (see `expression_raw`).
    pub(crate) seed: Option<(usize, Expr)>,
    /// The first pass may skip alternatives by look-ahead scans.
    use_scans: bool,
    /// `scan_group` results per opening-bracket token (flags + 1; 0 = not scanned).
    scan_cache: Vec<u16>,
    pub(crate) start_rule: StartRule,
    /// First line of an f-string expression (0 for files): lines are shifted to start here.
    starting_lineno: u32,
    starting_col_offset: u32,
}

/// The parser's big per-parse tables (tokens, memo, scan cache), kept on the thread between
/// parses. A parse sizes them by the source (a few MB for a large file); allocating them
/// afresh for every file meant the kernel zeroing new pages each time, some 10% of the time
/// of parsing the stdlib. Like pymalloc's arenas, the memory is reused instead.
struct Scratch {
    tokens: Vec<Token>,
    memo: memo::MemoTable,
    scan_cache: Vec<u16>,
}

/// Tables larger than this are freed rather than kept for the next parse.
const SCRATCH_KEEP_BYTES: usize = 64 << 20;

thread_local! {
    static SCRATCH: std::cell::Cell<Option<Box<Scratch>>> = const { std::cell::Cell::new(None) };
}

impl Drop for Parser<'_> {
    fn drop(&mut self) {
        let mut scratch = Box::new(Scratch {
            tokens: std::mem::take(&mut self.tokens),
            memo: std::mem::take(&mut self.memo),
            scan_cache: std::mem::take(&mut self.scan_cache),
        });
        scratch.tokens.clear();
        scratch.memo.clear();
        scratch.scan_cache.clear();
        let bytes = scratch.tokens.capacity() * std::mem::size_of::<Token>()
            + scratch.memo.capacity_bytes()
            + scratch.scan_cache.capacity() * 2;
        if bytes <= SCRATCH_KEEP_BYTES {
            // A nested parser (an f-string's expression) returns its smaller tables after the
            // outer one has taken the thread's: keep the larger set.
            let _ = SCRATCH.try_with(|cell| {
                let keep = match cell.take() {
                    Some(old) if old.tokens.capacity() > scratch.tokens.capacity() => old,
                    _ => scratch,
                };
                cell.set(Some(keep));
            });
        }
    }
}

impl<'a> Parser<'a> {
    fn new(
        src: &'a str,
        filename: &'a str,
        start_rule: StartRule,
        first_lineno: u32,
        starting_col_offset: u32,
    ) -> Self {
        let want = src.len() / 6 + 16;
        let Scratch {
            mut tokens,
            mut memo,
            mut scan_cache,
        } = match SCRATCH.try_with(|cell| cell.take()).ok().flatten() {
            Some(s) => *s,
            None => Scratch {
                tokens: Vec::new(),
                memo: memo::MemoTable::default(),
                scan_cache: Vec::new(),
            },
        };
        tokens.reserve(want);
        memo.reserve(want);
        scan_cache.reserve(want);
        Parser {
            src,
            filename,
            tokenizer: Tokenizer::new(src),
            tokens,
            levels: Vec::new(),
            tok_done: false,
            tok_error: None,
            tok_error_raised: false,
            mark: 0,
            fill: 0,
            error: None,
            call_invalid_rules: false,
            depth: 0,
            memo,
            scan_cache,
            use_scans: true,
            seed: None,
            start_rule,
            starting_lineno: first_lineno,
            starting_col_offset,
        }
    }

    /// `_PyPegen_run_parser`: a first pass without the `invalid_*` rules; on failure a second
    /// pass with them, then `_Pypegen_set_syntax_error`.
    fn run<T>(&mut self, start: impl Fn(&mut Self) -> Option<T>) -> Result<T, SyntaxError> {
        let res = start(self);
        if let Some(r) = res {
            if self.error.is_none() {
                return Ok(r);
            }
        }
        if self.error.is_none() && self.fill == 0 {
            // Cannot happen: the start rule always reads a token.
            return Err(self.make_error_at_last_token(
                crate::SyntaxErrorKind::SyntaxError,
                "error at start before reading any input",
            ));
        }
        if self.error.is_none() && self.use_scans {
            // The look-ahead scans skip alternatives, and with them the tokens those would
            // have read: run the first pass again without them, so that the last token read
            // (where a generic error is reported) is CPython's.
            self.use_scans = false;
            self.memo.clear();
            self.mark = 0;
            self.fill = 0;
            self.depth = 0;
            let _ = start(self);
        }
        let last_token = self.fill.saturating_sub(1);
        if self.error.is_none() {
            // Second pass, with the invalid_ rules.
            self.memo.clear();
            self.mark = 0;
            self.depth = 0;
            self.call_invalid_rules = true;
            let _ = start(self);
        }
        let mut err = self.set_syntax_error(last_token);
        err.text_newline = err.text_newline && self.error_text_has_newline(&err);
        Err(err)
    }

    /// Whether CPython's `text` for `err` is the line the tokenizer holds, newline and all
    /// (see [`SyntaxError::text_newline`]): not when the tokenizer has moved past the error's
    /// line (the tokenizer's own errors never have it). (Whether the held line has a newline is the
    /// caller's to say: file input always has one, `eval` input only where the text does.)
    fn error_text_has_newline(&self, err: &SyntaxError) -> bool {
        if self.start_rule == StartRule::Fstring {
            return err.text_newline;
        }
        // The tokenizer's line: that of the last token read (the implicit newline at the end
        // of the input does not start a new line).
        let lines = self.src.split_inclusive('\n').count().max(1) as u32;
        let tok_line = self
            .tokens
            .get(self.fill.max(1) - 1)
            .map_or(1, |t| t.end_lineno);
        tok_line.min(lines) <= err.lineno
    }

    // ----- tokens -----

    /// Reads one more token from the tokenizer (`_PyPegen_fill_token`). False when the
    /// tokenizer is done or failed (the error is then raised).
    fn fill_token(&mut self) -> bool {
        self.fill_token_inner(true)
    }

    /// `fill_token`, but a tokenizer error is only recorded, to be raised when the parser
    /// itself reaches that token (used by the look-ahead scans below).
    fn fill_token_inner(&mut self, raise: bool) -> bool {
        if self.tok_done {
            if let Some(e) = &self.tok_error {
                if raise {
                    self.tok_error_raised = true;
                    if self.error.is_none() {
                        self.error = Some(e.clone());
                    }
                }
            }
            return false;
        }
        match self.tokenizer.next_token() {
            Ok(mut t) => {
                if t.kind == TokKind::EndMarker {
                    self.tok_done = true;
                }
                if self.starting_lineno != 0 {
                    // initialize_token with p->starting_lineno / starting_col_offset.
                    let shift = self.starting_lineno - 1;
                    if t.end_lineno == 1 {
                        t.col_offset += self.starting_col_offset;
                        t.end_col_offset += self.starting_col_offset;
                    }
                    t.lineno += shift;
                    t.end_lineno += shift;
                }
                self.tokens.push(t);
                true
            }
            Err(e) => {
                self.tok_done = true;
                let e = self.adjust_tokenizer_error(e);
                self.tok_error = Some(e.clone());
                if raise {
                    self.tok_error_raised = true;
                    if self.error.is_none() {
                        self.error = Some(e);
                    }
                }
                false
            }
        }
    }

    /// The kind of the token at `i`, reading tokens as needed. A tokenizer error gives
    /// `Exclamation`, which no rule of the grammar accepts (and raises the error).
    #[inline]
    pub(crate) fn kind_at(&mut self, i: usize) -> TokKind {
        while i >= self.tokens.len() {
            if !self.fill_token() {
                return TokKind::Exclamation;
            }
        }
        if i >= self.fill {
            self.fill = i + 1;
        }
        self.tokens[i].kind
    }

    /// The last token the parser has looked at (`p->tokens[p->fill - 1]`): tokens read
    /// only by the look-ahead scans do not count, as CPython never reads them.
    pub(crate) fn last_filled(&self) -> Option<&Token> {
        self.fill.checked_sub(1).map(|i| &self.tokens[i])
    }

    /// The kind of the token at `i` without raising a tokenizer error (`None` there).
    fn kind_at_quiet(&mut self, i: usize) -> Option<TokKind> {
        while i >= self.tokens.len() {
            if !self.fill_token_inner(false) {
                return None;
            }
        }
        Some(self.tokens[i].kind)
    }

    /// Scans the bracketed group opening at token `open`: what the first pass may skip.
    /// Returns the flags (`SCAN_*`) of tokens found directly inside it (at depth 1), or
    /// `SCAN_UNKNOWN` if the group does not close before a tokenizer error or the end.
    pub(crate) fn scan_group(&mut self, open: usize) -> u8 {
        if let Some(&c) = self.scan_cache.get(open) {
            if c != 0 {
                return (c - 1) as u8;
            }
        }
        let f = self.scan_group_raw(open);
        if f != SCAN_UNKNOWN {
            if self.scan_cache.len() <= open {
                self.scan_cache.resize(open + 1, 0);
            }
            self.scan_cache[open] = f as u16 + 1;
        }
        f
    }

    /// What the first pass may skip at token `i` for alternative needing `flag` inside the
    /// group opening there: true when the group is known not to hold it.
    pub(crate) fn skip_unless(&mut self, i: usize, flag: u8) -> bool {
        if self.call_invalid_rules || !self.use_scans {
            return false;
        }
        let f = self.scan_group(i);
        f != SCAN_UNKNOWN && f & flag == 0
    }

    /// Whether the look-ahead scans are in use (first pass only).
    pub(crate) fn skip_by_scan(&self) -> bool {
        self.use_scans && !self.call_invalid_rules
    }

    /// True when the group at `i` is known to hold `flag` (first pass only).
    pub(crate) fn known_has(&mut self, i: usize, flag: u8) -> bool {
        if self.call_invalid_rules || !self.use_scans {
            return false;
        }
        let f = self.scan_group(i);
        f != SCAN_UNKNOWN && f & flag != 0
    }

    fn scan_group_raw(&mut self, open: usize) -> u8 {
        let mut depth = 0u32;
        let mut flags = 0u8;
        let mut i = open;
        loop {
            let Some(k) = self.kind_at_quiet(i) else {
                return SCAN_UNKNOWN;
            };
            match k {
                TokKind::Lpar | TokKind::Lsqb | TokKind::Lbrace => depth += 1,
                TokKind::Rpar | TokKind::Rsqb | TokKind::Rbrace => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        if i == open + 1 {
                            flags |= SCAN_EMPTY;
                        }
                        return flags;
                    }
                }
                TokKind::EndMarker => return SCAN_UNKNOWN,
                TokKind::Comma if depth == 1 => flags |= SCAN_COMMA,
                TokKind::For if depth == 1 => flags |= SCAN_FOR,
                TokKind::Colon if depth == 1 => flags |= SCAN_COLON,
                TokKind::DoubleStar if depth == 1 => flags |= SCAN_DOUBLESTAR,
                _ => {}
            }
            i += 1;
        }
    }

    /// Scans a simple statement from `start` to its end (NEWLINE or `;` outside brackets):
    /// which of the tokens an `assignment` needs it holds outside brackets (`STMT_*` flags;
    /// all of them when unknown, after a tokenizer error on the way).
    pub(crate) fn scan_stmt(&mut self, start: usize) -> u8 {
        let mut depth = 0u32;
        let mut flags = 0u8;
        let mut i = start;
        loop {
            let Some(k) = self.kind_at_quiet(i) else {
                return STMT_ALL;
            };
            match k {
                TokKind::Lpar | TokKind::Lsqb | TokKind::Lbrace => depth += 1,
                TokKind::Rpar | TokKind::Rsqb | TokKind::Rbrace => depth = depth.saturating_sub(1),
                TokKind::Newline | TokKind::Semi | TokKind::EndMarker if depth == 0 => {
                    return flags
                }
                TokKind::EndMarker => return STMT_ALL,
                TokKind::Equal if depth == 0 => flags |= STMT_EQUAL,
                TokKind::Colon if depth == 0 => flags |= STMT_COLON,
                k if depth == 0 && stmt::augassign(k).is_some() => flags |= STMT_AUG,
                _ => {}
            }
            i += 1;
        }
    }

    /// The kind of the next token.
    #[inline]
    pub(crate) fn peek(&mut self) -> TokKind {
        self.kind_at(self.mark)
    }

    /// Is the next token of kind `k`? (a positive lookahead `&k`)
    #[inline]
    pub(crate) fn at(&mut self, k: TokKind) -> bool {
        self.peek() == k
    }

    /// `_PyPegen_expect_token`: consumes a token of kind `k`, giving its index.
    #[inline]
    pub(crate) fn expect(&mut self, k: TokKind) -> Option<usize> {
        if self.peek() == k {
            self.mark += 1;
            Some(self.mark - 1)
        } else {
            None
        }
    }

    /// Consumes a token of kind `k`, as `expect` does, returning `Some(())`.
    #[inline]
    pub(crate) fn eat(&mut self, k: TokKind) -> Option<()> {
        self.expect(k).map(|_| ())
    }

    /// `_PyPegen_expect_forced_token` (`&&'x'`): a missing token raises `expected 'x'`.
    pub(crate) fn expect_forced(&mut self, k: TokKind, what: &str) -> Option<usize> {
        if self.error.is_some() {
            return None;
        }
        if self.peek() == k {
            self.mark += 1;
            return Some(self.mark - 1);
        }
        if self.error.is_none() {
            let t = self.mark;
            self.raise_at_token(t, &format!("expected '{what}'"));
        }
        None
    }

    pub(crate) fn token(&self, i: usize) -> &Token {
        &self.tokens[i]
    }

    pub(crate) fn token_text(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.src[t.start as usize..t.end as usize]
    }

    /// Bracket level of the token at `i` (`token->level`).
    pub(crate) fn level_of(&mut self, i: usize) -> u16 {
        let mut level = self.levels.last().copied().unwrap_or(0);
        while self.levels.len() <= i && self.levels.len() < self.tokens.len() {
            match self.tokens[self.levels.len()].kind {
                TokKind::Lpar | TokKind::Lsqb | TokKind::Lbrace => level = level.saturating_add(1),
                TokKind::Rpar | TokKind::Rsqb | TokKind::Rbrace => level = level.saturating_sub(1),
                _ => {}
            }
            self.levels.push(level);
        }
        self.levels.get(i).copied().unwrap_or(0)
    }

    /// Is the next token the NAME `kw` (a soft keyword)?
    pub(crate) fn at_soft_keyword(&mut self, kw: &str) -> bool {
        self.peek() == TokKind::Name && self.token_text(self.mark) == kw
    }

    /// `_PyPegen_expect_soft_keyword`.
    pub(crate) fn expect_soft_keyword(&mut self, kw: &str) -> Option<usize> {
        if self.at_soft_keyword(kw) {
            self.mark += 1;
            Some(self.mark - 1)
        } else {
            None
        }
    }

    /// `_PyPegen_name_token`: a NAME token as a `Name` expression (Load).
    pub(crate) fn name(&mut self) -> Option<Expr> {
        let i = self.expect(TokKind::Name)?;
        Some(self.name_from_token(i))
    }

    pub(crate) fn name_from_token(&self, i: usize) -> Expr {
        let t = &self.tokens[i];
        Expr {
            loc: Loc::new(t.lineno, t.col_offset, t.end_lineno, t.end_col_offset),
            kind: ExprKind::Name {
                id: helpers::new_identifier(self.token_text(i)),
                ctx: ExprContext::Load,
            },
        }
    }

    /// Location of the token at `i`.
    pub(crate) fn tok_loc(&self, i: usize) -> Loc {
        let t = &self.tokens[i];
        Loc::new(t.lineno, t.col_offset, t.end_lineno, t.end_col_offset)
    }

    /// `EXTRA`: from the token at `start` to the last non-whitespace token before `mark`
    /// (`_PyPegen_get_last_nonnwhitespace_token`).
    pub(crate) fn extra(&self, start: usize) -> Loc {
        let s = &self.tokens[start];
        let mut m = self.mark;
        let mut e = s;
        while m > 0 {
            m -= 1;
            let t = &self.tokens[m];
            e = t;
            if !matches!(
                t.kind,
                TokKind::EndMarker | TokKind::Newline | TokKind::Indent | TokKind::Dedent
            ) {
                break;
            }
        }
        Loc::new(s.lineno, s.col_offset, e.end_lineno, e.end_col_offset)
    }

    /// Makes sure the token at `mark` is read (rules read their start position's token first
    /// to compute `EXTRA`). False on a tokenizer error.
    #[inline]
    pub(crate) fn start(&mut self) -> Option<usize> {
        if self.error.is_some() {
            return None;
        }
        self.kind_at(self.mark);
        if self.mark < self.tokens.len() {
            Some(self.mark)
        } else {
            None
        }
    }

    // ----- control -----

    /// Tries one alternative: on failure the position is reset (ordered choice).
    #[inline(always)]
    pub(crate) fn alt<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let m = self.mark;
        let r = f(self);
        if r.is_none() {
            self.mark = m;
        }
        r
    }

    /// A lookahead (`&e` / `!e`): runs `f` and resets the position, giving whether it matched.
    #[inline(always)]
    pub(crate) fn lookahead<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> bool {
        let m = self.mark;
        let r = f(self).is_some();
        self.mark = m;
        r
    }

    /// Runs a recursive rule one level deeper, failing with an error past [`MAX_DEPTH`]
    /// (CPython's `p->level` / `MAXSTACK` check). Every cycle of recursive rules passes
    /// through here, so this is also where the stack grows (on the heap, `stacker`) when the
    /// thread's own runs low: deep legal nesting needs more than a small thread stack has.
    #[inline(always)]
    pub(crate) fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        if self.error.is_some() {
            return None;
        }
        if self.depth >= MAX_DEPTH {
            self.raise_too_deep();
            return None;
        }
        self.depth += 1;
        let r = stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || f(self));
        self.depth -= 1;
        r
    }

    /// Counts the `n`th link of a chain that a loop builds (`a.b.c`, `1+2+3`, `f()()`): the
    /// tree gets one level deeper per link, so links count against [`MAX_DEPTH`] too
    /// (CPython fails such trees in `ast2obj` with a RecursionError).
    #[inline]
    pub(crate) fn chain_step(&mut self, n: u32) -> bool {
        if self.depth + n < MAX_DEPTH {
            return true;
        }
        if self.error.is_none() {
            self.raise_too_deep();
        }
        false
    }

    #[cold]
    fn raise_too_deep(&mut self) {
        let t = self.mark.min(self.tokens.len().saturating_sub(1));
        self.raise_at_token(t, "too many nested parentheses");
        if let Some(e) = &mut self.error {
            e.kind = crate::error::SyntaxErrorKind::TooDeep;
            e.msg = "maximum recursion depth exceeded during compilation".into();
        }
    }

    /// `a=','.elem+`: one or more `elem` separated by commas (no trailing comma consumed).
    pub(crate) fn gather<T>(
        &mut self,
        mut elem: impl FnMut(&mut Self) -> Option<T>,
    ) -> Option<Vec<T>> {
        let first = elem(self)?;
        let mut v = vec![first];
        loop {
            let m = self.mark;
            if self.expect(TokKind::Comma).is_none() {
                break;
            }
            match elem(self) {
                Some(x) => v.push(x),
                None => {
                    self.mark = m;
                    break;
                }
            }
        }
        Some(v)
    }

    /// `elem*`: zero or more.
    pub(crate) fn repeat0<T>(&mut self, mut elem: impl FnMut(&mut Self) -> Option<T>) -> Vec<T> {
        let mut v = Vec::new();
        loop {
            let m = self.mark;
            match elem(self) {
                Some(x) => v.push(x),
                None => {
                    self.mark = m;
                    break;
                }
            }
        }
        v
    }

    /// `elem+`: one or more.
    pub(crate) fn repeat1<T>(
        &mut self,
        elem: impl FnMut(&mut Self) -> Option<T>,
    ) -> Option<Vec<T>> {
        let v = self.repeat0(elem);
        if v.is_empty() {
            None
        } else {
            Some(v)
        }
    }

    // ----- start rules -----

    /// `file: [statements] ENDMARKER`
    fn file(&mut self) -> Option<Mod> {
        let body = self.statements().unwrap_or_default();
        self.eat(TokKind::EndMarker)?;
        if self.error.is_some() {
            return None;
        }
        Some(Mod::Module {
            body,
            type_ignores: Vec::new(),
        })
    }

    /// `eval: expressions NEWLINE* ENDMARKER`
    fn eval_rule(&mut self) -> Option<Mod> {
        let body = self.expressions()?;
        while self.eat(TokKind::Newline).is_some() {}
        self.eat(TokKind::EndMarker)?;
        if self.error.is_some() {
            return None;
        }
        Some(Mod::Expression {
            body: Box::new(body),
        })
    }

    /// `fstring: star_expressions`
    fn fstring_rule(&mut self) -> Option<Expr> {
        let e = self.star_expressions()?;
        if self.error.is_some() {
            return None;
        }
        Some(e)
    }
}
