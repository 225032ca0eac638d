//! AST optimization before code generation: constant folding, as CPython
//! 3.11's `Python/ast_opt.c` does it.
//!
//! Children are folded before their parent. Folded: unary and binary
//! operators on constants (with `ast_opt.c`'s size guards: ints up to 128
//! bits, strings up to 4096 characters, collections up to 256 items),
//! `"..." % (a, b)` with simple `%s`/`%r`/`%a` units into an f-string,
//! tuples of constants, constant subscripts, `not (a is b)` into
//! `a is not b`, the right side of `in` and `for` iterables (list ->
//! tuple, set -> frozenset), and `__debug__`. Annotations are left alone
//! under `from __future__ import annotations`. Integers beyond `i128` are
//! not folded (CPython would fold up to 128 bits): a documented deviation
//! that only affects literals near 2**127.

use taipan_parser::ast::{
    self, BoolOp, CmpOp, Constant, Expr, ExprContext, ExprKind, Operator, Stmt, StmtKind, StrValue,
    UnaryOp,
};

use crate::consts::{code_points, str_from_code_points, str_len, ConstValue, Int};
use crate::{CompileError, Result};

const MAX_INT_BITS: u32 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;
const MAX_TOTAL_ITEMS: usize = 1024;
const MAX_DEPTH: u32 = 3000;

pub use crate::unparse::unparse;

struct Folder {
    future_annotations: bool,
    depth: u32,
    optimize: u8,
}

/// `_PyAST_Optimize`.
pub fn optimize_mod(module: &mut ast::Mod, future_annotations: bool) -> Result<()> {
    optimize_mod_with(module, future_annotations, 0)
}

/// [`optimize_mod`] at an optimization level (`__debug__` is false above 0).
pub fn optimize_mod_with(
    module: &mut ast::Mod,
    future_annotations: bool,
    optimize: u8,
) -> Result<()> {
    let mut f = Folder {
        future_annotations,
        depth: 0,
        optimize,
    };
    match module {
        ast::Mod::Module { body, .. } => f.body(body),
        ast::Mod::Interactive { .. } | ast::Mod::FunctionType { .. } => Ok(()),
        ast::Mod::Expression { body } => f.expr(body),
    }
}

fn constant(e: &Expr) -> Option<ConstValue> {
    match &e.kind {
        ExprKind::Constant { value, .. } => Some(ConstValue::from_ast(value)),
        _ => None,
    }
}

/// Replace `node` by a constant, when the AST can hold the value. Tuples
/// cannot: CPython's AST holds any object, ours only literals, so a tuple
/// of constants stays a `Tuple` node of constants, which code generation
/// treats as the constant it is ([`const_value`]).
fn make_const(node: &mut Expr, v: ConstValue) -> bool {
    match const_to_expr(&v, node.loc) {
        Some(e) => {
            node.kind = e.kind;
            true
        }
        None => false,
    }
}

/// A constant as a tree node: literals as `Constant`, tuples as `Tuple`
/// nodes of constants (which [`const_value`] reads back as one constant).
fn const_to_expr(v: &ConstValue, loc: ast::Loc) -> Option<Expr> {
    let kind = match v {
        ConstValue::Tuple(items) => ExprKind::Tuple {
            elts: items
                .iter()
                .map(|c| const_to_expr(c, loc))
                .collect::<Option<Vec<_>>>()?,
            ctx: ExprContext::Load,
        },
        other => ExprKind::Constant {
            value: other.to_ast()?,
            kind: None,
        },
    };
    Some(Expr { loc, kind })
}

fn int_bits(v: i128) -> u32 {
    128 - v.unsigned_abs().leading_zeros()
}

fn as_num(v: &ConstValue) -> Option<Num> {
    match v {
        ConstValue::Bool(b) => Some(Num::Int(*b as i128)),
        ConstValue::Int(Int::Small(i)) => Some(Num::Int(*i)),
        ConstValue::Float(f) => Some(Num::Float(*f)),
        ConstValue::Complex(r, i) => Some(Num::Complex(*r, *i)),
        _ => None,
    }
}

#[derive(Clone, Copy)]
enum Num {
    Int(i128),
    Float(f64),
    Complex(f64, f64),
}

fn int_to_f64(i: i128) -> Option<f64> {
    if i.unsigned_abs() <= (1u128 << 53) {
        Some(i as f64)
    } else {
        None
    }
}

fn py_floor_div(a: i128, b: i128) -> Option<i128> {
    if b == 0 {
        return None;
    }
    let q = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

fn py_mod(a: i128, b: i128) -> Option<i128> {
    if b == 0 {
        return None;
    }
    let r = a.checked_rem(b)?;
    if r != 0 && ((r < 0) != (b < 0)) {
        Some(r + b)
    } else {
        Some(r)
    }
}

fn float_mod(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        return None;
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    Some(m)
}

fn float_floordiv(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        return None;
    }
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(a / b)
    };
    Some(floordiv)
}

fn numeric_binop(op: Operator, l: Num, r: Num) -> Option<ConstValue> {
    use Num::*;
    match (l, r) {
        (Int(a), Int(b)) => {
            let v = match op {
                Operator::Add => a.checked_add(b)?,
                Operator::Sub => a.checked_sub(b)?,
                Operator::Mult => {
                    if a != 0 && b != 0 && int_bits(a) + int_bits(b) > MAX_INT_BITS {
                        return None;
                    }
                    a.checked_mul(b)?
                }
                Operator::Div => {
                    if b == 0 {
                        return None;
                    }
                    return Some(ConstValue::Float(int_to_f64(a)? / int_to_f64(b)?));
                }
                Operator::FloorDiv => py_floor_div(a, b)?,
                Operator::Mod => py_mod(a, b)?,
                Operator::Pow => {
                    if b < 0 {
                        // int ** negative int is float ** float.
                        if a == 0 {
                            return None;
                        }
                        return Some(ConstValue::Float(int_to_f64(a)?.powf(int_to_f64(b)?)));
                    }
                    if a != 0 && b > 0 && int_bits(a) as i128 > MAX_INT_BITS as i128 / b {
                        return None;
                    }
                    a.checked_pow(u32::try_from(b).ok()?)?
                }
                Operator::LShift => {
                    if b < 0 {
                        return None;
                    }
                    if a != 0
                        && (b > MAX_INT_BITS as i128
                            || int_bits(a) as i128 > MAX_INT_BITS as i128 - b)
                    {
                        return None;
                    }
                    if a == 0 {
                        0
                    } else {
                        let s = u32::try_from(b).ok()?;
                        let v = a.checked_shl(s)?;
                        if v >> s != a {
                            return None;
                        }
                        v
                    }
                }
                Operator::RShift => {
                    if b < 0 {
                        return None;
                    }
                    if b >= 127 {
                        if a < 0 {
                            -1
                        } else {
                            0
                        }
                    } else {
                        a >> b
                    }
                }
                Operator::BitOr => a | b,
                Operator::BitXor => a ^ b,
                Operator::BitAnd => a & b,
                Operator::MatMult => return None,
            };
            Some(ConstValue::int(v))
        }
        (Complex(..), _) | (_, Complex(..)) => {
            let (ar, ai) = match l {
                Int(a) => (int_to_f64(a)?, 0.0),
                Float(f) => (f, 0.0),
                Complex(r, i) => (r, i),
            };
            let (br, bi) = match r {
                Int(a) => (int_to_f64(a)?, 0.0),
                Float(f) => (f, 0.0),
                Complex(r, i) => (r, i),
            };
            match op {
                Operator::Add => Some(ConstValue::Complex(ar + br, ai + bi)),
                Operator::Sub => Some(ConstValue::Complex(ar - br, ai - bi)),
                Operator::Mult => Some(ConstValue::Complex(ar * br - ai * bi, ar * bi + ai * br)),
                Operator::Div => {
                    complex_div(ar, ai, br, bi).map(|(r, i)| ConstValue::Complex(r, i))
                }
                Operator::Pow => {
                    complex_pow(ar, ai, br, bi).map(|(r, i)| ConstValue::Complex(r, i))
                }
                _ => None,
            }
        }
        _ => {
            let a = match l {
                Int(a) => int_to_f64(a)?,
                Float(f) => f,
                Complex(..) => return None,
            };
            let b = match r {
                Int(b) => int_to_f64(b)?,
                Float(f) => f,
                Complex(..) => return None,
            };
            let v = match op {
                Operator::Add => a + b,
                Operator::Sub => a - b,
                Operator::Mult => a * b,
                Operator::Div => {
                    if b == 0.0 {
                        return None;
                    }
                    a / b
                }
                Operator::FloorDiv => float_floordiv(a, b)?,
                Operator::Mod => float_mod(a, b)?,
                Operator::Pow => {
                    if a == 0.0 && b < 0.0 {
                        return None;
                    }
                    if a < 0.0 && b.fract() != 0.0 {
                        return None;
                    }
                    let v = a.powf(b);
                    if v.is_infinite() && a.is_finite() && b.is_finite() {
                        return None;
                    }
                    v
                }
                _ => return None,
            };
            Some(ConstValue::Float(v))
        }
    }
}

/// `_Py_c_quot` (Smith's algorithm, as `Objects/complexobject.c` writes it).
fn complex_div(ar: f64, ai: f64, br: f64, bi: f64) -> Option<(f64, f64)> {
    let abs_breal = br.abs();
    let abs_bimag = bi.abs();
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return None;
        }
        let ratio = bi / br;
        let denom = br + bi * ratio;
        Some(((ar + ai * ratio) / denom, (ai - ar * ratio) / denom))
    } else if abs_bimag >= abs_breal {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        Some(((ar * ratio + ai) / denom, (ai * ratio - ar) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// `complex_pow` for integral exponents up to 100 (`c_powi`); other
/// exponents are not folded.
fn complex_pow(ar: f64, ai: f64, br: f64, bi: f64) -> Option<(f64, f64)> {
    if bi != 0.0 || br != br.floor() || br.abs() > 100.0 {
        return None;
    }
    let prod = |a: (f64, f64), b: (f64, f64)| (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0);
    let powu = |x: (f64, f64), n: i64| {
        let mut r = (1.0, 0.0);
        let mut p = x;
        let mut mask: i64 = 1;
        while mask > 0 && n >= mask {
            if n & mask != 0 {
                r = prod(r, p);
            }
            mask <<= 1;
            p = prod(p, p);
        }
        r
    };
    let n = br as i64;
    let r = if n > 0 {
        powu((ar, ai), n)
    } else {
        let d = powu((ar, ai), -n);
        complex_div(1.0, 0.0, d.0, d.1)?
    };
    if !(r.0.is_finite() && r.1.is_finite()) {
        return None;
    }
    Some(r)
}

fn complexity(v: &ConstValue, mut limit: isize) -> isize {
    match v {
        ConstValue::Tuple(items) | ConstValue::FrozenSet(items) => {
            limit -= items.len() as isize;
            for it in items {
                if limit < 0 {
                    break;
                }
                limit = complexity(it, limit);
            }
            limit
        }
        _ => limit,
    }
}

fn repeat(seq: &ConstValue, n: i128) -> Option<ConstValue> {
    let size = match seq {
        ConstValue::Str(s) => str_len(s),
        ConstValue::Bytes(b) => b.len(),
        ConstValue::Tuple(t) => t.len(),
        _ => return None,
    };
    let limit = if matches!(seq, ConstValue::Tuple(_)) {
        MAX_COLLECTION_SIZE
    } else {
        MAX_STR_SIZE
    };
    if let Some(max_n) = limit.checked_div(size) {
        if n < 0 || n > max_n as i128 {
            return None;
        }
        if let ConstValue::Tuple(_) = seq {
            if n > 0 && complexity(seq, (MAX_TOTAL_ITEMS / n as usize) as isize) < 0 {
                return None;
            }
        }
    }
    let n = n.max(0) as usize;
    Some(match seq {
        ConstValue::Str(s) => {
            let cps = code_points(s);
            ConstValue::Str(str_from_code_points(cps.repeat(n)))
        }
        ConstValue::Bytes(b) => ConstValue::Bytes(b.repeat(n)),
        ConstValue::Tuple(t) => ConstValue::Tuple((0..n).flat_map(|_| t.iter().cloned()).collect()),
        _ => return None,
    })
}

fn binop(op: Operator, l: &ConstValue, r: &ConstValue) -> Option<ConstValue> {
    if let (ConstValue::Bool(a), ConstValue::Bool(b)) = (l, r) {
        match op {
            Operator::BitAnd => return Some(ConstValue::Bool(*a & *b)),
            Operator::BitOr => return Some(ConstValue::Bool(*a | *b)),
            Operator::BitXor => return Some(ConstValue::Bool(*a ^ *b)),
            _ => {}
        }
    }
    if let (Some(a), Some(b)) = (as_num(l), as_num(r)) {
        return numeric_binop(op, a, b);
    }
    match (op, l, r) {
        (Operator::Add, ConstValue::Str(a), ConstValue::Str(b)) => {
            let mut cps = code_points(a);
            cps.extend(code_points(b));
            Some(ConstValue::Str(str_from_code_points(cps)))
        }
        (Operator::Add, ConstValue::Bytes(a), ConstValue::Bytes(b)) => {
            let mut v = a.clone();
            v.extend_from_slice(b);
            Some(ConstValue::Bytes(v))
        }
        (Operator::Add, ConstValue::Tuple(a), ConstValue::Tuple(b)) => {
            let mut v = a.clone();
            v.extend(b.iter().cloned());
            Some(ConstValue::Tuple(v))
        }
        (Operator::Mult, seq, ConstValue::Int(Int::Small(n)))
        | (Operator::Mult, ConstValue::Int(Int::Small(n)), seq) => repeat(seq, *n),
        (Operator::Mult, seq, ConstValue::Bool(b)) | (Operator::Mult, ConstValue::Bool(b), seq) => {
            repeat(seq, *b as i128)
        }
        _ => None,
    }
}

fn unaryop(op: UnaryOp, v: &ConstValue) -> Option<ConstValue> {
    match op {
        UnaryOp::Not => Some(ConstValue::Bool(!v.is_true())),
        UnaryOp::Invert => match v {
            ConstValue::Int(Int::Small(i)) => Some(ConstValue::int(!*i)),
            ConstValue::Bool(b) => Some(ConstValue::int(!(*b as i128))),
            _ => None,
        },
        UnaryOp::USub => match v {
            ConstValue::Int(Int::Small(i)) => Some(ConstValue::int(i.checked_neg()?)),
            // Negating a literal too big for i128 needs no arithmetic. (Our
            // private copy of the tree then holds a negative `IntValue::Big`.)
            ConstValue::Int(Int::Big(d)) => {
                Some(ConstValue::Int(Int::Big(match d.strip_prefix('-') {
                    Some(pos) => pos.to_string(),
                    None => format!("-{d}"),
                })))
            }
            ConstValue::Bool(b) => Some(ConstValue::int(-(*b as i128))),
            ConstValue::Float(f) => Some(ConstValue::Float(-f)),
            ConstValue::Complex(r, i) => Some(ConstValue::Complex(-r, -i)),
            _ => None,
        },
        UnaryOp::UAdd => match v {
            ConstValue::Int(_) | ConstValue::Float(_) | ConstValue::Complex(..) => Some(v.clone()),
            ConstValue::Bool(b) => Some(ConstValue::int(*b as i128)),
            _ => None,
        },
    }
}

fn subscript(v: &ConstValue, idx: &ConstValue) -> Option<ConstValue> {
    let i = match idx {
        ConstValue::Int(Int::Small(i)) => *i,
        ConstValue::Bool(b) => *b as i128,
        _ => return None,
    };
    let norm = |len: usize| -> Option<usize> {
        let j = if i < 0 { i + len as i128 } else { i };
        if j < 0 || j >= len as i128 {
            None
        } else {
            Some(j as usize)
        }
    };
    match v {
        ConstValue::Str(s) => {
            let cps = code_points(s);
            let j = norm(cps.len())?;
            Some(ConstValue::Str(str_from_code_points(vec![cps[j]])))
        }
        ConstValue::Bytes(b) => Some(ConstValue::int(b[norm(b.len())?] as i128)),
        ConstValue::Tuple(t) => Some(t[norm(t.len())?].clone()),
        _ => None,
    }
}

impl Folder {
    fn body(&mut self, stmts: &mut [Stmt]) -> Result<()> {
        for s in stmts.iter_mut() {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn exprs(&mut self, v: &mut [Expr]) -> Result<()> {
        for e in v.iter_mut() {
            self.expr(e)?;
        }
        Ok(())
    }

    fn ann(&mut self, e: &mut Expr) -> Result<()> {
        if self.future_annotations {
            return Ok(());
        }
        self.expr(e)
    }

    fn arguments(&mut self, a: &mut ast::Arguments) -> Result<()> {
        for arg in a.posonlyargs.iter_mut().chain(a.args.iter_mut()) {
            if let Some(x) = arg.annotation.as_deref_mut() {
                self.ann(x)?;
            }
        }
        if let Some(v) = a.vararg.as_deref_mut() {
            if let Some(x) = v.annotation.as_deref_mut() {
                self.ann(x)?;
            }
        }
        for arg in a.kwonlyargs.iter_mut() {
            if let Some(x) = arg.annotation.as_deref_mut() {
                self.ann(x)?;
            }
        }
        for d in a.kw_defaults.iter_mut().flatten() {
            self.expr(d)?;
        }
        if let Some(v) = a.kwarg.as_deref_mut() {
            if let Some(x) = v.annotation.as_deref_mut() {
                self.ann(x)?;
            }
        }
        self.exprs(&mut a.defaults)
    }

    fn comprehensions(&mut self, gens: &mut [ast::Comprehension]) -> Result<()> {
        for g in gens.iter_mut() {
            self.expr(&mut g.target)?;
            self.expr(&mut g.iter)?;
            self.exprs(&mut g.ifs)?;
            fold_iter(&mut g.iter);
        }
        Ok(())
    }

    fn stmt(&mut self, s: &mut Stmt) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(CompileError::recursion(s.loc));
        }
        match &mut s.kind {
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
                self.arguments(args)?;
                self.body(body)?;
                self.exprs(decorator_list)?;
                if let Some(r) = returns.as_deref_mut() {
                    self.ann(r)?;
                }
            }
            StmtKind::ClassDef {
                bases,
                keywords,
                body,
                decorator_list,
                ..
            } => {
                self.exprs(bases)?;
                for k in keywords.iter_mut() {
                    self.expr(&mut k.value)?;
                }
                self.body(body)?;
                self.exprs(decorator_list)?;
            }
            StmtKind::Return { value } => {
                if let Some(v) = value.as_deref_mut() {
                    self.expr(v)?;
                }
            }
            StmtKind::Delete { targets } => self.exprs(targets)?,
            StmtKind::Assign { targets, value, .. } => {
                self.exprs(targets)?;
                self.expr(value)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target)?;
                self.expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                ..
            } => {
                self.expr(target)?;
                self.ann(annotation)?;
                if let Some(v) = value.as_deref_mut() {
                    self.expr(v)?;
                }
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
                self.expr(target)?;
                self.expr(iter)?;
                self.body(body)?;
                self.body(orelse)?;
                if matches!(s.kind, StmtKind::For { .. }) {
                    if let StmtKind::For { iter, .. } = &mut s.kind {
                        fold_iter(iter);
                    }
                }
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.body(body)?;
                self.body(orelse)?;
            }
            StmtKind::With { items, body, .. } | StmtKind::AsyncWith { items, body, .. } => {
                for it in items.iter_mut() {
                    self.expr(&mut it.context_expr)?;
                    if let Some(v) = it.optional_vars.as_deref_mut() {
                        self.expr(v)?;
                    }
                }
                self.body(body)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc.as_deref_mut() {
                    self.expr(e)?;
                }
                if let Some(c) = cause.as_deref_mut() {
                    self.expr(c)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            }
            | StmtKind::TryStar {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.body(body)?;
                for h in handlers.iter_mut() {
                    if let Some(t) = h.type_.as_deref_mut() {
                        self.expr(t)?;
                    }
                    self.body(&mut h.body)?;
                }
                self.body(orelse)?;
                self.body(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg.as_deref_mut() {
                    self.expr(m)?;
                }
            }
            StmtKind::Expr { value } => self.expr(value)?,
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for c in cases.iter_mut() {
                    self.pattern(&mut c.pattern)?;
                    if let Some(g) = c.guard.as_deref_mut() {
                        self.expr(g)?;
                    }
                    self.body(&mut c.body)?;
                }
            }
            StmtKind::Import { .. }
            | StmtKind::ImportFrom { .. }
            | StmtKind::Global { .. }
            | StmtKind::Nonlocal { .. }
            | StmtKind::Pass
            | StmtKind::Break
            | StmtKind::Continue => {}
        }
        self.depth -= 1;
        Ok(())
    }

    fn pattern(&mut self, p: &mut ast::Pattern) -> Result<()> {
        use ast::PatternKind as P;
        match &mut p.kind {
            P::MatchValue { value } => self.expr(value)?,
            P::MatchSingleton { .. } | P::MatchStar { .. } => {}
            P::MatchSequence { patterns } | P::MatchOr { patterns } => {
                for q in patterns.iter_mut() {
                    self.pattern(q)?;
                }
            }
            P::MatchMapping { keys, patterns, .. } => {
                self.exprs(keys)?;
                for q in patterns.iter_mut() {
                    self.pattern(q)?;
                }
            }
            P::MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.expr(cls)?;
                for q in patterns.iter_mut().chain(kwd_patterns.iter_mut()) {
                    self.pattern(q)?;
                }
            }
            P::MatchAs { pattern, .. } => {
                if let Some(q) = pattern.as_deref_mut() {
                    self.pattern(q)?;
                }
            }
        }
        Ok(())
    }

    fn expr(&mut self, e: &mut Expr) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(CompileError::recursion(e.loc));
        }
        match &mut e.kind {
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
                fold_binop(e);
            }
            ExprKind::UnaryOp { operand, .. } => {
                self.expr(operand)?;
                fold_unaryop(e);
            }
            ExprKind::Lambda { args, body } => {
                self.arguments(args)?;
                self.expr(body)?;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter_mut().flatten() {
                    self.expr(k)?;
                }
                self.exprs(values)?;
            }
            ExprKind::Set { elts } => self.exprs(elts)?,
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.expr(elt)?;
                self.comprehensions(generators)?;
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.expr(key)?;
                self.expr(value)?;
                self.comprehensions(generators)?;
            }
            ExprKind::Await { value } | ExprKind::YieldFrom { value } => self.expr(value)?,
            ExprKind::Yield { value } => {
                if let Some(v) = value.as_deref_mut() {
                    self.expr(v)?;
                }
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.expr(left)?;
                self.exprs(comparators)?;
                if matches!(ops.last(), Some(CmpOp::In | CmpOp::NotIn)) {
                    if let Some(last) = comparators.last_mut() {
                        fold_iter(last);
                    }
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                self.exprs(args)?;
                for k in keywords.iter_mut() {
                    self.expr(&mut k.value)?;
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                if let Some(f) = format_spec.as_deref_mut() {
                    self.expr(f)?;
                }
            }
            ExprKind::JoinedStr { values } => self.exprs(values)?,
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice, ctx } => {
                self.expr(value)?;
                self.expr(slice)?;
                if *ctx == ExprContext::Load {
                    if let (Some(v), Some(i)) = (const_value(value), constant(slice)) {
                        if let Some(r) = subscript(&v, &i) {
                            make_const(e, r);
                        }
                    }
                }
            }
            ExprKind::Starred { value, .. } => self.expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.exprs(elts)?,
            ExprKind::Name { id, ctx } => {
                if *ctx == ExprContext::Load && id == "__debug__" {
                    e.kind = ExprKind::Constant {
                        value: Constant::Bool(self.optimize == 0),
                        kind: None,
                    };
                }
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(target)?;
                self.expr(value)?;
            }
            ExprKind::Constant { .. } => {}
        }
        self.depth -= 1;
        Ok(())
    }
}

/// The constant a node stands for, seeing through tuples of constants
/// (which CPython folds into one `Constant` but our AST cannot hold).
pub fn const_value(e: &Expr) -> Option<ConstValue> {
    match &e.kind {
        ExprKind::Constant { value, .. } => Some(ConstValue::from_ast(value)),
        ExprKind::Tuple {
            elts,
            ctx: ExprContext::Load,
        } => {
            let items: Option<Vec<ConstValue>> = elts.iter().map(const_value).collect();
            Some(ConstValue::Tuple(items?))
        }
        _ => None,
    }
}

fn fold_unaryop(node: &mut Expr) {
    let ExprKind::UnaryOp { op, operand } = &mut node.kind else {
        return;
    };
    if let Some(v) = const_value(operand) {
        if let Some(r) = unaryop(*op, &v) {
            make_const(node, r);
        }
        return;
    }
    if *op == UnaryOp::Not {
        if let ExprKind::Compare { ops, .. } = &mut operand.kind {
            if ops.len() == 1 {
                let new = match ops[0] {
                    CmpOp::Is => Some(CmpOp::IsNot),
                    CmpOp::IsNot => Some(CmpOp::Is),
                    CmpOp::In => Some(CmpOp::NotIn),
                    CmpOp::NotIn => Some(CmpOp::In),
                    _ => None,
                };
                if let Some(n) = new {
                    ops[0] = n;
                    let inner = std::mem::replace(
                        &mut **operand,
                        Expr {
                            loc: node.loc,
                            kind: ExprKind::Constant {
                                value: Constant::None,
                                kind: None,
                            },
                        },
                    );
                    *node = inner;
                }
            }
        }
    }
}

fn fold_binop(node: &mut Expr) {
    let ExprKind::BinOp { left, op, right } = &mut node.kind else {
        return;
    };
    let Some(lv) = const_value(left) else { return };
    if *op == Operator::Mod {
        if let (ConstValue::Str(fmt), ExprKind::Tuple { elts, .. }) = (&lv, &right.kind) {
            // A tuple of constants is already a constant in CPython's tree.
            if const_value(right).is_none()
                && !elts
                    .iter()
                    .any(|e| matches!(e.kind, ExprKind::Starred { .. }))
            {
                let elts = elts.clone();
                optimize_format(node, fmt, elts);
                return;
            }
        }
    }
    let Some(rv) = const_value(right) else { return };
    if *op == Operator::Mod && matches!(lv, ConstValue::Str(_) | ConstValue::Bytes(_)) {
        return;
    }
    if let Some(r) = binop(*op, &lv, &rv) {
        make_const(node, r);
    }
}

/// `fold_iter`: a list display on the right of `in` or as a `for` iterable
/// becomes a tuple; a set display of constants becomes a frozenset.
fn fold_iter(arg: &mut Expr) {
    match &mut arg.kind {
        ExprKind::List { elts, ctx } => {
            if elts
                .iter()
                .any(|e| matches!(e.kind, ExprKind::Starred { .. }))
            {
                return;
            }
            let elts = std::mem::take(elts);
            let ctx = *ctx;
            arg.kind = ExprKind::Tuple { elts, ctx };
        }
        ExprKind::Set { elts } if elts.iter().all(|e| const_value(e).is_some()) => {
            // Marked for code generation as a frozenset constant.
            let elts = std::mem::take(elts);
            arg.kind = ExprKind::Call {
                func: Box::new(Expr {
                    loc: arg.loc,
                    kind: ExprKind::Name {
                        id: FROZENSET_MARK.into(),
                        ctx: ExprContext::Load,
                    },
                }),
                args: elts,
                keywords: Vec::new(),
            };
        }
        _ => {}
    }
}

/// Name of the marker call `fold_iter` leaves for a constant frozenset (not
/// a valid identifier, so no program can spell it).
pub const FROZENSET_MARK: &str = "<frozenset>";

fn parse_literal(fmt: &[u32], pos: &mut usize) -> Option<Vec<u32>> {
    let start = *pos;
    let mut out = Vec::new();
    while *pos < fmt.len() {
        if fmt[*pos] != '%' as u32 {
            out.push(fmt[*pos]);
            *pos += 1;
        } else if *pos + 1 < fmt.len() && fmt[*pos + 1] == '%' as u32 {
            out.push('%' as u32);
            *pos += 2;
        } else {
            break;
        }
    }
    if *pos == start {
        None
    } else {
        Some(out)
    }
}

/// `simple_format_arg_parse` + `parse_format`: the conversion and spec.
fn parse_format(fmt: &[u32], pos: &mut usize) -> Option<(u8, String)> {
    let mut ljust = false;
    let next = |pos: &mut usize| -> Option<u32> {
        let c = *fmt.get(*pos)?;
        *pos += 1;
        Some(c)
    };
    let mut ch;
    loop {
        ch = next(pos)?;
        match char::from_u32(ch)? {
            '-' => ljust = true,
            '+' | ' ' | '#' | '0' | 'z' => {}
            _ => break,
        }
    }
    let mut width: i32 = -1;
    let mut prec: i32 = -1;
    let isdig = |c: u32| ('0' as u32..='9' as u32).contains(&c);
    if isdig(ch) {
        width = 0;
        let mut digits = 0;
        while isdig(ch) {
            width = width * 10 + (ch - '0' as u32) as i32;
            ch = next(pos)?;
            digits += 1;
            if digits >= 3 {
                return None;
            }
        }
    }
    if ch == '.' as u32 {
        ch = next(pos)?;
        prec = 0;
        if isdig(ch) {
            let mut digits = 0;
            while isdig(ch) {
                prec = prec * 10 + (ch - '0' as u32) as i32;
                ch = next(pos)?;
                digits += 1;
                if digits >= 3 {
                    return None;
                }
            }
        }
    }
    let spec = char::from_u32(ch)?;
    if !matches!(spec, 's' | 'r' | 'a') {
        return None;
    }
    let mut buf = String::new();
    if !ljust && width > 0 {
        buf.push('>');
    }
    if width >= 0 {
        buf.push_str(&width.to_string());
    }
    if prec >= 0 {
        buf.push_str(&format!(".{prec}"));
    }
    Some((spec as u8, buf))
}

/// `optimize_format`: `"a%sb" % (x,)` -> `f"a{x!s}b"`.
fn optimize_format(node: &mut Expr, fmt: &StrValue, elts: Vec<Expr>) {
    let fmt = code_points(fmt);
    let none_loc = ast::Loc::new(u32::MAX, u32::MAX, u32::MAX, u32::MAX);
    let mut pos = 0;
    let mut cnt = 0;
    let mut seq = Vec::new();
    loop {
        if let Some(lit) = parse_literal(&fmt, &mut pos) {
            seq.push(Expr {
                loc: none_loc,
                kind: ExprKind::Constant {
                    value: Constant::Str(str_from_code_points(lit)),
                    kind: None,
                },
            });
        }
        if pos >= fmt.len() {
            break;
        }
        if cnt >= elts.len() {
            return;
        }
        pos += 1;
        let Some((spec, buf)) = parse_format(&fmt, &mut pos) else {
            return;
        };
        let arg = elts[cnt].clone();
        cnt += 1;
        let format_spec = if buf.is_empty() {
            None
        } else {
            Some(Box::new(Expr {
                loc: none_loc,
                kind: ExprKind::Constant {
                    value: Constant::Str(StrValue::Utf8(buf)),
                    kind: None,
                },
            }))
        };
        seq.push(Expr {
            loc: arg.loc,
            kind: ExprKind::FormattedValue {
                value: Box::new(arg),
                conversion: spec as i32,
                format_spec,
            },
        });
    }
    if cnt < elts.len() {
        return;
    }
    node.kind = ExprKind::JoinedStr { values: seq };
}

#[allow(dead_code)]
fn _unused(_: BoolOp) {}

#[cfg(test)]
mod tests {
    use super::*;

    /// The constant `x = <src>` folds to, if any.
    fn fold(src: &str) -> Option<String> {
        let text = format!("x = {src}\n");
        let mut m = taipan_parser::parse_module(text.as_bytes(), "<t>").expect("parses");
        optimize_mod(&mut m, false).expect("folds");
        let ast::Mod::Module { body, .. } = &m else {
            unreachable!()
        };
        let StmtKind::Assign { value, .. } = &body[0].kind else {
            unreachable!()
        };
        const_value(value).map(|c| c.repr())
    }

    #[test]
    fn folds_like_ast_opt() {
        assert_eq!(fold("1 + 2 * 3").as_deref(), Some("7"));
        assert_eq!(fold("-5").as_deref(), Some("-5"));
        assert_eq!(fold("2 ** 10").as_deref(), Some("1024"));
        assert_eq!(fold("2 ** -1").as_deref(), Some("0.5"));
        assert_eq!(fold("7 // -2").as_deref(), Some("-4"));
        assert_eq!(fold("-7 % 3").as_deref(), Some("2"));
        assert_eq!(fold("1 / 0"), None);
        assert_eq!(fold("'ab' * 3").as_deref(), Some("'ababab'"));
        assert_eq!(fold("(1, 2) + (3,)").as_deref(), Some("(1, 2, 3)"));
        assert_eq!(fold("((0, 0),) * 2").as_deref(), Some("((0, 0), (0, 0))"));
        assert_eq!(fold("'abc'[1]").as_deref(), Some("'b'"));
        assert_eq!(fold("not ()").as_deref(), Some("True"));
        assert_eq!(fold("True & True").as_deref(), Some("True"));
        assert_eq!(fold("True & 1").as_deref(), Some("1"));
        assert_eq!(fold("__debug__").as_deref(), Some("True"));
        assert_eq!(fold("1 << 200"), None, "more than 128 bits is not folded");
        assert_eq!(
            fold("-340282366920938463463374607431768211456").as_deref(),
            Some("-340282366920938463463374607431768211456")
        );
        assert_eq!(
            fold("'x' * 5000"),
            None,
            "longer than 4096 characters is not folded"
        );
        assert_eq!(fold("'%s' % 1"), None, "str % is never folded");
    }

    #[test]
    fn percent_format_becomes_fstring() {
        let mut m = taipan_parser::parse_module(b"x = '%s-%r' % (a, b)\n", "<t>").expect("parses");
        optimize_mod(&mut m, false).expect("folds");
        let ast::Mod::Module { body, .. } = &m else {
            unreachable!()
        };
        let StmtKind::Assign { value, .. } = &body[0].kind else {
            unreachable!()
        };
        let ExprKind::JoinedStr { values } = &value.kind else {
            panic!("not an f-string")
        };
        assert_eq!(values.len(), 3);
    }
}
