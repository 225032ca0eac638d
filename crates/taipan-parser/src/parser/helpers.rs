//! Helpers of the grammar actions, after CPython 3.11's `Parser/action_helpers.c` (and
//! `_PyPegen_new_identifier` of `Parser/pegen.c`): identifiers, expression contexts, the
//! pieces `make_arguments` assembles a parameter list from, names of expressions for error
//! messages and the search for an invalid assignment target.

use crate::ast::{
    Arg, Arguments, CmpOp, Comprehension, Constant, Expr, ExprContext, ExprKind, Identifier,
};
use unicode_normalization::UnicodeNormalization;

/// `_PyPegen_new_identifier`: identifiers with non-ASCII characters are NFKC-normalized.
/// Inlined so that the identifier is built in its node's slot, not copied there from a
/// buffer just written byte-wise (a store-forwarding stall per NAME).
#[inline(always)]
pub(crate) fn new_identifier(s: &str) -> Identifier {
    if s.is_ascii() {
        Identifier::new(s)
    } else {
        normalized_identifier(s)
    }
}

#[cold]
fn normalized_identifier(s: &str) -> Identifier {
    s.nfkc().collect::<String>().into()
}

/// `_PyPegen_set_expr_context`: the same expression with `ctx` (recursing into tuples, lists
/// and starred expressions).
pub(crate) fn set_expr_context(mut e: Expr, ctx: ExprContext) -> Expr {
    set_ctx_in_place(&mut e, ctx);
    e
}

fn set_ctx_in_place(e: &mut Expr, new: ExprContext) {
    match &mut e.kind {
        ExprKind::Name { ctx, .. }
        | ExprKind::Attribute { ctx, .. }
        | ExprKind::Subscript { ctx, .. } => *ctx = new,
        ExprKind::Starred { value, ctx } => {
            *ctx = new;
            set_ctx_in_place(value, new);
        }
        ExprKind::Tuple { elts, ctx } | ExprKind::List { elts, ctx } => {
            *ctx = new;
            for x in elts {
                set_ctx_in_place(x, new);
            }
        }
        _ => {}
    }
}

/// A parameter with its default (`NameDefaultPair`).
pub(crate) struct NameDefaultPair {
    pub arg: Arg,
    pub value: Option<Expr>,
}

/// `SlashWithDefault`.
pub(crate) struct SlashWithDefault {
    pub plain_names: Vec<Arg>,
    pub names_with_defaults: Vec<NameDefaultPair>,
}

/// `StarEtc`.
#[derive(Default)]
pub(crate) struct StarEtc {
    pub vararg: Option<Arg>,
    pub kwonlyargs: Vec<NameDefaultPair>,
    pub kwarg: Option<Arg>,
}

/// `_PyPegen_make_arguments`.
pub(crate) fn make_arguments(
    slash_without_default: Option<Vec<Arg>>,
    slash_with_default: Option<SlashWithDefault>,
    plain_names: Option<Vec<Arg>>,
    names_with_default: Option<Vec<NameDefaultPair>>,
    star_etc: Option<StarEtc>,
) -> Arguments {
    let mut defaults = Vec::new();
    let posonlyargs = if let Some(s) = slash_without_default {
        s
    } else if let Some(s) = slash_with_default {
        let mut v = s.plain_names;
        for p in s.names_with_defaults {
            v.push(p.arg);
            if let Some(d) = p.value {
                defaults.push(d);
            }
        }
        v
    } else {
        Vec::new()
    };
    let mut args = plain_names.unwrap_or_default();
    for p in names_with_default.unwrap_or_default() {
        args.push(p.arg);
        if let Some(d) = p.value {
            defaults.push(d);
        }
    }
    let (mut vararg, mut kwonlyargs, mut kw_defaults, mut kwarg) =
        (None, Vec::new(), Vec::new(), None);
    if let Some(se) = star_etc {
        vararg = se.vararg.map(Box::new);
        kwarg = se.kwarg.map(Box::new);
        for p in se.kwonlyargs {
            kwonlyargs.push(p.arg);
            kw_defaults.push(p.value);
        }
    }
    Arguments {
        posonlyargs,
        args,
        vararg,
        kwonlyargs,
        kw_defaults,
        kwarg,
        defaults,
    }
}

/// `_PyPegen_check_legacy_stmt`: is `e` the name `print` or `exec`?
pub(crate) fn check_legacy_stmt(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Name { id, .. } if id == "print" || id == "exec")
}

/// `_PyPegen_get_expr_name`.
pub(crate) fn get_expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::Bool(false) => "False",
            Constant::Bool(true) => "True",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// `TARGETS_TYPE` (`STAR_TARGETS`, `DEL_TARGETS`, `FOR_TARGETS`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum TargetsType {
    Star,
    Del,
    For,
}

/// `_PyPegen_get_invalid_target`.
pub(crate) fn get_invalid_target(e: &Expr, tt: TargetsType) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().find_map(|x| get_invalid_target(x, tt))
        }
        ExprKind::Starred { value, .. } => {
            if tt == TargetsType::Del {
                Some(e)
            } else {
                get_invalid_target(value, tt)
            }
        }
        ExprKind::Compare { left, ops, .. } => {
            if tt == TargetsType::For {
                if ops.first() == Some(&CmpOp::In) {
                    return get_invalid_target(left, tt);
                }
                return None;
            }
            Some(e)
        }
        ExprKind::Name { .. } | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

/// `_PyPegen_get_last_comprehension_item`.
pub(crate) fn last_comprehension_item(c: &Comprehension) -> &Expr {
    c.ifs.last().unwrap_or(&c.iter)
}
