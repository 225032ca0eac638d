//! Expression rules of CPython 3.11's `Grammar/python.gram` ("EXPRESSIONS" through
//! "COMPREHENSIONS & GENERATORS"), with the node positions the generated `Parser/parser.c`
//! gives (`EXTRA`). Left-recursive rules (`bitwise_or` ... `term`, `primary`) are loops.

use super::memo::MemoRule;
use super::{Parser, SCAN_COLON, SCAN_COMMA, SCAN_DOUBLESTAR, SCAN_EMPTY, SCAN_FOR};
use crate::ast::{
    BoolOp, CmpOp, Comprehension, Constant, Expr, ExprContext, ExprKind, Identifier, Operator,
    UnaryOp,
};
use crate::token::TokKind as T;

pub(crate) fn mk(loc: crate::ast::Loc, kind: ExprKind) -> Expr {
    Expr { loc, kind }
}

impl Parser<'_> {
    /// The start of the rule being entered: the seeded operand's start when there is one.
    fn seed_start(&mut self) -> Option<usize> {
        match &self.seed {
            Some((i, _)) => Some(*i),
            None => self.start(),
        }
    }

    /// `expressions: expression (',' expression)+ [','] | expression ',' | expression`
    pub(crate) fn expressions(&mut self) -> Option<Expr> {
        let start = self.start()?;
        let a = self.expression()?;
        if !self.at(T::Comma) {
            return Some(a);
        }
        let mut elts = vec![a];
        while self.at(T::Comma) {
            let m = self.mark;
            self.mark += 1;
            match self.alt(|p| p.expression()) {
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
                ctx: ExprContext::Load,
            },
        ))
    }

    /// `expression (memo)`
    ///
    /// The first pass re-parses an expression at the same place only where alternatives
    /// share a bracket's first element (`(x)`: tuple, then group) or a default value (the
    /// `parameters` forms): only there is it memoized, which saves a memo entry per
    /// expression. The second pass memoizes everywhere, as CPython does.
    pub(crate) fn expression(&mut self) -> Option<Expr> {
        if !self.call_invalid_rules {
            let prev = match self.mark.checked_sub(1) {
                Some(i) => self.token(i).kind,
                None => T::EndMarker,
            };
            if !matches!(prev, T::Lpar | T::Lsqb | T::Lbrace | T::Equal) {
                return self.nested(|p| p.expression_raw(true));
            }
        }
        self.nested(|p| p.memo_expr(MemoRule::Expression, |p| p.expression_raw(true)))
    }

    /// `expression` (or `expression_without_invalid` when `with_invalid` is false).
    pub(crate) fn expression_raw(&mut self, with_invalid: bool) -> Option<Expr> {
        let start = self.start()?;
        if with_invalid && self.call_invalid_rules {
            if self.alt(|p| p.invalid_expression()).is_some() || self.error.is_some() {
                return None;
            }
            if self.alt(|p| p.invalid_legacy_expression()).is_some() || self.error.is_some() {
                return None;
            }
        }
        if !self.call_invalid_rules {
            // Fast path for the commonest expression, a lone name, number or string: when
            // the token after it cannot continue an expression, every rule from
            // `disjunction` down to `atom` would hand the atom up unchanged.
            let k = self.peek();
            if matches!(k, T::Name | T::Number | T::String) {
                let next = self.kind_at(self.mark + 1);
                if matches!(
                    next,
                    T::Comma
                        | T::Rpar
                        | T::Rsqb
                        | T::Rbrace
                        | T::Colon
                        | T::Newline
                        | T::Equal
                        | T::Semi
                ) {
                    return match k {
                        T::Name => self.name(),
                        T::Number => self.number(),
                        _ => self.strings(),
                    };
                }
            }
        }
        if self.at(T::Lambda) {
            return self.lambdef();
        }
        let a = if !self.call_invalid_rules
            && matches!(
                self.peek(),
                T::Name
                    | T::Number
                    | T::String
                    | T::Lpar
                    | T::Lsqb
                    | T::Lbrace
                    | T::True
                    | T::False
                    | T::None
                    | T::Ellipsis
            ) {
            // First pass: parse the leading primary directly; if nothing continues it, it is
            // the expression, else it seeds the operator levels (`disjunction` ... `power`
            // take it as their first operand instead of descending to it again).
            let pstart = self.mark;
            let p = self.primary()?;
            if matches!(
                self.peek(),
                T::Comma
                    | T::Rpar
                    | T::Rsqb
                    | T::Rbrace
                    | T::Colon
                    | T::Newline
                    | T::Equal
                    | T::Semi
            ) {
                return Some(p);
            }
            self.seed = Some((pstart, p));
            let a = self.disjunction_raw();
            self.seed = None;
            a?
        } else {
            self.disjunction()?
        };
        if self.at(T::If) {
            let r = self.alt(|p| {
                p.eat(T::If)?;
                let b = p.disjunction()?;
                p.eat(T::Else)?;
                let c = p.expression()?;
                Some(mk(
                    p.extra(start),
                    ExprKind::IfExp {
                        test: Box::new(b),
                        body: Box::new(a.clone()),
                        orelse: Box::new(c),
                    },
                ))
            });
            if r.is_some() {
                return r;
            }
        }
        Some(a)
    }

    /// `yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]`
    pub(crate) fn yield_expr(&mut self) -> Option<Expr> {
        let start = self.start()?;
        self.alt(|p| {
            p.eat(T::Yield)?;
            if p.eat(T::From).is_some() {
                if let Some(a) = p.alt(|p| p.expression()) {
                    return Some(mk(
                        p.extra(start),
                        ExprKind::YieldFrom { value: Box::new(a) },
                    ));
                }
                p.mark = start + 1;
            }
            let a = p.alt(|p| p.star_expressions());
            Some(mk(
                p.extra(start),
                ExprKind::Yield {
                    value: a.map(Box::new),
                },
            ))
        })
    }

    /// `star_expressions`
    pub(crate) fn star_expressions(&mut self) -> Option<Expr> {
        let start = self.start()?;
        let a = self.star_expression()?;
        if !self.at(T::Comma) {
            return Some(a);
        }
        let mut elts = vec![a];
        while self.at(T::Comma) {
            let m = self.mark;
            self.mark += 1;
            match self.alt(|p| p.star_expression()) {
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
                ctx: ExprContext::Load,
            },
        ))
    }

    /// `star_expression (memo): '*' bitwise_or | expression`
    pub(crate) fn star_expression(&mut self) -> Option<Expr> {
        self.memo_expr(MemoRule::StarExpression, |p| {
            let start = p.start()?;
            if p.at(T::Star) {
                if let Some(e) = p.alt(|p| {
                    p.mark += 1;
                    let a = p.bitwise_or()?;
                    Some(mk(
                        p.extra(start),
                        ExprKind::Starred {
                            value: Box::new(a),
                            ctx: ExprContext::Load,
                        },
                    ))
                }) {
                    return Some(e);
                }
            }
            p.expression()
        })
    }

    /// `star_named_expressions: ','.star_named_expression+ [',']`
    pub(crate) fn star_named_expressions(&mut self) -> Option<Vec<Expr>> {
        let v = self.gather(|p| p.star_named_expression())?;
        self.eat(T::Comma);
        Some(v)
    }

    /// `star_named_expression: '*' bitwise_or | named_expression`
    pub(crate) fn star_named_expression(&mut self) -> Option<Expr> {
        let start = self.start()?;
        if self.at(T::Star) {
            if let Some(e) = self.alt(|p| {
                p.mark += 1;
                let a = p.bitwise_or()?;
                Some(mk(
                    p.extra(start),
                    ExprKind::Starred {
                        value: Box::new(a),
                        ctx: ExprContext::Load,
                    },
                ))
            }) {
                return Some(e);
            }
        }
        self.named_expression()
    }

    /// `assignment_expression: NAME ':=' ~ expression`
    pub(crate) fn assignment_expression(&mut self) -> Option<Expr> {
        let start = self.start()?;
        if self.peek() != T::Name || self.kind_at(self.mark + 1) != T::ColonEqual {
            return None;
        }
        self.alt(|p| {
            let a = p.name()?;
            p.eat(T::ColonEqual)?;
            let b = p.expression()?;
            Some(mk(
                p.extra(start),
                ExprKind::NamedExpr {
                    target: Box::new(super::helpers::set_expr_context(a, ExprContext::Store)),
                    value: Box::new(b),
                },
            ))
        })
    }

    /// `named_expression: assignment_expression | invalid_named_expression | expression !':='`
    pub(crate) fn named_expression(&mut self) -> Option<Expr> {
        self.start()?;
        if let Some(e) = self.assignment_expression() {
            return Some(e);
        }
        if self.error.is_some() {
            return None;
        }
        if self.call_invalid_rules {
            self.alt(|p| p.invalid_named_expression());
            if self.error.is_some() {
                return None;
            }
        }
        self.alt(|p| {
            let e = p.expression()?;
            if p.at(T::ColonEqual) {
                return None;
            }
            Some(e)
        })
    }

    /// `disjunction (memo): conjunction ('or' conjunction)+ | conjunction`
    pub(crate) fn disjunction(&mut self) -> Option<Expr> {
        if !self.call_invalid_rules {
            return self.disjunction_raw();
        }
        self.memo_expr(MemoRule::Disjunction, |p| p.disjunction_raw())
    }

    fn disjunction_raw(&mut self) -> Option<Expr> {
        let p = self;
        {
            let start = p.seed_start()?;
            let a = p.conjunction()?;
            if !p.at(T::Or) {
                return Some(a);
            }
            let mut values = vec![a];
            while p.at(T::Or) {
                let m = p.mark;
                p.mark += 1;
                match p.conjunction() {
                    Some(c) => values.push(c),
                    None => {
                        p.mark = m;
                        break;
                    }
                }
            }
            if values.len() == 1 {
                return values.pop();
            }
            Some(mk(
                p.extra(start),
                ExprKind::BoolOp {
                    op: BoolOp::Or,
                    values,
                },
            ))
        }
    }

    /// `conjunction (memo): inversion ('and' inversion)+ | inversion`
    pub(crate) fn conjunction(&mut self) -> Option<Expr> {
        let start = self.seed_start()?;
        let a = self.inversion()?;
        if !self.at(T::And) {
            return Some(a);
        }
        let mut values = vec![a];
        while self.at(T::And) {
            let m = self.mark;
            self.mark += 1;
            match self.inversion() {
                Some(c) => values.push(c),
                None => {
                    self.mark = m;
                    break;
                }
            }
        }
        if values.len() == 1 {
            return values.pop();
        }
        Some(mk(
            self.extra(start),
            ExprKind::BoolOp {
                op: BoolOp::And,
                values,
            },
        ))
    }

    /// `inversion (memo): 'not' inversion | comparison`
    pub(crate) fn inversion(&mut self) -> Option<Expr> {
        let start = self.seed_start()?;
        if self.seed.is_none() && self.at(T::Not) {
            if let Some(e) = self.nested(|p| {
                p.alt(|p| {
                    p.mark += 1;
                    let a = p.inversion()?;
                    Some(mk(
                        p.extra(start),
                        ExprKind::UnaryOp {
                            op: UnaryOp::Not,
                            operand: Box::new(a),
                        },
                    ))
                })
            }) {
                return Some(e);
            }
            if self.error.is_some() {
                return None;
            }
        }
        self.comparison()
    }

    /// `comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or`
    fn comparison(&mut self) -> Option<Expr> {
        let start = self.seed_start()?;
        let a = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        loop {
            let m = self.mark;
            let op = match self.peek() {
                T::EqEqual => CmpOp::Eq,
                T::NotEqual => {
                    // _PyPegen_check_barry_as_flufl: only '!=' (not '<>') is accepted.
                    if self.token_text(self.mark) != "!=" {
                        break;
                    }
                    CmpOp::NotEq
                }
                T::LessEqual => CmpOp::LtE,
                T::Less => CmpOp::Lt,
                T::GreaterEqual => CmpOp::GtE,
                T::Greater => CmpOp::Gt,
                T::In => CmpOp::In,
                T::Not => {
                    if self.kind_at(self.mark + 1) != T::In {
                        break;
                    }
                    self.mark += 1;
                    CmpOp::NotIn
                }
                T::Is => {
                    if self.kind_at(self.mark + 1) == T::Not {
                        // 'is' 'not' bitwise_or, else 'is' bitwise_or
                        self.mark += 2;
                        if let Some(b) = self.bitwise_or() {
                            ops.push(CmpOp::IsNot);
                            comparators.push(b);
                            continue;
                        }
                        self.mark = m;
                    }
                    CmpOp::Is
                }
                _ => break,
            };
            self.mark += 1;
            match self.bitwise_or() {
                Some(b) => {
                    ops.push(op);
                    comparators.push(b);
                }
                None => {
                    self.mark = m;
                    break;
                }
            }
        }
        if ops.is_empty() {
            return Some(a);
        }
        Some(mk(
            self.extra(start),
            ExprKind::Compare {
                left: Box::new(a),
                ops,
                comparators,
            },
        ))
    }

    /// `bitwise_or` (left-recursive, memoized as CPython's left-recursive rules are; the
    /// first pass, which never re-parses one at the same place, skips the memo).
    pub(crate) fn bitwise_or(&mut self) -> Option<Expr> {
        if !self.call_invalid_rules {
            return self.binop_chain(0);
        }
        self.memo_expr(MemoRule::BitwiseOr, |p| p.binop_chain(0))
    }

    /// The left-associative binary operator levels from `bitwise_or` down to `term`, by
    /// precedence climbing (the same trees as the grammar's left-recursive rules):
    /// 0 `|`, 1 `^`, 2 `&`, 3 `<<`/`>>`, 4 `+`/`-`, 5 `*` `/` `//` `%` `@`; below is `factor`.
    fn binop_chain(&mut self, min_level: u8) -> Option<Expr> {
        let start = self.seed_start()?;
        let mut a = self.factor()?;
        let mut chain = 0u32;
        loop {
            chain += 1;
            if !self.chain_step(chain) {
                return None;
            }
            let (level, op) = match self.peek() {
                T::Vbar => (0, Operator::BitOr),
                T::Circumflex => (1, Operator::BitXor),
                T::Amper => (2, Operator::BitAnd),
                T::LeftShift => (3, Operator::LShift),
                T::RightShift => (3, Operator::RShift),
                T::Plus => (4, Operator::Add),
                T::Minus => (4, Operator::Sub),
                T::Star => (5, Operator::Mult),
                T::Slash => (5, Operator::Div),
                T::DoubleSlash => (5, Operator::FloorDiv),
                T::Percent => (5, Operator::Mod),
                T::At => (5, Operator::MatMult),
                _ => break,
            };
            if level < min_level {
                break;
            }
            let m = self.mark;
            self.mark += 1;
            let b = if level == 5 {
                self.factor()
            } else {
                self.binop_chain(level + 1)
            };
            match b {
                Some(b) => {
                    a = mk(
                        self.extra(start),
                        ExprKind::BinOp {
                            left: Box::new(a),
                            op,
                            right: Box::new(b),
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

    /// `factor (memo): '+' factor | '-' factor | '~' factor | power`
    fn factor(&mut self) -> Option<Expr> {
        let start = self.seed_start()?;
        if self.seed.is_some() {
            return self.power();
        }
        let op = match self.peek() {
            T::Plus => UnaryOp::UAdd,
            T::Minus => UnaryOp::USub,
            T::Tilde => UnaryOp::Invert,
            _ => return self.power(),
        };
        let r = self.nested(|p| {
            p.alt(|p| {
                p.mark += 1;
                let a = p.factor()?;
                Some(mk(
                    p.extra(start),
                    ExprKind::UnaryOp {
                        op,
                        operand: Box::new(a),
                    },
                ))
            })
        });
        if r.is_some() || self.error.is_some() {
            return r;
        }
        self.power()
    }

    /// `power: await_primary '**' factor | await_primary`
    fn power(&mut self) -> Option<Expr> {
        let start = self.seed_start()?;
        let a = self.await_primary()?;
        if self.at(T::DoubleStar) {
            let m = self.mark;
            self.mark += 1;
            if let Some(b) = self.nested(|p| p.factor()) {
                return Some(mk(
                    self.extra(start),
                    ExprKind::BinOp {
                        left: Box::new(a),
                        op: Operator::Pow,
                        right: Box::new(b),
                    },
                ));
            }
            self.mark = m;
        }
        Some(a)
    }

    /// `await_primary (memo): AWAIT primary | primary`
    fn await_primary(&mut self) -> Option<Expr> {
        let start = self.seed_start()?;
        if let Some((_, e)) = self.seed.take() {
            return Some(e);
        }
        if self.at(T::Await) {
            if let Some(e) = self.alt(|p| {
                p.mark += 1;
                let a = p.primary()?;
                Some(mk(p.extra(start), ExprKind::Await { value: Box::new(a) }))
            }) {
                return Some(e);
            }
        }
        self.primary()
    }

    /// `primary` (left-recursive): `atom` followed by `.NAME`, a genexp, a call or a
    /// subscript, any number of times.
    pub(crate) fn primary(&mut self) -> Option<Expr> {
        let start = self.start()?;
        let mut a = self.atom()?;
        let mut chain = 0u32;
        loop {
            chain += 1;
            if !self.chain_step(chain) {
                return None;
            }
            match self.peek() {
                T::Dot => {
                    let m = self.mark;
                    self.mark += 1;
                    match self.name() {
                        Some(n) => {
                            let attr = name_id(n);
                            a = mk(
                                self.extra(start),
                                ExprKind::Attribute {
                                    value: Box::new(a),
                                    attr,
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
                T::Lpar => {
                    let skip_genexp = self.skip_unless(self.mark, SCAN_FOR);
                    if let Some(g) = if skip_genexp {
                        None
                    } else {
                        self.alt(|p| p.genexp())
                    } {
                        a = mk(
                            self.extra(start),
                            ExprKind::Call {
                                func: Box::new(a),
                                args: vec![g],
                                keywords: Vec::new(),
                            },
                        );
                        continue;
                    }
                    if self.error.is_some() {
                        return None;
                    }
                    let r = self.alt(|p| {
                        p.eat(T::Lpar)?;
                        let b = p.alt(|p| p.arguments());
                        p.eat(T::Rpar)?;
                        Some(b)
                    });
                    match r {
                        Some(b) => {
                            let (args, keywords) = split_call(b);
                            a = mk(
                                self.extra(start),
                                ExprKind::Call {
                                    func: Box::new(a),
                                    args,
                                    keywords,
                                },
                            );
                        }
                        None => break,
                    }
                }
                T::Lsqb => {
                    let r = self.alt(|p| {
                        p.eat(T::Lsqb)?;
                        let b = p.slices()?;
                        p.eat(T::Rsqb)?;
                        Some(b)
                    });
                    match r {
                        Some(b) => {
                            a = mk(
                                self.extra(start),
                                ExprKind::Subscript {
                                    value: Box::new(a),
                                    slice: Box::new(b),
                                    ctx: ExprContext::Load,
                                },
                            );
                        }
                        None => break,
                    }
                }
                _ => break,
            }
            if self.error.is_some() {
                return None;
            }
        }
        Some(a)
    }

    /// `slices: slice !',' | ','.(slice | starred_expression)+ [',']`
    pub(crate) fn slices(&mut self) -> Option<Expr> {
        // Both alternatives start with a `slice` (the second may also start with a starred
        // expression): it is parsed once.
        let start = self.start()?;
        let first = match self.alt(|p| p.slice()) {
            Some(a) => {
                if !self.at(T::Comma) {
                    return Some(a);
                }
                a
            }
            None => {
                if self.error.is_some() {
                    return None;
                }
                self.alt(|p| p.starred_expression())?
            }
        };
        let mut elts = vec![first];
        loop {
            let m = self.mark;
            if self.eat(T::Comma).is_none() {
                break;
            }
            let e = match self.alt(|p| p.slice()) {
                Some(e) => Some(e),
                None if self.error.is_some() => return None,
                None => self.alt(|p| p.starred_expression()),
            };
            match e {
                Some(e) => elts.push(e),
                None => {
                    if self.error.is_some() {
                        return None;
                    }
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
                ctx: ExprContext::Load,
            },
        ))
    }

    /// `slice: [expression] ':' [expression] [':' [expression]] | named_expression`
    fn slice(&mut self) -> Option<Expr> {
        let start = self.start()?;
        if let Some(s) = self.alt(|p| {
            let a = p.alt(|p| p.expression());
            p.eat(T::Colon)?;
            let b = p.alt(|p| p.expression());
            let c = if p.eat(T::Colon).is_some() {
                p.alt(|p| p.expression())
            } else {
                None
            };
            Some(mk(
                p.extra(start),
                ExprKind::Slice {
                    lower: a.map(Box::new),
                    upper: b.map(Box::new),
                    step: c.map(Box::new),
                },
            ))
        }) {
            return Some(s);
        }
        if self.error.is_some() {
            return None;
        }
        self.named_expression()
    }

    /// `atom`
    pub(crate) fn atom(&mut self) -> Option<Expr> {
        let start = self.start()?;
        let constant = |p: &mut Self, value: Constant| {
            p.mark += 1;
            Some(mk(
                p.tok_loc(start),
                ExprKind::Constant { value, kind: None },
            ))
        };
        match self.peek() {
            T::Name => self.name(),
            T::True => constant(self, Constant::Bool(true)),
            T::False => constant(self, Constant::Bool(false)),
            T::None => constant(self, Constant::None),
            T::String => self.strings(),
            T::Number => self.number(),
            T::Lpar => self.nested(|p| {
                if !p.skip_unless(start, SCAN_COMMA | SCAN_EMPTY) {
                    if let Some(e) = p.alt(|p| p.tuple()) {
                        return Some(e);
                    }
                }
                if let Some(e) = p.alt(|p| p.group()) {
                    return Some(e);
                }
                if p.skip_unless(start, SCAN_FOR) {
                    return None;
                }
                p.alt(|p| p.genexp())
            }),
            T::Lsqb => self.nested(|p| {
                if !p.known_has(start, SCAN_FOR) {
                    if let Some(e) = p.alt(|p| p.list()) {
                        return Some(e);
                    }
                }
                if p.skip_unless(start, SCAN_FOR) {
                    return None;
                }
                p.alt(|p| p.listcomp())
            }),
            T::Lbrace => self.nested(|p| {
                let has_for = p.known_has(start, SCAN_FOR);
                if !has_for && !p.skip_unless(start, SCAN_COLON | SCAN_DOUBLESTAR | SCAN_EMPTY) {
                    if let Some(e) = p.alt(|p| p.dict()) {
                        return Some(e);
                    }
                }
                if !has_for {
                    if let Some(e) = p.alt(|p| p.set()) {
                        return Some(e);
                    }
                }
                if p.skip_unless(start, SCAN_FOR) {
                    return None;
                }
                if let Some(e) = p.alt(|p| p.dictcomp()) {
                    return Some(e);
                }
                p.alt(|p| p.setcomp())
            }),
            T::Ellipsis => constant(self, Constant::Ellipsis),
            _ => None,
        }
    }

    /// A NUMBER token (`_PyPegen_number_token`).
    pub(crate) fn number(&mut self) -> Option<Expr> {
        let i = self.expect(T::Number)?;
        match crate::number::parse_number(self.token_text(i)) {
            Ok(value) => Some(mk(
                self.tok_loc(i),
                ExprKind::Constant { value, kind: None },
            )),
            Err(msg) => {
                let t = *self.token(i);
                self.raise_known_location(
                    crate::SyntaxErrorKind::SyntaxError,
                    t.lineno as i64,
                    -1,
                    t.end_lineno as i64,
                    -1,
                    &msg,
                );
                None
            }
        }
    }

    /// `strings (memo): STRING+`
    pub(crate) fn strings(&mut self) -> Option<Expr> {
        self.memo_expr(MemoRule::Strings, |p| {
            let start = p.mark;
            while p.at(T::String) {
                p.mark += 1;
            }
            if p.mark == start {
                return None;
            }
            match crate::string_parser::concatenate_strings(
                p.src,
                p.filename,
                &p.tokens[start..p.mark],
            ) {
                Ok(e) => Some(e),
                Err(e) => {
                    if e.lineno == 0 {
                        p.raise_error(e.kind, &e.msg);
                    } else if p.error.is_none() {
                        p.error = Some(e);
                    }
                    None
                }
            }
        })
    }

    /// `group: '(' (yield_expr | named_expression) ')' | invalid_group`
    fn group(&mut self) -> Option<Expr> {
        if let Some(e) = self.alt(|p| {
            p.eat(T::Lpar)?;
            let a = if p.at(T::Yield) {
                p.yield_expr()?
            } else {
                p.named_expression()?
            };
            p.eat(T::Rpar)?;
            Some(a)
        }) {
            return Some(e);
        }
        if self.call_invalid_rules && self.error.is_none() {
            self.alt(|p| p.invalid_group());
        }
        None
    }

    /// `tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'`
    pub(crate) fn tuple(&mut self) -> Option<Expr> {
        let start = self.start()?;
        self.eat(T::Lpar)?;
        let mut elts = Vec::new();
        if !self.at(T::Rpar) {
            let a = self.star_named_expression()?;
            self.eat(T::Comma)?;
            elts.push(a);
            if let Some(rest) = self.alt(|p| p.star_named_expressions()) {
                elts.extend(rest);
            }
        }
        self.eat(T::Rpar)?;
        Some(mk(
            self.extra(start),
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
        ))
    }

    /// `list: '[' [star_named_expressions] ']'`
    pub(crate) fn list(&mut self) -> Option<Expr> {
        let start = self.start()?;
        self.eat(T::Lsqb)?;
        let elts = self.alt(|p| p.star_named_expressions()).unwrap_or_default();
        self.eat(T::Rsqb)?;
        Some(mk(
            self.extra(start),
            ExprKind::List {
                elts,
                ctx: ExprContext::Load,
            },
        ))
    }

    /// `set: '{' star_named_expressions '}'`
    fn set(&mut self) -> Option<Expr> {
        let start = self.start()?;
        self.eat(T::Lbrace)?;
        let elts = self.star_named_expressions()?;
        self.eat(T::Rbrace)?;
        Some(mk(self.extra(start), ExprKind::Set { elts }))
    }

    /// `dict: '{' [double_starred_kvpairs] '}' | '{' invalid_double_starred_kvpairs '}'`
    fn dict(&mut self) -> Option<Expr> {
        let start = self.start()?;
        if let Some(e) = self.alt(|p| {
            p.eat(T::Lbrace)?;
            let pairs = p.alt(|p| p.double_starred_kvpairs()).unwrap_or_default();
            p.eat(T::Rbrace)?;
            let (keys, values) = pairs.into_iter().unzip();
            Some(mk(p.extra(start), ExprKind::Dict { keys, values }))
        }) {
            return Some(e);
        }
        if self.call_invalid_rules && self.error.is_none() {
            self.alt(|p| {
                p.eat(T::Lbrace)?;
                p.invalid_double_starred_kvpairs()?;
                p.eat(T::Rbrace)
            });
        }
        None
    }

    /// `double_starred_kvpairs: ','.double_starred_kvpair+ [',']`
    fn double_starred_kvpairs(&mut self) -> Option<Vec<(Option<Expr>, Expr)>> {
        let v = self.gather(|p| p.double_starred_kvpair())?;
        self.eat(T::Comma);
        Some(v)
    }

    /// `double_starred_kvpair: '**' bitwise_or | kvpair`
    pub(crate) fn double_starred_kvpair(&mut self) -> Option<(Option<Expr>, Expr)> {
        if self.at(T::DoubleStar) {
            if let Some(a) = self.alt(|p| {
                p.mark += 1;
                p.bitwise_or()
            }) {
                return Some((None, a));
            }
        }
        let (k, v) = self.kvpair()?;
        Some((Some(k), v))
    }

    /// `kvpair: expression ':' expression`
    pub(crate) fn kvpair(&mut self) -> Option<(Expr, Expr)> {
        self.alt(|p| {
            let a = p.expression()?;
            p.eat(T::Colon)?;
            let b = p.expression()?;
            Some((a, b))
        })
    }

    /// `for_if_clauses: for_if_clause+`
    pub(crate) fn for_if_clauses(&mut self) -> Option<Vec<Comprehension>> {
        self.repeat1(|p| p.for_if_clause())
    }

    /// `for_if_clause`
    fn for_if_clause(&mut self) -> Option<Comprehension> {
        let m = self.mark;
        let is_async = self.at(T::Async);
        let mut cut = false;
        let r = self.alt(|p| {
            if is_async {
                p.mark += 1;
            }
            p.eat(T::For)?;
            let target = p.star_targets()?;
            p.eat(T::In)?;
            cut = true;
            let iter = p.disjunction()?;
            let ifs = p.repeat0(|p| {
                p.eat(T::If)?;
                p.disjunction()
            });
            Some(Comprehension {
                target,
                iter,
                ifs,
                is_async: is_async as u32,
            })
        });
        if r.is_some() || cut || self.error.is_some() {
            return r;
        }
        self.mark = m;
        if self.call_invalid_rules {
            self.alt(|p| p.invalid_for_target());
        }
        None
    }

    /// `listcomp: '[' named_expression for_if_clauses ']' | invalid_comprehension`
    fn listcomp(&mut self) -> Option<Expr> {
        let start = self.start()?;
        if let Some(e) = self.alt(|p| {
            p.eat(T::Lsqb)?;
            let a = p.named_expression()?;
            let b = p.for_if_clauses()?;
            p.eat(T::Rsqb)?;
            Some(mk(
                p.extra(start),
                ExprKind::ListComp {
                    elt: Box::new(a),
                    generators: b,
                },
            ))
        }) {
            return Some(e);
        }
        if self.call_invalid_rules && self.error.is_none() {
            self.alt(|p| p.invalid_comprehension());
        }
        None
    }

    /// `setcomp: '{' named_expression for_if_clauses '}' | invalid_comprehension`
    fn setcomp(&mut self) -> Option<Expr> {
        let start = self.start()?;
        if let Some(e) = self.alt(|p| {
            p.eat(T::Lbrace)?;
            let a = p.named_expression()?;
            let b = p.for_if_clauses()?;
            p.eat(T::Rbrace)?;
            Some(mk(
                p.extra(start),
                ExprKind::SetComp {
                    elt: Box::new(a),
                    generators: b,
                },
            ))
        }) {
            return Some(e);
        }
        if self.call_invalid_rules && self.error.is_none() {
            self.alt(|p| p.invalid_comprehension());
        }
        None
    }

    /// `genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
    ///        | invalid_comprehension`
    pub(crate) fn genexp(&mut self) -> Option<Expr> {
        let start = self.start()?;
        if let Some(e) = self.alt(|p| {
            p.eat(T::Lpar)?;
            let a = match p.assignment_expression() {
                Some(a) => a,
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
            let b = p.for_if_clauses()?;
            p.eat(T::Rpar)?;
            Some(mk(
                p.extra(start),
                ExprKind::GeneratorExp {
                    elt: Box::new(a),
                    generators: b,
                },
            ))
        }) {
            return Some(e);
        }
        if self.call_invalid_rules && self.error.is_none() {
            self.alt(|p| p.invalid_comprehension());
        }
        None
    }

    /// `dictcomp: '{' kvpair for_if_clauses '}' | invalid_dict_comprehension`
    fn dictcomp(&mut self) -> Option<Expr> {
        let start = self.start()?;
        if let Some(e) = self.alt(|p| {
            p.eat(T::Lbrace)?;
            let (k, v) = p.kvpair()?;
            let b = p.for_if_clauses()?;
            p.eat(T::Rbrace)?;
            Some(mk(
                p.extra(start),
                ExprKind::DictComp {
                    key: Box::new(k),
                    value: Box::new(v),
                    generators: b,
                },
            ))
        }) {
            return Some(e);
        }
        if self.call_invalid_rules && self.error.is_none() {
            self.alt(|p| p.invalid_dict_comprehension());
        }
        None
    }

    /// `starred_expression: '*' expression`
    pub(crate) fn starred_expression(&mut self) -> Option<Expr> {
        let start = self.start()?;
        if !self.at(T::Star) {
            return None;
        }
        self.alt(|p| {
            p.mark += 1;
            let a = p.expression()?;
            Some(mk(
                p.extra(start),
                ExprKind::Starred {
                    value: Box::new(a),
                    ctx: ExprContext::Load,
                },
            ))
        })
    }
}

/// The identifier of a `Name` expression.
pub(crate) fn name_id(e: Expr) -> Identifier {
    match e.kind {
        ExprKind::Name { id, .. } => id,
        _ => Identifier::default(),
    }
}

/// Splits the dummy `Call` that `arguments` builds into its args and keywords.
pub(crate) fn split_call(b: Option<Expr>) -> (Vec<Expr>, Vec<crate::ast::Keyword>) {
    match b {
        Some(Expr {
            kind: ExprKind::Call { args, keywords, .. },
            ..
        }) => (args, keywords),
        _ => (Vec::new(), Vec::new()),
    }
}
