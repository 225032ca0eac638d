//! Parameter lists (`def` and `lambda`) and call arguments, after the "Function definitions",
//! "Lambda functions" and "arguments" rules of CPython 3.11's `Grammar/python.gram` and
//! `_PyPegen_make_arguments`, `_PyPegen_collect_call_seqs` of `Parser/action_helpers.c`.
//!
//! `def` and `lambda` parameters share one implementation: `lambda` parameters have no
//! annotations and end at `:` instead of `)`.

use super::expr::mk;
use super::helpers::{make_arguments, NameDefaultPair, SlashWithDefault, StarEtc};
use super::memo::MemoRule;
use super::Parser;
use crate::ast::{Arg, Arguments, Expr, ExprKind, Identifier, Keyword};
use crate::token::TokKind as T;

/// An element of `kwargs`: a keyword argument or a starred expression (`KeywordOrStarred`).
pub(crate) enum KeywordOrStarred {
    Keyword(Keyword),
    Starred(Expr),
}

impl Parser<'_> {
    /// The token that ends a parameter list: `)` for `def`, `:` for `lambda`.
    fn params_end(lambda: bool) -> T {
        if lambda {
            T::Colon
        } else {
            T::Rpar
        }
    }

    /// `param` / `lambda_param`: `NAME annotation?` (no annotation for lambda).
    fn param(&mut self, lambda: bool) -> Option<Arg> {
        let start = self.start()?;
        let n = self.name()?;
        let annotation = if !lambda && self.at(T::Colon) {
            self.alt(|p| {
                p.mark += 1;
                p.expression()
            })
        } else {
            None
        };
        Some(Arg {
            loc: self.extra(start),
            arg: super::expr::name_id(n),
            annotation: annotation.map(Box::new),
            type_comment: None,
        })
    }

    /// `param_star_annotation: NAME star_annotation` (`star_annotation: ':' star_expression`)
    fn param_star_annotation(&mut self) -> Option<Arg> {
        let start = self.start()?;
        self.alt(|p| {
            let n = p.name()?;
            p.eat(T::Colon)?;
            let a = p.star_expression()?;
            Some(Arg {
                loc: p.extra(start),
                arg: super::expr::name_id(n),
                annotation: Some(Box::new(a)),
                type_comment: None,
            })
        })
    }

    /// `param_no_default: param ',' | param &')'`
    pub(crate) fn param_no_default(&mut self, lambda: bool) -> Option<Arg> {
        self.alt(|p| {
            let a = p.param(lambda)?;
            if p.eat(T::Comma).is_some() || p.at(Self::params_end(lambda)) {
                Some(a)
            } else {
                None
            }
        })
    }

    /// `param_no_default_star_annotation`
    fn param_no_default_star_annotation(&mut self) -> Option<Arg> {
        self.alt(|p| {
            let a = p.param_star_annotation()?;
            if p.eat(T::Comma).is_some() || p.at(T::Rpar) {
                Some(a)
            } else {
                None
            }
        })
    }

    /// `default: '=' expression | invalid_default`
    pub(crate) fn default(&mut self) -> Option<Expr> {
        if let Some(e) = self.alt(|p| {
            p.eat(T::Equal)?;
            p.expression()
        }) {
            return Some(e);
        }
        if self.call_invalid_rules && self.error.is_none() {
            self.alt(|p| p.invalid_default());
        }
        None
    }

    /// `param_with_default: param default ',' | param default &')'`
    pub(crate) fn param_with_default(&mut self, lambda: bool) -> Option<NameDefaultPair> {
        self.alt(|p| {
            let a = p.param(lambda)?;
            let c = p.default()?;
            if p.eat(T::Comma).is_some() || p.at(Self::params_end(lambda)) {
                Some(NameDefaultPair {
                    arg: a,
                    value: Some(c),
                })
            } else {
                None
            }
        })
    }

    /// `param_maybe_default: param default? ',' | param default? &')'`
    pub(crate) fn param_maybe_default(&mut self, lambda: bool) -> Option<NameDefaultPair> {
        self.alt(|p| {
            let a = p.param(lambda)?;
            let c = p.alt(|p| p.default());
            if p.error.is_some() {
                return None;
            }
            if p.eat(T::Comma).is_some() || p.at(Self::params_end(lambda)) {
                Some(NameDefaultPair { arg: a, value: c })
            } else {
                None
            }
        })
    }

    /// `slash_no_default: param_no_default+ '/' ',' | param_no_default+ '/' &')'`
    pub(crate) fn slash_no_default(&mut self, lambda: bool) -> Option<Vec<Arg>> {
        self.alt(|p| {
            let a = p.repeat1(|p| p.param_no_default(lambda))?;
            p.eat(T::Slash)?;
            if p.eat(T::Comma).is_some() || p.at(Self::params_end(lambda)) {
                Some(a)
            } else {
                None
            }
        })
    }

    /// `slash_with_default: param_no_default* param_with_default+ '/' (',' | &')')`
    pub(crate) fn slash_with_default(&mut self, lambda: bool) -> Option<SlashWithDefault> {
        self.alt(|p| {
            let a = p.repeat0(|p| p.param_no_default(lambda));
            let b = p.repeat1(|p| p.param_with_default(lambda))?;
            p.eat(T::Slash)?;
            if p.eat(T::Comma).is_some() || p.at(Self::params_end(lambda)) {
                Some(SlashWithDefault {
                    plain_names: a,
                    names_with_defaults: b,
                })
            } else {
                None
            }
        })
    }

    /// `kwds: invalid_kwds | '**' param_no_default`
    fn kwds(&mut self, lambda: bool) -> Option<Arg> {
        if self.call_invalid_rules {
            self.alt(|p| p.invalid_kwds(lambda));
            if self.error.is_some() {
                return None;
            }
        }
        self.alt(|p| {
            p.eat(T::DoubleStar)?;
            p.param_no_default(lambda)
        })
    }

    /// `star_etc` / `lambda_star_etc`
    fn star_etc(&mut self, lambda: bool) -> Option<StarEtc> {
        if self.call_invalid_rules {
            self.alt(|p| p.invalid_star_etc(lambda));
            if self.error.is_some() {
                return None;
            }
        }
        if self.at(T::Star) {
            if let Some(s) = self.alt(|p| {
                p.mark += 1;
                let a = p.param_no_default(lambda)?;
                let b = p.repeat0(|p| p.param_maybe_default(lambda));
                let c = p.alt(|p| p.kwds(lambda));
                Some(StarEtc {
                    vararg: Some(a),
                    kwonlyargs: b,
                    kwarg: c,
                })
            }) {
                return Some(s);
            }
            if !lambda {
                if let Some(s) = self.alt(|p| {
                    p.mark += 1;
                    let a = p.param_no_default_star_annotation()?;
                    let b = p.repeat0(|p| p.param_maybe_default(lambda));
                    let c = p.alt(|p| p.kwds(lambda));
                    Some(StarEtc {
                        vararg: Some(a),
                        kwonlyargs: b,
                        kwarg: c,
                    })
                }) {
                    return Some(s);
                }
            }
            if let Some(s) = self.alt(|p| {
                p.mark += 1;
                p.eat(T::Comma)?;
                let b = p.repeat1(|p| p.param_maybe_default(lambda))?;
                let c = p.alt(|p| p.kwds(lambda));
                Some(StarEtc {
                    vararg: None,
                    kwonlyargs: b,
                    kwarg: c,
                })
            }) {
                return Some(s);
            }
        }
        if self.error.is_some() {
            return None;
        }
        let a = self.kwds(lambda)?;
        Some(StarEtc {
            vararg: None,
            kwonlyargs: Vec::new(),
            kwarg: Some(a),
        })
    }

    /// `params: invalid_parameters | parameters` (and the lambda variants).
    pub(crate) fn params(&mut self, lambda: bool) -> Option<Arguments> {
        if self.call_invalid_rules {
            self.alt(|p| p.invalid_parameters(lambda));
            if self.error.is_some() {
                return None;
            }
        }
        self.parameters(lambda)
    }

    /// `parameters` / `lambda_parameters`
    fn parameters(&mut self, lambda: bool) -> Option<Arguments> {
        if let Some(a) = self.alt(|p| {
            let a = p.slash_no_default(lambda)?;
            let b = p.repeat0(|p| p.param_no_default(lambda));
            let c = p.repeat0(|p| p.param_with_default(lambda));
            let d = p.alt(|p| p.star_etc(lambda));
            Some(make_arguments(Some(a), None, Some(b), Some(c), d))
        }) {
            return Some(a);
        }
        if let Some(a) = self.alt(|p| {
            let a = p.slash_with_default(lambda)?;
            let b = p.repeat0(|p| p.param_with_default(lambda));
            let c = p.alt(|p| p.star_etc(lambda));
            Some(make_arguments(None, Some(a), None, Some(b), c))
        }) {
            return Some(a);
        }
        if let Some(a) = self.alt(|p| {
            let a = p.repeat1(|p| p.param_no_default(lambda))?;
            let b = p.repeat0(|p| p.param_with_default(lambda));
            let c = p.alt(|p| p.star_etc(lambda));
            Some(make_arguments(None, None, Some(a), Some(b), c))
        }) {
            return Some(a);
        }
        if let Some(a) = self.alt(|p| {
            let a = p.repeat1(|p| p.param_with_default(lambda))?;
            let b = p.alt(|p| p.star_etc(lambda));
            Some(make_arguments(None, None, None, Some(a), b))
        }) {
            return Some(a);
        }
        if self.error.is_some() {
            return None;
        }
        let a = self.alt(|p| p.star_etc(lambda))?;
        Some(make_arguments(None, None, None, None, Some(a)))
    }

    /// `lambdef: 'lambda' [lambda_params] ':' expression`
    pub(crate) fn lambdef(&mut self) -> Option<Expr> {
        let start = self.start()?;
        self.nested(|p| {
            p.alt(|p| {
                p.eat(T::Lambda)?;
                let a = p.alt(|p| p.params(true));
                if p.error.is_some() {
                    return None;
                }
                p.eat(T::Colon)?;
                let b = p.expression()?;
                Some(mk(
                    p.extra(start),
                    ExprKind::Lambda {
                        args: Box::new(a.unwrap_or_default()),
                        body: Box::new(b),
                    },
                ))
            })
        })
    }

    // ----- call arguments -----

    /// `arguments (memo): args [','] &')' | invalid_arguments` (a dummy `Call` holding the
    /// args and keywords).
    pub(crate) fn arguments(&mut self) -> Option<Expr> {
        self.memo_expr(MemoRule::Arguments, |p| {
            if let Some(a) = p.alt(|p| {
                let a = p.args()?;
                p.eat(T::Comma);
                if !p.at(T::Rpar) {
                    return None;
                }
                Some(a)
            }) {
                return Some(a);
            }
            if p.call_invalid_rules && p.error.is_none() {
                p.alt(|p| p.invalid_arguments());
            }
            None
        })
    }

    /// One positional element of `args`:
    /// `starred_expression | (assignment_expression | expression !':=') !'='`
    fn positional_arg(&mut self) -> Option<Expr> {
        if let Some(e) = self.starred_expression() {
            return Some(e);
        }
        if self.error.is_some() {
            return None;
        }
        self.alt(|p| {
            let e = match p.assignment_expression() {
                Some(e) => e,
                None => {
                    if p.error.is_some() {
                        return None;
                    }
                    let e = p.expression()?;
                    if p.at(T::ColonEqual) {
                        return None;
                    }
                    e
                }
            };
            if p.at(T::Equal) {
                return None;
            }
            Some(e)
        })
    }

    /// `args: ','.(positional)+ [',' kwargs] | kwargs`: a dummy `Call`
    /// (`_PyPegen_collect_call_seqs`).
    pub(crate) fn args(&mut self) -> Option<Expr> {
        let start = self.start()?;
        if let Some(e) = self.alt(|p| {
            let mut a = p.gather(|p| p.positional_arg())?;
            let b = p.alt(|p| {
                p.eat(T::Comma)?;
                p.kwargs()
            });
            let mut keywords = Vec::new();
            if let Some(b) = b {
                for x in b {
                    match x {
                        KeywordOrStarred::Starred(s) => a.push(s),
                        KeywordOrStarred::Keyword(k) => keywords.push(k),
                    }
                }
            }
            Some(mk(
                p.extra(start),
                ExprKind::Call {
                    func: Box::new(dummy_name()),
                    args: a,
                    keywords,
                },
            ))
        }) {
            return Some(e);
        }
        if self.error.is_some() {
            return None;
        }
        let b = self.kwargs()?;
        let mut args = Vec::new();
        let mut keywords = Vec::new();
        for x in b {
            match x {
                KeywordOrStarred::Starred(s) => args.push(s),
                KeywordOrStarred::Keyword(k) => keywords.push(k),
            }
        }
        Some(mk(
            self.extra(start),
            ExprKind::Call {
                func: Box::new(dummy_name()),
                args,
                keywords,
            },
        ))
    }

    /// `kwargs: ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
    ///        | ','.kwarg_or_starred+ | ','.kwarg_or_double_starred+`
    pub(crate) fn kwargs(&mut self) -> Option<Vec<KeywordOrStarred>> {
        // The first two alternatives share their `','.kwarg_or_starred+`: parsed once.
        if let Some(mut a) = self.alt(|p| p.gather(|p| p.kwarg_or_starred())) {
            if let Some(b) = self.alt(|p| {
                p.eat(T::Comma)?;
                p.gather(|p| p.kwarg_or_double_starred())
            }) {
                a.extend(b);
            }
            if self.error.is_some() {
                return None;
            }
            return Some(a);
        }
        if self.error.is_some() {
            return None;
        }
        self.alt(|p| p.gather(|p| p.kwarg_or_double_starred()))
    }

    /// `NAME '=' expression` as a keyword.
    fn kwarg_named(&mut self) -> Option<KeywordOrStarred> {
        let start = self.start()?;
        if self.peek() != T::Name || self.kind_at(self.mark + 1) != T::Equal {
            return None;
        }
        self.alt(|p| {
            let a = p.name()?;
            p.eat(T::Equal)?;
            let b = p.expression()?;
            Some(KeywordOrStarred::Keyword(Keyword {
                loc: p.extra(start),
                arg: Some(super::expr::name_id(a)),
                value: b,
            }))
        })
    }

    /// `kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression`
    fn kwarg_or_starred(&mut self) -> Option<KeywordOrStarred> {
        if self.call_invalid_rules {
            self.alt(|p| p.invalid_kwarg());
            if self.error.is_some() {
                return None;
            }
        }
        if let Some(k) = self.kwarg_named() {
            return Some(k);
        }
        if self.error.is_some() {
            return None;
        }
        self.starred_expression().map(KeywordOrStarred::Starred)
    }

    /// `kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression`
    fn kwarg_or_double_starred(&mut self) -> Option<KeywordOrStarred> {
        if self.call_invalid_rules {
            self.alt(|p| p.invalid_kwarg());
            if self.error.is_some() {
                return None;
            }
        }
        if let Some(k) = self.kwarg_named() {
            return Some(k);
        }
        if self.error.is_some() {
            return None;
        }
        let start = self.start()?;
        self.alt(|p| {
            p.eat(T::DoubleStar)?;
            let a = p.expression()?;
            Some(KeywordOrStarred::Keyword(Keyword {
                loc: p.extra(start),
                arg: None,
                value: a,
            }))
        })
    }
}

/// `_PyPegen_dummy_name`: the placeholder `func` of the `Call` that `args` returns.
fn dummy_name() -> Expr {
    mk(
        crate::ast::Loc::default(),
        ExprKind::Name {
            id: Identifier::default(),
            ctx: crate::ast::ExprContext::Load,
        },
    )
}
