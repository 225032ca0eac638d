//! `ast.dump(tree, include_attributes=...)` of Python 3.11's `Lib/ast.py` (with `indent=None`
//! and `annotate_fields=True`), byte for byte.
//!
//! The rules `ast.dump` follows, and this file with it: a node prints as `Name(field=value, ...)`
//! with its `_fields` in ASDL order, then (with `include_attributes`) its `_attributes`
//! (`lineno, col_offset, end_lineno, end_col_offset`); a field whose value is `None` is left
//! out when the class default is `None`, which is the case exactly for optional (`?`) fields
//! and the optional `end_*` attributes; `None` inside a list (`Dict.keys`,
//! `arguments.kw_defaults`) prints as `None`; lists print as `[a, b]`; plain values print with
//! `repr()` ([`crate::pyrepr`]). Everything is written into one `String`.

use std::fmt::Write as _;

use crate::ast::*;
use crate::pyrepr::{write_constant, write_str_repr};

/// What `ast.dump(tree, include_attributes=...)` returns for this tree (no indent).
pub fn dump(tree: &Mod, include_attributes: bool) -> String {
    let mut d = Dumper {
        out: String::with_capacity(4096),
        attrs: include_attributes,
    };
    d.module(tree);
    d.out
}

/// Dumps one expression (useful to tests and tools that compare subtrees).
pub fn dump_expr(expr: &Expr, include_attributes: bool) -> String {
    let mut d = Dumper {
        out: String::new(),
        attrs: include_attributes,
    };
    d.expr(expr);
    d.out
}

struct Dumper {
    out: String,
    attrs: bool,
}

/// Writes `, ` before every field but the first of a node.
struct Sep(bool);

impl Dumper {
    fn key(&mut self, sep: &mut Sep, name: &str) {
        if sep.0 {
            self.out.push_str(", ");
        }
        sep.0 = true;
        self.out.push_str(name);
        self.out.push('=');
    }

    fn open(&mut self, name: &str) -> Sep {
        self.out.push_str(name);
        self.out.push('(');
        Sep(false)
    }

    fn int(&mut self, sep: &mut Sep, name: &str, v: i64) {
        self.key(sep, name);
        let _ = write!(self.out, "{v}");
    }

    fn ident(&mut self, sep: &mut Sep, name: &str, v: &str) {
        self.key(sep, name);
        write_str_repr(&mut self.out, v.chars().map(u32::from));
    }

    fn opt_ident<S: AsRef<str>>(&mut self, sep: &mut Sep, name: &str, v: &Option<S>) {
        if let Some(v) = v {
            self.ident(sep, name, v.as_ref());
        }
    }

    fn ident_list(&mut self, sep: &mut Sep, name: &str, v: &[Identifier]) {
        self.key(sep, name);
        self.out.push('[');
        for (i, s) in v.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            write_str_repr(&mut self.out, s.chars().map(u32::from));
        }
        self.out.push(']');
    }

    /// Closes a node, writing its location attributes first when asked to.
    fn close_loc(&mut self, mut sep: Sep, loc: &Loc) {
        if self.attrs {
            self.int(&mut sep, "lineno", i64::from(loc.lineno));
            self.int(&mut sep, "col_offset", i64::from(loc.col_offset));
            self.int(&mut sep, "end_lineno", i64::from(loc.end_lineno));
            self.int(&mut sep, "end_col_offset", i64::from(loc.end_col_offset));
        }
        self.out.push(')');
    }

    fn list<T>(&mut self, sep: &mut Sep, name: &str, items: &[T], f: fn(&mut Self, &T)) {
        self.key(sep, name);
        self.out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            f(self, item);
        }
        self.out.push(']');
    }

    fn stmts(&mut self, sep: &mut Sep, name: &str, v: &[Stmt]) {
        self.list(sep, name, v, Self::stmt);
    }

    fn exprs(&mut self, sep: &mut Sep, name: &str, v: &[Expr]) {
        self.list(sep, name, v, Self::expr);
    }

    fn opt_expr_item(&mut self, e: &Option<Expr>) {
        match e {
            Some(e) => self.expr(e),
            None => self.out.push_str("None"),
        }
    }

    fn field_expr(&mut self, sep: &mut Sep, name: &str, e: &Expr) {
        self.key(sep, name);
        self.expr(e);
    }

    fn opt_expr(&mut self, sep: &mut Sep, name: &str, e: &Option<Box<Expr>>) {
        if let Some(e) = e {
            self.field_expr(sep, name, e);
        }
    }

    fn module(&mut self, m: &Mod) {
        match m {
            Mod::Module { body, type_ignores } => {
                let mut s = self.open("Module");
                self.stmts(&mut s, "body", body);
                self.list(&mut s, "type_ignores", type_ignores, Self::type_ignore);
                self.out.push(')');
            }
            Mod::Interactive { body } => {
                let mut s = self.open("Interactive");
                self.stmts(&mut s, "body", body);
                self.out.push(')');
            }
            Mod::Expression { body } => {
                let mut s = self.open("Expression");
                self.field_expr(&mut s, "body", body);
                self.out.push(')');
            }
            Mod::FunctionType { argtypes, returns } => {
                let mut s = self.open("FunctionType");
                self.exprs(&mut s, "argtypes", argtypes);
                self.field_expr(&mut s, "returns", returns);
                self.out.push(')');
            }
        }
    }

    fn type_ignore(&mut self, t: &TypeIgnore) {
        let mut s = self.open("TypeIgnore");
        self.int(&mut s, "lineno", i64::from(t.lineno));
        self.ident(&mut s, "tag", &t.tag);
        self.out.push(')');
    }

    fn stmt(&mut self, st: &Stmt) {
        use StmtKind::*;
        let s = match &st.kind {
            FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                type_comment,
            }
            | AsyncFunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                type_comment,
            } => {
                let cls = if matches!(st.kind, FunctionDef { .. }) {
                    "FunctionDef"
                } else {
                    "AsyncFunctionDef"
                };
                let mut s = self.open(cls);
                self.ident(&mut s, "name", name);
                self.key(&mut s, "args");
                self.arguments(args);
                self.stmts(&mut s, "body", body);
                self.exprs(&mut s, "decorator_list", decorator_list);
                self.opt_expr(&mut s, "returns", returns);
                self.opt_ident(&mut s, "type_comment", type_comment);
                s
            }
            ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => {
                let mut s = self.open("ClassDef");
                self.ident(&mut s, "name", name);
                self.exprs(&mut s, "bases", bases);
                self.list(&mut s, "keywords", keywords, Self::keyword);
                self.stmts(&mut s, "body", body);
                self.exprs(&mut s, "decorator_list", decorator_list);
                s
            }
            Return { value } => {
                let mut s = self.open("Return");
                self.opt_expr(&mut s, "value", value);
                s
            }
            Delete { targets } => {
                let mut s = self.open("Delete");
                self.exprs(&mut s, "targets", targets);
                s
            }
            Assign {
                targets,
                value,
                type_comment,
            } => {
                let mut s = self.open("Assign");
                self.exprs(&mut s, "targets", targets);
                self.field_expr(&mut s, "value", value);
                self.opt_ident(&mut s, "type_comment", type_comment);
                s
            }
            AugAssign { target, op, value } => {
                let mut s = self.open("AugAssign");
                self.field_expr(&mut s, "target", target);
                self.key(&mut s, "op");
                self.operator(*op);
                self.field_expr(&mut s, "value", value);
                s
            }
            AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                let mut s = self.open("AnnAssign");
                self.field_expr(&mut s, "target", target);
                self.field_expr(&mut s, "annotation", annotation);
                self.opt_expr(&mut s, "value", value);
                self.int(&mut s, "simple", i64::from(*simple));
                s
            }
            For {
                target,
                iter,
                body,
                orelse,
                type_comment,
            }
            | AsyncFor {
                target,
                iter,
                body,
                orelse,
                type_comment,
            } => {
                let cls = if matches!(st.kind, For { .. }) {
                    "For"
                } else {
                    "AsyncFor"
                };
                let mut s = self.open(cls);
                self.field_expr(&mut s, "target", target);
                self.field_expr(&mut s, "iter", iter);
                self.stmts(&mut s, "body", body);
                self.stmts(&mut s, "orelse", orelse);
                self.opt_ident(&mut s, "type_comment", type_comment);
                s
            }
            While { test, body, orelse } | If { test, body, orelse } => {
                let cls = if matches!(st.kind, While { .. }) {
                    "While"
                } else {
                    "If"
                };
                let mut s = self.open(cls);
                self.field_expr(&mut s, "test", test);
                self.stmts(&mut s, "body", body);
                self.stmts(&mut s, "orelse", orelse);
                s
            }
            With {
                items,
                body,
                type_comment,
            }
            | AsyncWith {
                items,
                body,
                type_comment,
            } => {
                let cls = if matches!(st.kind, With { .. }) {
                    "With"
                } else {
                    "AsyncWith"
                };
                let mut s = self.open(cls);
                self.list(&mut s, "items", items, Self::withitem);
                self.stmts(&mut s, "body", body);
                self.opt_ident(&mut s, "type_comment", type_comment);
                s
            }
            Match { subject, cases } => {
                let mut s = self.open("Match");
                self.field_expr(&mut s, "subject", subject);
                self.list(&mut s, "cases", cases, Self::match_case);
                s
            }
            Raise { exc, cause } => {
                let mut s = self.open("Raise");
                self.opt_expr(&mut s, "exc", exc);
                self.opt_expr(&mut s, "cause", cause);
                s
            }
            Try {
                body,
                handlers,
                orelse,
                finalbody,
            }
            | TryStar {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                let cls = if matches!(st.kind, Try { .. }) {
                    "Try"
                } else {
                    "TryStar"
                };
                let mut s = self.open(cls);
                self.stmts(&mut s, "body", body);
                self.list(&mut s, "handlers", handlers, Self::excepthandler);
                self.stmts(&mut s, "orelse", orelse);
                self.stmts(&mut s, "finalbody", finalbody);
                s
            }
            Assert { test, msg } => {
                let mut s = self.open("Assert");
                self.field_expr(&mut s, "test", test);
                self.opt_expr(&mut s, "msg", msg);
                s
            }
            Import { names } => {
                let mut s = self.open("Import");
                self.list(&mut s, "names", names, Self::alias);
                s
            }
            ImportFrom {
                module,
                names,
                level,
            } => {
                let mut s = self.open("ImportFrom");
                self.opt_ident(&mut s, "module", module);
                self.list(&mut s, "names", names, Self::alias);
                self.int(&mut s, "level", i64::from(*level));
                s
            }
            Global { names } => {
                let mut s = self.open("Global");
                self.ident_list(&mut s, "names", names);
                s
            }
            Nonlocal { names } => {
                let mut s = self.open("Nonlocal");
                self.ident_list(&mut s, "names", names);
                s
            }
            Expr { value } => {
                let mut s = self.open("Expr");
                self.field_expr(&mut s, "value", value);
                s
            }
            Pass => self.open("Pass"),
            Break => self.open("Break"),
            Continue => self.open("Continue"),
        };
        self.close_loc(s, &st.loc);
    }

    fn expr(&mut self, e: &Expr) {
        use ExprKind::*;
        let s = match &e.kind {
            BoolOp { op, values } => {
                let mut s = self.open("BoolOp");
                self.key(&mut s, "op");
                self.out.push_str(match op {
                    crate::ast::BoolOp::And => "And()",
                    crate::ast::BoolOp::Or => "Or()",
                });
                self.exprs(&mut s, "values", values);
                s
            }
            NamedExpr { target, value } => {
                let mut s = self.open("NamedExpr");
                self.field_expr(&mut s, "target", target);
                self.field_expr(&mut s, "value", value);
                s
            }
            BinOp { left, op, right } => {
                let mut s = self.open("BinOp");
                self.field_expr(&mut s, "left", left);
                self.key(&mut s, "op");
                self.operator(*op);
                self.field_expr(&mut s, "right", right);
                s
            }
            UnaryOp { op, operand } => {
                let mut s = self.open("UnaryOp");
                self.key(&mut s, "op");
                self.out.push_str(match op {
                    crate::ast::UnaryOp::Invert => "Invert()",
                    crate::ast::UnaryOp::Not => "Not()",
                    crate::ast::UnaryOp::UAdd => "UAdd()",
                    crate::ast::UnaryOp::USub => "USub()",
                });
                self.field_expr(&mut s, "operand", operand);
                s
            }
            Lambda { args, body } => {
                let mut s = self.open("Lambda");
                self.key(&mut s, "args");
                self.arguments(args);
                self.field_expr(&mut s, "body", body);
                s
            }
            IfExp { test, body, orelse } => {
                let mut s = self.open("IfExp");
                self.field_expr(&mut s, "test", test);
                self.field_expr(&mut s, "body", body);
                self.field_expr(&mut s, "orelse", orelse);
                s
            }
            Dict { keys, values } => {
                let mut s = self.open("Dict");
                self.list(&mut s, "keys", keys, Self::opt_expr_item);
                self.exprs(&mut s, "values", values);
                s
            }
            Set { elts } => {
                let mut s = self.open("Set");
                self.exprs(&mut s, "elts", elts);
                s
            }
            ListComp { elt, generators }
            | SetComp { elt, generators }
            | GeneratorExp { elt, generators } => {
                let cls = match e.kind {
                    ListComp { .. } => "ListComp",
                    SetComp { .. } => "SetComp",
                    _ => "GeneratorExp",
                };
                let mut s = self.open(cls);
                self.field_expr(&mut s, "elt", elt);
                self.list(&mut s, "generators", generators, Self::comprehension);
                s
            }
            DictComp {
                key,
                value,
                generators,
            } => {
                let mut s = self.open("DictComp");
                self.field_expr(&mut s, "key", key);
                self.field_expr(&mut s, "value", value);
                self.list(&mut s, "generators", generators, Self::comprehension);
                s
            }
            Await { value } => {
                let mut s = self.open("Await");
                self.field_expr(&mut s, "value", value);
                s
            }
            Yield { value } => {
                let mut s = self.open("Yield");
                self.opt_expr(&mut s, "value", value);
                s
            }
            YieldFrom { value } => {
                let mut s = self.open("YieldFrom");
                self.field_expr(&mut s, "value", value);
                s
            }
            Compare {
                left,
                ops,
                comparators,
            } => {
                let mut s = self.open("Compare");
                self.field_expr(&mut s, "left", left);
                self.list(&mut s, "ops", ops, |d, op| d.cmpop(*op));
                self.exprs(&mut s, "comparators", comparators);
                s
            }
            Call {
                func,
                args,
                keywords,
            } => {
                let mut s = self.open("Call");
                self.field_expr(&mut s, "func", func);
                self.exprs(&mut s, "args", args);
                self.list(&mut s, "keywords", keywords, Self::keyword);
                s
            }
            FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                let mut s = self.open("FormattedValue");
                self.field_expr(&mut s, "value", value);
                self.int(&mut s, "conversion", i64::from(*conversion));
                self.opt_expr(&mut s, "format_spec", format_spec);
                s
            }
            JoinedStr { values } => {
                let mut s = self.open("JoinedStr");
                self.exprs(&mut s, "values", values);
                s
            }
            Constant { value, kind } => {
                let mut s = self.open("Constant");
                self.key(&mut s, "value");
                write_constant(&mut self.out, value);
                self.opt_ident(&mut s, "kind", kind);
                s
            }
            Attribute { value, attr, ctx } => {
                let mut s = self.open("Attribute");
                self.field_expr(&mut s, "value", value);
                self.ident(&mut s, "attr", attr);
                self.ctx(&mut s, *ctx);
                s
            }
            Subscript { value, slice, ctx } => {
                let mut s = self.open("Subscript");
                self.field_expr(&mut s, "value", value);
                self.field_expr(&mut s, "slice", slice);
                self.ctx(&mut s, *ctx);
                s
            }
            Starred { value, ctx } => {
                let mut s = self.open("Starred");
                self.field_expr(&mut s, "value", value);
                self.ctx(&mut s, *ctx);
                s
            }
            Name { id, ctx } => {
                let mut s = self.open("Name");
                self.ident(&mut s, "id", id);
                self.ctx(&mut s, *ctx);
                s
            }
            List { elts, ctx } | Tuple { elts, ctx } => {
                let cls = if matches!(e.kind, List { .. }) {
                    "List"
                } else {
                    "Tuple"
                };
                let mut s = self.open(cls);
                self.exprs(&mut s, "elts", elts);
                self.ctx(&mut s, *ctx);
                s
            }
            Slice { lower, upper, step } => {
                let mut s = self.open("Slice");
                self.opt_expr(&mut s, "lower", lower);
                self.opt_expr(&mut s, "upper", upper);
                self.opt_expr(&mut s, "step", step);
                s
            }
        };
        self.close_loc(s, &e.loc);
    }

    fn ctx(&mut self, sep: &mut Sep, ctx: ExprContext) {
        self.key(sep, "ctx");
        self.out.push_str(match ctx {
            ExprContext::Load => "Load()",
            ExprContext::Store => "Store()",
            ExprContext::Del => "Del()",
        });
    }

    fn operator(&mut self, op: Operator) {
        self.out.push_str(match op {
            Operator::Add => "Add()",
            Operator::Sub => "Sub()",
            Operator::Mult => "Mult()",
            Operator::MatMult => "MatMult()",
            Operator::Div => "Div()",
            Operator::Mod => "Mod()",
            Operator::Pow => "Pow()",
            Operator::LShift => "LShift()",
            Operator::RShift => "RShift()",
            Operator::BitOr => "BitOr()",
            Operator::BitXor => "BitXor()",
            Operator::BitAnd => "BitAnd()",
            Operator::FloorDiv => "FloorDiv()",
        });
    }

    fn cmpop(&mut self, op: CmpOp) {
        self.out.push_str(match op {
            CmpOp::Eq => "Eq()",
            CmpOp::NotEq => "NotEq()",
            CmpOp::Lt => "Lt()",
            CmpOp::LtE => "LtE()",
            CmpOp::Gt => "Gt()",
            CmpOp::GtE => "GtE()",
            CmpOp::Is => "Is()",
            CmpOp::IsNot => "IsNot()",
            CmpOp::In => "In()",
            CmpOp::NotIn => "NotIn()",
        });
    }

    fn comprehension(&mut self, c: &Comprehension) {
        let mut s = self.open("comprehension");
        self.field_expr(&mut s, "target", &c.target);
        self.field_expr(&mut s, "iter", &c.iter);
        self.exprs(&mut s, "ifs", &c.ifs);
        self.int(&mut s, "is_async", i64::from(c.is_async));
        self.out.push(')');
    }

    fn excepthandler(&mut self, h: &ExceptHandler) {
        let mut s = self.open("ExceptHandler");
        self.opt_expr(&mut s, "type", &h.type_);
        self.opt_ident(&mut s, "name", &h.name);
        self.stmts(&mut s, "body", &h.body);
        self.close_loc(s, &h.loc);
    }

    fn arguments(&mut self, a: &Arguments) {
        let mut s = self.open("arguments");
        self.list(&mut s, "posonlyargs", &a.posonlyargs, Self::arg);
        self.list(&mut s, "args", &a.args, Self::arg);
        if let Some(v) = &a.vararg {
            self.key(&mut s, "vararg");
            self.arg(v);
        }
        self.list(&mut s, "kwonlyargs", &a.kwonlyargs, Self::arg);
        self.list(&mut s, "kw_defaults", &a.kw_defaults, Self::opt_expr_item);
        if let Some(v) = &a.kwarg {
            self.key(&mut s, "kwarg");
            self.arg(v);
        }
        self.exprs(&mut s, "defaults", &a.defaults);
        self.out.push(')');
    }

    fn arg(&mut self, a: &Arg) {
        let mut s = self.open("arg");
        self.ident(&mut s, "arg", &a.arg);
        self.opt_expr(&mut s, "annotation", &a.annotation);
        self.opt_ident(&mut s, "type_comment", &a.type_comment);
        self.close_loc(s, &a.loc);
    }

    fn keyword(&mut self, k: &Keyword) {
        let mut s = self.open("keyword");
        self.opt_ident(&mut s, "arg", &k.arg);
        self.field_expr(&mut s, "value", &k.value);
        self.close_loc(s, &k.loc);
    }

    fn alias(&mut self, a: &Alias) {
        let mut s = self.open("alias");
        self.ident(&mut s, "name", &a.name);
        self.opt_ident(&mut s, "asname", &a.asname);
        self.close_loc(s, &a.loc);
    }

    fn withitem(&mut self, w: &WithItem) {
        let mut s = self.open("withitem");
        self.field_expr(&mut s, "context_expr", &w.context_expr);
        self.opt_expr(&mut s, "optional_vars", &w.optional_vars);
        self.out.push(')');
    }

    fn match_case(&mut self, m: &MatchCase) {
        let mut s = self.open("match_case");
        self.key(&mut s, "pattern");
        self.pattern(&m.pattern);
        self.opt_expr(&mut s, "guard", &m.guard);
        self.stmts(&mut s, "body", &m.body);
        self.out.push(')');
    }

    fn pattern(&mut self, p: &Pattern) {
        use PatternKind::*;
        let s = match &p.kind {
            MatchValue { value } => {
                let mut s = self.open("MatchValue");
                self.field_expr(&mut s, "value", value);
                s
            }
            MatchSingleton { value } => {
                let mut s = self.open("MatchSingleton");
                self.key(&mut s, "value");
                write_constant(&mut self.out, value);
                s
            }
            MatchSequence { patterns } => {
                let mut s = self.open("MatchSequence");
                self.list(&mut s, "patterns", patterns, Self::pattern);
                s
            }
            MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                let mut s = self.open("MatchMapping");
                self.exprs(&mut s, "keys", keys);
                self.list(&mut s, "patterns", patterns, Self::pattern);
                self.opt_ident(&mut s, "rest", rest);
                s
            }
            MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                let mut s = self.open("MatchClass");
                self.field_expr(&mut s, "cls", cls);
                self.list(&mut s, "patterns", patterns, Self::pattern);
                self.ident_list(&mut s, "kwd_attrs", kwd_attrs);
                self.list(&mut s, "kwd_patterns", kwd_patterns, Self::pattern);
                s
            }
            MatchStar { name } => {
                let mut s = self.open("MatchStar");
                self.opt_ident(&mut s, "name", name);
                s
            }
            MatchAs { pattern, name } => {
                let mut s = self.open("MatchAs");
                if let Some(pat) = pattern {
                    self.key(&mut s, "pattern");
                    self.pattern(pat);
                }
                self.opt_ident(&mut s, "name", name);
                s
            }
            MatchOr { patterns } => {
                let mut s = self.open("MatchOr");
                self.list(&mut s, "patterns", patterns, Self::pattern);
                s
            }
        };
        self.close_loc(s, &p.loc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::{Constant as C, ExprKind as E, StmtKind as S};

    fn loc(l: u32, c: u32, el: u32, ec: u32) -> Loc {
        Loc::new(l, c, el, ec)
    }

    fn ex(l: Loc, kind: ExprKind) -> Expr {
        Expr { loc: l, kind }
    }

    /// The tree of `src` below, built by hand, against python3.11's dump of the same source.
    #[test]
    fn hand_built_tree_matches_python() {
        let src = "None\nfrom . import a as b\nreturn\nx: 'it\\'s' = {**a, 1: -2.5j}\n";
        let name_a = ex(
            loc(4, 16, 4, 17),
            E::Name {
                id: "a".into(),
                ctx: ExprContext::Load,
            },
        );
        let tree = Mod::Module {
            body: vec![
                Stmt {
                    loc: loc(1, 0, 1, 4),
                    kind: S::Expr {
                        value: Box::new(ex(
                            loc(1, 0, 1, 4),
                            E::Constant {
                                value: C::None,
                                kind: None,
                            },
                        )),
                    },
                },
                Stmt {
                    loc: loc(2, 0, 2, 20),
                    kind: S::ImportFrom {
                        module: None,
                        names: vec![Alias {
                            loc: loc(2, 14, 2, 20),
                            name: "a".into(),
                            asname: Some("b".into()),
                        }],
                        level: 1,
                    },
                },
                Stmt {
                    loc: loc(3, 0, 3, 6),
                    kind: S::Return { value: None },
                },
                Stmt {
                    loc: loc(4, 0, 4, 28),
                    kind: S::AnnAssign {
                        target: Box::new(ex(
                            loc(4, 0, 4, 1),
                            E::Name {
                                id: "x".into(),
                                ctx: ExprContext::Store,
                            },
                        )),
                        annotation: Box::new(ex(
                            loc(4, 3, 4, 10),
                            E::Constant {
                                value: C::Str(StrValue::Utf8("it's".into())),
                                kind: None,
                            },
                        )),
                        value: Some(Box::new(ex(
                            loc(4, 13, 4, 28),
                            E::Dict {
                                keys: vec![
                                    None,
                                    Some(ex(
                                        loc(4, 19, 4, 20),
                                        E::Constant {
                                            value: C::Int(IntValue::Small(1)),
                                            kind: None,
                                        },
                                    )),
                                ],
                                values: vec![
                                    name_a,
                                    ex(
                                        loc(4, 22, 4, 27),
                                        E::UnaryOp {
                                            op: UnaryOp::USub,
                                            operand: Box::new(ex(
                                                loc(4, 23, 4, 27),
                                                E::Constant {
                                                    value: C::Complex {
                                                        real: 0.0,
                                                        imag: 2.5,
                                                    },
                                                    kind: None,
                                                },
                                            )),
                                        },
                                    ),
                                ],
                            },
                        ))),
                        simple: 1,
                    },
                },
            ],
            type_ignores: vec![],
        };
        for attrs in [false, true] {
            let out = std::process::Command::new("/usr/bin/python3.11")
                .args([
                    "-c",
                    &format!(
                        "import ast,sys; print(ast.dump(ast.parse(sys.argv[1]), include_attributes={}), end='')",
                        if attrs { "True" } else { "False" }
                    ),
                    src,
                ])
                .output()
                .expect("python3.11 runs");
            // `return` outside a function parses (the compiler rejects it, not the parser).
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert_eq!(dump(&tree, attrs), String::from_utf8(out.stdout).unwrap());
        }
    }
}
