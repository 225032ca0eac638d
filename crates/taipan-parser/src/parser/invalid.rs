//! The `invalid_*` rules of CPython 3.11's `Grammar/python.gram`, tried only in the second
//! pass (`p->call_invalid_rules`) to raise specific syntax errors.
//!
//! Each rule returns `None`: it either raises (sets `error`) or does not match. As in the
//! generated `Parser/parser.c`, once an alternative's pattern matched, its action runs and the
//! rule ends even when the action raises nothing (e.g. `invalid_expression` on `print x`).

use super::helpers::{
    check_legacy_stmt, get_expr_name, get_invalid_target, last_comprehension_item, TargetsType,
};
use super::Parser;
use crate::ast::{Expr, ExprKind, Loc};
use crate::error::SyntaxErrorKind;
use crate::token::TokKind as T;

impl Parser<'_> {
    /// Runs an alternative's pattern; if it matched, runs the action and reports `true`.
    fn matched<T>(
        &mut self,
        pattern: impl FnOnce(&mut Self) -> Option<T>,
        action: impl FnOnce(&mut Self, T),
    ) -> bool {
        if self.error.is_some() {
            return true;
        }
        match self.alt(pattern) {
            Some(x) => {
                action(self, x);
                true
            }
            None => self.error.is_some(),
        }
    }

    /// `RAISE_SYNTAX_ERROR_INVALID_TARGET`
    fn raise_invalid_target(&mut self, tt: TargetsType, e: &Expr) {
        if let Some(t) = get_invalid_target(e, tt) {
            let loc = t.loc;
            let msg = match tt {
                TargetsType::Star | TargetsType::For => {
                    format!("cannot assign to {}", get_expr_name(t))
                }
                TargetsType::Del => format!("cannot delete {}", get_expr_name(t)),
            };
            self.raise_at(loc, &msg);
        }
    }

    fn tokloc(&self, i: usize) -> Loc {
        self.tok_loc(i)
    }

    /// The alternative `a=NAME b='=' expression for_if_clauses` that `invalid_arguments` and
    /// `invalid_kwarg` both have in `python.gram`: `f(x=y for y in z)`. True when it matched
    /// and raised.
    fn keyword_with_comprehension(&mut self) -> bool {
        self.matched(
            |p| {
                let a = p.name()?;
                let b = p.expect(T::Equal)?;
                p.expression()?;
                p.for_if_clauses()?;
                Some((a.loc, p.tokloc(b)))
            },
            |p, (a, b)| {
                p.raise_range(
                    a,
                    b,
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                )
            },
        )
    }

    pub(crate) fn invalid_arguments(&mut self) -> Option<()> {
        // a=args ',' '*'
        if self.matched(
            |p| {
                let a = p.args()?;
                p.eat(T::Comma)?;
                p.eat(T::Star)?;
                Some(a.loc)
            },
            |p, a| {
                p.raise_at(
                    a,
                    "iterable argument unpacking follows keyword argument unpacking",
                )
            },
        ) {
            return None;
        }
        // a=expression b=for_if_clauses ',' [args | expression for_if_clauses]
        if self.matched(
            |p| {
                let a = p.expression()?;
                let b = p.for_if_clauses()?;
                p.eat(T::Comma)?;
                if p.alt(|p| p.args()).is_none() {
                    p.alt(|p| {
                        p.expression()?;
                        p.for_if_clauses()
                    });
                }
                let last = last_comprehension_item(b.last()?).loc;
                Some((a.loc, last))
            },
            |p, (a, b)| p.raise_range(a, b, "Generator expression must be parenthesized"),
        ) {
            return None;
        }
        // a=NAME b='=' expression for_if_clauses
        if self.keyword_with_comprehension() {
            return None;
        }
        // a=args b=for_if_clauses
        if self.matched(
            |p| {
                let a = p.args()?;
                let b = p.for_if_clauses()?;
                Some((a, b))
            },
            |p, (a, b)| {
                // _PyPegen_nonparen_genexp_in_call
                if let ExprKind::Call { args, .. } = &a.kind {
                    if args.len() > 1 {
                        if let Some(c) = b.last() {
                            let last = last_comprehension_item(c).loc;
                            p.raise_range(
                                args[args.len() - 1].loc,
                                last,
                                "Generator expression must be parenthesized",
                            );
                        }
                    }
                }
            },
        ) {
            return None;
        }
        // args ',' a=expression b=for_if_clauses
        if self.matched(
            |p| {
                p.args()?;
                p.eat(T::Comma)?;
                let a = p.expression()?;
                let b = p.for_if_clauses()?;
                Some((a.loc, last_comprehension_item(b.last()?).loc))
            },
            |p, (a, b)| p.raise_range(a, b, "Generator expression must be parenthesized"),
        ) {
            return None;
        }
        // a=args ',' args
        self.matched(
            |p| {
                let a = p.args()?;
                p.eat(T::Comma)?;
                p.args()?;
                Some(a)
            },
            |p, a| {
                let unpack = matches!(&a.kind, ExprKind::Call { keywords, .. } if keywords.iter().any(|k| k.arg.is_none()));
                p.raise_syntax_error(if unpack {
                    "positional argument follows keyword argument unpacking"
                } else {
                    "positional argument follows keyword argument"
                });
            },
        );
        None
    }

    pub(crate) fn invalid_kwarg(&mut self) -> Option<()> {
        // a=('True'|'False'|'None') b='='
        if self.matched(
            |p| {
                if !matches!(p.peek(), T::True | T::False | T::None) {
                    return None;
                }
                let a = p.mark;
                p.mark += 1;
                let b = p.expect(T::Equal)?;
                Some((a, b))
            },
            |p, (a, b)| {
                let msg = format!("cannot assign to {}", p.token_text(a));
                p.raise_range(p.tokloc(a), p.tokloc(b), &msg);
            },
        ) {
            return None;
        }
        // a=NAME b='=' expression for_if_clauses
        if self.keyword_with_comprehension() {
            return None;
        }
        // !(NAME '=') a=expression b='='
        self.matched(
            |p| {
                if p.peek() == T::Name && p.kind_at(p.mark + 1) == T::Equal {
                    return None;
                }
                let a = p.expression()?;
                let b = p.expect(T::Equal)?;
                Some((a.loc, p.tokloc(b)))
            },
            |p, (a, b)| {
                p.raise_range(
                    a,
                    b,
                    "expression cannot contain assignment, perhaps you meant \"==\"?",
                )
            },
        );
        None
    }

    pub(crate) fn invalid_legacy_expression(&mut self) -> Option<()> {
        // a=NAME !'(' b=star_expressions
        self.matched(
            |p| {
                let a = p.name()?;
                if p.at(T::Lpar) {
                    return None;
                }
                let b = p.star_expressions()?;
                Some((a, b.loc))
            },
            |p, (a, b)| {
                if check_legacy_stmt(&a) {
                    let id = super::expr::name_id(a.clone());
                    let msg =
                        format!("Missing parentheses in call to '{id}'. Did you mean {id}(...)?");
                    p.raise_range(a.loc, b, &msg);
                }
            },
        );
        None
    }

    pub(crate) fn invalid_expression(&mut self) -> Option<()> {
        // !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
        if self.matched(
            |p| {
                if p.peek() == T::Name {
                    if p.kind_at(p.mark + 1) == T::String {
                        return None;
                    }
                    let t = p.token_text(p.mark);
                    if t == "_" || t == "case" || t == "match" {
                        return None;
                    }
                }
                let a = p.disjunction()?;
                // expression_without_invalid: no invalid_ rules anywhere below it.
                let prev = p.call_invalid_rules;
                p.call_invalid_rules = false;
                let b = p.nested(|p| p.expression_raw(false));
                p.call_invalid_rules = prev;
                let b = b?;
                let lvl = p.level_of(p.mark - 1);
                Some((a, b.loc, lvl))
            },
            |p, (a, b, lvl)| {
                if check_legacy_stmt(&a) || lvl == 0 {
                    return;
                }
                p.raise_range(a.loc, b, "invalid syntax. Perhaps you forgot a comma?");
            },
        ) {
            return None;
        }
        // a=disjunction 'if' b=disjunction !('else'|':')
        self.matched(
            |p| {
                let a = p.disjunction()?;
                p.eat(T::If)?;
                let b = p.disjunction()?;
                if matches!(p.peek(), T::Else | T::Colon) {
                    return None;
                }
                Some((a.loc, b.loc))
            },
            |p, (a, b)| p.raise_range(a, b, "expected 'else' after 'if' expression"),
        );
        None
    }

    pub(crate) fn invalid_named_expression(&mut self) -> Option<()> {
        self.memo_expr(super::memo::MemoRule::InvalidNamedExpression, |p| {
            p.invalid_named_expression_raw();
            None
        });
        None
    }

    fn invalid_named_expression_raw(&mut self) {
        // a=expression ':=' expression
        if self.matched(
            |p| {
                let a = p.expression()?;
                p.eat(T::ColonEqual)?;
                p.expression()?;
                Some(a)
            },
            |p, a| {
                let msg = format!(
                    "cannot use assignment expressions with {}",
                    get_expr_name(&a)
                );
                p.raise_at(a.loc, &msg);
            },
        ) {
            return;
        }
        // a=NAME '=' b=bitwise_or !('='|':=')
        if self.matched(
            |p| {
                let a = p.name()?;
                p.eat(T::Equal)?;
                let b = p.bitwise_or()?;
                if matches!(p.peek(), T::Equal | T::ColonEqual) {
                    return None;
                }
                Some((a.loc, b.loc))
            },
            |p, (a, b)| {
                p.raise_range(
                    a,
                    b,
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                )
            },
        ) {
            return;
        }
        // !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
        self.matched(
            |p| {
                if matches!(p.peek(), T::True | T::None | T::False) {
                    return None;
                }
                if p.at(T::Lsqb) && p.lookahead(|p| p.list()) {
                    return None;
                }
                if p.at(T::Lpar) && (p.lookahead(|p| p.tuple()) || p.lookahead(|p| p.genexp())) {
                    return None;
                }
                let a = p.bitwise_or()?;
                p.eat(T::Equal)?;
                p.bitwise_or()?;
                if matches!(p.peek(), T::Equal | T::ColonEqual) {
                    return None;
                }
                Some(a)
            },
            |p, a| {
                let msg = format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    get_expr_name(&a)
                );
                p.raise_at(a.loc, &msg);
            },
        );
    }

    pub(crate) fn invalid_assignment(&mut self) -> Option<()> {
        // a=invalid_ann_assign_target ':' expression
        if self.matched(
            |p| {
                let a = p.invalid_ann_assign_target()?;
                p.eat(T::Colon)?;
                p.expression()?;
                Some(a)
            },
            |p, a| {
                let msg = format!(
                    "only single target (not {}) can be annotated",
                    get_expr_name(&a)
                );
                p.raise_at(a.loc, &msg);
            },
        ) {
            return None;
        }
        // a=star_named_expression ',' star_named_expressions* ':' expression
        if self.matched(
            |p| {
                let a = p.star_named_expression()?;
                p.eat(T::Comma)?;
                p.repeat0(|p| p.star_named_expressions());
                p.eat(T::Colon)?;
                p.expression()?;
                Some(a.loc)
            },
            |p, a| p.raise_at(a, "only single target (not tuple) can be annotated"),
        ) {
            return None;
        }
        // a=expression ':' expression
        if self.matched(
            |p| {
                let a = p.expression()?;
                p.eat(T::Colon)?;
                p.expression()?;
                Some(a.loc)
            },
            |p, a| p.raise_at(a, "illegal target for annotation"),
        ) {
            return None;
        }
        // (star_targets '=')* a=star_expressions '='
        if self.matched(
            |p| {
                p.repeat0(|p| {
                    p.star_targets()?;
                    p.eat(T::Equal)
                });
                let a = p.star_expressions()?;
                p.eat(T::Equal)?;
                Some(a)
            },
            |p, a| p.raise_invalid_target(TargetsType::Star, &a),
        ) {
            return None;
        }
        // (star_targets '=')* a=yield_expr '='
        if self.matched(
            |p| {
                p.repeat0(|p| {
                    p.star_targets()?;
                    p.eat(T::Equal)
                });
                let a = p.yield_expr()?;
                p.eat(T::Equal)?;
                Some(a.loc)
            },
            |p, a| p.raise_at(a, "assignment to yield expression not possible"),
        ) {
            return None;
        }
        // a=star_expressions augassign (yield_expr | star_expressions)
        self.matched(
            |p| {
                let a = p.star_expressions()?;
                super::stmt::augassign(p.peek())?;
                p.mark += 1;
                p.annotated_rhs()?;
                Some(a)
            },
            |p, a| {
                let msg = format!(
                    "'{}' is an illegal expression for augmented assignment",
                    get_expr_name(&a)
                );
                p.raise_at(a.loc, &msg);
            },
        );
        None
    }

    /// `invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')'`
    fn invalid_ann_assign_target(&mut self) -> Option<Expr> {
        match self.peek() {
            T::Lsqb => self.alt(|p| p.list()),
            T::Lpar => {
                if let Some(t) = self.alt(|p| p.tuple()) {
                    return Some(t);
                }
                self.nested(|p| {
                    p.alt(|p| {
                        p.eat(T::Lpar)?;
                        let a = p.invalid_ann_assign_target()?;
                        p.eat(T::Rpar)?;
                        Some(a)
                    })
                })
            }
            _ => None,
        }
    }

    pub(crate) fn invalid_del_stmt(&mut self) -> Option<()> {
        self.matched(
            |p| {
                p.eat(T::Del)?;
                p.star_expressions()
            },
            |p, a| p.raise_invalid_target(TargetsType::Del, &a),
        );
        None
    }

    pub(crate) fn invalid_block(&mut self) -> Option<()> {
        self.matched(
            |p| {
                p.eat(T::Newline)?;
                if p.at(T::Indent) {
                    return None;
                }
                Some(())
            },
            |p, _| p.raise_indentation_error("expected an indented block"),
        );
        None
    }

    pub(crate) fn invalid_comprehension(&mut self) -> Option<()> {
        // ('[' | '(' | '{') a=starred_expression for_if_clauses
        if self.matched(
            |p| {
                if !matches!(p.peek(), T::Lsqb | T::Lpar | T::Lbrace) {
                    return None;
                }
                p.mark += 1;
                let a = p.starred_expression()?;
                p.for_if_clauses()?;
                Some(a.loc)
            },
            |p, a| p.raise_at(a, "iterable unpacking cannot be used in comprehension"),
        ) {
            return None;
        }
        // ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses
        if self.matched(
            |p| {
                if !matches!(p.peek(), T::Lsqb | T::Lbrace) {
                    return None;
                }
                p.mark += 1;
                let a = p.star_named_expression()?;
                p.eat(T::Comma)?;
                let b = p.star_named_expressions()?;
                p.for_if_clauses()?;
                Some((a.loc, b.last()?.loc))
            },
            |p, (a, b)| {
                p.raise_range(
                    a,
                    b,
                    "did you forget parentheses around the comprehension target?",
                )
            },
        ) {
            return None;
        }
        // ('[' | '{') a=star_named_expression b=',' for_if_clauses
        self.matched(
            |p| {
                if !matches!(p.peek(), T::Lsqb | T::Lbrace) {
                    return None;
                }
                p.mark += 1;
                let a = p.star_named_expression()?;
                let b = p.expect(T::Comma)?;
                p.for_if_clauses()?;
                Some((a.loc, p.tokloc(b)))
            },
            |p, (a, b)| {
                p.raise_range(
                    a,
                    b,
                    "did you forget parentheses around the comprehension target?",
                )
            },
        );
        None
    }

    pub(crate) fn invalid_dict_comprehension(&mut self) -> Option<()> {
        self.matched(
            |p| {
                p.eat(T::Lbrace)?;
                let a = p.expect(T::DoubleStar)?;
                p.bitwise_or()?;
                p.for_if_clauses()?;
                p.eat(T::Rbrace)?;
                Some(a)
            },
            |p, a| p.raise_at_token(a, "dict unpacking cannot be used in dict comprehension"),
        );
        None
    }

    /// `invalid_parameters` / `invalid_lambda_parameters`
    pub(crate) fn invalid_parameters(&mut self, lambda: bool) -> Option<()> {
        // param_no_default* invalid_parameters_helper a=param_no_default
        if self.matched(
            |p| {
                p.repeat0(|p| p.param_no_default(lambda));
                // invalid_parameters_helper: slash_with_default | param_with_default+
                if p.alt(|p| p.slash_with_default(lambda)).is_none() {
                    p.repeat1(|p| p.param_with_default(lambda))?;
                }
                let a = p.param_no_default(lambda)?;
                Some(a.loc)
            },
            |p, a| p.raise_at(a, "non-default argument follows default argument"),
        ) {
            return None;
        }
        // param_no_default* a='(' param_no_default+ ','? b=')'
        if self.matched(
            |p| {
                p.repeat0(|p| p.param_no_default(lambda));
                let a = p.expect(T::Lpar)?;
                if lambda {
                    p.gather(|p| p.name())?;
                } else {
                    p.repeat1(|p| p.param_no_default(false))?;
                }
                p.eat(T::Comma);
                let b = p.expect(T::Rpar)?;
                Some((a, b))
            },
            |p, (a, b)| {
                let msg = if lambda {
                    "Lambda expression parameters cannot be parenthesized"
                } else {
                    "Function parameters cannot be parenthesized"
                };
                p.raise_range(p.tokloc(a), p.tokloc(b), msg)
            },
        ) {
            return None;
        }
        // a="/" ','
        if self.matched(
            |p| {
                let a = p.expect(T::Slash)?;
                p.eat(T::Comma)?;
                Some(a)
            },
            |p, a| p.raise_at_token(a, "at least one argument must precede /"),
        ) {
            return None;
        }
        // (slash_no_default | slash_with_default) param_maybe_default* a='/'
        if self.matched(
            |p| {
                if p.alt(|p| p.slash_no_default(lambda)).is_none() {
                    p.slash_with_default(lambda)?;
                }
                p.repeat0(|p| p.param_maybe_default(lambda));
                p.expect(T::Slash)
            },
            |p, a| p.raise_at_token(a, "/ may appear only once"),
        ) {
            return None;
        }
        // (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default)
        //     param_maybe_default* a='/'
        if self.matched(
            |p| {
                if p.alt(|p| p.slash_no_default(lambda)).is_none() {
                    p.alt(|p| p.slash_with_default(lambda));
                }
                p.repeat0(|p| p.param_maybe_default(lambda));
                p.eat(T::Star)?;
                if p.eat(T::Comma).is_none() {
                    p.param_no_default(lambda)?;
                }
                p.repeat0(|p| p.param_maybe_default(lambda));
                p.expect(T::Slash)
            },
            |p, a| p.raise_at_token(a, "/ must be ahead of *"),
        ) {
            return None;
        }
        // param_maybe_default+ '/' a='*'
        self.matched(
            |p| {
                p.repeat1(|p| p.param_maybe_default(lambda))?;
                p.eat(T::Slash)?;
                p.expect(T::Star)
            },
            |p, a| p.raise_at_token(a, "expected comma between / and *"),
        );
        None
    }

    pub(crate) fn invalid_default(&mut self) -> Option<()> {
        self.matched(
            |p| {
                let a = p.expect(T::Equal)?;
                if !matches!(p.peek(), T::Rpar | T::Comma) {
                    return None;
                }
                Some(a)
            },
            |p, a| p.raise_at_token(a, "expected default value expression"),
        );
        None
    }

    /// `invalid_star_etc` / `invalid_lambda_star_etc`
    pub(crate) fn invalid_star_etc(&mut self, lambda: bool) -> Option<()> {
        let end = if lambda { T::Colon } else { T::Rpar };
        // a='*' (')' | ',' (')' | '**'))
        if self.matched(
            |p| {
                let a = p.expect(T::Star)?;
                if p.eat(end).is_none() {
                    p.eat(T::Comma)?;
                    if p.eat(end).is_none() {
                        p.eat(T::DoubleStar)?;
                    }
                }
                Some(a)
            },
            |p, a| {
                if lambda {
                    p.raise_syntax_error("named arguments must follow bare *")
                } else {
                    p.raise_at_token(a, "named arguments must follow bare *")
                }
            },
        ) {
            return None;
        }
        // '*' param a='='
        if self.matched(
            |p| {
                p.eat(T::Star)?;
                p.name()?;
                if !lambda && p.at(T::Colon) {
                    p.mark += 1;
                    p.expression()?;
                }
                p.expect(T::Equal)
            },
            |p, a| p.raise_at_token(a, "var-positional argument cannot have default value"),
        ) {
            return None;
        }
        // '*' (param_no_default | ',') param_maybe_default* a='*' (param_no_default | ',')
        self.matched(
            |p| {
                p.eat(T::Star)?;
                if p.alt(|p| p.param_no_default(lambda)).is_none() {
                    p.eat(T::Comma)?;
                }
                p.repeat0(|p| p.param_maybe_default(lambda));
                let a = p.expect(T::Star)?;
                if p.alt(|p| p.param_no_default(lambda)).is_none() {
                    p.eat(T::Comma)?;
                }
                Some(a)
            },
            |p, a| p.raise_at_token(a, "* argument may appear only once"),
        );
        None
    }

    /// `invalid_kwds` / `invalid_lambda_kwds`
    pub(crate) fn invalid_kwds(&mut self, lambda: bool) -> Option<()> {
        let param = |p: &mut Self| -> Option<Loc> {
            let start = p.start()?;
            p.name()?;
            if !lambda && p.at(T::Colon) {
                p.mark += 1;
                p.expression()?;
            }
            Some(p.extra(start))
        };
        // '**' param a='='
        if self.matched(
            |p| {
                p.eat(T::DoubleStar)?;
                param(p)?;
                p.expect(T::Equal)
            },
            |p, a| p.raise_at_token(a, "var-keyword argument cannot have default value"),
        ) {
            return None;
        }
        // '**' param ',' a=param
        if self.matched(
            |p| {
                p.eat(T::DoubleStar)?;
                param(p)?;
                p.eat(T::Comma)?;
                param(p)
            },
            |p, a| p.raise_at(a, "arguments cannot follow var-keyword argument"),
        ) {
            return None;
        }
        // '**' param ',' a=('*'|'**'|'/')
        self.matched(
            |p| {
                p.eat(T::DoubleStar)?;
                param(p)?;
                p.eat(T::Comma)?;
                if !matches!(p.peek(), T::Star | T::DoubleStar | T::Slash) {
                    return None;
                }
                p.mark += 1;
                Some(p.mark - 1)
            },
            |p, a| p.raise_at_token(a, "arguments cannot follow var-keyword argument"),
        );
        None
    }

    pub(crate) fn invalid_with_item(&mut self) -> Option<()> {
        self.matched(
            |p| {
                p.expression()?;
                p.eat(T::As)?;
                let a = p.expression()?;
                if !matches!(p.peek(), T::Comma | T::Rpar | T::Colon) {
                    return None;
                }
                Some(a)
            },
            |p, a| p.raise_invalid_target(TargetsType::Star, &a),
        );
        None
    }

    pub(crate) fn invalid_for_target(&mut self) -> Option<()> {
        self.matched(
            |p| {
                p.eat(T::Async);
                p.eat(T::For)?;
                p.star_expressions()
            },
            |p, a| p.raise_invalid_target(TargetsType::For, &a),
        );
        None
    }

    pub(crate) fn invalid_group(&mut self) -> Option<()> {
        if self.matched(
            |p| {
                p.eat(T::Lpar)?;
                let a = p.starred_expression()?;
                p.eat(T::Rpar)?;
                Some(a.loc)
            },
            |p, a| p.raise_at(a, "cannot use starred expression here"),
        ) {
            return None;
        }
        self.matched(
            |p| {
                p.eat(T::Lpar)?;
                let a = p.expect(T::DoubleStar)?;
                p.expression()?;
                p.eat(T::Rpar)?;
                Some(a)
            },
            |p, a| p.raise_at_token(a, "cannot use double starred expression here"),
        );
        None
    }

    pub(crate) fn invalid_import_from_targets(&mut self) -> Option<()> {
        self.matched(
            |p| {
                p.gather(|p| p.import_from_as_name())?;
                p.eat(T::Comma)?;
                p.eat(T::Newline)
            },
            |p, _| {
                p.raise_syntax_error("trailing comma not allowed without surrounding parentheses")
            },
        );
        None
    }

    /// `','.(expression ['as' star_target])+` (`paren`: `expressions` instead of `expression`)
    fn with_items_loose(&mut self, paren: bool) -> Option<()> {
        self.gather(|p| {
            if paren {
                p.expressions()?;
            } else {
                p.expression()?;
            }
            p.alt(|p| {
                p.eat(T::As)?;
                p.star_target()
            });
            Some(())
        })?;
        Some(())
    }

    pub(crate) fn invalid_with_stmt(&mut self) -> Option<()> {
        if self.matched(
            |p| {
                p.eat(T::Async);
                p.eat(T::With)?;
                p.with_items_loose(false)?;
                p.eat(T::Newline)
            },
            |p, _| p.raise_syntax_error("expected ':'"),
        ) {
            return None;
        }
        self.matched(
            |p| {
                p.eat(T::Async);
                p.eat(T::With)?;
                p.eat(T::Lpar)?;
                p.with_items_loose(true)?;
                p.eat(T::Comma);
                p.eat(T::Rpar)?;
                p.eat(T::Newline)
            },
            |p, _| p.raise_syntax_error("expected ':'"),
        );
        None
    }

    /// `... ':' NEWLINE !INDENT` raising "expected an indented block after {what} on line N".
    fn raise_no_indent(&mut self, what: &str, kw_tok: usize) {
        let msg = format!(
            "expected an indented block after {what} on line {}",
            self.token(kw_tok).lineno
        );
        self.raise_indentation_error(&msg);
    }

    fn newline_no_indent(&mut self) -> Option<()> {
        self.eat(T::Newline)?;
        if self.at(T::Indent) {
            return None;
        }
        Some(())
    }

    pub(crate) fn invalid_with_stmt_indent(&mut self) -> Option<()> {
        if self.matched(
            |p| {
                p.eat(T::Async);
                let a = p.expect(T::With)?;
                p.with_items_loose(false)?;
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            },
            |p, a| p.raise_no_indent("'with' statement", a),
        ) {
            return None;
        }
        self.matched(
            |p| {
                p.eat(T::Async);
                let a = p.expect(T::With)?;
                p.eat(T::Lpar)?;
                p.with_items_loose(true)?;
                p.eat(T::Comma);
                p.eat(T::Rpar)?;
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            },
            |p, a| p.raise_no_indent("'with' statement", a),
        );
        None
    }

    pub(crate) fn invalid_try_stmt(&mut self) -> Option<()> {
        // a='try' ':' NEWLINE !INDENT
        if self.matched(
            |p| {
                let a = p.expect(T::Try)?;
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            },
            |p, a| p.raise_no_indent("'try' statement", a),
        ) {
            return None;
        }
        // 'try' ':' block !('except' | 'finally')
        if self.matched(
            |p| {
                p.eat(T::Try)?;
                p.eat(T::Colon)?;
                p.block()?;
                if matches!(p.peek(), T::Except | T::Finally) {
                    return None;
                }
                Some(())
            },
            |p, _| p.raise_syntax_error("expected 'except' or 'finally' block"),
        ) {
            return None;
        }
        // 'try' ':' block* except_block+ a='except' b='*' expression ['as' NAME] ':'
        if self.matched(
            |p| {
                p.eat(T::Try)?;
                p.eat(T::Colon)?;
                p.repeat0(|p| p.block());
                p.repeat1(|p| p.except_block_for_invalid())?;
                let a = p.expect(T::Except)?;
                let b = p.expect(T::Star)?;
                p.expression()?;
                p.alt(|p| {
                    p.eat(T::As)?;
                    p.name()
                });
                p.eat(T::Colon)?;
                Some((a, b))
            },
            |p, (a, b)| {
                p.raise_range(
                    p.tokloc(a),
                    p.tokloc(b),
                    "cannot have both 'except' and 'except*' on the same 'try'",
                )
            },
        ) {
            return None;
        }
        // 'try' ':' block* except_star_block+ a='except' [expression ['as' NAME]] ':'
        self.matched(
            |p| {
                p.eat(T::Try)?;
                p.eat(T::Colon)?;
                p.repeat0(|p| p.block());
                p.repeat1(|p| p.except_star_block_for_invalid())?;
                let a = p.expect(T::Except)?;
                p.alt(|p| {
                    p.expression()?;
                    p.alt(|p| {
                        p.eat(T::As)?;
                        p.name()
                    });
                    Some(())
                });
                p.eat(T::Colon)?;
                Some(a)
            },
            |p, a| {
                p.raise_at_token(
                    a,
                    "cannot have both 'except' and 'except*' on the same 'try'",
                )
            },
        );
        None
    }

    fn except_block_for_invalid(&mut self) -> Option<()> {
        self.except_block().map(|_| ())
    }

    fn except_star_block_for_invalid(&mut self) -> Option<()> {
        self.except_star_block().map(|_| ())
    }

    pub(crate) fn invalid_except_stmt(&mut self) -> Option<()> {
        // 'except' '*'? a=expression ',' expressions ['as' NAME ] ':'
        if self.matched(
            |p| {
                p.eat(T::Except)?;
                p.eat(T::Star);
                let a = p.expression()?;
                p.eat(T::Comma)?;
                p.expressions()?;
                p.alt(|p| {
                    p.eat(T::As)?;
                    p.name()
                });
                p.eat(T::Colon)?;
                Some(a.loc)
            },
            |p, a| p.raise_starting_from(a, "multiple exception types must be parenthesized"),
        ) {
            return None;
        }
        // a='except' '*'? expression ['as' NAME ] NEWLINE
        if self.matched(
            |p| {
                p.eat(T::Except)?;
                p.eat(T::Star);
                p.expression()?;
                p.alt(|p| {
                    p.eat(T::As)?;
                    p.name()
                });
                p.eat(T::Newline)
            },
            |p, _| p.raise_syntax_error("expected ':'"),
        ) {
            return None;
        }
        // a='except' NEWLINE
        if self.matched(
            |p| {
                p.eat(T::Except)?;
                p.eat(T::Newline)
            },
            |p, _| p.raise_syntax_error("expected ':'"),
        ) {
            return None;
        }
        // a='except' '*' (NEWLINE | ':')
        self.matched(
            |p| {
                p.eat(T::Except)?;
                p.eat(T::Star)?;
                if !matches!(p.peek(), T::Newline | T::Colon) {
                    return None;
                }
                p.mark += 1;
                Some(())
            },
            |p, _| p.raise_syntax_error("expected one or more exception types"),
        );
        None
    }

    pub(crate) fn invalid_finally_stmt(&mut self) -> Option<()> {
        self.matched(
            |p| {
                let a = p.expect(T::Finally)?;
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            },
            |p, a| p.raise_no_indent("'finally' statement", a),
        );
        None
    }

    pub(crate) fn invalid_except_stmt_indent(&mut self) -> Option<()> {
        if self.matched(
            |p| {
                let a = p.expect(T::Except)?;
                p.expression()?;
                p.alt(|p| {
                    p.eat(T::As)?;
                    p.name()
                });
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            },
            |p, a| p.raise_no_indent("'except' statement", a),
        ) {
            return None;
        }
        self.matched(
            |p| {
                let a = p.expect(T::Except)?;
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            },
            |p, a| p.raise_no_indent("'except' statement", a),
        );
        None
    }

    pub(crate) fn invalid_except_star_stmt_indent(&mut self) -> Option<()> {
        self.matched(
            |p| {
                let a = p.expect(T::Except)?;
                p.eat(T::Star)?;
                p.expression()?;
                p.alt(|p| {
                    p.eat(T::As)?;
                    p.name()
                });
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            },
            |p, a| p.raise_no_indent("'except*' statement", a),
        );
        None
    }

    pub(crate) fn invalid_match_stmt(&mut self) -> Option<()> {
        if self.matched(
            |p| {
                p.expect_soft_keyword("match")?;
                p.subject_expr()?;
                p.eat(T::Newline)
            },
            |p, _| p.raise_syntax_error("expected ':'"),
        ) {
            return None;
        }
        self.matched(
            |p| {
                let a = p.expect_soft_keyword("match")?;
                p.subject_expr()?;
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            },
            |p, a| p.raise_no_indent("'match' statement", a),
        );
        None
    }

    pub(crate) fn invalid_case_block(&mut self) -> Option<()> {
        if self.matched(
            |p| {
                p.expect_soft_keyword("case")?;
                p.patterns()?;
                p.alt(|p| p.guard());
                p.eat(T::Newline)
            },
            |p, _| p.raise_syntax_error("expected ':'"),
        ) {
            return None;
        }
        self.matched(
            |p| {
                let a = p.expect_soft_keyword("case")?;
                p.patterns()?;
                p.alt(|p| p.guard());
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            },
            |p, a| p.raise_no_indent("'case' statement", a),
        );
        None
    }

    pub(crate) fn invalid_as_pattern(&mut self) -> Option<()> {
        // or_pattern 'as' a="_"
        if self.matched(
            |p| {
                p.or_pattern()?;
                p.eat(T::As)?;
                p.expect_soft_keyword("_")
            },
            |p, a| p.raise_at_token(a, "cannot use '_' as a target"),
        ) {
            return None;
        }
        // or_pattern 'as' !NAME a=expression
        self.matched(
            |p| {
                p.or_pattern()?;
                p.eat(T::As)?;
                if p.at(T::Name) {
                    return None;
                }
                p.expression()
            },
            |p, a| p.raise_at(a.loc, "invalid pattern target"),
        );
        None
    }

    pub(crate) fn invalid_class_pattern(&mut self) -> Option<()> {
        // name_or_attr '(' a=invalid_class_argument_pattern
        self.matched(
            |p| {
                p.name_or_attr()?;
                p.eat(T::Lpar)?;
                // [positional_patterns ','] keyword_patterns ',' a=positional_patterns
                p.alt(|p| {
                    p.gather(|p| p.pattern())?;
                    p.eat(T::Comma)
                });
                p.gather(|p| p.keyword_pattern())?;
                p.eat(T::Comma)?;
                let a = p.gather(|p| p.pattern())?;
                Some((a.first()?.loc, a.last()?.loc))
            },
            |p, (a, b)| p.raise_range(a, b, "positional patterns follow keyword patterns"),
        );
        None
    }

    /// `invalid_if_stmt` / `invalid_elif_stmt`
    pub(crate) fn invalid_if_stmt(&mut self, is_elif: bool) -> Option<()> {
        let kw = if is_elif { T::Elif } else { T::If };
        if self.matched(
            |p| {
                p.eat(kw)?;
                p.named_expression()?;
                p.eat(T::Newline)
            },
            |p, _| p.raise_syntax_error("expected ':'"),
        ) {
            return None;
        }
        self.matched(
            |p| {
                let a = p.expect(kw)?;
                p.named_expression()?;
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            },
            |p, a| {
                p.raise_no_indent(
                    if is_elif {
                        "'elif' statement"
                    } else {
                        "'if' statement"
                    },
                    a,
                )
            },
        );
        None
    }

    pub(crate) fn invalid_else_stmt(&mut self) -> Option<()> {
        self.matched(
            |p| {
                let a = p.expect(T::Else)?;
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            },
            |p, a| p.raise_no_indent("'else' statement", a),
        );
        None
    }

    pub(crate) fn invalid_while_stmt(&mut self) -> Option<()> {
        if self.matched(
            |p| {
                p.eat(T::While)?;
                p.named_expression()?;
                p.eat(T::Newline)
            },
            |p, _| p.raise_syntax_error("expected ':'"),
        ) {
            return None;
        }
        self.matched(
            |p| {
                let a = p.expect(T::While)?;
                p.named_expression()?;
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            },
            |p, a| p.raise_no_indent("'while' statement", a),
        );
        None
    }

    pub(crate) fn invalid_for_stmt(&mut self) -> Option<()> {
        if self.matched(
            |p| {
                p.eat(T::Async);
                p.eat(T::For)?;
                p.star_targets()?;
                p.eat(T::In)?;
                p.star_expressions()?;
                p.eat(T::Newline)
            },
            |p, _| p.raise_syntax_error("expected ':'"),
        ) {
            return None;
        }
        self.matched(
            |p| {
                p.eat(T::Async);
                let a = p.expect(T::For)?;
                p.star_targets()?;
                p.eat(T::In)?;
                p.star_expressions()?;
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            },
            |p, a| p.raise_no_indent("'for' statement", a),
        );
        None
    }

    pub(crate) fn invalid_def_raw(&mut self) -> Option<()> {
        self.matched(
            |p| {
                p.eat(T::Async);
                let a = p.expect(T::Def)?;
                p.name()?;
                p.eat(T::Lpar)?;
                p.alt(|p| p.params(false));
                if p.error.is_some() {
                    return None;
                }
                p.eat(T::Rpar)?;
                p.alt(|p| {
                    p.eat(T::Rarrow)?;
                    p.expression()
                });
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            },
            |p, a| p.raise_no_indent("function definition", a),
        );
        None
    }

    pub(crate) fn invalid_class_def_raw(&mut self) -> Option<()> {
        let head = |p: &mut Self| -> Option<usize> {
            let a = p.expect(T::Class)?;
            p.name()?;
            p.alt(|p| {
                p.eat(T::Lpar)?;
                p.alt(|p| p.arguments());
                p.eat(T::Rpar)
            });
            Some(a)
        };
        if self.matched(
            |p| {
                head(p)?;
                p.eat(T::Newline)
            },
            |p, _| p.raise_syntax_error("expected ':'"),
        ) {
            return None;
        }
        self.matched(
            |p| {
                let a = head(p)?;
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            },
            |p, a| p.raise_no_indent("class definition", a),
        );
        None
    }

    pub(crate) fn invalid_double_starred_kvpairs(&mut self) -> Option<()> {
        // ','.double_starred_kvpair+ ',' invalid_kvpair
        if self.matched(
            |p| {
                p.gather(|p| p.double_starred_kvpair())?;
                p.eat(T::Comma)?;
                p.invalid_kvpair_match()
            },
            |_, _| {},
        ) {
            return None;
        }
        // expression ':' a='*' bitwise_or
        if self.matched(
            |p| {
                p.expression()?;
                p.eat(T::Colon)?;
                let a = p.expect(T::Star)?;
                p.bitwise_or()?;
                Some(a)
            },
            |p, a| {
                let l = p.tokloc(a);
                p.raise_starting_from(l, "cannot use a starred expression in a dictionary value")
            },
        ) {
            return None;
        }
        // expression a=':' &('}'|',')
        self.matched(
            |p| {
                p.expression()?;
                let a = p.expect(T::Colon)?;
                if !matches!(p.peek(), T::Rbrace | T::Comma) {
                    return None;
                }
                Some(a)
            },
            |p, a| p.raise_at_token(a, "expression expected after dictionary key and ':'"),
        );
        None
    }

    /// `invalid_kvpair`: matches (and raises) or not.
    fn invalid_kvpair_match(&mut self) -> Option<()> {
        // a=expression !(':')
        if let Some(a) = self.alt(|p| {
            let a = p.expression()?;
            if p.at(T::Colon) {
                return None;
            }
            Some(a)
        }) {
            self.raise_known_location(
                SyntaxErrorKind::SyntaxError,
                a.loc.lineno as i64,
                a.loc.end_col_offset as i64 - 1,
                a.loc.end_lineno as i64,
                -1,
                "':' expected after dictionary key",
            );
            return Some(());
        }
        if self.error.is_some() {
            return Some(());
        }
        // expression ':' a='*' bitwise_or
        if let Some(a) = self.alt(|p| {
            p.expression()?;
            p.eat(T::Colon)?;
            let a = p.expect(T::Star)?;
            p.bitwise_or()?;
            Some(a)
        }) {
            let l = self.tokloc(a);
            self.raise_starting_from(l, "cannot use a starred expression in a dictionary value");
            return Some(());
        }
        if self.error.is_some() {
            return Some(());
        }
        // expression a=':' &('}'|',')
        if let Some(a) = self.alt(|p| {
            p.expression()?;
            let a = p.expect(T::Colon)?;
            if !matches!(p.peek(), T::Rbrace | T::Comma) {
                return None;
            }
            Some(a)
        }) {
            self.raise_at_token(a, "expression expected after dictionary key and ':'");
            return Some(());
        }
        None
    }
}
