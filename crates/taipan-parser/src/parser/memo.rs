//! The memo of the parser, after pegen's `Memo` lists (`_PyPegen_is_memoized`,
//! `_PyPegen_insert_memo` in CPython 3.11's `Parser/pegen.c`).
//!
//! A rule marked `(memo)` in `Grammar/python.gram` (and the left-recursive ones) remembers,
//! per start token, where it ended and what it built, so that re-trying it at the same position
//! (which ordered choice does often) costs a lookup instead of a re-parse; without it, nesting
//! makes the parse exponential. As CPython keeps a linked list hanging off each token, the
//! table keeps per token the head of a chain of entries in one vector (no hashing). Results
//! are cloned out on a hit: the tree is owned, not arena-shared as in C.

use super::Parser;
use crate::ast::{Expr, Pattern, Stmt};

/// The memoized rules.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub(crate) enum MemoRule {
    Expression,
    StarExpression,
    Disjunction,
    BitwiseOr,
    Strings,
    Arguments,
    StarTarget,
    TargetWithStarAtom,
    DelTarget,
    TPrimary,
    Block,
    ClosedPattern,
    StarPattern,
    SimpleStmt,
    InvalidNamedExpression,
}

impl MemoRule {
    /// Whether the first pass memoizes the rule. The first pass parses the shared prefixes
    /// of alternatives once (and skips alternatives by look-ahead scans), so these rules
    /// never run twice at one place there; the second pass memoizes all, as CPython does.
    fn memoized_in_first_pass(self) -> bool {
        !matches!(
            self,
            MemoRule::SimpleStmt
                | MemoRule::StarExpression
                | MemoRule::Strings
                | MemoRule::Arguments
        )
    }
}

/// What a memo entry records. Plain data, so that clearing the table between passes and
/// parses costs nothing per entry; the stored results themselves live in `MemoTable::values`.
#[derive(Clone, Copy)]
enum MemoSlot {
    /// The rule ran here once and succeeded, with `call_invalid_rules` as given; its result
    /// is stored only if it runs here again (most rules never do, and storing means cloning
    /// the tree), recomputed then with that same setting, so that it is the result CPython
    /// would have memoized the first time.
    ///
    /// The count says how often it ran here: a second run inside the re-computation of an
    /// enclosing revisited rule does not store yet (a third one does), so that re-computing
    /// a deep tree does not store a clone of every subtree in it (quadratic), while no
    /// position is ever computed more than three times (no exponential re-parsing).
    Visited(bool, u8),
    /// The rule failed here.
    Failed,
    /// The rule succeeded here with the result at this index of `MemoTable::values`.
    Stored(u32),
}

/// A stored result (always of the rule's own kind).
pub(crate) enum MemoVal {
    Expr(Box<Expr>),
    Stmts(Vec<Stmt>),
    Stmt(Box<Stmt>),
    Pattern(Box<Pattern>),
}

#[derive(Clone, Copy)]
struct MemoEntry {
    rule: MemoRule,
    end: u32,
    next: u32,
    slot: MemoSlot,
}

const NIL: u32 = u32::MAX;

#[derive(Default)]
pub(crate) struct MemoTable {
    heads: Vec<u32>,
    entries: Vec<MemoEntry>,
    values: Vec<MemoVal>,
    /// How many revisited rules are being re-computed right now.
    recomputing: u32,
}

impl MemoTable {
    /// Makes room for a parse of `tokens` tokens (an estimate).
    pub(crate) fn reserve(&mut self, tokens: usize) {
        self.heads.reserve(tokens);
        self.entries.reserve(tokens / 2);
    }

    /// Bytes held by the table's buffers.
    pub(crate) fn capacity_bytes(&self) -> usize {
        self.heads.capacity() * std::mem::size_of::<u32>()
            + self.entries.capacity() * std::mem::size_of::<MemoEntry>()
            + self.values.capacity() * std::mem::size_of::<MemoVal>()
    }

    pub(crate) fn clear(&mut self) {
        self.heads.clear();
        self.entries.clear();
        self.values.clear();
        self.recomputing = 0;
    }

    fn get(&self, rule: MemoRule, pos: usize) -> Option<usize> {
        let mut i = *self.heads.get(pos)?;
        while i != NIL {
            let e = &self.entries[i as usize];
            if e.rule == rule {
                return Some(i as usize);
            }
            i = e.next;
        }
        None
    }

    /// A slot for `val`: `Failed` for `None`, else the value stored.
    fn store(&mut self, val: Option<MemoVal>) -> MemoSlot {
        match val {
            None => MemoSlot::Failed,
            Some(v) => {
                self.values.push(v);
                MemoSlot::Stored(self.values.len() as u32 - 1)
            }
        }
    }

    #[inline(always)]
    fn insert(&mut self, rule: MemoRule, pos: usize, end: usize, slot: MemoSlot) {
        if pos >= self.heads.len() {
            self.heads.resize(pos + 1, NIL);
        }
        let next = self.heads[pos];
        self.heads[pos] = self.entries.len() as u32;
        self.entries.push(MemoEntry {
            rule,
            end: end as u32,
            next,
            slot,
        });
    }
}

macro_rules! memo_fn {
    ($name:ident, $ty:ty, $variant:ident, $boxit:expr, $unbox:expr) => {
        /// Runs a memoized rule: a hit restores the end position and clones the result. A
        /// success is stored the second time the rule runs at a position (failures at once),
        /// which keeps every re-parse bounded without cloning every result.
        pub(crate) fn $name(
            &mut self,
            rule: MemoRule,
            f: impl FnOnce(&mut Self) -> Option<$ty>,
        ) -> Option<$ty> {
            let pos = self.mark;
            if !self.call_invalid_rules && !rule.memoized_in_first_pass() {
                let r = f(self);
                if r.is_none() {
                    self.mark = pos;
                }
                return r;
            }
            let found = self.memo.get(rule, pos);
            if let Some(i) = found {
                let e = self.memo.entries[i];
                match e.slot {
                    MemoSlot::Failed => {
                        self.mark = e.end as usize;
                        return None;
                    }
                    MemoSlot::Stored(v) => {
                        let MemoVal::$variant(x) = &self.memo.values[v as usize] else {
                            unreachable!("a memo entry holds its own rule's kind of result");
                        };
                        let v = $unbox(x.clone());
                        self.mark = e.end as usize;
                        return Some(v);
                    }
                    MemoSlot::Visited(..) => {}
                }
            }
            let saved = self.call_invalid_rules;
            let mut store = true;
            let mut count = 1u8;
            if let Some(i) = found {
                if let MemoSlot::Visited(flag, n) = self.memo.entries[i].slot {
                    self.call_invalid_rules = flag;
                    count = n + 1;
                    if n == 1 && self.memo.recomputing > 0 {
                        store = false;
                    }
                }
            }
            self.memo.recomputing += u32::from(found.is_some());
            let r = f(self);
            self.memo.recomputing -= u32::from(found.is_some());
            let flag = self.call_invalid_rules;
            self.call_invalid_rules = saved;
            if r.is_none() {
                self.mark = pos;
            }
            if self.error.is_none() {
                match found {
                    Some(i) => {
                        let slot = if store || r.is_none() {
                            self.memo.entries[i].end = self.mark as u32;
                            let val = r.as_ref().map(|x| MemoVal::$variant($boxit(x.clone())));
                            self.memo.store(val)
                        } else {
                            MemoSlot::Visited(flag, count)
                        };
                        self.memo.entries[i].slot = slot;
                    }
                    None => {
                        let slot = if r.is_none() {
                            MemoSlot::Failed
                        } else {
                            MemoSlot::Visited(self.call_invalid_rules, 1)
                        };
                        self.memo.insert(rule, pos, self.mark, slot);
                    }
                }
            }
            r
        }
    };
}

impl Parser<'_> {
    memo_fn!(memo_expr, Expr, Expr, Box::new, |b: Box<Expr>| *b);
    memo_fn!(memo_stmts, Vec<Stmt>, Stmts, |v| v, |v| v);
    memo_fn!(memo_stmt, Stmt, Stmt, Box::new, |b: Box<Stmt>| *b);
    memo_fn!(memo_pattern, Pattern, Pattern, Box::new, |b: Box<
        Pattern,
    >| *b);
}
