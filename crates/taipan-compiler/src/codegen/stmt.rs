//! Statements: `compiler_visit_stmt` and the statement helpers of CPython
//! 3.11's `Python/compile.c` (functions, classes, control flow, `try` with
//! zero-cost exception handling, `with`, imports, assignments, and the
//! frame-block unwinding that `return`, `break` and `continue` need).

use taipan_bytecode::opcode::PseudoOp;
use taipan_bytecode::Opcode;
use taipan_parser::ast::{self, Expr, ExprContext, ExprKind, Stmt, StmtKind};

use super::{get_docstring, Compiler, FBlockKind, ScopeType};
use crate::consts::ConstValue;
use crate::symtable::{key, mangle, BlockType, CO_FUTURE_ANNOTATIONS};
use crate::Result;

/// `find_ann`: whether a body has annotations (needs `SETUP_ANNOTATIONS`).
fn find_ann(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|st| match &st.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For { body, orelse, .. }
        | StmtKind::AsyncFor { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => find_ann(body) || find_ann(orelse),
        StmtKind::With { body, .. } | StmtKind::AsyncWith { body, .. } => find_ann(body),
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
            handlers.iter().any(|h| find_ann(&h.body))
                || find_ann(body)
                || find_ann(finalbody)
                || find_ann(orelse)
        }
        _ => false,
    })
}

impl<'a> Compiler<'a> {
    /// `compiler_body`: module and class bodies.
    pub fn compiler_body(&mut self, stmts: &[Stmt]) -> Result<()> {
        if self.ur().scope_type == ScopeType::Module {
            if let Some(st) = stmts.first() {
                self.set_loc(st.loc);
            }
        }
        if find_ann(stmts) {
            self.addop(Opcode::SetupAnnotations);
        }
        if stmts.is_empty() {
            return Ok(());
        }
        let mut i = 0;
        let doc = if self.optimize < 2 {
            get_docstring(stmts)
        } else {
            None
        };
        if let Some(doc) = doc {
            i = 1;
            let st = &stmts[0];
            self.set_loc(st.loc);
            if let StmtKind::Expr { value } = &st.kind {
                self.set_loc(value.loc);
            }
            self.load_const(ConstValue::Str(doc.clone()));
            self.unset_loc();
            self.nameop("__doc__", ExprContext::Store)?;
        }
        for s in &stmts[i..] {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    pub fn visit_stmts(&mut self, stmts: &[Stmt]) -> Result<()> {
        for s in stmts {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    pub fn visit_stmt(&mut self, s: &Stmt) -> Result<()> {
        self.enter_nested(s.loc)?;
        let r = self.visit_stmt_inner(s);
        self.leave_nested();
        r
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> Result<()> {
        self.set_loc(s.loc);
        match &s.kind {
            StmtKind::FunctionDef { .. } | StmtKind::AsyncFunctionDef { .. } => self.function(s)?,
            StmtKind::ClassDef { .. } => self.class(s)?,
            StmtKind::Return { value } => self.return_(s, value.as_deref())?,
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.visit_expr(t)?;
                }
            }
            StmtKind::Assign { targets, value, .. } => {
                self.visit_expr(value)?;
                let n = targets.len();
                for (i, t) in targets.iter().enumerate() {
                    if i < n - 1 {
                        self.addop_i(Opcode::Copy, 1);
                    }
                    self.visit_expr(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.augassign(target, *op, value)?,
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.annassign(target, annotation, value.as_deref(), *simple)?,
            StmtKind::For { .. } => self.for_(s)?,
            StmtKind::AsyncFor { .. } => self.async_for(s)?,
            StmtKind::While { test, body, orelse } => self.while_(s, test, body, orelse)?,
            StmtKind::If { test, body, orelse } => {
                let end = self.new_block();
                let next = if orelse.is_empty() {
                    end
                } else {
                    self.new_block()
                };
                self.jump_if(test, next, false)?;
                self.visit_stmts(body)?;
                if !orelse.is_empty() {
                    self.jump_noline(PseudoOp::Jump, end);
                    self.use_next_block(next);
                    self.visit_stmts(orelse)?;
                }
                self.use_next_block(end);
            }
            StmtKind::Match { subject, cases } => self.match_stmt(s, subject, cases)?,
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                    n += 1;
                    if let Some(c) = cause {
                        self.visit_expr(c)?;
                        n += 1;
                    }
                }
                self.addop_i(Opcode::RaiseVarargs, n);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if !finalbody.is_empty() {
                    self.try_finally(body, handlers, orelse, finalbody, false)?
                } else {
                    self.try_except(body, handlers, orelse)?
                }
            }
            StmtKind::TryStar {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if !finalbody.is_empty() {
                    self.try_finally(body, handlers, orelse, finalbody, true)?
                } else {
                    self.try_star_except(body, handlers, orelse)?
                }
            }
            StmtKind::Assert { test, msg } => {
                let always_true = match &test.kind {
                    ExprKind::Tuple { elts, .. } => !elts.is_empty(),
                    _ => false,
                };
                if always_true {
                    self.warn("assertion is always true, perhaps remove parentheses?");
                }
                if self.optimize > 0 {
                    return Ok(());
                }
                let end = self.new_block();
                self.jump_if(test, end, true)?;
                self.addop(Opcode::LoadAssertionError);
                if let Some(m) = msg {
                    self.visit_expr(m)?;
                    self.addop_i(Opcode::Precall, 0);
                    self.addop_i(Opcode::Call, 0);
                }
                self.addop_i(Opcode::RaiseVarargs, 1);
                self.use_next_block(end);
            }
            StmtKind::Import { names } => self.import(names)?,
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                if s.loc.lineno > self.future_lineno && module.as_deref() == Some("__future__") {
                    return Err(self
                        .error("from __future__ imports must occur at the beginning of the file"));
                }
                self.import_from(module.as_deref(), names, *level)?
            }
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => {}
            StmtKind::Expr { value } if self.interactive && self.units.len() <= 1 => {
                self.visit_expr(value)?;
                self.addop(Opcode::PrintExpr);
            }
            StmtKind::Expr { value } => {
                if crate::ast_opt::const_value(value).is_some() {
                    self.addop(Opcode::Nop);
                } else {
                    self.visit_expr(value)?;
                    self.unset_loc();
                    self.addop(Opcode::PopTop);
                }
            }
            StmtKind::Pass => self.addop(Opcode::Nop),
            StmtKind::Break => self.break_()?,
            StmtKind::Continue => self.continue_()?,
            StmtKind::With { items, body, .. } => self.with(s, items, body, 0)?,
            StmtKind::AsyncWith { items, body, .. } => self.async_with(s, items, body, 0)?,
        }
        Ok(())
    }

    // ---- functions and classes -------------------------------------------

    fn decorators(&mut self, decos: &[Expr]) -> Result<()> {
        for d in decos {
            self.visit_expr(d)?;
        }
        Ok(())
    }

    fn apply_decorators(&mut self, decos: &[Expr]) {
        let old = self.ur().loc;
        for d in decos.iter().rev() {
            self.set_loc(d.loc);
            self.addop_i(Opcode::Precall, 0);
            self.addop_i(Opcode::Call, 0);
        }
        self.u().loc = old;
    }

    /// `compiler_default_arguments`: the MAKE_FUNCTION flags for defaults.
    pub fn default_arguments(&mut self, args: &ast::Arguments) -> Result<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.visit_expr(d)?;
            }
            self.addop_i(Opcode::BuildTuple, args.defaults.len() as u32);
            flags |= 0x01;
        }
        let mut keys = Vec::new();
        for (a, d) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = d {
                keys.push(ConstValue::str(&mangle(
                    self.ur().private.as_deref(),
                    &a.arg,
                )));
                self.visit_expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(ConstValue::Tuple(keys));
            self.addop_i(Opcode::BuildConstKeyMap, n);
            flags |= 0x02;
        }
        Ok(flags)
    }

    fn argannotation(&mut self, id: &str, ann: Option<&Expr>, count: &mut u32) -> Result<()> {
        let Some(ann) = ann else { return Ok(()) };
        let mangled = mangle(self.ur().private.as_deref(), id);
        self.load_const(ConstValue::str(&mangled));
        if self.future & CO_FUTURE_ANNOTATIONS != 0 {
            self.load_const(ConstValue::str(&crate::ast_opt::unparse(ann)));
        } else if let ExprKind::Starred { value, .. } = &ann.kind {
            self.visit_expr(value)?;
            self.addop_i(Opcode::UnpackSequence, 1);
        } else {
            self.visit_expr(ann)?;
        }
        *count += 2;
        Ok(())
    }

    fn annotations(&mut self, args: &ast::Arguments, returns: Option<&Expr>) -> Result<bool> {
        let mut n = 0;
        for a in &args.args {
            self.argannotation(&a.arg, a.annotation.as_deref(), &mut n)?;
        }
        for a in &args.posonlyargs {
            self.argannotation(&a.arg, a.annotation.as_deref(), &mut n)?;
        }
        if let Some(a) = &args.vararg {
            self.argannotation(&a.arg, a.annotation.as_deref(), &mut n)?;
        }
        for a in &args.kwonlyargs {
            self.argannotation(&a.arg, a.annotation.as_deref(), &mut n)?;
        }
        if let Some(a) = &args.kwarg {
            self.argannotation(&a.arg, a.annotation.as_deref(), &mut n)?;
        }
        self.argannotation("return", returns, &mut n)?;
        if n > 0 {
            self.addop_i(Opcode::BuildTuple, n);
            return Ok(true);
        }
        Ok(false)
    }

    fn function(&mut self, s: &Stmt) -> Result<()> {
        let (name, args, body, decos, returns, is_async) = match &s.kind {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                ..
            } => (name, args, body, decorator_list, returns, false),
            StmtKind::AsyncFunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                ..
            } => (name, args, body, decorator_list, returns, true),
            _ => unreachable!("function() on a non-function"),
        };
        self.decorators(decos)?;
        let firstlineno = decos.first().map(|d| d.loc.lineno).unwrap_or(s.loc.lineno);
        let mut flags = self.default_arguments(args)?;
        if self.annotations(args, returns.as_deref())? {
            flags |= 0x04;
        }
        let scope = if is_async {
            ScopeType::AsyncFunction
        } else {
            ScopeType::Function
        };
        self.enter_scope(name, scope, key(s), firstlineno)?;
        // -OO drops docstrings.
        let doc = if self.optimize < 2 {
            get_docstring(body)
        } else {
            None
        };
        match doc {
            Some(d) => self.add_const(ConstValue::Str(d.clone())),
            None => self.add_const(ConstValue::None),
        };
        {
            let u = self.u();
            u.argcount = args.args.len() as u32;
            u.posonlyargcount = args.posonlyargs.len() as u32;
            u.kwonlyargcount = args.kwonlyargs.len() as u32;
        }
        let start = if doc.is_some() { 1 } else { 0 };
        for st in &body[start..] {
            self.visit_stmt(st)?;
        }
        let code = self.assemble(true)?;
        self.units.pop();
        self.make_closure(code, flags);
        self.apply_decorators(decos);
        self.nameop(name, ExprContext::Store)
    }

    fn class(&mut self, s: &Stmt) -> Result<()> {
        let StmtKind::ClassDef {
            name,
            bases,
            keywords,
            body,
            decorator_list: decos,
        } = &s.kind
        else {
            unreachable!("class() on a non-class")
        };
        self.decorators(decos)?;
        let firstlineno = decos.first().map(|d| d.loc.lineno).unwrap_or(s.loc.lineno);
        self.enter_scope(name, ScopeType::Class, key(s), firstlineno)?;
        self.u().private = Some(name.to_string());
        self.nameop("__name__", ExprContext::Load)?;
        self.nameop("__module__", ExprContext::Store)?;
        let q = self.ur().qualname.clone();
        self.load_const(ConstValue::str(&q));
        self.nameop("__qualname__", ExprContext::Store)?;
        self.compiler_body(body)?;
        self.unset_loc();
        if self.ste().needs_class_closure {
            let i = self.u().cellvars.add("__class__");
            self.addop_i(Opcode::LoadClosure, i);
            self.addop_i(Opcode::Copy, 1);
            self.nameop("__classcell__", ExprContext::Store)?;
        } else {
            self.load_const(ConstValue::None);
        }
        self.addop(Opcode::ReturnValue);
        let code = self.assemble(true)?;
        self.units.pop();
        self.addop(Opcode::PushNull);
        self.addop(Opcode::LoadBuildClass);
        self.make_closure(code, 0);
        self.load_const(ConstValue::str(name));
        self.call_helper(2, bases, keywords)?;
        self.apply_decorators(decos);
        self.nameop(name, ExprContext::Store)
    }

    // ---- control flow ------------------------------------------------------

    fn for_(&mut self, s: &Stmt) -> Result<()> {
        let StmtKind::For {
            target,
            iter,
            body,
            orelse,
            ..
        } = &s.kind
        else {
            unreachable!()
        };
        let start = self.new_block();
        let bodyb = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.push_fblock(FBlockKind::ForLoop, Some(start), Some(end))?;
        self.visit_expr(iter)?;
        self.addop(Opcode::GetIter);
        self.use_next_block(start);
        self.jump_real(Opcode::ForIter, cleanup);
        self.use_next_block(bodyb);
        self.visit_expr(target)?;
        self.visit_stmts(body)?;
        self.unset_loc();
        self.jump(PseudoOp::Jump, start);
        self.use_next_block(cleanup);
        self.pop_fblock();
        self.visit_stmts(orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn async_for(&mut self, s: &Stmt) -> Result<()> {
        let StmtKind::AsyncFor {
            target,
            iter,
            body,
            orelse,
            ..
        } = &s.kind
        else {
            unreachable!()
        };
        if self.ur().scope_type != ScopeType::AsyncFunction {
            return Err(self.error("'async for' outside async function"));
        }
        let start = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        self.visit_expr(iter)?;
        self.addop(Opcode::GetAiter);
        self.use_next_block(start);
        self.push_fblock(FBlockKind::ForLoop, Some(start), Some(end))?;
        self.jump(PseudoOp::SetupFinally, except);
        self.addop(Opcode::GetAnext);
        self.load_const(ConstValue::None);
        self.add_yield_from(true);
        self.addop_pseudo(PseudoOp::PopBlock);
        self.visit_expr(target)?;
        self.visit_stmts(body)?;
        self.unset_loc();
        self.jump(PseudoOp::Jump, start);
        self.pop_fblock();
        self.use_next_block(except);
        self.set_loc(iter.loc);
        self.addop(Opcode::EndAsyncFor);
        self.visit_stmts(orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn while_(&mut self, s: &Stmt, test: &Expr, body: &[Stmt], orelse: &[Stmt]) -> Result<()> {
        let lp = self.new_block();
        let bodyb = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        self.use_next_block(lp);
        self.push_fblock(FBlockKind::WhileLoop, Some(lp), Some(end))?;
        self.jump_if(test, anchor, false)?;
        self.use_next_block(bodyb);
        self.visit_stmts(body)?;
        self.set_loc(s.loc);
        self.jump_if(test, bodyb, true)?;
        self.pop_fblock();
        self.use_next_block(anchor);
        self.visit_stmts(orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn return_(&mut self, s: &Stmt, value: Option<&Expr>) -> Result<()> {
        let preserve_tos = value.is_some_and(|v| crate::ast_opt::const_value(v).is_none());
        if self.ste().typ != BlockType::Function {
            return Err(self.error("'return' outside function"));
        }
        if value.is_some() && self.ste().coroutine && self.ste().generator {
            return Err(self.error("'return' with value in async generator"));
        }
        if preserve_tos {
            self.visit_expr(value.expect("value"))?;
        } else if let Some(v) = value {
            self.set_loc(v.loc);
            self.addop(Opcode::Nop);
        }
        if value.is_none_or(|v| v.loc.lineno != s.loc.lineno) {
            self.set_loc(s.loc);
            self.addop(Opcode::Nop);
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        match value {
            None => self.load_const(ConstValue::None),
            Some(v) if !preserve_tos => {
                self.load_const(crate::ast_opt::const_value(v).expect("constant"));
            }
            _ => {}
        }
        self.addop(Opcode::ReturnValue);
        Ok(())
    }

    fn break_(&mut self) -> Result<()> {
        let saved = self.ur().loc;
        self.addop(Opcode::Nop);
        let Some(lp) = self.unwind_fblock_stack(false, true)? else {
            self.u().loc = saved;
            return Err(self.error("'break' outside loop"));
        };
        let info = self.ur().fblocks[lp].clone();
        self.unwind_fblock(&info, false)?;
        self.jump(PseudoOp::Jump, info.exit.expect("loop exit"));
        Ok(())
    }

    fn continue_(&mut self) -> Result<()> {
        let saved = self.ur().loc;
        self.addop(Opcode::Nop);
        let Some(lp) = self.unwind_fblock_stack(false, true)? else {
            self.u().loc = saved;
            return Err(self.error("'continue' not properly in loop"));
        };
        let info = self.ur().fblocks[lp].clone();
        self.jump(PseudoOp::Jump, info.block.expect("loop start"));
        Ok(())
    }

    fn call_exit_with_nones(&mut self) {
        self.load_const(ConstValue::None);
        self.load_const(ConstValue::None);
        self.load_const(ConstValue::None);
        self.addop_i(Opcode::Precall, 2);
        self.addop_i(Opcode::Call, 2);
    }

    /// `compiler_add_yield_from`.
    pub fn add_yield_from(&mut self, is_await: bool) {
        let start = self.new_block();
        let resume = self.new_block();
        let exit = self.new_block();
        self.use_next_block(start);
        self.jump_real(Opcode::Send, exit);
        self.use_next_block(resume);
        self.addop(Opcode::YieldValue);
        self.addop_i(Opcode::Resume, if is_await { 3 } else { 2 });
        self.jump(PseudoOp::JumpNoInterrupt, start);
        self.use_next_block(exit);
    }

    pub fn pop_except_and_reraise(&mut self) {
        self.addop_i(Opcode::Copy, 3);
        self.addop(Opcode::PopExcept);
        self.addop_i(Opcode::Reraise, 1);
    }

    /// `compiler_unwind_fblock`.
    pub fn unwind_fblock(&mut self, info: &super::FBlock, preserve_tos: bool) -> Result<()> {
        match &info.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.addop_i(Opcode::Swap, 2);
                }
                self.addop(Opcode::PopTop);
            }
            FBlockKind::TryExcept => self.addop_pseudo(PseudoOp::PopBlock),
            FBlockKind::FinallyTry(body) => {
                self.addop_pseudo(PseudoOp::PopBlock);
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, None, None)?;
                }
                let body = body.clone();
                self.visit_stmts(&body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
                self.unset_loc();
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.addop_i(Opcode::Swap, 2);
                }
                self.addop(Opcode::PopTop);
                if preserve_tos {
                    self.addop_i(Opcode::Swap, 2);
                }
                self.addop_pseudo(PseudoOp::PopBlock);
                self.addop(Opcode::PopExcept);
            }
            FBlockKind::With(loc) | FBlockKind::AsyncWith(loc) => {
                self.set_loc(*loc);
                self.addop_pseudo(PseudoOp::PopBlock);
                if preserve_tos {
                    self.addop_i(Opcode::Swap, 2);
                }
                self.call_exit_with_nones();
                if matches!(info.kind, FBlockKind::AsyncWith(_)) {
                    self.addop_i(Opcode::GetAwaitable, 2);
                    self.load_const(ConstValue::None);
                    self.add_yield_from(true);
                }
                self.addop(Opcode::PopTop);
                self.unset_loc();
            }
            FBlockKind::HandlerCleanup(name) => {
                if name.is_some() {
                    self.addop_pseudo(PseudoOp::PopBlock);
                }
                if preserve_tos {
                    self.addop_i(Opcode::Swap, 2);
                }
                self.addop_pseudo(PseudoOp::PopBlock);
                self.addop(Opcode::PopExcept);
                if let Some(n) = name {
                    self.load_const(ConstValue::None);
                    self.nameop(n, ExprContext::Store)?;
                    self.nameop(n, ExprContext::Del)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.addop_i(Opcode::Swap, 2);
                }
                self.addop(Opcode::PopTop);
            }
        }
        Ok(())
    }

    /// `compiler_unwind_fblock_stack`: unwinds down to (not including) the
    /// innermost loop when `want_loop`; returns that loop's index.
    pub fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        want_loop: bool,
    ) -> Result<Option<usize>> {
        let Some(top) = self.ur().fblocks.last().cloned() else {
            return Ok(None);
        };
        if matches!(top.kind, FBlockKind::ExceptionGroupHandler) {
            return Err(
                self.error("'break', 'continue' and 'return' cannot appear in an except* block")
            );
        }
        if want_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(self.ur().fblocks.len() - 1));
        }
        let copy = self.u().fblocks.pop().expect("nonempty");
        self.unwind_fblock(&copy, preserve_tos)?;
        let r = self.unwind_fblock_stack(preserve_tos, want_loop)?;
        self.u().fblocks.push(copy);
        Ok(r)
    }

    // ---- try ---------------------------------------------------------------

    fn try_finally(
        &mut self,
        body: &[Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
        star: bool,
    ) -> Result<()> {
        let bodyb = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.jump(PseudoOp::SetupFinally, end);
        self.use_next_block(bodyb);
        self.push_fblock(
            FBlockKind::FinallyTry(std::rc::Rc::new(finalbody.to_vec())),
            Some(bodyb),
            Some(end),
        )?;
        if !handlers.is_empty() {
            if star {
                self.try_star_except(body, handlers, orelse)?;
            } else {
                self.try_except(body, handlers, orelse)?;
            }
        } else {
            self.visit_stmts(body)?;
        }
        self.push_instr_noline_pseudo(PseudoOp::PopBlock);
        self.pop_fblock();
        self.visit_stmts(finalbody)?;
        self.jump_noline(PseudoOp::Jump, exit);
        self.use_next_block(end);
        self.unset_loc();
        self.jump(PseudoOp::SetupCleanup, cleanup);
        self.addop(Opcode::PushExcInfo);
        self.push_fblock(FBlockKind::FinallyEnd, Some(end), None)?;
        self.visit_stmts(finalbody)?;
        self.pop_fblock();
        self.addop_i(Opcode::Reraise, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        Ok(())
    }

    fn push_instr_noline_pseudo(&mut self, op: PseudoOp) {
        let saved = self.ur().loc;
        self.u().loc = crate::flowgraph::InstrLoc::NOLINE;
        self.addop_pseudo(op);
        self.u().loc = saved;
    }

    fn try_except(
        &mut self,
        body: &[Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[Stmt],
    ) -> Result<()> {
        let bodyb = self.new_block();
        let mut except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.jump(PseudoOp::SetupFinally, except);
        self.use_next_block(bodyb);
        self.push_fblock(FBlockKind::TryExcept, Some(bodyb), None)?;
        self.visit_stmts(body)?;
        self.pop_fblock();
        self.push_instr_noline_pseudo(PseudoOp::PopBlock);
        self.visit_stmts(orelse)?;
        self.jump_noline(PseudoOp::Jump, end);
        let n = handlers.len();
        self.use_next_block(except);
        self.unset_loc();
        self.jump(PseudoOp::SetupCleanup, cleanup);
        self.addop(Opcode::PushExcInfo);
        self.push_fblock(FBlockKind::ExceptionHandler, None, None)?;
        for (i, h) in handlers.iter().enumerate() {
            self.set_loc(h.loc);
            if h.type_.is_none() && i < n - 1 {
                return Err(self.error("default 'except:' must be last"));
            }
            except = self.new_block();
            if let Some(t) = &h.type_ {
                self.visit_expr(t)?;
                self.addop(Opcode::CheckExcMatch);
                self.jump(PseudoOp::PopJumpIfFalse, except);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_block();
                let cleanup_body = self.new_block();
                self.nameop(name, ExprContext::Store)?;
                self.jump(PseudoOp::SetupCleanup, cleanup_end);
                self.use_next_block(cleanup_body);
                self.push_fblock(
                    FBlockKind::HandlerCleanup(Some(name.to_string())),
                    Some(cleanup_body),
                    None,
                )?;
                self.visit_stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.addop_pseudo(PseudoOp::PopBlock);
                self.addop_pseudo(PseudoOp::PopBlock);
                self.addop(Opcode::PopExcept);
                self.load_const(ConstValue::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
                self.jump(PseudoOp::Jump, end);
                self.use_next_block(cleanup_end);
                self.unset_loc();
                self.load_const(ConstValue::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
                self.addop_i(Opcode::Reraise, 1);
            } else {
                let cleanup_body = self.new_block();
                self.addop(Opcode::PopTop);
                self.use_next_block(cleanup_body);
                self.push_fblock(FBlockKind::HandlerCleanup(None), Some(cleanup_body), None)?;
                self.visit_stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.addop_pseudo(PseudoOp::PopBlock);
                self.addop(Opcode::PopExcept);
                self.jump(PseudoOp::Jump, end);
            }
            self.use_next_block(except);
        }
        self.unset_loc();
        self.pop_fblock();
        self.addop_i(Opcode::Reraise, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(end);
        Ok(())
    }

    fn try_star_except(
        &mut self,
        body: &[Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[Stmt],
    ) -> Result<()> {
        let bodyb = self.new_block();
        let mut except = self.new_block();
        let orelse_b = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        let reraise_star = self.new_block();
        self.jump(PseudoOp::SetupFinally, except);
        self.use_next_block(bodyb);
        self.push_fblock(FBlockKind::TryExcept, Some(bodyb), None)?;
        self.visit_stmts(body)?;
        self.pop_fblock();
        self.push_instr_noline_pseudo(PseudoOp::PopBlock);
        self.jump_noline(PseudoOp::Jump, orelse_b);
        let n = handlers.len();
        self.use_next_block(except);
        self.unset_loc();
        self.jump(PseudoOp::SetupCleanup, cleanup);
        self.addop(Opcode::PushExcInfo);
        self.push_fblock(FBlockKind::ExceptionGroupHandler, None, None)?;
        for (i, h) in handlers.iter().enumerate() {
            self.set_loc(h.loc);
            except = self.new_block();
            let handle_match = self.new_block();
            if i == 0 {
                self.addop_i(Opcode::Copy, 1);
                self.addop_i(Opcode::BuildList, 0);
                self.addop_i(Opcode::Swap, 2);
            }
            if let Some(t) = &h.type_ {
                self.visit_expr(t)?;
                self.addop(Opcode::CheckEgMatch);
                self.addop_i(Opcode::Copy, 1);
                self.jump(PseudoOp::PopJumpIfNotNone, handle_match);
                self.addop(Opcode::PopTop);
                self.jump(PseudoOp::Jump, except);
            }
            self.use_next_block(handle_match);
            let cleanup_end = self.new_block();
            let cleanup_body = self.new_block();
            match &h.name {
                Some(name) => self.nameop(name, ExprContext::Store)?,
                None => self.addop(Opcode::PopTop),
            }
            self.jump(PseudoOp::SetupCleanup, cleanup_end);
            self.use_next_block(cleanup_body);
            self.push_fblock(
                FBlockKind::HandlerCleanup(h.name.as_ref().map(|n| n.to_string())),
                Some(cleanup_body),
                None,
            )?;
            self.visit_stmts(&h.body)?;
            self.pop_fblock();
            self.unset_loc();
            self.addop_pseudo(PseudoOp::PopBlock);
            if let Some(name) = &h.name {
                self.load_const(ConstValue::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
            }
            self.jump(PseudoOp::Jump, except);
            self.use_next_block(cleanup_end);
            self.unset_loc();
            if let Some(name) = &h.name {
                self.load_const(ConstValue::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
            }
            self.addop_i(Opcode::ListAppend, 3);
            self.addop(Opcode::PopTop);
            self.jump(PseudoOp::Jump, except);
            self.use_next_block(except);
            if i == n - 1 {
                self.addop_i(Opcode::ListAppend, 1);
                self.jump(PseudoOp::Jump, reraise_star);
            }
        }
        self.unset_loc();
        self.pop_fblock();
        let reraise = self.new_block();
        self.use_next_block(reraise_star);
        self.addop(Opcode::PrepReraiseStar);
        self.addop_i(Opcode::Copy, 1);
        self.jump(PseudoOp::PopJumpIfNotNone, reraise);
        self.addop(Opcode::PopTop);
        self.addop_pseudo(PseudoOp::PopBlock);
        self.addop(Opcode::PopExcept);
        self.jump(PseudoOp::Jump, end);
        self.use_next_block(reraise);
        self.addop_pseudo(PseudoOp::PopBlock);
        self.addop_i(Opcode::Swap, 2);
        self.addop(Opcode::PopExcept);
        self.addop_i(Opcode::Reraise, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(orelse_b);
        self.visit_stmts(orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    // ---- with --------------------------------------------------------------

    fn with_except_finish(&mut self, cleanup: usize) {
        self.unset_loc();
        let exit = self.new_block();
        self.jump(PseudoOp::PopJumpIfTrue, exit);
        self.addop_i(Opcode::Reraise, 2);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        self.addop(Opcode::PopTop);
        self.addop_pseudo(PseudoOp::PopBlock);
        self.addop(Opcode::PopExcept);
        self.addop(Opcode::PopTop);
        self.addop(Opcode::PopTop);
    }

    fn with(&mut self, s: &Stmt, items: &[ast::WithItem], body: &[Stmt], pos: usize) -> Result<()> {
        let item = &items[pos];
        let block = self.new_block();
        let fin = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        self.addop(Opcode::BeforeWith);
        self.jump(PseudoOp::SetupWith, fin);
        self.use_next_block(block);
        self.push_fblock(FBlockKind::With(s.loc), Some(block), Some(fin))?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.addop(Opcode::PopTop),
        }
        if pos + 1 == items.len() {
            self.visit_stmts(body)?;
        } else {
            self.with(s, items, body, pos + 1)?;
        }
        self.unset_loc();
        self.addop_pseudo(PseudoOp::PopBlock);
        self.pop_fblock();
        self.set_loc(s.loc);
        self.call_exit_with_nones();
        self.addop(Opcode::PopTop);
        self.jump(PseudoOp::Jump, exit);
        self.use_next_block(fin);
        self.jump(PseudoOp::SetupCleanup, cleanup);
        self.addop(Opcode::PushExcInfo);
        self.addop(Opcode::WithExceptStart);
        self.with_except_finish(cleanup);
        self.use_next_block(exit);
        Ok(())
    }

    fn async_with(
        &mut self,
        s: &Stmt,
        items: &[ast::WithItem],
        body: &[Stmt],
        pos: usize,
    ) -> Result<()> {
        if self.ur().scope_type != ScopeType::AsyncFunction {
            return Err(self.error("'async with' outside async function"));
        }
        let item = &items[pos];
        let block = self.new_block();
        let fin = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        self.addop(Opcode::BeforeAsyncWith);
        self.addop_i(Opcode::GetAwaitable, 1);
        self.load_const(ConstValue::None);
        self.add_yield_from(true);
        self.jump(PseudoOp::SetupWith, fin);
        self.use_next_block(block);
        self.push_fblock(FBlockKind::AsyncWith(s.loc), Some(block), Some(fin))?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.addop(Opcode::PopTop),
        }
        if pos + 1 == items.len() {
            self.visit_stmts(body)?;
        } else {
            self.async_with(s, items, body, pos + 1)?;
        }
        self.pop_fblock();
        self.addop_pseudo(PseudoOp::PopBlock);
        self.set_loc(s.loc);
        self.call_exit_with_nones();
        self.addop_i(Opcode::GetAwaitable, 2);
        self.load_const(ConstValue::None);
        self.add_yield_from(true);
        self.addop(Opcode::PopTop);
        self.jump(PseudoOp::Jump, exit);
        self.use_next_block(fin);
        self.jump(PseudoOp::SetupCleanup, cleanup);
        self.addop(Opcode::PushExcInfo);
        self.addop(Opcode::WithExceptStart);
        self.addop_i(Opcode::GetAwaitable, 2);
        self.load_const(ConstValue::None);
        self.add_yield_from(true);
        self.with_except_finish(cleanup);
        self.use_next_block(exit);
        Ok(())
    }

    // ---- imports -------------------------------------------------------------

    fn import(&mut self, names: &[ast::Alias]) -> Result<()> {
        for alias in names {
            self.load_const(ConstValue::int(0));
            self.load_const(ConstValue::None);
            self.addop_name(Opcode::ImportName, &alias.name);
            if let Some(asname) = &alias.asname {
                let parts: Vec<&str> = alias.name.split('.').collect();
                if parts.len() > 1 {
                    for (k, attr) in parts[1..].iter().enumerate() {
                        self.addop_n(Opcode::ImportFrom, attr);
                        if k + 2 == parts.len() {
                            break;
                        }
                        self.addop_i(Opcode::Swap, 2);
                        self.addop(Opcode::PopTop);
                    }
                    self.nameop(asname, ExprContext::Store)?;
                    self.addop(Opcode::PopTop);
                } else {
                    self.nameop(asname, ExprContext::Store)?;
                }
            } else {
                let first = alias.name.split('.').next().unwrap_or("");
                self.nameop(first, ExprContext::Store)?;
            }
        }
        Ok(())
    }

    fn import_from(
        &mut self,
        module: Option<&str>,
        names: &[ast::Alias],
        level: u32,
    ) -> Result<()> {
        self.load_const(ConstValue::int(level as i128));
        let tuple = ConstValue::Tuple(names.iter().map(|a| ConstValue::str(&a.name)).collect());
        self.load_const(tuple);
        self.addop_name(Opcode::ImportName, module.unwrap_or(""));
        for (i, alias) in names.iter().enumerate() {
            if i == 0 && alias.name.starts_with('*') {
                self.addop(Opcode::ImportStar);
                return Ok(());
            }
            self.addop_name(Opcode::ImportFrom, &alias.name);
            let store = alias.asname.as_deref().unwrap_or(&alias.name);
            self.nameop(store, ExprContext::Store)?;
        }
        self.addop(Opcode::PopTop);
        Ok(())
    }

    // ---- assignments -----------------------------------------------------------

    fn augassign(&mut self, target: &Expr, op: ast::Operator, value: &Expr) -> Result<()> {
        let old = self.ur().loc;
        self.set_loc(target.loc);
        match &target.kind {
            ExprKind::Attribute { value: v, attr, .. } => {
                self.visit_expr(v)?;
                self.addop_i(Opcode::Copy, 1);
                self.update_start_location_to_match_attr(target);
                self.addop_name(Opcode::LoadAttr, attr);
            }
            ExprKind::Subscript {
                value: v, slice, ..
            } => {
                self.visit_expr(v)?;
                self.visit_expr(slice)?;
                self.addop_i(Opcode::Copy, 2);
                self.addop_i(Opcode::Copy, 2);
                self.addop(Opcode::BinarySubscr);
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Load)?,
            _ => return Err(self.error("invalid node type for augmented assignment")),
        }
        self.u().loc = old;
        self.visit_expr(value)?;
        self.addop_i(Opcode::BinaryOp, super::expr::binop_arg(op, true));
        self.set_loc(target.loc);
        match &target.kind {
            ExprKind::Attribute { attr, .. } => {
                self.update_start_location_to_match_attr(target);
                self.addop_i(Opcode::Swap, 2);
                self.addop_name(Opcode::StoreAttr, attr);
            }
            ExprKind::Subscript { .. } => {
                self.addop_i(Opcode::Swap, 3);
                self.addop_i(Opcode::Swap, 2);
                self.addop(Opcode::StoreSubscr);
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Store)?,
            _ => {}
        }
        Ok(())
    }

    fn check_ann_expr(&mut self, e: &Expr) -> Result<()> {
        self.visit_expr(e)?;
        self.addop(Opcode::PopTop);
        Ok(())
    }

    fn check_ann_subscr(&mut self, e: &Expr) -> Result<()> {
        match &e.kind {
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.check_ann_expr(x)?;
                }
                Ok(())
            }
            ExprKind::Tuple { elts, .. } => {
                for x in elts {
                    self.check_ann_subscr(x)?;
                }
                Ok(())
            }
            _ => self.check_ann_expr(e),
        }
    }

    fn annassign(
        &mut self,
        target: &Expr,
        annotation: &Expr,
        value: Option<&Expr>,
        simple: u32,
    ) -> Result<()> {
        if let Some(v) = value {
            self.visit_expr(v)?;
            self.visit_expr(target)?;
        }
        let module_or_class = matches!(self.ur().scope_type, ScopeType::Module | ScopeType::Class);
        match &target.kind {
            ExprKind::Name { id, .. } => {
                if id == "__debug__" {
                    return Err(self.error("cannot assign to __debug__"));
                }
                if simple != 0 && module_or_class {
                    if self.future & CO_FUTURE_ANNOTATIONS != 0 {
                        self.load_const(ConstValue::str(&crate::ast_opt::unparse(annotation)));
                    } else {
                        self.visit_expr(annotation)?;
                    }
                    self.addop_name(Opcode::LoadName, "__annotations__");
                    let mangled = mangle(self.ur().private.as_deref(), id);
                    self.load_const(ConstValue::str(&mangled));
                    self.addop(Opcode::StoreSubscr);
                }
            }
            ExprKind::Attribute { value: v, .. } => {
                if value.is_none() {
                    self.check_ann_expr(v)?;
                }
            }
            ExprKind::Subscript {
                value: v, slice, ..
            } => {
                if value.is_none() {
                    self.check_ann_expr(v)?;
                    self.check_ann_subscr(slice)?;
                }
            }
            _ => return Err(self.error("invalid node type for annotated assignment")),
        }
        if simple == 0 && self.future & CO_FUTURE_ANNOTATIONS == 0 && module_or_class {
            self.check_ann_expr(annotation)?;
        }
        Ok(())
    }
}
