//! Expressions: `compiler_visit_expr` and its helpers in CPython 3.11's
//! `Python/compile.c`: boolean and comparison chains, conditional jumps
//! (`compiler_jump_if`), building containers with and without starred
//! items (`starunpack_helper`), dict displays, calls (`LOAD_METHOD`
//! fast path, `KW_NAMES`, `CALL_FUNCTION_EX`), f-strings, subscripts,
//! slices, lambdas, `yield`, `await`.

use taipan_bytecode::opcode::PseudoOp;
use taipan_bytecode::Opcode;
use taipan_parser::ast::{self, BoolOp, CmpOp, Expr, ExprContext, ExprKind, Operator, UnaryOp};

use super::{Compiler, ScopeType};
use crate::ast_opt::{const_value, FROZENSET_MARK};
use crate::consts::ConstValue;
use crate::flowgraph::Op;
use crate::symtable::{key, BlockType, DEF_IMPORT};
use crate::Result;

const STACK_USE_GUIDELINE: usize = 30;

/// Is `e` a constant in CPython's folded tree (a `Constant`, or a tuple of
/// constants, which our tree keeps as a `Tuple`)?
fn folded_const(e: &Expr) -> Option<ConstValue> {
    match &e.kind {
        ExprKind::Constant { .. } | ExprKind::Tuple { .. } => const_value(e),
        _ => None,
    }
}

/// `check_is_arg`: false for an `is` operand that is a literal other than
/// the named singletons.
fn check_is_arg(e: &Expr) -> bool {
    match folded_const(e) {
        Some(v) => matches!(
            v,
            ConstValue::None | ConstValue::Bool(_) | ConstValue::Ellipsis
        ),
        None => true,
    }
}

/// The type name of a constant's value.
fn const_type_name(v: &ConstValue) -> &'static str {
    match v {
        ConstValue::None => "NoneType",
        ConstValue::Bool(_) => "bool",
        ConstValue::Ellipsis => "ellipsis",
        ConstValue::Int(_) => "int",
        ConstValue::Float(_) => "float",
        ConstValue::Complex(..) => "complex",
        ConstValue::Str(_) => "str",
        ConstValue::Bytes(_) => "bytes",
        ConstValue::Tuple(_) => "tuple",
        ConstValue::FrozenSet(_) => "frozenset",
        _ => "object",
    }
}

/// `infer_type`: the type an expression certainly has, by its form.
fn infer_type(e: &Expr) -> Option<&'static str> {
    if let Some(v) = folded_const(e) {
        return Some(const_type_name(&v));
    }
    Some(match &e.kind {
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::List { .. } | ExprKind::ListComp { .. } => "list",
        ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dict",
        ExprKind::Set { .. } | ExprKind::SetComp { .. } => "set",
        ExprKind::GeneratorExp { .. } => "generator",
        ExprKind::Lambda { .. } => "function",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "str",
        ExprKind::Call { func, .. } if matches!(&func.kind, ExprKind::Name { id, .. } if id == FROZENSET_MARK) => {
            "frozenset"
        }
        _ => return None,
    })
}

/// The `BINARY_OP` argument of an operator (`NB_*`, plus 13 in place).
pub fn binop_arg(op: Operator, inplace: bool) -> u32 {
    let base = match op {
        Operator::Add => 0,
        Operator::BitAnd => 1,
        Operator::FloorDiv => 2,
        Operator::LShift => 3,
        Operator::MatMult => 4,
        Operator::Mult => 5,
        Operator::Mod => 6,
        Operator::BitOr => 7,
        Operator::Pow => 8,
        Operator::RShift => 9,
        Operator::Sub => 10,
        Operator::Div => 11,
        Operator::BitXor => 12,
    };
    if inplace {
        base + 13
    } else {
        base
    }
}

impl<'a> Compiler<'a> {
    /// `compiler_visit_expr`: sets the location for the node and restores it.
    pub fn visit_expr(&mut self, e: &Expr) -> Result<()> {
        self.enter_nested(e.loc)?;
        let old = self.ur().loc;
        self.set_loc(e.loc);
        let r = self.visit_expr1(e);
        self.u().loc = old;
        self.leave_nested();
        r
    }

    fn visit_expr1(&mut self, e: &Expr) -> Result<()> {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.visit_expr(value)?;
                self.addop_i(Opcode::Copy, 1);
                self.visit_expr(target)?;
            }
            ExprKind::BoolOp { op, values } => {
                let jumpi = if *op == BoolOp::And {
                    Opcode::JumpIfFalseOrPop
                } else {
                    Opcode::JumpIfTrueOrPop
                };
                let end = self.new_block();
                let n = values.len() - 1;
                for v in &values[..n] {
                    self.visit_expr(v)?;
                    self.jump_real(jumpi, end);
                    let next = self.new_block();
                    self.use_next_block(next);
                }
                self.visit_expr(&values[n])?;
                self.use_next_block(end);
            }
            ExprKind::BinOp { left, op, right } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
                self.addop_i(Opcode::BinaryOp, binop_arg(*op, false));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.visit_expr(operand)?;
                self.addop(match op {
                    UnaryOp::Invert => Opcode::UnaryInvert,
                    UnaryOp::Not => Opcode::UnaryNot,
                    UnaryOp::UAdd => Opcode::UnaryPositive,
                    UnaryOp::USub => Opcode::UnaryNegative,
                });
            }
            ExprKind::Lambda { args, body } => self.lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(test, next, false)?;
                self.visit_expr(body)?;
                self.jump_noline(PseudoOp::Jump, end);
                self.use_next_block(next);
                self.visit_expr(orelse)?;
                self.use_next_block(end);
            }
            ExprKind::Dict { keys, values } => self.dict(keys, values)?,
            ExprKind::Set { elts } => self.starunpack_helper(
                elts,
                0,
                Opcode::BuildSet,
                Opcode::SetAdd,
                Opcode::SetUpdate,
                false,
            )?,
            ExprKind::GeneratorExp { .. }
            | ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. } => self.comprehension(e)?,
            ExprKind::Yield { value } => {
                if self.ste().typ != BlockType::Function {
                    return Err(self.error("'yield' outside function"));
                }
                match value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_const(ConstValue::None),
                }
                if self.ste().generator && self.ste().coroutine {
                    self.addop(Opcode::AsyncGenWrap);
                }
                self.addop(Opcode::YieldValue);
                self.addop_i(Opcode::Resume, 1);
            }
            ExprKind::YieldFrom { value } => {
                if self.ste().typ != BlockType::Function {
                    return Err(self.error("'yield' outside function"));
                }
                if self.ur().scope_type == ScopeType::AsyncFunction {
                    return Err(self.error("'yield from' inside async function"));
                }
                self.visit_expr(value)?;
                self.addop(Opcode::GetYieldFromIter);
                self.load_const(ConstValue::None);
                self.add_yield_from(false);
            }
            ExprKind::Await { value } => {
                if self.ste().typ != BlockType::Function {
                    return Err(self.error("'await' outside function"));
                }
                if !matches!(
                    self.ur().scope_type,
                    ScopeType::AsyncFunction | ScopeType::Comprehension
                ) {
                    return Err(self.error("'await' outside async function"));
                }
                self.visit_expr(value)?;
                self.addop_i(Opcode::GetAwaitable, 0);
                self.load_const(ConstValue::None);
                self.add_yield_from(true);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(left, ops, comparators)?,
            ExprKind::Call { func, args, .. } if matches!(&func.kind, ExprKind::Name { id, .. } if id == FROZENSET_MARK) =>
            {
                let mut uniq: Vec<ConstValue> = Vec::new();
                for it in args.iter().filter_map(const_value) {
                    if !uniq.iter().any(|u| set_eq(u, &it)) {
                        uniq.push(it);
                    }
                }
                self.load_const(ConstValue::FrozenSet(uniq));
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(e, func, args, keywords)?,
            ExprKind::Constant { value, .. } => self.load_const(ConstValue::from_ast(value)),
            ExprKind::JoinedStr { values } => {
                if values.len() > STACK_USE_GUIDELINE {
                    self.load_const(ConstValue::str(""));
                    self.addop_name(Opcode::LoadMethod, "join");
                    self.addop_i(Opcode::BuildList, 0);
                    for v in values {
                        self.visit_expr(v)?;
                        self.addop_i(Opcode::ListAppend, 1);
                    }
                    self.addop_i(Opcode::Precall, 1);
                    self.addop_i(Opcode::Call, 1);
                } else {
                    for v in values {
                        self.visit_expr(v)?;
                    }
                    if values.len() != 1 {
                        self.addop_i(Opcode::BuildString, values.len() as u32);
                    }
                }
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.visit_expr(value)?;
                let mut oparg = match *conversion {
                    -1 => 0,
                    115 => 1,
                    114 => 2,
                    97 => 3,
                    // Only a tree built by hand can hold another value.
                    other => {
                        return Err(crate::CompileError {
                            kind: "SystemError",
                            msg: format!("Unrecognized conversion character {other}"),
                            lineno: 0,
                            offset: 0,
                            end_lineno: 0,
                            end_offset: 0,
                            warnings: Vec::new(),
                        })
                    }
                };
                if let Some(f) = format_spec {
                    self.visit_expr(f)?;
                    oparg |= 4;
                }
                self.addop_i(Opcode::FormatValue, oparg);
            }
            ExprKind::Attribute { value, attr, ctx } => {
                self.visit_expr(value)?;
                self.update_start_location_to_match_attr(e);
                match ctx {
                    ExprContext::Load => self.addop_name(Opcode::LoadAttr, attr),
                    ExprContext::Store => {
                        if attr == "__debug__" {
                            return Err(self.error("cannot assign to __debug__"));
                        }
                        self.addop_name(Opcode::StoreAttr, attr)
                    }
                    ExprContext::Del => self.addop_name(Opcode::DeleteAttr, attr),
                }
            }
            ExprKind::Subscript { value, slice, ctx } => {
                if *ctx == ExprContext::Load {
                    self.check_subscript(value, slice);
                }
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
                self.addop(match ctx {
                    ExprContext::Load => Opcode::BinarySubscr,
                    ExprContext::Store => Opcode::StoreSubscr,
                    ExprContext::Del => Opcode::DeleteSubscr,
                });
            }
            ExprKind::Starred { ctx, .. } => {
                return Err(self.error(if *ctx == ExprContext::Store {
                    "starred assignment target must be in a list or tuple"
                } else {
                    "can't use starred expression here"
                }));
            }
            ExprKind::Slice { lower, upper, step } => {
                match lower {
                    Some(l) => self.visit_expr(l)?,
                    None => self.load_const(ConstValue::None),
                }
                match upper {
                    Some(u) => self.visit_expr(u)?,
                    None => self.load_const(ConstValue::None),
                }
                let mut n = 2;
                if let Some(s) = step {
                    n += 1;
                    self.visit_expr(s)?;
                }
                self.addop_i(Opcode::BuildSlice, n);
            }
            ExprKind::Name { id, ctx } => self.nameop(id, *ctx)?,
            ExprKind::Tuple {
                ctx: ExprContext::Load,
                ..
            } if const_value(e).is_some() => {
                self.load_const(const_value(e).expect("checked"));
            }
            ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => {
                let tuple = matches!(e.kind, ExprKind::Tuple { .. });
                match ctx {
                    ExprContext::Store => self.assignment_helper(elts)?,
                    ExprContext::Load => self.starunpack_helper(
                        elts,
                        0,
                        Opcode::BuildList,
                        Opcode::ListAppend,
                        Opcode::ListExtend,
                        tuple,
                    )?,
                    ExprContext::Del => {
                        for x in elts {
                            self.visit_expr(x)?;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// `update_start_location_to_match_attr`.
    pub fn update_start_location_to_match_attr(&mut self, attr: &Expr) {
        let ExprKind::Attribute { attr: name, .. } = &attr.kind else {
            return;
        };
        let l = attr.loc;
        let u = self.u();
        if u.loc.lineno != l.end_lineno as i32 {
            u.loc.lineno = l.end_lineno as i32;
            let len = name.chars().count() as i32;
            if len <= l.end_col_offset as i32 {
                u.loc.col = l.end_col_offset as i32 - len;
            } else {
                u.loc.col = -1;
                u.loc.end_col = -1;
            }
            u.loc.end_lineno = u.loc.lineno.max(u.loc.end_lineno);
            if u.loc.lineno == u.loc.end_lineno {
                u.loc.end_col = u.loc.col.max(u.loc.end_col);
            }
        }
    }

    fn addcompare(&mut self, op: CmpOp) {
        match op {
            CmpOp::Eq => self.addop_i(Opcode::CompareOp, 2),
            CmpOp::NotEq => self.addop_i(Opcode::CompareOp, 3),
            CmpOp::Lt => self.addop_i(Opcode::CompareOp, 0),
            CmpOp::LtE => self.addop_i(Opcode::CompareOp, 1),
            CmpOp::Gt => self.addop_i(Opcode::CompareOp, 4),
            CmpOp::GtE => self.addop_i(Opcode::CompareOp, 5),
            CmpOp::Is => self.addop_i(Opcode::IsOp, 0),
            CmpOp::IsNot => self.addop_i(Opcode::IsOp, 1),
            CmpOp::In => self.addop_i(Opcode::ContainsOp, 0),
            CmpOp::NotIn => self.addop_i(Opcode::ContainsOp, 1),
        }
    }

    /// `check_compare`: warns about `is` / `is not` with a literal.
    fn check_compare(&mut self, left: &Expr, ops: &[CmpOp], comparators: &[Expr]) {
        let mut l = check_is_arg(left);
        for (op, right) in ops.iter().zip(comparators) {
            let r = check_is_arg(right);
            if matches!(op, CmpOp::Is | CmpOp::IsNot) && (!l || !r) {
                self.warn(if *op == CmpOp::Is {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                });
                return;
            }
            l = r;
        }
    }

    /// `check_caller`: calling a literal or display.
    fn check_caller(&mut self, func: &Expr) {
        let warn = folded_const(func).is_some()
            || matches!(
                func.kind,
                ExprKind::Tuple { .. }
                    | ExprKind::List { .. }
                    | ExprKind::ListComp { .. }
                    | ExprKind::Dict { .. }
                    | ExprKind::DictComp { .. }
                    | ExprKind::Set { .. }
                    | ExprKind::SetComp { .. }
                    | ExprKind::GeneratorExp { .. }
                    | ExprKind::JoinedStr { .. }
                    | ExprKind::FormattedValue { .. }
            );
        if warn {
            if let Some(t) = infer_type(func) {
                self.warn(format!(
                    "'{t}' object is not callable; perhaps you missed a comma?"
                ));
            }
        }
    }

    /// `check_subscripter` and `check_index` for a loaded subscript.
    fn check_subscript(&mut self, value: &Expr, slice: &Expr) {
        let subscripter = match folded_const(value) {
            Some(ConstValue::Tuple(_)) => false,
            Some(v) => matches!(
                v,
                ConstValue::None
                    | ConstValue::Ellipsis
                    | ConstValue::Int(_)
                    | ConstValue::Bool(_)
                    | ConstValue::Float(_)
                    | ConstValue::Complex(..)
                    | ConstValue::FrozenSet(_)
            ),
            None => matches!(
                value.kind,
                ExprKind::Set { .. }
                    | ExprKind::SetComp { .. }
                    | ExprKind::GeneratorExp { .. }
                    | ExprKind::Lambda { .. }
            ),
        };
        if subscripter {
            if let Some(t) = infer_type(value) {
                self.warn(format!(
                    "'{t}' object is not subscriptable; perhaps you missed a comma?"
                ));
            }
            return;
        }
        let Some(index_type) = infer_type(slice) else {
            return;
        };
        if matches!(index_type, "int" | "bool") {
            return;
        }
        let indexed = match folded_const(value) {
            Some(v) => matches!(
                v,
                ConstValue::Str(_) | ConstValue::Bytes(_) | ConstValue::Tuple(_)
            ),
            None => matches!(
                value.kind,
                ExprKind::Tuple { .. }
                    | ExprKind::List { .. }
                    | ExprKind::ListComp { .. }
                    | ExprKind::JoinedStr { .. }
                    | ExprKind::FormattedValue { .. }
            ),
        };
        if indexed {
            if let Some(t) = infer_type(value) {
                self.warn(format!(
                    "{t} indices must be integers or slices, not {index_type}; \
                     perhaps you missed a comma?"
                ));
            }
        }
    }

    fn compare(&mut self, left: &Expr, ops: &[CmpOp], comparators: &[Expr]) -> Result<()> {
        self.check_compare(left, ops, comparators);
        self.visit_expr(left)?;
        let n = ops.len() - 1;
        if n == 0 {
            self.visit_expr(&comparators[0])?;
            self.addcompare(ops[0]);
        } else {
            let cleanup = self.new_block();
            for i in 0..n {
                self.visit_expr(&comparators[i])?;
                self.addop_i(Opcode::Swap, 2);
                self.addop_i(Opcode::Copy, 2);
                self.addcompare(ops[i]);
                self.jump_real(Opcode::JumpIfFalseOrPop, cleanup);
            }
            self.visit_expr(&comparators[n])?;
            self.addcompare(ops[n]);
            let end = self.new_block();
            self.jump_noline(PseudoOp::Jump, end);
            self.use_next_block(cleanup);
            self.addop_i(Opcode::Swap, 2);
            self.addop(Opcode::PopTop);
            self.use_next_block(end);
        }
        Ok(())
    }

    /// `compiler_jump_if`: jump to `next` if `e` is `cond`.
    pub fn jump_if(&mut self, e: &Expr, next: usize, cond: bool) -> Result<()> {
        self.enter_nested(e.loc)?;
        let r = self.jump_if_inner(e, next, cond);
        self.leave_nested();
        r
    }

    fn jump_if_inner(&mut self, e: &Expr, next: usize, cond: bool) -> Result<()> {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => return self.jump_if(operand, next, !cond),
            ExprKind::BoolOp { op, values } => {
                let n = values.len() - 1;
                let cond2 = *op == BoolOp::Or;
                let mut next2 = next;
                if cond2 != cond {
                    next2 = self.new_block();
                }
                for v in &values[..n] {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(&values[n], next, cond)?;
                if next2 != next {
                    self.use_next_block(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next2 = self.new_block();
                self.jump_if(test, next2, false)?;
                self.jump_if(body, next, cond)?;
                self.jump_noline(PseudoOp::Jump, end);
                self.use_next_block(next2);
                self.jump_if(orelse, next, cond)?;
                self.use_next_block(end);
                return Ok(());
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() > 1 => {
                self.set_loc(e.loc);
                self.check_compare(left, ops, comparators);
                let n = ops.len() - 1;
                let cleanup = self.new_block();
                self.visit_expr(left)?;
                for i in 0..n {
                    self.visit_expr(&comparators[i])?;
                    self.addop_i(Opcode::Swap, 2);
                    self.addop_i(Opcode::Copy, 2);
                    self.addcompare(ops[i]);
                    self.jump(PseudoOp::PopJumpIfFalse, cleanup);
                }
                self.visit_expr(&comparators[n])?;
                self.addcompare(ops[n]);
                self.jump(
                    if cond {
                        PseudoOp::PopJumpIfTrue
                    } else {
                        PseudoOp::PopJumpIfFalse
                    },
                    next,
                );
                let end = self.new_block();
                self.jump_noline(PseudoOp::Jump, end);
                self.use_next_block(cleanup);
                self.addop(Opcode::PopTop);
                if !cond {
                    self.jump_noline(PseudoOp::Jump, next);
                }
                self.use_next_block(end);
                return Ok(());
            }
            ExprKind::Compare { .. } => self.set_loc(e.loc),
            _ => {}
        }
        self.visit_expr(e)?;
        self.jump(
            if cond {
                PseudoOp::PopJumpIfTrue
            } else {
                PseudoOp::PopJumpIfFalse
            },
            next,
        );
        Ok(())
    }

    /// `starunpack_helper`.
    pub fn starunpack_helper(
        &mut self,
        elts: &[Expr],
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> Result<()> {
        let n = elts.len();
        if n > 2 && elts.iter().all(|e| const_value(e).is_some()) {
            let items: Vec<ConstValue> = elts.iter().filter_map(const_value).collect();
            if tuple && pushed == 0 {
                self.load_const(ConstValue::Tuple(items));
            } else {
                let folded = if add == Opcode::SetAdd {
                    let mut uniq: Vec<ConstValue> = Vec::new();
                    for it in items {
                        if !uniq.iter().any(|u| set_eq(u, &it)) {
                            uniq.push(it);
                        }
                    }
                    ConstValue::FrozenSet(uniq)
                } else {
                    ConstValue::Tuple(items)
                };
                self.addop_i(build, pushed);
                self.load_const(folded);
                self.addop_i(extend, 1);
                if tuple {
                    self.addop(Opcode::ListToTuple);
                }
            }
            return Ok(());
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts
            .iter()
            .any(|e| matches!(e.kind, ExprKind::Starred { .. }));
        if !seen_star && !big {
            for e in elts {
                self.visit_expr(e)?;
            }
            if tuple {
                self.addop_i(Opcode::BuildTuple, n as u32 + pushed);
            } else {
                self.addop_i(build, n as u32 + pushed);
            }
            return Ok(());
        }
        let mut built = false;
        if big {
            self.addop_i(build, pushed);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &e.kind {
                if !built {
                    self.addop_i(build, i as u32 + pushed);
                    built = true;
                }
                self.visit_expr(value)?;
                self.addop_i(extend, 1);
            } else {
                self.visit_expr(e)?;
                if built {
                    self.addop_i(add, 1);
                }
            }
        }
        if tuple {
            self.addop(Opcode::ListToTuple);
        }
        Ok(())
    }

    fn assignment_helper(&mut self, elts: &[Expr]) -> Result<()> {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e.kind, ExprKind::Starred { .. }) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in assignment"));
                }
                if i >= 256 {
                    return Err(self.error("too many expressions in star-unpacking assignment"));
                }
                self.addop_i(Opcode::UnpackEx, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.addop_i(Opcode::UnpackSequence, n as u32);
        }
        for e in elts {
            match &e.kind {
                ExprKind::Starred { value, .. } => self.visit_expr(value)?,
                _ => self.visit_expr(e)?,
            }
        }
        Ok(())
    }

    fn subdict(
        &mut self,
        keys: &[Option<Expr>],
        values: &[Expr],
        begin: usize,
        end: usize,
    ) -> Result<()> {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        let all_const = keys[begin..end]
            .iter()
            .all(|k| k.as_ref().is_some_and(|k| const_value(k).is_some()));
        if n > 1 && !big && all_const {
            for v in &values[begin..end] {
                self.visit_expr(v)?;
            }
            let ks: Vec<ConstValue> = keys[begin..end]
                .iter()
                .filter_map(|k| k.as_ref().and_then(const_value))
                .collect();
            self.load_const(ConstValue::Tuple(ks));
            self.addop_i(Opcode::BuildConstKeyMap, n as u32);
            return Ok(());
        }
        if big {
            self.addop_i(Opcode::BuildMap, 0);
        }
        for i in begin..end {
            self.visit_expr(keys[i].as_ref().expect("key"))?;
            self.visit_expr(&values[i])?;
            if big {
                self.addop_i(Opcode::MapAdd, 1);
            }
        }
        if !big {
            self.addop_i(Opcode::BuildMap, n as u32);
        }
        Ok(())
    }

    fn dict(&mut self, keys: &[Option<Expr>], values: &[Expr]) -> Result<()> {
        let n = values.len();
        let mut have_dict = false;
        let mut elements = 0;
        for i in 0..n {
            if keys[i].is_none() {
                if elements > 0 {
                    self.subdict(keys, values, i - elements, i)?;
                    if have_dict {
                        self.addop_i(Opcode::DictUpdate, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.addop_i(Opcode::BuildMap, 0);
                    have_dict = true;
                }
                self.visit_expr(&values[i])?;
                self.addop_i(Opcode::DictUpdate, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.addop_i(Opcode::DictUpdate, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(keys, values, n - elements, n)?;
            if have_dict {
                self.addop_i(Opcode::DictUpdate, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.addop_i(Opcode::BuildMap, 0);
        }
        Ok(())
    }

    fn validate_keywords(&mut self, keywords: &[ast::Keyword]) -> Result<()> {
        for (i, k) in keywords.iter().enumerate() {
            let Some(arg) = &k.arg else { continue };
            if arg == "__debug__" {
                return Err(self.error("cannot assign to __debug__"));
            }
            for other in &keywords[i + 1..] {
                if other.arg.as_deref() == Some(arg.as_str()) {
                    self.set_loc(other.loc);
                    return Err(self.error(format!("keyword argument repeated: {arg}")));
                }
            }
        }
        Ok(())
    }

    fn is_import_originated(&self, e: &Expr) -> bool {
        let ExprKind::Name { id, .. } = &e.kind else {
            return false;
        };
        self.table.entries[0].flags(id) & DEF_IMPORT != 0
    }

    fn call(
        &mut self,
        e: &Expr,
        func: &Expr,
        args: &[Expr],
        keywords: &[ast::Keyword],
    ) -> Result<()> {
        self.validate_keywords(keywords)?;
        if let ExprKind::Attribute {
            value,
            attr,
            ctx: ExprContext::Load,
        } = &func.kind
        {
            let argsl = args.len();
            let kwdsl = keywords.len();
            if !self.is_import_originated(value)
                && argsl + kwdsl + ((kwdsl != 0) as usize) < STACK_USE_GUIDELINE
                && !args
                    .iter()
                    .any(|a| matches!(a.kind, ExprKind::Starred { .. }))
                && !keywords.iter().any(|k| k.arg.is_none())
            {
                self.visit_expr(value)?;
                self.set_loc(func.loc);
                self.update_start_location_to_match_attr(func);
                self.addop_name(Opcode::LoadMethod, attr);
                for a in args {
                    self.visit_expr(a)?;
                }
                if kwdsl > 0 {
                    for k in keywords {
                        self.visit_expr(&k.value)?;
                    }
                    self.kw_names(keywords);
                }
                self.set_loc(e.loc);
                self.update_start_location_to_match_attr(func);
                self.addop_i(Opcode::Precall, (argsl + kwdsl) as u32);
                self.addop_i(Opcode::Call, (argsl + kwdsl) as u32);
                return Ok(());
            }
        }
        self.set_loc(func.loc);
        self.addop(Opcode::PushNull);
        self.set_loc(e.loc);
        self.check_caller(func);
        self.visit_expr(func)?;
        self.call_helper(0, args, keywords)
    }

    fn kw_names(&mut self, keywords: &[ast::Keyword]) {
        let names = ConstValue::Tuple(
            keywords
                .iter()
                .map(|k| ConstValue::str(k.arg.as_deref().unwrap_or("")))
                .collect(),
        );
        let i = self.add_const(names);
        self.addop_i(Opcode::KwNames, i);
    }

    fn subkwargs(&mut self, keywords: &[ast::Keyword], begin: usize, end: usize) -> Result<()> {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in &keywords[begin..end] {
                self.visit_expr(&k.value)?;
            }
            let keys = ConstValue::Tuple(
                keywords[begin..end]
                    .iter()
                    .map(|k| ConstValue::str(k.arg.as_deref().unwrap_or("")))
                    .collect(),
            );
            self.load_const(keys);
            self.addop_i(Opcode::BuildConstKeyMap, n as u32);
            return Ok(());
        }
        if big {
            self.addop_i_noline(Opcode::BuildMap, 0);
        }
        for k in &keywords[begin..end] {
            self.load_const(ConstValue::str(k.arg.as_deref().unwrap_or("")));
            self.visit_expr(&k.value)?;
            if big {
                self.addop_i_noline(Opcode::MapAdd, 1);
            }
        }
        if !big {
            self.addop_i(Opcode::BuildMap, n as u32);
        }
        Ok(())
    }

    /// `compiler_call_helper`: `n` arguments are already on the stack.
    pub fn call_helper(&mut self, n: u32, args: &[Expr], keywords: &[ast::Keyword]) -> Result<()> {
        self.validate_keywords(keywords)?;
        let nelts = args.len();
        let nkwelts = keywords.len();
        let simple = nelts + nkwelts * 2 <= STACK_USE_GUIDELINE
            && !args
                .iter()
                .any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            && !keywords.iter().any(|k| k.arg.is_none());
        if simple {
            for a in args {
                self.visit_expr(a)?;
            }
            if nkwelts > 0 {
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                self.kw_names(keywords);
            }
            self.addop_i(Opcode::Precall, n + (nelts + nkwelts) as u32);
            self.addop_i(Opcode::Call, n + (nelts + nkwelts) as u32);
            return Ok(());
        }
        // ex_call
        if n == 0 && nelts == 1 && matches!(args[0].kind, ExprKind::Starred { .. }) {
            let ExprKind::Starred { value, .. } = &args[0].kind else {
                unreachable!()
            };
            self.visit_expr(value)?;
        } else {
            self.starunpack_helper(
                args,
                n,
                Opcode::BuildList,
                Opcode::ListAppend,
                Opcode::ListExtend,
                true,
            )?;
        }
        if nkwelts > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(keywords, i - nseen, i)?;
                        if have_dict {
                            self.addop_i(Opcode::DictMerge, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.addop_i(Opcode::BuildMap, 0);
                        have_dict = true;
                    }
                    self.visit_expr(&k.value)?;
                    self.addop_i(Opcode::DictMerge, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(keywords, nkwelts - nseen, nkwelts)?;
                if have_dict {
                    self.addop_i(Opcode::DictMerge, 1);
                }
            }
        }
        self.addop_i(Opcode::CallFunctionEx, (nkwelts > 0) as u32);
        Ok(())
    }

    fn lambda(&mut self, e: &Expr, args: &ast::Arguments, body: &Expr) -> Result<()> {
        let flags = self.default_arguments(args)?;
        self.enter_scope("<lambda>", ScopeType::Lambda, key(e), e.loc.lineno)?;
        self.add_const(ConstValue::None);
        {
            let u = self.u();
            u.argcount = args.args.len() as u32;
            u.posonlyargcount = args.posonlyargs.len() as u32;
            u.kwonlyargcount = args.kwonlyargs.len() as u32;
        }
        self.visit_expr(body)?;
        let code = if self.ste().generator {
            self.assemble(false)?
        } else {
            self.addop(Opcode::ReturnValue);
            self.assemble(true)?
        };
        self.units.pop();
        self.make_closure(code, flags);
        Ok(())
    }

    pub fn _unused(&self) -> Op {
        Op::Real(Opcode::Nop)
    }
}

/// Set-element identity (hash equality): `1 == 1.0 == True` in a set.
fn set_eq(a: &ConstValue, b: &ConstValue) -> bool {
    use crate::consts::Int;
    enum Num {
        I(i128),
        F(f64),
    }
    fn num(v: &ConstValue) -> Option<Num> {
        match v {
            ConstValue::Bool(b) => Some(Num::I(*b as i128)),
            ConstValue::Int(Int::Small(i)) => Some(Num::I(*i)),
            ConstValue::Float(f) => Some(Num::F(*f)),
            _ => None,
        }
    }
    // Exact comparison, as Python's: 2**61 - 1 != float(2**61).
    fn int_eq_float(i: i128, f: f64) -> bool {
        f.is_finite() && f.fract() == 0.0 && f.abs() < 1.7e38 && f as i128 == i
    }
    match (num(a), num(b)) {
        (Some(Num::I(x)), Some(Num::I(y))) => x == y,
        (Some(Num::F(x)), Some(Num::F(y))) => x == y,
        (Some(Num::I(i)), Some(Num::F(f))) | (Some(Num::F(f)), Some(Num::I(i))) => {
            int_eq_float(i, f)
        }
        _ => a == b,
    }
}
