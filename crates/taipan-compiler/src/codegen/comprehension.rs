//! Comprehensions and generator expressions: each is a nested function
//! (`<listcomp>`, `<genexpr>`, ...) called at once with the outermost
//! iterator, as `compiler_comprehension` and
//! `compiler_{sync,async}_comprehension_generator` in CPython 3.11's
//! `Python/compile.c` build them.

use taipan_bytecode::opcode::PseudoOp;
use taipan_bytecode::Opcode;
use taipan_parser::ast::{Comprehension, Expr, ExprKind};

use super::{Compiler, FBlockKind, ScopeType};
use crate::consts::ConstValue;
use crate::symtable::key;
use crate::Result;

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompType {
    Genexp,
    List,
    Set,
    Dict,
}

impl<'a> Compiler<'a> {
    pub fn comprehension(&mut self, e: &Expr) -> Result<()> {
        let (typ, name, generators, elt, val) = match &e.kind {
            ExprKind::GeneratorExp { elt, generators } => {
                (CompType::Genexp, "<genexpr>", generators, &**elt, None)
            }
            ExprKind::ListComp { elt, generators } => {
                (CompType::List, "<listcomp>", generators, &**elt, None)
            }
            ExprKind::SetComp { elt, generators } => {
                (CompType::Set, "<setcomp>", generators, &**elt, None)
            }
            ExprKind::DictComp {
                key: k,
                value,
                generators,
            } => (
                CompType::Dict,
                "<dictcomp>",
                generators,
                &**k,
                Some(&**value),
            ),
            _ => unreachable!("comprehension() on a non-comprehension"),
        };
        let scope_type = self.ur().scope_type;
        let outermost = &generators[0];
        self.enter_scope(name, ScopeType::Comprehension, key(e), e.loc.lineno)?;
        self.set_loc(e.loc);
        let is_async_generator = self.ste().coroutine;
        if is_async_generator
            && typ != CompType::Genexp
            && scope_type != ScopeType::AsyncFunction
            && scope_type != ScopeType::Comprehension
        {
            return Err(
                self.error("asynchronous comprehension outside of an asynchronous function")
            );
        }
        match typ {
            CompType::List => self.addop_i(Opcode::BuildList, 0),
            CompType::Set => self.addop_i(Opcode::BuildSet, 0),
            CompType::Dict => self.addop_i(Opcode::BuildMap, 0),
            CompType::Genexp => {}
        }
        self.comprehension_generator(generators, 0, 0, elt, val, typ)?;
        if typ != CompType::Genexp {
            self.addop(Opcode::ReturnValue);
        }
        let code = self.assemble(true)?;
        self.units.pop();
        self.make_closure(code, 0);
        self.visit_expr(&outermost.iter)?;
        if outermost.is_async != 0 {
            self.addop(Opcode::GetAiter);
        } else {
            self.addop(Opcode::GetIter);
        }
        self.addop_i(Opcode::Precall, 0);
        self.addop_i(Opcode::Call, 0);
        if is_async_generator && typ != CompType::Genexp {
            self.addop_i(Opcode::GetAwaitable, 0);
            self.load_const(ConstValue::None);
            self.add_yield_from(true);
        }
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        generators: &[Comprehension],
        gen_index: usize,
        depth: u32,
        elt: &Expr,
        val: Option<&Expr>,
        typ: CompType,
    ) -> Result<()> {
        if generators[gen_index].is_async != 0 {
            self.async_comprehension_generator(generators, gen_index, depth, elt, val, typ)
        } else {
            self.sync_comprehension_generator(generators, gen_index, depth, elt, val, typ)
        }
    }

    fn comprehension_element(
        &mut self,
        depth: u32,
        elt: &Expr,
        val: Option<&Expr>,
        typ: CompType,
    ) -> Result<()> {
        self.visit_expr(elt)?;
        match typ {
            CompType::Genexp => {
                if self.ste().generator && self.ste().coroutine {
                    self.addop(Opcode::AsyncGenWrap);
                }
                self.addop(Opcode::YieldValue);
                self.addop_i(Opcode::Resume, 1);
                self.addop(Opcode::PopTop);
            }
            CompType::List => self.addop_i(Opcode::ListAppend, depth + 1),
            CompType::Set => self.addop_i(Opcode::SetAdd, depth + 1),
            CompType::Dict => {
                self.visit_expr(val.expect("dict comprehension value"))?;
                self.addop_i(Opcode::MapAdd, depth + 1);
            }
        }
        Ok(())
    }

    fn sync_comprehension_generator(
        &mut self,
        generators: &[Comprehension],
        gen_index: usize,
        mut depth: u32,
        elt: &Expr,
        val: Option<&Expr>,
        typ: CompType,
    ) -> Result<()> {
        let mut start = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        let gen = &generators[gen_index];
        if gen_index == 0 {
            self.u().argcount = 1;
            self.addop_i(Opcode::LoadFast, 0);
        } else {
            let elts = match &gen.iter.kind {
                ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => Some(elts),
                _ => None,
            };
            if let Some(elts) = elts {
                if elts.len() == 1 && !matches!(elts[0].kind, ExprKind::Starred { .. }) {
                    self.visit_expr(&elts[0])?;
                    start = None;
                }
            }
            if start.is_some() {
                self.visit_expr(&gen.iter)?;
                self.addop(Opcode::GetIter);
            }
        }
        if let Some(s) = start {
            depth += 1;
            self.use_next_block(s);
            self.jump_real(Opcode::ForIter, anchor);
        }
        self.visit_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if gen_index + 1 < generators.len() {
            self.comprehension_generator(generators, gen_index + 1, depth, elt, val, typ)?;
        } else {
            self.comprehension_element(depth, elt, val, typ)?;
        }
        self.use_next_block(if_cleanup);
        if let Some(s) = start {
            self.jump(PseudoOp::Jump, s);
            self.use_next_block(anchor);
        }
        Ok(())
    }

    fn async_comprehension_generator(
        &mut self,
        generators: &[Comprehension],
        gen_index: usize,
        mut depth: u32,
        elt: &Expr,
        val: Option<&Expr>,
        typ: CompType,
    ) -> Result<()> {
        let start = self.new_block();
        let except = self.new_block();
        let if_cleanup = self.new_block();
        let gen = &generators[gen_index];
        if gen_index == 0 {
            self.u().argcount = 1;
            self.addop_i(Opcode::LoadFast, 0);
        } else {
            self.visit_expr(&gen.iter)?;
            self.addop(Opcode::GetAiter);
        }
        self.use_next_block(start);
        self.push_fblock(FBlockKind::AsyncComprehensionGenerator, Some(start), None)?;
        self.jump(PseudoOp::SetupFinally, except);
        self.addop(Opcode::GetAnext);
        self.load_const(ConstValue::None);
        self.add_yield_from(true);
        self.addop_pseudo(PseudoOp::PopBlock);
        self.visit_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        depth += 1;
        if gen_index + 1 < generators.len() {
            self.comprehension_generator(generators, gen_index + 1, depth, elt, val, typ)?;
        } else {
            self.comprehension_element(depth, elt, val, typ)?;
        }
        self.use_next_block(if_cleanup);
        self.jump(PseudoOp::Jump, start);
        self.pop_fblock();
        self.use_next_block(except);
        self.addop(Opcode::EndAsyncFor);
        Ok(())
    }
}
