//! Checking a syntax tree that was built by hand before it is compiled (CPython's
//! `Python/ast.c`, `_PyAST_Validate`).
//!
//! The parser only ever makes well-formed trees; `compile()` also accepts `ast` objects a
//! program put together, and those may break the rules the compiler relies on: an expression in
//! a `Store` context where only loads make sense, a `Dict` with more keys than values, an empty
//! function body, a `Try` with neither handlers nor `finally`. Each rule here is one of
//! CPython 3.11's, with its exception type and message, checked in the same order, so that a
//! bad tree fails the same way it fails in CPython and never reaches code generation.
//!
//! What CPython checks while converting the objects (field presence and types, `None` in a
//! list, node positions) is the converter's job (`taipan-vm`'s `_ast` module); the tree here
//! cannot hold a missing node.

use crate::ast::*;

/// The exception a failed check raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    Value,
    Type,
    Recursion,
}

/// Why a tree was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidateError {
    pub kind: ErrorKind,
    pub message: String,
}

type Result<T = ()> = std::result::Result<T, ValidateError>;

fn value_error(msg: impl Into<String>) -> ValidateError {
    ValidateError {
        kind: ErrorKind::Value,
        message: msg.into(),
    }
}

/// Checks `module` as `_PyAST_Validate` does. `recursion_limit` bounds the nesting depth
/// (CPython uses three times `sys.getrecursionlimit()`, less what is already in use).
pub fn validate_mod(module: &Mod, recursion_limit: u32) -> Result {
    let mut v = Validator {
        depth: 0,
        limit: recursion_limit,
    };
    match module {
        Mod::Module { body, .. } => v.stmts(body),
        Mod::Interactive { body } => v.stmts(body),
        Mod::Expression { body } => v.expr(body, ExprContext::Load),
        Mod::FunctionType { argtypes, returns } => {
            v.exprs(argtypes, ExprContext::Load)?;
            v.expr(returns, ExprContext::Load)
        }
    }
}

struct Validator {
    depth: u32,
    limit: u32,
}

fn ctx_name(ctx: ExprContext) -> &'static str {
    match ctx {
        ExprContext::Load => "Load",
        ExprContext::Store => "Store",
        ExprContext::Del => "Del",
    }
}

fn validate_name(name: &str) -> Result {
    for forbidden in ["None", "True", "False"] {
        if name == forbidden {
            return Err(value_error(format!(
                "identifier field can't represent '{forbidden}' constant"
            )));
        }
    }
    Ok(())
}

fn validate_capture(name: &str) -> Result {
    if name == "_" {
        return Err(value_error("can't capture name '_' in patterns"));
    }
    validate_name(name)
}

fn nonempty<T>(seq: &[T], what: &str, owner: &str) -> Result {
    if seq.is_empty() {
        Err(value_error(format!("empty {what} on {owner}")))
    } else {
        Ok(())
    }
}

fn is_real_literal(c: &Constant) -> bool {
    matches!(c, Constant::Int(_) | Constant::Float(_))
}

/// `-<number>` (`ensure_literal_negative`).
fn literal_negative(e: &Expr, real: bool, imaginary: bool) -> bool {
    match &e.kind {
        ExprKind::UnaryOp {
            op: UnaryOp::USub,
            operand,
        } => match &operand.kind {
            ExprKind::Constant { value, .. } => {
                (real && is_real_literal(value))
                    || (imaginary && matches!(value, Constant::Complex { .. }))
            }
            _ => false,
        },
        _ => false,
    }
}

/// `<real> +/- <imaginary>` (`ensure_literal_complex`).
fn literal_complex(e: &Expr) -> bool {
    let ExprKind::BinOp { left, op, right } = &e.kind else {
        return false;
    };
    if !matches!(op, Operator::Add | Operator::Sub) {
        return false;
    }
    let left_ok = match &left.kind {
        ExprKind::Constant { value, .. } => is_real_literal(value),
        ExprKind::UnaryOp { .. } => literal_negative(left, true, false),
        _ => false,
    };
    left_ok
        && matches!(
            &right.kind,
            ExprKind::Constant {
                value: Constant::Complex { .. },
                ..
            }
        )
}

impl Validator {
    fn enter(&mut self) -> Result {
        self.depth += 1;
        if self.depth > self.limit {
            return Err(ValidateError {
                kind: ErrorKind::Recursion,
                message: "maximum recursion depth exceeded during compilation".into(),
            });
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn body(&mut self, body: &[Stmt], owner: &str) -> Result {
        nonempty(body, "body", owner)?;
        self.stmts(body)
    }

    fn exprs(&mut self, exprs: &[Expr], ctx: ExprContext) -> Result {
        exprs.iter().try_for_each(|e| self.expr(e, ctx))
    }

    fn opt_expr(&mut self, e: &Option<Box<Expr>>) -> Result {
        match e {
            Some(e) => self.expr(e, ExprContext::Load),
            None => Ok(()),
        }
    }

    fn keywords(&mut self, keywords: &[Keyword]) -> Result {
        keywords
            .iter()
            .try_for_each(|k| self.expr(&k.value, ExprContext::Load))
    }

    fn args(&mut self, args: &[Arg]) -> Result {
        args.iter().try_for_each(|a| self.opt_expr(&a.annotation))
    }

    fn arguments(&mut self, a: &Arguments) -> Result {
        self.args(&a.posonlyargs)?;
        self.args(&a.args)?;
        if let Some(v) = &a.vararg {
            self.opt_expr(&v.annotation)?;
        }
        self.args(&a.kwonlyargs)?;
        if let Some(k) = &a.kwarg {
            self.opt_expr(&k.annotation)?;
        }
        if a.defaults.len() > a.posonlyargs.len() + a.args.len() {
            return Err(value_error(
                "more positional defaults than args on arguments",
            ));
        }
        if a.kw_defaults.len() != a.kwonlyargs.len() {
            return Err(value_error(
                "length of kwonlyargs is not the same as kw_defaults on arguments",
            ));
        }
        self.exprs(&a.defaults, ExprContext::Load)?;
        a.kw_defaults
            .iter()
            .flatten()
            .try_for_each(|e| self.expr(e, ExprContext::Load))
    }

    fn comprehension(&mut self, gens: &[Comprehension]) -> Result {
        if gens.is_empty() {
            return Err(value_error("comprehension with no generators"));
        }
        for g in gens {
            self.expr(&g.target, ExprContext::Store)?;
            self.expr(&g.iter, ExprContext::Load)?;
            self.exprs(&g.ifs, ExprContext::Load)?;
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr, ctx: ExprContext) -> Result {
        self.enter()?;
        let actual = match &e.kind {
            ExprKind::Attribute { ctx, .. }
            | ExprKind::Subscript { ctx, .. }
            | ExprKind::Starred { ctx, .. }
            | ExprKind::List { ctx, .. }
            | ExprKind::Tuple { ctx, .. } => Some(*ctx),
            ExprKind::Name { id, ctx } => {
                validate_name(id)?;
                Some(*ctx)
            }
            _ => None,
        };
        match actual {
            None if ctx != ExprContext::Load => {
                return Err(value_error(format!(
                    "expression which can't be assigned to in {} context",
                    ctx_name(ctx)
                )))
            }
            Some(actual) if actual != ctx => {
                return Err(value_error(format!(
                    "expression must have {} context but has {} instead",
                    ctx_name(ctx),
                    ctx_name(actual)
                )))
            }
            _ => {}
        }
        use ExprContext::Load;
        match &e.kind {
            ExprKind::BoolOp { values, .. } => {
                if values.len() < 2 {
                    return Err(value_error("BoolOp with less than 2 values"));
                }
                self.exprs(values, Load)?;
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left, Load)?;
                self.expr(right, Load)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand, Load)?,
            ExprKind::Lambda { args, body } => {
                self.arguments(args)?;
                self.expr(body, Load)?;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test, Load)?;
                self.expr(body, Load)?;
                self.expr(orelse, Load)?;
            }
            ExprKind::Dict { keys, values } => {
                if keys.len() != values.len() {
                    return Err(value_error(
                        "Dict doesn't have the same number of keys as values",
                    ));
                }
                for k in keys.iter().flatten() {
                    self.expr(k, Load)?;
                }
                self.exprs(values, Load)?;
            }
            ExprKind::Set { elts } => self.exprs(elts, Load)?,
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(generators)?;
                self.expr(elt, Load)?;
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.comprehension(generators)?;
                self.expr(key, Load)?;
                self.expr(value, Load)?;
            }
            ExprKind::Yield { value } => self.opt_expr(value)?,
            ExprKind::YieldFrom { value } | ExprKind::Await { value } => self.expr(value, Load)?,
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                if comparators.is_empty() {
                    return Err(value_error("Compare with no comparators"));
                }
                if comparators.len() != ops.len() {
                    return Err(value_error(
                        "Compare has a different number of comparators and operands",
                    ));
                }
                self.exprs(comparators, Load)?;
                self.expr(left, Load)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func, Load)?;
                self.exprs(args, Load)?;
                self.keywords(keywords)?;
            }
            // The converter admits only the constant types CPython admits.
            ExprKind::Constant { .. } => {}
            ExprKind::JoinedStr { values } => self.exprs(values, Load)?,
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value, Load)?;
                self.opt_expr(format_spec)?;
            }
            ExprKind::Attribute { value, .. } => self.expr(value, Load)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(slice, Load)?;
                self.expr(value, Load)?;
            }
            ExprKind::Starred { value, .. } => self.expr(value, ctx)?,
            ExprKind::Slice { lower, upper, step } => {
                self.opt_expr(lower)?;
                self.opt_expr(upper)?;
                self.opt_expr(step)?;
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.exprs(elts, ctx)?,
            ExprKind::NamedExpr { value, .. } => self.expr(value, Load)?,
            ExprKind::Name { .. } => {}
        }
        self.depth -= 1;
        Ok(())
    }

    fn match_value(&mut self, e: &Expr) -> Result {
        self.expr(e, ExprContext::Load)?;
        match &e.kind {
            ExprKind::Constant { value, .. } => {
                if matches!(
                    value,
                    Constant::Int(_)
                        | Constant::Float(_)
                        | Constant::Bytes(_)
                        | Constant::Complex { .. }
                        | Constant::Str(_)
                ) {
                    return Ok(());
                }
                return Err(value_error(
                    "unexpected constant inside of a literal pattern",
                ));
            }
            ExprKind::Attribute { .. } | ExprKind::JoinedStr { .. } => return Ok(()),
            ExprKind::UnaryOp { .. } if literal_negative(e, true, true) => return Ok(()),
            ExprKind::BinOp { .. } if literal_complex(e) => return Ok(()),
            _ => {}
        }
        Err(value_error(
            "patterns may only match literals and attribute lookups",
        ))
    }

    fn patterns(&mut self, patterns: &[Pattern], star_ok: bool) -> Result {
        patterns.iter().try_for_each(|p| self.pattern(p, star_ok))
    }

    fn pattern(&mut self, p: &Pattern, star_ok: bool) -> Result {
        self.enter()?;
        match &p.kind {
            PatternKind::MatchValue { value } => self.match_value(value)?,
            PatternKind::MatchSingleton { value } => {
                if !matches!(value, Constant::None | Constant::Bool(_)) {
                    return Err(value_error(
                        "MatchSingleton can only contain True, False and None",
                    ));
                }
            }
            PatternKind::MatchSequence { patterns } => self.patterns(patterns, true)?,
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                if keys.len() != patterns.len() {
                    return Err(value_error(
                        "MatchMapping doesn't have the same number of keys as patterns",
                    ));
                }
                if let Some(rest) = rest {
                    validate_capture(rest)?;
                }
                for key in keys {
                    if let ExprKind::Constant {
                        value: Constant::None | Constant::Bool(_),
                        ..
                    } = &key.kind
                    {
                        continue;
                    }
                    self.match_value(key)?;
                }
                self.patterns(patterns, false)?;
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                if kwd_attrs.len() != kwd_patterns.len() {
                    return Err(value_error(
                        "MatchClass doesn't have the same number of keyword attributes as patterns",
                    ));
                }
                self.expr(cls, ExprContext::Load)?;
                let mut c: &Expr = cls;
                loop {
                    match &c.kind {
                        ExprKind::Name { .. } => break,
                        ExprKind::Attribute { value, .. } => c = value,
                        _ => {
                            return Err(value_error(
                                "MatchClass cls field can only contain Name or Attribute nodes.",
                            ))
                        }
                    }
                }
                for a in kwd_attrs {
                    validate_name(a)?;
                }
                self.patterns(patterns, false)?;
                self.patterns(kwd_patterns, false)?;
            }
            PatternKind::MatchStar { name } => {
                if !star_ok {
                    return Err(value_error("can't use MatchStar here"));
                }
                if let Some(n) = name {
                    validate_capture(n)?;
                }
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(n) = name {
                    validate_capture(n)?;
                }
                match (pattern, name) {
                    (None, _) => {}
                    (Some(_), None) => {
                        return Err(value_error(
                            "MatchAs must specify a target name if a pattern is given",
                        ))
                    }
                    (Some(p), Some(_)) => self.pattern(p, false)?,
                }
            }
            PatternKind::MatchOr { patterns } => {
                if patterns.len() < 2 {
                    return Err(value_error("MatchOr requires at least 2 patterns"));
                }
                self.patterns(patterns, false)?;
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn with_items(&mut self, items: &[WithItem], owner: &str) -> Result {
        nonempty(items, "items", owner)?;
        for item in items {
            self.expr(&item.context_expr, ExprContext::Load)?;
            if let Some(v) = &item.optional_vars {
                self.expr(v, ExprContext::Store)?;
            }
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn try_stmt(
        &mut self,
        owner: &str,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
    ) -> Result {
        self.body(body, owner)?;
        if handlers.is_empty() && finalbody.is_empty() {
            return Err(value_error(format!(
                "{owner} has neither except handlers nor finalbody"
            )));
        }
        if handlers.is_empty() && !orelse.is_empty() {
            return Err(value_error(format!(
                "{owner} has orelse but no except handlers"
            )));
        }
        for h in handlers {
            self.opt_expr(&h.type_)?;
            self.body(&h.body, "ExceptHandler")?;
        }
        self.stmts(finalbody)?;
        self.stmts(orelse)
    }

    fn stmt(&mut self, s: &Stmt) -> Result {
        use ExprContext::{Del, Load, Store};
        self.enter()?;
        match &s.kind {
            StmtKind::FunctionDef {
                args,
                body,
                decorator_list,
                returns,
                ..
            }
            | StmtKind::AsyncFunctionDef {
                args,
                body,
                decorator_list,
                returns,
                ..
            } => {
                let owner = match s.kind {
                    StmtKind::FunctionDef { .. } => "FunctionDef",
                    _ => "AsyncFunctionDef",
                };
                self.body(body, owner)?;
                self.arguments(args)?;
                self.exprs(decorator_list, Load)?;
                self.opt_expr(returns)?;
            }
            StmtKind::ClassDef {
                bases,
                keywords,
                body,
                decorator_list,
                ..
            } => {
                self.body(body, "ClassDef")?;
                self.exprs(bases, Load)?;
                self.keywords(keywords)?;
                self.exprs(decorator_list, Load)?;
            }
            StmtKind::Return { value } => self.opt_expr(value)?,
            StmtKind::Delete { targets } => {
                nonempty(targets, "targets", "Delete")?;
                self.exprs(targets, Del)?;
            }
            StmtKind::Assign { targets, value, .. } => {
                nonempty(targets, "targets", "Assign")?;
                self.exprs(targets, Store)?;
                self.expr(value, Load)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target, Store)?;
                self.expr(value, Load)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if *simple != 0 && !matches!(target.kind, ExprKind::Name { .. }) {
                    return Err(ValidateError {
                        kind: ErrorKind::Type,
                        message: "AnnAssign with simple non-Name target".into(),
                    });
                }
                self.expr(target, Store)?;
                self.opt_expr(value)?;
                self.expr(annotation, Load)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            }
            | StmtKind::AsyncFor {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                let owner = match s.kind {
                    StmtKind::For { .. } => "For",
                    _ => "AsyncFor",
                };
                self.expr(target, Store)?;
                self.expr(iter, Load)?;
                self.body(body, owner)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test, Load)?;
                self.body(body, "While")?;
                self.stmts(orelse)?;
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test, Load)?;
                self.body(body, "If")?;
                self.stmts(orelse)?;
            }
            StmtKind::With { items, body, .. } | StmtKind::AsyncWith { items, body, .. } => {
                let owner = match s.kind {
                    StmtKind::With { .. } => "With",
                    _ => "AsyncWith",
                };
                self.with_items(items, owner)?;
                self.body(body, owner)?;
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject, Load)?;
                nonempty(cases, "cases", "Match")?;
                for c in cases {
                    self.pattern(&c.pattern, false)?;
                    self.opt_expr(&c.guard)?;
                    self.body(&c.body, "match_case")?;
                }
            }
            StmtKind::Raise { exc, cause } => match (exc, cause) {
                (Some(exc), cause) => {
                    self.expr(exc, Load)?;
                    self.opt_expr(cause)?;
                }
                (None, Some(_)) => {
                    return Err(value_error("Raise with cause but no exception"));
                }
                (None, None) => {}
            },
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.try_stmt("Try", body, handlers, orelse, finalbody)?,
            StmtKind::TryStar {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.try_stmt("TryStar", body, handlers, orelse, finalbody)?,
            StmtKind::Assert { test, msg } => {
                self.expr(test, Load)?;
                self.opt_expr(msg)?;
            }
            StmtKind::Import { names } => nonempty(names, "names", "Import")?,
            // A negative level is refused by the converter (the tree holds a u32).
            StmtKind::ImportFrom { names, .. } => nonempty(names, "names", "ImportFrom")?,
            StmtKind::Global { names } => nonempty(names, "names", "Global")?,
            StmtKind::Nonlocal { names } => nonempty(names, "names", "Nonlocal")?,
            StmtKind::Expr { value } => self.expr(value, Load)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        self.depth -= 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(src: &str) -> Result {
        let tree = crate::parse_module(src.as_bytes(), "<t>").expect("parses");
        validate_mod(&tree, 3000)
    }

    #[test]
    fn parsed_trees_are_valid() {
        for src in [
            "def f(a, /, b=1, *c, d, e=2, **g) -> int:\n    return a\n",
            "match x:\n    case [1, *rest] | {'k': -1 + 2j, **kw} if rest: pass\n    case C(a=1): pass\n",
            "try:\n    pass\nexcept* E:\n    pass\nelse:\n    pass\n",
            "x = {**a, 'b': [i async for i in y if i]}\n",
            "del a[0], b.c\nwith f() as (g, h): pass\n",
        ] {
            assert_eq!(check(src), Ok(()), "{src}");
        }
    }

    #[test]
    fn bad_trees_are_refused() {
        let mut tree = crate::parse_module(b"x = 1\n", "<t>").unwrap();
        if let Mod::Module { body, .. } = &mut tree {
            if let StmtKind::Assign { targets, .. } = &mut body[0].kind {
                if let ExprKind::Name { ctx, .. } = &mut targets[0].kind {
                    *ctx = ExprContext::Load;
                }
            }
        }
        let err = validate_mod(&tree, 3000).unwrap_err();
        assert_eq!(
            err.message,
            "expression must have Store context but has Load instead"
        );
        let deep = format!("x = {}1{}\n", "(".repeat(50), ")".repeat(50));
        let tree = crate::parse_module(deep.as_bytes(), "<t>").unwrap();
        assert_eq!(validate_mod(&tree, 3000), Ok(()));
        let tree = crate::parse_module(b"x = -(-(-(-1)))\n", "<t>").unwrap();
        assert_eq!(
            validate_mod(&tree, 3).unwrap_err().kind,
            ErrorKind::Recursion
        );
    }
}
