//! `match` statement patterns, after the "Match statement" pattern rules of CPython 3.11's
//! `Grammar/python.gram` (`patterns` through `keyword_pattern`) and the pattern helpers of
//! `Parser/action_helpers.c` (`_PyPegen_ensure_real`, `_PyPegen_ensure_imaginary`).

use super::expr::{mk, name_id};
use super::helpers::set_expr_context;
use super::memo::MemoRule;
use super::Parser;
use crate::ast::{
    Constant, Expr, ExprContext, ExprKind, Identifier, Operator, Pattern, PatternKind, UnaryOp,
};
use crate::token::TokKind as T;

fn pat(loc: crate::ast::Loc, kind: PatternKind) -> Pattern {
    Pattern { loc, kind }
}

impl Parser<'_> {
    /// `patterns: open_sequence_pattern | pattern`
    pub(crate) fn patterns(&mut self) -> Option<Pattern> {
        let start = self.start()?;
        if let Some(v) = self.alt(|p| p.open_sequence_pattern()) {
            return Some(pat(
                self.extra(start),
                PatternKind::MatchSequence { patterns: v },
            ));
        }
        if self.error.is_some() {
            return None;
        }
        self.pattern()
    }

    /// `pattern: as_pattern | or_pattern`
    pub(crate) fn pattern(&mut self) -> Option<Pattern> {
        if let Some(p) = self.alt(|p| p.as_pattern()) {
            return Some(p);
        }
        if self.error.is_some() {
            return None;
        }
        self.or_pattern()
    }

    /// `as_pattern: or_pattern 'as' pattern_capture_target | invalid_as_pattern`
    fn as_pattern(&mut self) -> Option<Pattern> {
        let start = self.start()?;
        if let Some(r) = self.alt(|p| {
            let a = p.or_pattern()?;
            p.eat(T::As)?;
            let t = p.pattern_capture_target()?;
            Some(pat(
                p.extra(start),
                PatternKind::MatchAs {
                    pattern: Some(Box::new(a)),
                    name: Some(name_id(t)),
                },
            ))
        }) {
            return Some(r);
        }
        if self.call_invalid_rules && self.error.is_none() {
            self.alt(|p| p.invalid_as_pattern());
        }
        None
    }

    /// `or_pattern: '|'.closed_pattern+`
    pub(crate) fn or_pattern(&mut self) -> Option<Pattern> {
        let start = self.start()?;
        let first = self.closed_pattern()?;
        let mut v = vec![first];
        loop {
            let m = self.mark;
            if self.eat(T::Vbar).is_none() {
                break;
            }
            match self.closed_pattern() {
                Some(x) => v.push(x),
                None => {
                    self.mark = m;
                    break;
                }
            }
        }
        if v.len() == 1 {
            return v.pop();
        }
        Some(pat(self.extra(start), PatternKind::MatchOr { patterns: v }))
    }

    /// `closed_pattern (memo)`
    fn closed_pattern(&mut self) -> Option<Pattern> {
        self.nested(|p| {
            p.memo_pattern(MemoRule::ClosedPattern, |p| {
                macro_rules! try_alt {
                    ($e:expr) => {
                        if let Some(x) = p.alt(|p| $e(p)) {
                            return Some(x);
                        }
                        if p.error.is_some() {
                            return None;
                        }
                    };
                }
                try_alt!(Self::literal_pattern);
                try_alt!(Self::capture_pattern);
                try_alt!(Self::wildcard_pattern);
                try_alt!(Self::value_pattern);
                try_alt!(Self::group_pattern);
                try_alt!(Self::sequence_pattern);
                try_alt!(Self::mapping_pattern);
                p.alt(|p| p.class_pattern())
            })
        })
    }

    /// `literal_pattern`
    fn literal_pattern(&mut self) -> Option<Pattern> {
        let start = self.start()?;
        let singleton = match self.peek() {
            T::None => Some(Constant::None),
            T::True => Some(Constant::Bool(true)),
            T::False => Some(Constant::Bool(false)),
            _ => None,
        };
        if let Some(value) = singleton {
            self.mark += 1;
            return Some(pat(
                self.extra(start),
                PatternKind::MatchSingleton { value },
            ));
        }
        let value = self.literal_value()?;
        Some(pat(
            self.extra(start),
            PatternKind::MatchValue {
                value: Box::new(value),
            },
        ))
    }

    /// The first three alternatives of `literal_pattern`/`literal_expr`:
    /// `signed_number !('+' | '-') | complex_number | strings`
    fn literal_value(&mut self) -> Option<Expr> {
        if let Some(e) = self.alt(|p| {
            let e = p.signed_number()?;
            if matches!(p.peek(), T::Plus | T::Minus) {
                return None;
            }
            Some(e)
        }) {
            return Some(e);
        }
        if self.error.is_some() {
            return None;
        }
        if let Some(e) = self.alt(|p| p.complex_number()) {
            return Some(e);
        }
        if self.error.is_some() {
            return None;
        }
        if self.at(T::String) {
            return self.strings();
        }
        None
    }

    /// `literal_expr`
    fn literal_expr(&mut self) -> Option<Expr> {
        let start = self.start()?;
        let value = match self.peek() {
            T::None => Constant::None,
            T::True => Constant::Bool(true),
            T::False => Constant::Bool(false),
            _ => return self.literal_value(),
        };
        self.mark += 1;
        Some(mk(
            self.extra(start),
            ExprKind::Constant { value, kind: None },
        ))
    }

    /// `complex_number: signed_real_number ('+' | '-') imaginary_number`
    fn complex_number(&mut self) -> Option<Expr> {
        let start = self.start()?;
        let real = self.signed_real_number()?;
        let op = match self.peek() {
            T::Plus => Operator::Add,
            T::Minus => Operator::Sub,
            _ => return None,
        };
        self.mark += 1;
        let imag = self.number()?;
        if !matches!(
            &imag.kind,
            ExprKind::Constant {
                value: Constant::Complex { .. },
                ..
            }
        ) {
            self.raise_at(imag.loc, "imaginary number required in complex literal");
            return None;
        }
        Some(mk(
            self.extra(start),
            ExprKind::BinOp {
                left: Box::new(real),
                op,
                right: Box::new(imag),
            },
        ))
    }

    /// `signed_number: NUMBER | '-' NUMBER`
    fn signed_number(&mut self) -> Option<Expr> {
        let start = self.start()?;
        if self.eat(T::Minus).is_some() {
            let n = self.number()?;
            return Some(mk(
                self.extra(start),
                ExprKind::UnaryOp {
                    op: UnaryOp::USub,
                    operand: Box::new(n),
                },
            ));
        }
        self.number()
    }

    /// `signed_real_number: real_number | '-' real_number`
    fn signed_real_number(&mut self) -> Option<Expr> {
        let start = self.start()?;
        let neg = self.eat(T::Minus).is_some();
        let n = self.number()?;
        if matches!(
            &n.kind,
            ExprKind::Constant {
                value: Constant::Complex { .. },
                ..
            }
        ) {
            self.raise_at(n.loc, "real number required in complex literal");
            return None;
        }
        if neg {
            return Some(mk(
                self.extra(start),
                ExprKind::UnaryOp {
                    op: UnaryOp::USub,
                    operand: Box::new(n),
                },
            ));
        }
        Some(n)
    }

    /// `capture_pattern: pattern_capture_target`
    fn capture_pattern(&mut self) -> Option<Pattern> {
        let start = self.start()?;
        let t = self.pattern_capture_target()?;
        Some(pat(
            self.extra(start),
            PatternKind::MatchAs {
                pattern: None,
                name: Some(name_id(t)),
            },
        ))
    }

    /// `pattern_capture_target: !"_" NAME !('.' | '(' | '=')`
    pub(crate) fn pattern_capture_target(&mut self) -> Option<Expr> {
        if self.at_soft_keyword("_") {
            return None;
        }
        self.alt(|p| {
            let n = p.name()?;
            if matches!(p.peek(), T::Dot | T::Lpar | T::Equal) {
                return None;
            }
            Some(set_expr_context(n, ExprContext::Store))
        })
    }

    /// `wildcard_pattern: "_"`
    fn wildcard_pattern(&mut self) -> Option<Pattern> {
        let start = self.start()?;
        self.expect_soft_keyword("_")?;
        Some(pat(
            self.extra(start),
            PatternKind::MatchAs {
                pattern: None,
                name: None,
            },
        ))
    }

    /// `value_pattern: attr !('.' | '(' | '=')`
    fn value_pattern(&mut self) -> Option<Pattern> {
        let start = self.start()?;
        let a = self.attr()?;
        if matches!(self.peek(), T::Dot | T::Lpar | T::Equal) {
            return None;
        }
        Some(pat(
            self.extra(start),
            PatternKind::MatchValue { value: Box::new(a) },
        ))
    }

    /// `attr: name_or_attr '.' NAME` (at least one dot)
    fn attr(&mut self) -> Option<Expr> {
        self.alt(|p| {
            let a = p.name_or_attr()?;
            if matches!(a.kind, ExprKind::Attribute { .. }) {
                Some(a)
            } else {
                None
            }
        })
    }

    /// `name_or_attr: attr | NAME` (`NAME ('.' NAME)*`)
    pub(crate) fn name_or_attr(&mut self) -> Option<Expr> {
        let start = self.start()?;
        let mut a = self.name()?;
        let mut chain = 0u32;
        loop {
            let m = self.mark;
            chain += 1;
            if !self.chain_step(chain) {
                return None;
            }
            if self.eat(T::Dot).is_none() {
                break;
            }
            match self.name() {
                Some(n) => {
                    a = mk(
                        self.extra(start),
                        ExprKind::Attribute {
                            value: Box::new(a),
                            attr: name_id(n),
                            ctx: ExprContext::Load,
                        },
                    );
                }
                None => {
                    self.mark = m;
                    break;
                }
            }
        }
        Some(a)
    }

    /// `group_pattern: '(' pattern ')'`
    fn group_pattern(&mut self) -> Option<Pattern> {
        self.eat(T::Lpar)?;
        let a = self.pattern()?;
        self.eat(T::Rpar)?;
        Some(a)
    }

    /// `sequence_pattern: '[' maybe_sequence_pattern? ']' | '(' open_sequence_pattern? ')'`
    fn sequence_pattern(&mut self) -> Option<Pattern> {
        let start = self.start()?;
        let (close, open_seq) = match self.peek() {
            T::Lsqb => (T::Rsqb, false),
            T::Lpar => (T::Rpar, true),
            _ => return None,
        };
        self.mark += 1;
        let v = if open_seq {
            self.alt(|p| p.open_sequence_pattern())
        } else {
            self.alt(|p| p.maybe_sequence_pattern())
        };
        if self.error.is_some() {
            return None;
        }
        self.eat(close)?;
        Some(pat(
            self.extra(start),
            PatternKind::MatchSequence {
                patterns: v.unwrap_or_default(),
            },
        ))
    }

    /// `open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern?`
    fn open_sequence_pattern(&mut self) -> Option<Vec<Pattern>> {
        let a = self.maybe_star_pattern()?;
        self.eat(T::Comma)?;
        let mut v = vec![a];
        if let Some(rest) = self.alt(|p| p.maybe_sequence_pattern()) {
            v.extend(rest);
        }
        if self.error.is_some() {
            return None;
        }
        Some(v)
    }

    /// `maybe_sequence_pattern: ','.maybe_star_pattern+ ','?`
    fn maybe_sequence_pattern(&mut self) -> Option<Vec<Pattern>> {
        let v = self.gather(|p| p.maybe_star_pattern())?;
        self.eat(T::Comma);
        Some(v)
    }

    /// `maybe_star_pattern: star_pattern | pattern`
    fn maybe_star_pattern(&mut self) -> Option<Pattern> {
        if let Some(s) = self.star_pattern() {
            return Some(s);
        }
        if self.error.is_some() {
            return None;
        }
        self.pattern()
    }

    /// `star_pattern (memo): '*' pattern_capture_target | '*' wildcard_pattern`
    fn star_pattern(&mut self) -> Option<Pattern> {
        let start = self.start()?;
        if !self.at(T::Star) {
            return None;
        }
        self.memo_pattern(MemoRule::StarPattern, |p| {
            p.mark += 1;
            if let Some(t) = p.pattern_capture_target() {
                return Some(pat(
                    p.extra(start),
                    PatternKind::MatchStar {
                        name: Some(name_id(t)),
                    },
                ));
            }
            p.expect_soft_keyword("_")?;
            Some(pat(p.extra(start), PatternKind::MatchStar { name: None }))
        })
    }

    /// `mapping_pattern`
    fn mapping_pattern(&mut self) -> Option<Pattern> {
        let start = self.start()?;
        self.eat(T::Lbrace)?;
        let after_brace = self.mark;
        if self.eat(T::Rbrace).is_some() {
            return Some(pat(
                self.extra(start),
                PatternKind::MatchMapping {
                    keys: Vec::new(),
                    patterns: Vec::new(),
                    rest: None,
                },
            ));
        }
        // '{' double_star_pattern ','? '}'
        if let Some(rest) = self.alt(|p| {
            let r = p.double_star_pattern()?;
            p.eat(T::Comma);
            p.eat(T::Rbrace)?;
            Some(r)
        }) {
            return Some(pat(
                self.extra(start),
                PatternKind::MatchMapping {
                    keys: Vec::new(),
                    patterns: Vec::new(),
                    rest: Some(rest),
                },
            ));
        }
        if self.error.is_some() {
            return None;
        }
        self.mark = after_brace;
        let items = self.gather(|p| p.key_value_pattern())?;
        let m = self.mark;
        // items_pattern ',' double_star_pattern ','? '}'
        let rest = self.alt(|p| {
            p.eat(T::Comma)?;
            let r = p.double_star_pattern()?;
            p.eat(T::Comma);
            p.eat(T::Rbrace)?;
            Some(r)
        });
        if self.error.is_some() {
            return None;
        }
        if rest.is_none() {
            self.mark = m;
            self.eat(T::Comma);
            self.eat(T::Rbrace)?;
        }
        let (keys, patterns) = items.into_iter().unzip();
        Some(pat(
            self.extra(start),
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            },
        ))
    }

    /// `key_value_pattern: (literal_expr | attr) ':' pattern`
    fn key_value_pattern(&mut self) -> Option<(Expr, Pattern)> {
        self.alt(|p| {
            let k = match p.alt(|p| p.literal_expr()) {
                Some(k) => k,
                None => {
                    if p.error.is_some() {
                        return None;
                    }
                    p.attr()?
                }
            };
            p.eat(T::Colon)?;
            let v = p.pattern()?;
            Some((k, v))
        })
    }

    /// `double_star_pattern: '**' pattern_capture_target`
    fn double_star_pattern(&mut self) -> Option<Identifier> {
        self.eat(T::DoubleStar)?;
        self.pattern_capture_target().map(name_id)
    }

    /// `class_pattern`
    fn class_pattern(&mut self) -> Option<Pattern> {
        let start = self.start()?;
        if let Some(r) = self.alt(|p| {
            let cls = p.name_or_attr()?;
            p.eat(T::Lpar)?;
            if p.eat(T::Rpar).is_some() {
                return Some(pat(
                    p.extra(start),
                    PatternKind::MatchClass {
                        cls: Box::new(cls),
                        patterns: Vec::new(),
                        kwd_attrs: Vec::new(),
                        kwd_patterns: Vec::new(),
                    },
                ));
            }
            let after = p.mark;
            // positional_patterns ','? ')'
            if let Some(pos) = p.alt(|p| {
                let v = p.gather(|p| p.pattern())?;
                p.eat(T::Comma);
                p.eat(T::Rpar)?;
                Some(v)
            }) {
                return Some(pat(
                    p.extra(start),
                    PatternKind::MatchClass {
                        cls: Box::new(cls),
                        patterns: pos,
                        kwd_attrs: Vec::new(),
                        kwd_patterns: Vec::new(),
                    },
                ));
            }
            if p.error.is_some() {
                return None;
            }
            // keyword_patterns ','? ')'
            if let Some(kw) = p.alt(|p| {
                let v = p.gather(|p| p.keyword_pattern())?;
                p.eat(T::Comma);
                p.eat(T::Rpar)?;
                Some(v)
            }) {
                let (kwd_attrs, kwd_patterns) = kw.into_iter().unzip();
                return Some(pat(
                    p.extra(start),
                    PatternKind::MatchClass {
                        cls: Box::new(cls),
                        patterns: Vec::new(),
                        kwd_attrs,
                        kwd_patterns,
                    },
                ));
            }
            if p.error.is_some() {
                return None;
            }
            p.mark = after;
            // positional_patterns ',' keyword_patterns ','? ')'
            let pos = p.gather(|p| p.pattern())?;
            p.eat(T::Comma)?;
            let kw = p.gather(|p| p.keyword_pattern())?;
            p.eat(T::Comma);
            p.eat(T::Rpar)?;
            let (kwd_attrs, kwd_patterns) = kw.into_iter().unzip();
            Some(pat(
                p.extra(start),
                PatternKind::MatchClass {
                    cls: Box::new(cls),
                    patterns: pos,
                    kwd_attrs,
                    kwd_patterns,
                },
            ))
        }) {
            return Some(r);
        }
        if self.call_invalid_rules && self.error.is_none() {
            self.alt(|p| p.invalid_class_pattern());
        }
        None
    }

    /// `keyword_pattern: NAME '=' pattern`
    pub(crate) fn keyword_pattern(&mut self) -> Option<(Identifier, Pattern)> {
        self.alt(|p| {
            let a = p.name()?;
            p.eat(T::Equal)?;
            let v = p.pattern()?;
            Some((name_id(a), v))
        })
    }
}
