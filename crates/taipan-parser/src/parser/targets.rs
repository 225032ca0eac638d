//! Assignment and `del` targets, after the "TARGETS" rules of CPython 3.11's
//! `Grammar/python.gram` (`star_targets`, `single_target`, `t_primary`, `del_targets`).
//! `t_primary` is left-recursive in the grammar and a loop here; every step must be followed
//! by `t_lookahead` (`(`, `[` or `.`), so the last attribute or subscript is left for the
//! target rule itself.

use super::expr::{mk, name_id, split_call};
use super::helpers::set_expr_context;
use super::memo::MemoRule;
use super::Parser;
use crate::ast::{Expr, ExprContext, ExprKind};
use crate::token::TokKind as T;

impl Parser<'_> {
    /// `t_lookahead: '(' | '[' | '.'`
    fn t_lookahead(&mut self) -> bool {
        matches!(self.peek(), T::Lpar | T::Lsqb | T::Dot)
    }

    /// `t_primary` (left-recursive, memoized).
    pub(crate) fn t_primary(&mut self) -> Option<Expr> {
        self.memo_expr(MemoRule::TPrimary, |p| {
            let start = p.start()?;
            let mut a = p.atom()?;
            if !p.t_lookahead() {
                return None;
            }
            let mut chain = 0u32;
            loop {
                let m = p.mark;
                chain += 1;
                if !p.chain_step(chain) {
                    return None;
                }
                match p.peek() {
                    T::Dot => {
                        p.mark += 1;
                        if let Some(b) = p.name() {
                            if p.t_lookahead() {
                                let value = Box::new(a);
                                a = mk(
                                    p.extra(start),
                                    ExprKind::Attribute {
                                        value,
                                        attr: name_id(b),
                                        ctx: ExprContext::Load,
                                    },
                                );
                                continue;
                            }
                        }
                    }
                    T::Lsqb => {
                        p.mark += 1;
                        if let Some(b) = p.slices() {
                            if p.eat(T::Rsqb).is_some() && p.t_lookahead() {
                                let (value, slice) = (Box::new(a), Box::new(b));
                                a = mk(
                                    p.extra(start),
                                    ExprKind::Subscript {
                                        value,
                                        slice,
                                        ctx: ExprContext::Load,
                                    },
                                );
                                continue;
                            }
                        }
                    }
                    T::Lpar => {
                        if !p.skip_unless(m, super::SCAN_FOR) {
                            if let Some(g) = p.alt(|p| p.genexp()) {
                                if p.t_lookahead() {
                                    let func = Box::new(a);
                                    a = mk(
                                        p.extra(start),
                                        ExprKind::Call {
                                            func,
                                            args: vec![g],
                                            keywords: Vec::new(),
                                        },
                                    );
                                    continue;
                                }
                            }
                            if p.error.is_some() {
                                return None;
                            }
                            p.mark = m;
                        }
                        p.mark += 1;
                        let b = p.alt(|p| p.arguments());
                        if p.error.is_none() && p.eat(T::Rpar).is_some() && p.t_lookahead() {
                            let (args, keywords) = split_call(b);
                            let func = Box::new(a);
                            a = mk(
                                p.extra(start),
                                ExprKind::Call {
                                    func,
                                    args,
                                    keywords,
                                },
                            );
                            continue;
                        }
                    }
                    _ => {}
                }
                if p.error.is_some() {
                    return None;
                }
                p.mark = m;
                break;
            }
            Some(a)
        })
    }

    /// `t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead` with `ctx`
    /// (the first two alternatives of `single_subscript_attribute_target`,
    /// `target_with_star_atom` and `del_target`).
    fn attr_or_subscript_target(&mut self, ctx: ExprContext) -> Option<Expr> {
        let start = self.start()?;
        let a = self.t_primary()?;
        match self.peek() {
            T::Dot => {
                self.mark += 1;
                if let Some(b) = self.name() {
                    if !self.t_lookahead() {
                        let value = Box::new(a);
                        return Some(mk(
                            self.extra(start),
                            ExprKind::Attribute {
                                value,
                                attr: name_id(b),
                                ctx,
                            },
                        ));
                    }
                }
            }
            T::Lsqb => {
                self.mark += 1;
                if let Some(b) = self.slices() {
                    if self.eat(T::Rsqb).is_some() && !self.t_lookahead() {
                        let (value, slice) = (Box::new(a), Box::new(b));
                        return Some(mk(
                            self.extra(start),
                            ExprKind::Subscript { value, slice, ctx },
                        ));
                    }
                }
            }
            _ => {}
        }
        self.mark = start;
        None
    }

    /// `single_subscript_attribute_target`
    pub(crate) fn single_subscript_attribute_target(&mut self) -> Option<Expr> {
        self.attr_or_subscript_target(ExprContext::Store)
    }

    /// `single_target: single_subscript_attribute_target | NAME | '(' single_target ')'`
    pub(crate) fn single_target(&mut self) -> Option<Expr> {
        if let Some(e) = self.single_subscript_attribute_target() {
            return Some(e);
        }
        if self.error.is_some() {
            return None;
        }
        if let Some(n) = self.name() {
            return Some(set_expr_context(n, ExprContext::Store));
        }
        self.nested(|p| {
            p.alt(|p| {
                p.eat(T::Lpar)?;
                let a = p.single_target()?;
                p.eat(T::Rpar)?;
                Some(a)
            })
        })
    }

    /// `star_targets: star_target !',' | star_target (',' star_target)* [',']`
    pub(crate) fn star_targets(&mut self) -> Option<Expr> {
        let start = self.start()?;
        let a = self.star_target()?;
        if !self.at(T::Comma) {
            return Some(a);
        }
        let mut elts = vec![a];
        while self.at(T::Comma) {
            let m = self.mark;
            self.mark += 1;
            match self.star_target() {
                Some(e) => elts.push(e),
                None => {
                    self.mark = m;
                    break;
                }
            }
        }
        self.eat(T::Comma);
        Some(mk(
            self.extra(start),
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Store,
            },
        ))
    }

    /// `star_targets_list_seq: ','.star_target+ [',']`
    fn star_targets_list_seq(&mut self) -> Option<Vec<Expr>> {
        let v = self.gather(|p| p.star_target())?;
        self.eat(T::Comma);
        Some(v)
    }

    /// `star_targets_tuple_seq: star_target (',' star_target)+ [','] | star_target ','`
    fn star_targets_tuple_seq(&mut self) -> Option<Vec<Expr>> {
        self.alt(|p| {
            let a = p.star_target()?;
            p.eat(T::Comma)?;
            let mut v = vec![a];
            loop {
                let m = p.mark;
                match p.star_target() {
                    Some(e) => v.push(e),
                    None => {
                        p.mark = m;
                        break;
                    }
                }
                if p.eat(T::Comma).is_none() {
                    break;
                }
            }
            Some(v)
        })
    }

    /// `star_target (memo): '*' (!'*' star_target) | target_with_star_atom`
    pub(crate) fn star_target(&mut self) -> Option<Expr> {
        self.nested(|p| {
            p.memo_expr(MemoRule::StarTarget, |p| {
                let start = p.start()?;
                if p.at(T::Star) {
                    return p.alt(|p| {
                        p.mark += 1;
                        if p.at(T::Star) {
                            return None;
                        }
                        let a = p.star_target()?;
                        Some(mk(
                            p.extra(start),
                            ExprKind::Starred {
                                value: Box::new(set_expr_context(a, ExprContext::Store)),
                                ctx: ExprContext::Store,
                            },
                        ))
                    });
                }
                p.target_with_star_atom()
            })
        })
    }

    /// `target_with_star_atom (memo)`
    pub(crate) fn target_with_star_atom(&mut self) -> Option<Expr> {
        self.memo_expr(MemoRule::TargetWithStarAtom, |p| {
            if let Some(e) = p.attr_or_subscript_target(ExprContext::Store) {
                return Some(e);
            }
            if p.error.is_some() {
                return None;
            }
            p.star_atom()
        })
    }

    /// `star_atom`
    fn star_atom(&mut self) -> Option<Expr> {
        let start = self.start()?;
        match self.peek() {
            T::Name => self.name().map(|n| set_expr_context(n, ExprContext::Store)),
            T::Lpar => {
                if let Some(e) = self.alt(|p| {
                    p.mark += 1;
                    let a = p.target_with_star_atom()?;
                    p.eat(T::Rpar)?;
                    Some(set_expr_context(a, ExprContext::Store))
                }) {
                    return Some(e);
                }
                self.alt(|p| {
                    p.mark += 1;
                    let a = p.alt(|p| p.star_targets_tuple_seq()).unwrap_or_default();
                    p.eat(T::Rpar)?;
                    Some(mk(
                        p.extra(start),
                        ExprKind::Tuple {
                            elts: a,
                            ctx: ExprContext::Store,
                        },
                    ))
                })
            }
            T::Lsqb => self.alt(|p| {
                p.mark += 1;
                let a = p.alt(|p| p.star_targets_list_seq()).unwrap_or_default();
                p.eat(T::Rsqb)?;
                Some(mk(
                    p.extra(start),
                    ExprKind::List {
                        elts: a,
                        ctx: ExprContext::Store,
                    },
                ))
            }),
            _ => None,
        }
    }

    /// `del_targets: ','.del_target+ [',']`
    pub(crate) fn del_targets(&mut self) -> Option<Vec<Expr>> {
        let v = self.gather(|p| p.del_target())?;
        self.eat(T::Comma);
        Some(v)
    }

    /// `del_target (memo)`
    fn del_target(&mut self) -> Option<Expr> {
        self.nested(|p| {
            p.memo_expr(MemoRule::DelTarget, |p| {
                if let Some(e) = p.attr_or_subscript_target(ExprContext::Del) {
                    return Some(e);
                }
                if p.error.is_some() {
                    return None;
                }
                p.del_t_atom()
            })
        })
    }

    /// `del_t_atom`
    fn del_t_atom(&mut self) -> Option<Expr> {
        let start = self.start()?;
        match self.peek() {
            T::Name => self.name().map(|n| set_expr_context(n, ExprContext::Del)),
            T::Lpar => {
                if let Some(e) = self.alt(|p| {
                    p.mark += 1;
                    let a = p.del_target()?;
                    p.eat(T::Rpar)?;
                    Some(set_expr_context(a, ExprContext::Del))
                }) {
                    return Some(e);
                }
                self.alt(|p| {
                    p.mark += 1;
                    let a = p.alt(|p| p.del_targets()).unwrap_or_default();
                    p.eat(T::Rpar)?;
                    Some(mk(
                        p.extra(start),
                        ExprKind::Tuple {
                            elts: a,
                            ctx: ExprContext::Del,
                        },
                    ))
                })
            }
            T::Lsqb => self.alt(|p| {
                p.mark += 1;
                let a = p.alt(|p| p.del_targets()).unwrap_or_default();
                p.eat(T::Rsqb)?;
                Some(mk(
                    p.extra(start),
                    ExprKind::List {
                        elts: a,
                        ctx: ExprContext::Del,
                    },
                ))
            }),
            _ => None,
        }
    }
}
