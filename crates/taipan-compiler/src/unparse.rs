//! `_PyAST_ExprAsUnicode`: an expression back to source text, for
//! annotations postponed by `from __future__ import annotations`.
//!
//! Follows CPython 3.11's `Python/ast_unparse.c`: precedence levels,
//! spacing, parenthesization, lambdas, comprehensions and f-strings.

use taipan_parser::ast::{self, BoolOp, CmpOp, Constant, Expr, ExprKind, Operator, UnaryOp};
use taipan_parser::pyrepr;

const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_EXPR: u8 = 6;
const PR_BOR: u8 = 6;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

/// The source text of an annotation.
pub fn unparse(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e, PR_TEST);
    out
}

fn seq(out: &mut String, items: &[Expr], level: u8) {
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, x, level);
    }
}

fn expr(out: &mut String, e: &Expr, level: u8) {
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            let (s, pr) = if *op == BoolOp::And {
                (" and ", PR_AND)
            } else {
                (" or ", PR_OR)
            };
            if level > pr {
                out.push('(');
            }
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push_str(s);
                }
                expr(out, v, pr + 1);
            }
            if level > pr {
                out.push(')');
            }
        }
        ExprKind::BinOp { left, op, right } => {
            let (s, pr, rassoc) = match op {
                Operator::Add => (" + ", PR_ARITH, false),
                Operator::Sub => (" - ", PR_ARITH, false),
                Operator::Mult => (" * ", PR_TERM, false),
                Operator::MatMult => (" @ ", PR_TERM, false),
                Operator::Div => (" / ", PR_TERM, false),
                Operator::Mod => (" % ", PR_TERM, false),
                Operator::LShift => (" << ", PR_SHIFT, false),
                Operator::RShift => (" >> ", PR_SHIFT, false),
                Operator::BitOr => (" | ", PR_BOR, false),
                Operator::BitXor => (" ^ ", PR_BXOR, false),
                Operator::BitAnd => (" & ", PR_BAND, false),
                Operator::FloorDiv => (" // ", PR_TERM, false),
                Operator::Pow => (" ** ", PR_POWER, true),
            };
            if level > pr {
                out.push('(');
            }
            expr(out, left, pr + rassoc as u8);
            out.push_str(s);
            expr(out, right, pr + !rassoc as u8);
            if level > pr {
                out.push(')');
            }
        }
        ExprKind::UnaryOp { op, operand } => {
            let (s, pr) = match op {
                UnaryOp::Invert => ("~", PR_FACTOR),
                UnaryOp::Not => ("not ", PR_NOT),
                UnaryOp::UAdd => ("+", PR_FACTOR),
                UnaryOp::USub => ("-", PR_FACTOR),
            };
            if level > pr {
                out.push('(');
            }
            out.push_str(s);
            expr(out, operand, pr);
            if level > pr {
                out.push(')');
            }
        }
        ExprKind::IfExp { test, body, orelse } => {
            if level > PR_TEST {
                out.push('(');
            }
            expr(out, body, PR_TEST + 1);
            out.push_str(" if ");
            expr(out, test, PR_TEST + 1);
            out.push_str(" else ");
            expr(out, orelse, PR_TEST);
            if level > PR_TEST {
                out.push(')');
            }
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        expr(out, k, PR_TEST);
                        out.push_str(": ");
                        expr(out, v, PR_TEST);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, v, PR_EXPR);
                    }
                }
            }
            out.push('}');
        }
        ExprKind::Set { elts } => {
            out.push('{');
            seq(out, elts, PR_TEST);
            out.push('}');
        }
        ExprKind::List { elts, .. } => {
            out.push('[');
            seq(out, elts, PR_TEST);
            out.push(']');
        }
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                out.push_str("()");
                return;
            }
            if level > PR_TUPLE {
                out.push('(');
            }
            seq(out, elts, PR_TEST);
            if elts.len() == 1 {
                out.push(',');
            }
            if level > PR_TUPLE {
                out.push(')');
            }
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            if level > PR_CMP {
                out.push('(');
            }
            expr(out, left, PR_CMP + 1);
            for (op, c) in ops.iter().zip(comparators) {
                out.push_str(match op {
                    CmpOp::Eq => " == ",
                    CmpOp::NotEq => " != ",
                    CmpOp::Lt => " < ",
                    CmpOp::LtE => " <= ",
                    CmpOp::Gt => " > ",
                    CmpOp::GtE => " >= ",
                    CmpOp::Is => " is ",
                    CmpOp::IsNot => " is not ",
                    CmpOp::In => " in ",
                    CmpOp::NotIn => " not in ",
                });
                expr(out, c, PR_CMP + 1);
            }
            if level > PR_CMP {
                out.push(')');
            }
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            expr(out, func, PR_ATOM);
            if args.len() == 1 && keywords.is_empty() {
                if let ExprKind::GeneratorExp { .. } = args[0].kind {
                    // A lone generator expression keeps its own parentheses.
                    expr(out, &args[0], PR_TEST);
                    return;
                }
            }
            out.push('(');
            let mut first = true;
            for a in args {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                expr(out, a, PR_TEST);
            }
            for k in keywords {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                match &k.arg {
                    Some(n) => {
                        out.push_str(n);
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                expr(out, &k.value, PR_TEST);
            }
            out.push(')');
        }
        ExprKind::Constant { value, kind } => {
            if *value == Constant::Ellipsis {
                out.push_str("...");
                return;
            }
            if let Some(k) = kind {
                out.push_str(k);
            }
            match value {
                Constant::Float(f) if f.is_infinite() => {
                    out.push_str(if *f > 0.0 { "1e309" } else { "-1e309" })
                }
                other => pyrepr::write_constant(out, other),
            }
        }
        ExprKind::Attribute { value, attr, .. } => {
            expr(out, value, PR_ATOM);
            if matches!(
                value.kind,
                ExprKind::Constant {
                    value: Constant::Int(_),
                    ..
                }
            ) {
                out.push_str(" .");
            } else {
                out.push('.');
            }
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice, .. } => {
            expr(out, value, PR_ATOM);
            out.push('[');
            expr(out, slice, PR_TUPLE);
            out.push(']');
        }
        ExprKind::Starred { value, .. } => {
            out.push('*');
            expr(out, value, PR_EXPR);
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                expr(out, l, PR_TEST);
            }
            out.push(':');
            if let Some(u) = upper {
                expr(out, u, PR_TEST);
            }
            if let Some(s) = step {
                out.push(':');
                expr(out, s, PR_TEST);
            }
        }
        ExprKind::Name { id, .. } => out.push_str(id),
        ExprKind::Await { value } => {
            if level > PR_AWAIT {
                out.push('(');
            }
            out.push_str("await ");
            expr(out, value, PR_ATOM);
            if level > PR_AWAIT {
                out.push(')');
            }
        }
        ExprKind::Yield { value } => match value {
            Some(v) => {
                out.push_str("(yield ");
                expr(out, v, PR_TEST);
                out.push(')');
            }
            None => out.push_str("(yield)"),
        },
        ExprKind::YieldFrom { value } => {
            out.push_str("(yield from ");
            expr(out, value, PR_TEST);
            out.push(')');
        }
        ExprKind::NamedExpr { target, value } => {
            if level > PR_TUPLE {
                out.push('(');
            }
            expr(out, target, PR_ATOM);
            out.push_str(" := ");
            expr(out, value, PR_ATOM);
            if level > PR_TUPLE {
                out.push(')');
            }
        }
        ExprKind::Lambda { args, body } => {
            if level > PR_TEST {
                out.push('(');
            }
            let n_positional = args.args.len() + args.posonlyargs.len();
            out.push_str(if n_positional > 0 {
                "lambda "
            } else {
                "lambda"
            });
            arguments(out, args);
            out.push_str(": ");
            expr(out, body, PR_TEST);
            if level > PR_TEST {
                out.push(')');
            }
        }
        ExprKind::JoinedStr { values } => {
            let body = fstring_body(values);
            out.push('f');
            pyrepr::write_str_repr(out, body.chars().map(|c| c as u32));
        }
        ExprKind::FormattedValue { .. } => {
            let mut body = String::new();
            fstring_element(&mut body, e, false);
            out.push('f');
            pyrepr::write_str_repr(out, body.chars().map(|c| c as u32));
        }
        ExprKind::GeneratorExp { elt, generators } => {
            out.push('(');
            expr(out, elt, PR_TEST);
            comprehensions(out, generators);
            out.push(')');
        }
        ExprKind::ListComp { elt, generators } => {
            out.push('[');
            expr(out, elt, PR_TEST);
            comprehensions(out, generators);
            out.push(']');
        }
        ExprKind::SetComp { elt, generators } => {
            out.push('{');
            expr(out, elt, PR_TEST);
            comprehensions(out, generators);
            out.push('}');
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            out.push('{');
            expr(out, key, PR_TEST);
            out.push_str(": ");
            expr(out, value, PR_TEST);
            comprehensions(out, generators);
            out.push('}');
        }
    }
}

fn arg(out: &mut String, a: &ast::Arg) {
    out.push_str(&a.arg);
    if let Some(ann) = &a.annotation {
        out.push_str(": ");
        expr(out, ann, PR_TEST);
    }
}

/// `append_ast_args`.
fn arguments(out: &mut String, args: &ast::Arguments) {
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push_str(", ");
        }
        first = false;
    };
    let npos = args.posonlyargs.len();
    let nargs = args.args.len();
    let ndef = args.defaults.len();
    for i in 0..npos + nargs {
        sep(out);
        if i < npos {
            arg(out, &args.posonlyargs[i]);
        } else {
            arg(out, &args.args[i - npos]);
        }
        let di = i as isize - (npos + nargs) as isize + ndef as isize;
        if di >= 0 {
            out.push('=');
            expr(out, &args.defaults[di as usize], PR_TEST);
        }
        if npos > 0 && i + 1 == npos {
            out.push_str(", /");
        }
    }
    if args.vararg.is_some() || !args.kwonlyargs.is_empty() {
        sep(out);
        out.push('*');
        if let Some(v) = &args.vararg {
            arg(out, v);
        }
    }
    for (a, d) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
        sep(out);
        arg(out, a);
        if let Some(d) = d {
            out.push('=');
            expr(out, d, PR_TEST);
        }
    }
    if let Some(k) = &args.kwarg {
        sep(out);
        out.push_str("**");
        arg(out, k);
    }
}

fn comprehensions(out: &mut String, gens: &[ast::Comprehension]) {
    for g in gens {
        out.push_str(if g.is_async != 0 {
            " async for "
        } else {
            " for "
        });
        expr(out, &g.target, PR_TUPLE);
        out.push_str(" in ");
        expr(out, &g.iter, PR_TEST + 1);
        for cond in &g.ifs {
            out.push_str(" if ");
            expr(out, cond, PR_TEST + 1);
        }
    }
}

/// `build_fstring_body`.
fn fstring_body(values: &[Expr]) -> String {
    let mut body = String::new();
    for v in values {
        fstring_element(&mut body, v, false);
    }
    body
}

/// `append_fstring_element`.
fn fstring_element(out: &mut String, e: &Expr, is_format_spec: bool) {
    match &e.kind {
        ExprKind::Constant {
            value: Constant::Str(s),
            ..
        } => {
            let text = match s {
                ast::StrValue::Utf8(t) => t.clone(),
                ast::StrValue::CodePoints(cps) => {
                    cps.iter().filter_map(|&c| char::from_u32(c)).collect()
                }
            };
            out.push_str(&text.replace('{', "{{").replace('}', "}}"));
        }
        ExprKind::JoinedStr { values } => {
            let body = fstring_body(values);
            if is_format_spec {
                out.push_str(&body);
            } else {
                out.push('f');
                pyrepr::write_str_repr(out, body.chars().map(|c| c as u32));
            }
        }
        ExprKind::FormattedValue {
            value,
            conversion,
            format_spec,
        } => {
            let mut inner = String::new();
            expr(&mut inner, value, PR_TEST + 1);
            out.push_str(if inner.starts_with('{') { "{ " } else { "{" });
            out.push_str(&inner);
            match *conversion {
                97 => out.push_str("!a"),
                114 => out.push_str("!r"),
                115 => out.push_str("!s"),
                _ => {}
            }
            if let Some(spec) = format_spec {
                out.push(':');
                fstring_element(out, spec, true);
            }
            out.push('}');
        }
        _ => {}
    }
}
