//! Structural pattern matching (`match` statements), following the
//! `compiler_pattern_*` and `compiler_match` functions of CPython 3.11's
//! `Python/compile.c` (PEP 634).
//!
//! Every pattern routine consumes the subject on top of the stack and jumps
//! to a "fail pop" block on failure; `on_top` counts the items above the
//! subject that a failure must pop, and captured names stay on the stack
//! (under those items) until the whole pattern has matched.

use taipan_bytecode::opcode::PseudoOp;
use taipan_bytecode::Opcode;
use taipan_parser::ast::{
    CmpOp, Expr, ExprContext, ExprKind, MatchCase, Pattern, PatternKind, Stmt,
};

use super::Compiler;
use crate::consts::ConstValue;
use crate::flowgraph::Op;
use crate::Result;

/// `pattern_context`.
#[derive(Clone, Default)]
struct PatternContext {
    stores: Vec<String>,
    allow_irrefutable: bool,
    fail_pop: Vec<usize>,
    on_top: usize,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(
        &p.kind,
        PatternKind::MatchAs {
            pattern: None,
            name: None
        }
    )
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(&p.kind, PatternKind::MatchStar { name: None })
}

impl<'a> Compiler<'a> {
    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let b = self.new_block();
            pc.fail_pop.push(b);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, op: PseudoOp) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.jump(op, pc.fail_pop[pops]);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        while pc.fail_pop.len() > 1 {
            let b = pc.fail_pop.pop().expect("nonempty");
            self.use_next_block(b);
            self.addop(Opcode::PopTop);
        }
        let b = pc.fail_pop.pop().expect("nonempty");
        self.use_next_block(b);
    }

    fn pattern_rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.addop_i(Opcode::Swap, count as u32);
            count -= 1;
        }
    }

    fn pattern_store_name(&mut self, name: Option<&str>, pc: &mut PatternContext) -> Result<()> {
        let Some(n) = name else {
            self.addop(Opcode::PopTop);
            return Ok(());
        };
        if n == "__debug__" {
            return Err(self.error("cannot assign to __debug__"));
        }
        if pc.stores.iter().any(|s| s == n) {
            return Err(self.error(format!("multiple assignments to name '{n}' in pattern")));
        }
        let rotations = pc.on_top + pc.stores.len() + 1;
        self.pattern_rotate(rotations);
        pc.stores.push(n.to_string());
        Ok(())
    }

    fn pattern_unpack_helper(&mut self, elts: &[Pattern]) -> Result<()> {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e.kind, PatternKind::MatchStar { .. }) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in sequence pattern"));
                }
                if i >= 256 {
                    return Err(
                        self.error("too many expressions in star-unpacking sequence pattern")
                    );
                }
                self.addop_i(Opcode::UnpackEx, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.addop_i(Opcode::UnpackSequence, n as u32);
        }
        Ok(())
    }

    fn pattern_subpattern(&mut self, p: &Pattern, pc: &mut PatternContext) -> Result<()> {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern, pc: &mut PatternContext) -> Result<()> {
        self.enter_nested(p.loc)?;
        let r = self.pattern_inner(p, pc);
        self.leave_nested();
        r
    }

    fn pattern_inner(&mut self, p: &Pattern, pc: &mut PatternContext) -> Result<()> {
        self.set_loc(p.loc);
        match &p.kind {
            PatternKind::MatchValue { value } => {
                if !matches!(
                    value.kind,
                    ExprKind::Constant { .. } | ExprKind::Attribute { .. }
                ) {
                    return Err(
                        self.error("patterns may only match literals and attribute lookups")
                    );
                }
                self.visit_expr(value)?;
                self.addop_i(Opcode::CompareOp, 2);
                self.jump_to_fail_pop(pc, PseudoOp::PopJumpIfFalse);
            }
            PatternKind::MatchSingleton { value } => {
                self.load_const(ConstValue::from_ast(value));
                let _ = CmpOp::Is;
                self.addop_i(Opcode::IsOp, 0);
                self.jump_to_fail_pop(pc, PseudoOp::PopJumpIfFalse);
            }
            PatternKind::MatchSequence { patterns } => self.pattern_sequence(patterns, pc)?,
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => self.pattern_mapping(keys, patterns, rest.as_deref(), pc)?,
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => self.pattern_class(p, cls, patterns, kwd_attrs, kwd_patterns, pc)?,
            PatternKind::MatchStar { name } => self.pattern_store_name(name.as_deref(), pc)?,
            PatternKind::MatchAs { pattern, name } => match pattern {
                None => {
                    if !pc.allow_irrefutable {
                        if let Some(n) = name {
                            return Err(self.error(format!(
                                "name capture '{n}' makes remaining patterns unreachable"
                            )));
                        }
                        return Err(self.error("wildcard makes remaining patterns unreachable"));
                    }
                    self.pattern_store_name(name.as_deref(), pc)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.addop_i(Opcode::Copy, 1);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.pattern_store_name(name.as_deref(), pc)?;
                }
            },
            PatternKind::MatchOr { patterns } => self.pattern_or(patterns, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(&mut self, patterns: &[Pattern], pc: &mut PatternContext) -> Result<()> {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, q) in patterns.iter().enumerate() {
            if matches!(q.kind, PatternKind::MatchStar { .. }) {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern"));
                }
                star_wildcard = is_star_wildcard(q);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(q);
        }
        pc.on_top += 1;
        self.addop(Opcode::MatchSequence);
        self.jump_to_fail_pop(pc, PseudoOp::PopJumpIfFalse);
        if star.is_none() {
            self.addop(Opcode::GetLen);
            self.load_const(ConstValue::int(size as i128));
            self.addop_i(Opcode::CompareOp, 2);
            self.jump_to_fail_pop(pc, PseudoOp::PopJumpIfFalse);
        } else if size > 1 {
            self.addop(Opcode::GetLen);
            self.load_const(ConstValue::int(size as i128 - 1));
            self.addop_i(Opcode::CompareOp, 5);
            self.jump_to_fail_pop(pc, PseudoOp::PopJumpIfFalse);
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.addop(Opcode::PopTop);
        } else if star_wildcard {
            let star = star.expect("star");
            pc.on_top += 1;
            for (i, q) in patterns.iter().enumerate() {
                if is_wildcard(q) || i == star {
                    continue;
                }
                self.addop_i(Opcode::Copy, 1);
                if i < star {
                    self.load_const(ConstValue::int(i as i128));
                } else {
                    self.addop(Opcode::GetLen);
                    self.load_const(ConstValue::int((size - i) as i128));
                    self.addop_i(Opcode::BinaryOp, 10);
                }
                self.addop(Opcode::BinarySubscr);
                self.pattern_subpattern(q, pc)?;
            }
            pc.on_top -= 1;
            self.addop(Opcode::PopTop);
        } else {
            self.pattern_unpack_helper(patterns)?;
            pc.on_top += size;
            for q in patterns {
                pc.on_top -= 1;
                self.pattern_subpattern(q, pc)?;
            }
        }
        Ok(())
    }

    fn pattern_mapping(
        &mut self,
        keys: &[Expr],
        patterns: &[Pattern],
        rest: Option<&str>,
        pc: &mut PatternContext,
    ) -> Result<()> {
        let size = keys.len();
        pc.on_top += 1;
        self.addop(Opcode::MatchMapping);
        self.jump_to_fail_pop(pc, PseudoOp::PopJumpIfFalse);
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.addop(Opcode::PopTop);
            return Ok(());
        }
        if size > 0 {
            self.addop(Opcode::GetLen);
            self.load_const(ConstValue::int(size as i128));
            self.addop_i(Opcode::CompareOp, 5);
            self.jump_to_fail_pop(pc, PseudoOp::PopJumpIfFalse);
        }
        let mut seen: Vec<ConstValue> = Vec::new();
        for key in keys {
            if let ExprKind::Constant { value, .. } = &key.kind {
                let v = ConstValue::from_ast(value);
                if seen.contains(&v) {
                    return Err(self.error(format!(
                        "mapping pattern checks duplicate key ({})",
                        v.repr()
                    )));
                }
                seen.push(v);
            } else if !matches!(key.kind, ExprKind::Attribute { .. }) {
                return Err(self
                    .error("mapping pattern keys may only match literals and attribute lookups"));
            }
            self.visit_expr(key)?;
        }
        self.addop_i(Opcode::BuildTuple, size as u32);
        self.addop(Opcode::MatchKeys);
        pc.on_top += 2;
        self.addop_i(Opcode::Copy, 1);
        self.load_const(ConstValue::None);
        self.addop_i(Opcode::IsOp, 1);
        self.jump_to_fail_pop(pc, PseudoOp::PopJumpIfFalse);
        self.addop_i(Opcode::UnpackSequence, size as u32);
        pc.on_top += size;
        pc.on_top -= 1;
        for q in patterns {
            pc.on_top -= 1;
            self.pattern_subpattern(q, pc)?;
        }
        pc.on_top -= 2;
        if let Some(r) = rest {
            self.addop_i(Opcode::BuildMap, 0);
            self.addop_i(Opcode::Swap, 3);
            self.addop_i(Opcode::DictUpdate, 2);
            self.addop_i(Opcode::UnpackSequence, size as u32);
            let mut s = size;
            while s > 0 {
                self.addop_i(Opcode::Copy, 1 + s as u32);
                s -= 1;
                self.addop_i(Opcode::Swap, 2);
                self.addop(Opcode::DeleteSubscr);
            }
            self.pattern_store_name(Some(r), pc)?;
        } else {
            self.addop(Opcode::PopTop);
            self.addop(Opcode::PopTop);
        }
        Ok(())
    }

    fn pattern_class(
        &mut self,
        p: &Pattern,
        cls: &Expr,
        patterns: &[Pattern],
        kwd_attrs: &[taipan_parser::ast::Identifier],
        kwd_patterns: &[Pattern],
        pc: &mut PatternContext,
    ) -> Result<()> {
        let nargs = patterns.len();
        let nattrs = kwd_attrs.len();
        if nattrs > 0 {
            for (i, attr) in kwd_attrs.iter().enumerate() {
                self.set_loc(kwd_patterns[i].loc);
                if attr == "__debug__" {
                    return Err(self.error("cannot assign to __debug__"));
                }
                for (j, other) in kwd_attrs.iter().enumerate().skip(i + 1) {
                    if other == attr {
                        self.set_loc(kwd_patterns[j].loc);
                        return Err(
                            self.error(format!("attribute name repeated in class pattern: {attr}"))
                        );
                    }
                }
            }
            self.set_loc(p.loc);
        }
        self.visit_expr(cls)?;
        self.load_const(ConstValue::Tuple(
            kwd_attrs.iter().map(|a| ConstValue::str(a)).collect(),
        ));
        self.addop_i(Opcode::MatchClass, nargs as u32);
        self.addop_i(Opcode::Copy, 1);
        self.load_const(ConstValue::None);
        self.addop_i(Opcode::IsOp, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, PseudoOp::PopJumpIfFalse);
        self.addop_i(Opcode::UnpackSequence, (nargs + nattrs) as u32);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        for q in patterns.iter().chain(kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(q) {
                self.addop(Opcode::PopTop);
                continue;
            }
            self.pattern_subpattern(q, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, alts: &[Pattern], pc: &mut PatternContext) -> Result<()> {
        let end = self.new_block();
        let size = alts.len();
        let old_pc = pc.clone();
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in alts.iter().enumerate() {
            self.set_loc(alt.loc);
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && old_pc.allow_irrefutable;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.addop_i(Opcode::Copy, 1);
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) if ctl.len() != nstores => {
                    return Err(self.error("alternative patterns bind different names"));
                }
                Some(ctl) if nstores > 0 => {
                    let ctl = ctl.clone();
                    let mut icontrol = nstores;
                    while icontrol > 0 {
                        icontrol -= 1;
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(self.error("alternative patterns bind different names"));
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(0..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.pattern_rotate(icontrol + 1);
                            }
                        }
                    }
                }
                Some(_) => {}
            }
            self.jump(PseudoOp::Jump, end);
            self.emit_and_reset_fail_pop(pc);
        }
        *pc = old_pc;
        self.addop(Opcode::PopTop);
        self.jump_to_fail_pop(pc, PseudoOp::Jump);
        self.use_next_block(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.pattern_rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(self.error(format!("multiple assignments to name '{name}' in pattern")));
            }
            pc.stores.push(name);
        }
        self.addop(Opcode::PopTop);
        Ok(())
    }

    /// `compiler_match`.
    pub fn match_stmt(&mut self, _s: &Stmt, subject: &Expr, cases: &[MatchCase]) -> Result<()> {
        self.visit_expr(subject)?;
        let end = self.new_block();
        let ncases = cases.len();
        let has_default = is_wildcard(&cases[ncases - 1].pattern) && ncases > 1;
        let mut pc = PatternContext::default();
        for (i, m) in cases[..ncases - has_default as usize].iter().enumerate() {
            self.set_loc(m.pattern.loc);
            let last = i == ncases - has_default as usize - 1;
            if !last {
                self.addop_i(Opcode::Copy, 1);
            }
            pc.stores = Vec::new();
            pc.allow_irrefutable = m.guard.is_some() || i == ncases - 1;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.pattern(&m.pattern, &mut pc)?;
            for name in pc.stores.clone() {
                self.nameop(&name, ExprContext::Store)?;
            }
            if let Some(g) = &m.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(g, target, false)?;
            }
            if !last {
                self.addop(Opcode::PopTop);
            }
            self.visit_stmts(&m.body)?;
            self.jump(PseudoOp::Jump, end);
            self.set_loc(m.pattern.loc);
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            let m = &cases[ncases - 1];
            self.set_loc(m.pattern.loc);
            if ncases == 1 {
                self.addop(Opcode::PopTop);
            } else {
                self.addop(Opcode::Nop);
            }
            if let Some(g) = &m.guard {
                self.jump_if(g, end, false)?;
            }
            self.visit_stmts(&m.body)?;
        }
        self.use_next_block(end);
        let _ = Op::Real(Opcode::Nop);
        Ok(())
    }
}
