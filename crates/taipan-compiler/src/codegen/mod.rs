//! The code generator: AST -> instructions in basic blocks, one compilation
//! unit per code object.
//!
//! Follows the front half of CPython 3.11's `Python/compile.c`: the
//! `compiler_unit` with its name dicts, constants and frame blocks
//! (`fblockinfo`), `compiler_enter_scope`, `compiler_nameop`,
//! `compiler_make_closure` and the `ADDOP*` family, which append to the
//! current block and open a new implicit block after every jump or exit.
//! The statement, expression, comprehension and pattern visitors live in the
//! submodules; [`crate::flowgraph`] and [`crate::assemble`] finish a unit.

mod comprehension;
mod expr;
mod pattern;
mod stmt;

use std::collections::HashMap;

use taipan_bytecode::marshal::CodeData;
use taipan_bytecode::opcode::PseudoOp;
use taipan_bytecode::Opcode;
use taipan_parser::ast::{self, Loc};

use crate::consts::ConstValue;
use crate::flowgraph::{Block, Instr, InstrLoc, Op};
use crate::symtable::{mangle, BlockType, Scope, SymbolTable};
use crate::{CompileError, Result};

/// `CO_MAXBLOCKS`: static nesting limit of loops, `try` and `with`.
const CO_MAXBLOCKS: usize = 20;
/// Recursion limit of the code generator: a safety net only, since the
/// symbol table already stops trees nested deeper than 3,000 levels
/// (CPython's own generator has no limit of its own).
const MAX_NESTING: u32 = 8000;

/// `COMPILER_SCOPE_*`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

/// `enum fblocktype`.
#[derive(Clone, Debug)]
pub enum FBlockKind {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry(std::rc::Rc<Vec<ast::Stmt>>),
    FinallyEnd,
    With(Loc),
    AsyncWith(Loc),
    HandlerCleanup(Option<String>),
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

/// `struct fblockinfo`.
#[derive(Clone, Debug)]
pub struct FBlock {
    pub kind: FBlockKind,
    pub block: Option<usize>,
    pub exit: Option<usize>,
}

/// A set of names with insertion-order indices (CPython's name dicts).
#[derive(Clone, Debug, Default)]
pub struct NameSet {
    pub list: Vec<String>,
    map: HashMap<String, u32>,
}

impl NameSet {
    pub fn add(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.map.get(name) {
            return i;
        }
        let i = self.list.len() as u32;
        self.list.push(name.to_string());
        self.map.insert(name.to_string(), i);
        i
    }
    pub fn get(&self, name: &str) -> Option<u32> {
        self.map.get(name).copied()
    }
    pub fn len(&self) -> usize {
        self.list.len()
    }
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// `struct compiler_unit`: the state of one code object being compiled.
pub struct Unit {
    pub ste: usize,
    pub scope_type: ScopeType,
    pub name: String,
    pub qualname: String,
    pub consts: Vec<ConstValue>,
    pub names: NameSet,
    pub varnames: NameSet,
    pub cellvars: NameSet,
    pub freevars: NameSet,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub blocks: Vec<Block>,
    pub cur: usize,
    pub need_new_implicit_block: bool,
    pub fblocks: Vec<FBlock>,
    pub firstlineno: u32,
    pub loc: InstrLoc,
    pub private: Option<String>,
}

/// `struct compiler`.
pub struct Compiler<'a> {
    pub table: &'a SymbolTable,
    pub filename: String,
    pub future: u32,
    /// Line of the last `from __future__` import at the top (`ff_lineno`).
    pub future_lineno: u32,
    pub units: Vec<Unit>,
    pub nesting: u32,
    /// Compiling a statement typed at the interactive prompt (`single` mode):
    /// top-level expression statements print their value (`PRINT_EXPR`).
    pub interactive: bool,
    pub code_serial: usize,
    /// `-O` level: 1 drops asserts, 2 docstrings too.
    pub optimize: u8,
    /// `SyntaxWarning`s found so far, in order.
    pub warnings: Vec<crate::CompileWarning>,
}

/// Compiles a module whose symbol table is `table`.
pub fn compile(
    module: &ast::Mod,
    table: &SymbolTable,
    filename: &str,
    future: crate::symtable::Future,
    options: crate::CompileOptions,
) -> Result<crate::Compiled> {
    let mut c = Compiler {
        table,
        filename: filename.to_string(),
        future: future.flags,
        future_lineno: future.lineno,
        units: Vec::new(),
        nesting: 0,
        interactive: matches!(module, ast::Mod::Interactive { .. }),
        code_serial: 0,
        optimize: options.optimize,
        warnings: Vec::new(),
    };
    match compile_module_unit(&mut c, module) {
        Ok(code) => Ok(crate::Compiled {
            code,
            warnings: c.warnings,
        }),
        Err(mut e) => {
            e.warnings = std::mem::take(&mut c.warnings);
            Err(e)
        }
    }
}

fn compile_module_unit(c: &mut Compiler<'_>, module: &ast::Mod) -> Result<CodeData> {
    c.enter_scope(
        "<module>",
        ScopeType::Module,
        crate::symtable::key(module),
        1,
    )?;
    c.u().loc.lineno = 1;
    let mut add_none = true;
    match module {
        ast::Mod::Module { body, .. } => c.compiler_body(body)?,
        ast::Mod::Interactive { body } => {
            for s in body {
                c.visit_stmt(s)?;
            }
        }
        ast::Mod::Expression { body } => {
            c.visit_expr(body)?;
            add_none = false;
        }
        ast::Mod::FunctionType { .. } => {}
    }
    let code = c.assemble(add_none)?;
    c.units.pop();
    Ok(code)
}

impl<'a> Compiler<'a> {
    pub fn u(&mut self) -> &mut Unit {
        self.units.last_mut().expect("inside a compilation unit")
    }

    pub fn ur(&self) -> &Unit {
        self.units.last().expect("inside a compilation unit")
    }

    pub fn ste(&self) -> &'a crate::symtable::Entry {
        &self.table.entries[self.ur().ste]
    }

    /// `compiler_warn`: a `SyntaxWarning` at the current location.
    pub fn warn(&mut self, msg: impl Into<String>) {
        let l = self.ur().loc;
        self.warnings.push(crate::CompileWarning {
            msg: msg.into(),
            lineno: l.lineno.max(0) as u32,
            offset: (l.col + 1).max(0) as u32,
            end_lineno: l.end_lineno.max(0) as u32,
            end_offset: (l.end_col + 1).max(0) as u32,
        });
    }

    pub fn error(&self, msg: impl Into<String>) -> CompileError {
        let l = self.ur().loc;
        CompileError {
            kind: "SyntaxError",
            msg: msg.into(),
            lineno: l.lineno.max(0) as u32,
            offset: (l.col + 1).max(0) as u32,
            end_lineno: l.end_lineno.max(0) as u32,
            end_offset: (l.end_col + 1).max(0) as u32,
            warnings: Vec::new(),
        }
    }

    /// Guards against deep nesting: a `RecursionError`-like error instead
    /// of a stack overflow.
    pub fn enter_nested(&mut self, loc: Loc) -> Result<()> {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return Err(CompileError::recursion(loc));
        }
        Ok(())
    }

    pub fn leave_nested(&mut self) {
        self.nesting -= 1;
    }

    // ---- scopes -------------------------------------------------------

    /// `compiler_enter_scope`.
    pub fn enter_scope(
        &mut self,
        name: &str,
        scope_type: ScopeType,
        key: usize,
        lineno: u32,
    ) -> Result<()> {
        let ste_idx = self.table.lookup(key);
        let ste = &self.table.entries[ste_idx];
        let mut varnames = NameSet::default();
        for v in &ste.varnames {
            varnames.add(v);
        }
        let mut cellvars = NameSet::default();
        let mut cells: Vec<&String> = ste
            .scopes
            .iter()
            .filter(|(_, s)| **s == Scope::Cell)
            .map(|(n, _)| n)
            .collect();
        cells.sort();
        if ste.needs_class_closure {
            cellvars.add("__class__");
        }
        for n in cells {
            cellvars.add(n);
        }
        let mut frees: Vec<&String> = ste
            .symbols
            .iter()
            .filter(|(n, f)| {
                ste.scope(n) == Scope::Free || **f & crate::symtable::DEF_FREE_CLASS != 0
            })
            .map(|(n, _)| n)
            .collect();
        frees.sort();
        let mut freevars = NameSet::default();
        for n in frees {
            freevars.add(n);
        }
        let private = self.units.last().and_then(|p| p.private.clone());
        let mut unit = Unit {
            ste: ste_idx,
            scope_type,
            name: name.to_string(),
            qualname: String::new(),
            consts: Vec::new(),
            names: NameSet::default(),
            varnames,
            cellvars,
            freevars,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            blocks: Vec::new(),
            cur: 0,
            need_new_implicit_block: false,
            fblocks: Vec::new(),
            firstlineno: lineno,
            loc: InstrLoc {
                lineno: lineno as i32,
                end_lineno: lineno as i32,
                col: 0,
                end_col: 0,
            },
            private,
        };
        unit.blocks.push(Block::default());
        self.units.push(unit);
        if scope_type == ScopeType::Module {
            self.u().loc.lineno = 0;
            self.u().qualname = name.to_string();
        } else {
            self.set_qualname();
        }
        self.addop_i(Opcode::Resume, 0);
        if scope_type == ScopeType::Module {
            self.u().loc.lineno = -1;
        }
        Ok(())
    }

    /// `compiler_set_qualname`.
    fn set_qualname(&mut self) {
        let n = self.units.len();
        let u = &self.units[n - 1];
        if n == 1 {
            let name = u.name.clone();
            self.u().qualname = name;
            return;
        }
        let parent = &self.units[n - 2];
        let mut force_global = false;
        if matches!(
            u.scope_type,
            ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class
        ) {
            let mangled = mangle(parent.private.as_deref(), &u.name);
            if self.table.entries[parent.ste].scope(&mangled) == Scope::GlobalExplicit {
                force_global = true;
            }
        }
        let qualname = if force_global {
            u.name.clone()
        } else if matches!(
            parent.scope_type,
            ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda
        ) {
            format!("{}.<locals>.{}", parent.qualname, u.name)
        } else if parent.scope_type == ScopeType::Module {
            u.name.clone()
        } else {
            format!("{}.{}", parent.qualname, u.name)
        };
        self.u().qualname = qualname;
    }

    /// Finishes the current unit: CFG passes and assembly (`assemble`).
    pub fn assemble(&mut self, add_none: bool) -> Result<CodeData> {
        let filename = self.filename.clone();
        let flags = self.compute_code_flags();
        let generator_like = {
            let ste = self.ste();
            ste.generator || ste.coroutine
        };
        if !self.ur().blocks[self.ur().cur].ret {
            self.unset_loc();
            if add_none {
                self.load_const(ConstValue::None);
            }
            self.addop(Opcode::ReturnValue);
        }
        let u = self.units.last_mut().expect("unit");
        crate::assemble::assemble(u, &filename, flags, generator_like)
    }

    /// `compute_code_flags`.
    pub fn compute_code_flags(&self) -> i32 {
        let ste = self.ste();
        let mut flags = 0;
        if ste.typ == BlockType::Function {
            flags |= 0x2 | 0x1;
            if ste.nested {
                flags |= 0x10;
            }
            if ste.generator && !ste.coroutine {
                flags |= 0x20;
            }
            if !ste.generator && ste.coroutine {
                flags |= 0x80;
            }
            if ste.generator && ste.coroutine {
                flags |= 0x200;
            }
            if ste.varargs {
                flags |= 0x4;
            }
            if ste.varkeywords {
                flags |= 0x8;
            }
        }
        flags | self.future as i32
    }

    // ---- blocks and instructions ----------------------------------------

    pub fn new_block(&mut self) -> usize {
        let u = self.u();
        u.blocks.push(Block::default());
        u.blocks.len() - 1
    }

    /// `compiler_use_next_block`.
    pub fn use_next_block(&mut self, b: usize) {
        let u = self.u();
        let cur = u.cur;
        u.blocks[cur].next = Some(b);
        u.cur = b;
        u.need_new_implicit_block = false;
    }

    fn push_instr(&mut self, op: Op, arg: u32, target: Option<usize>, loc: InstrLoc) {
        if self.ur().need_new_implicit_block {
            let b = self.new_block();
            self.use_next_block(b);
        }
        let u = self.u();
        let cur = u.cur;
        let instr = Instr {
            op,
            arg,
            target,
            except: None,
            loc,
        };
        let ends = instr.is_jump() || instr.is_scope_exit();
        if op == Op::Real(Opcode::ReturnValue) {
            u.blocks[cur].ret = true;
        }
        u.blocks[cur].instrs.push(instr);
        if ends {
            u.need_new_implicit_block = true;
        }
    }

    pub fn addop(&mut self, op: Opcode) {
        let loc = self.ur().loc;
        self.push_instr(Op::Real(op), 0, None, loc);
    }

    pub fn addop_noline(&mut self, op: Opcode) {
        self.push_instr(Op::Real(op), 0, None, InstrLoc::NOLINE);
    }

    pub fn addop_i(&mut self, op: Opcode, arg: u32) {
        let loc = self.ur().loc;
        self.push_instr(Op::Real(op), arg, None, loc);
    }

    pub fn addop_i_noline(&mut self, op: Opcode, arg: u32) {
        self.push_instr(Op::Real(op), arg, None, InstrLoc::NOLINE);
    }

    pub fn addop_pseudo(&mut self, op: PseudoOp) {
        let loc = self.ur().loc;
        self.push_instr(Op::Pseudo(op), 0, None, loc);
    }

    pub fn addop_j(&mut self, op: Op, target: usize) {
        let loc = self.ur().loc;
        self.push_instr(op, 0, Some(target), loc);
    }

    pub fn jump(&mut self, op: PseudoOp, target: usize) {
        self.addop_j(Op::Pseudo(op), target);
    }

    pub fn jump_noline(&mut self, op: PseudoOp, target: usize) {
        self.push_instr(Op::Pseudo(op), 0, Some(target), InstrLoc::NOLINE);
    }

    pub fn jump_real(&mut self, op: Opcode, target: usize) {
        self.addop_j(Op::Real(op), target);
    }

    pub fn set_loc(&mut self, loc: Loc) {
        self.u().loc = InstrLoc::from(loc);
    }

    pub fn unset_loc(&mut self) {
        self.u().loc = InstrLoc::UNSET;
    }

    /// `compiler_add_const`: the index of `value` in `co_consts`.
    pub fn add_const(&mut self, value: ConstValue) -> u32 {
        let u = self.u();
        if let Some(i) = u.consts.iter().position(|c| *c == value) {
            return i as u32;
        }
        u.consts.push(value);
        (u.consts.len() - 1) as u32
    }

    pub fn load_const(&mut self, value: ConstValue) {
        let i = self.add_const(value);
        self.addop_i(Opcode::LoadConst, i);
    }

    /// `ADDOP_NAME`: the name is mangled.
    pub fn addop_name(&mut self, op: Opcode, name: &str) {
        let mangled = mangle(self.ur().private.as_deref(), name);
        let i = self.u().names.add(&mangled);
        self.addop_i(op, i);
    }

    /// `ADDOP_N` on `u_names`: the name is not mangled.
    pub fn addop_n(&mut self, op: Opcode, name: &str) {
        let i = self.u().names.add(name);
        self.addop_i(op, i);
    }

    pub fn push_fblock(
        &mut self,
        kind: FBlockKind,
        block: Option<usize>,
        exit: Option<usize>,
    ) -> Result<()> {
        if self.ur().fblocks.len() >= CO_MAXBLOCKS {
            return Err(self.error("too many statically nested blocks"));
        }
        self.u().fblocks.push(FBlock { kind, block, exit });
        Ok(())
    }

    pub fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    // ---- names ----------------------------------------------------------

    /// `compiler_nameop`.
    pub fn nameop(&mut self, name: &str, ctx: ast::ExprContext) -> Result<()> {
        use ast::ExprContext::*;
        if ctx == Store && name == "__debug__" {
            return Err(self.error("cannot assign to __debug__"));
        }
        if ctx == Del && name == "__debug__" {
            return Err(self.error("cannot delete __debug__"));
        }
        let mangled = mangle(self.ur().private.as_deref(), name);
        let ste = self.ste();
        let is_func = ste.typ == BlockType::Function;
        let scope = ste.scope(&mangled);
        enum Kind {
            Fast,
            Global,
            Deref(bool),
            Name,
        }
        let kind = match scope {
            Scope::Free => Kind::Deref(false),
            Scope::Cell => Kind::Deref(true),
            Scope::Local if is_func => Kind::Fast,
            Scope::GlobalImplicit if is_func => Kind::Global,
            Scope::GlobalExplicit => Kind::Global,
            _ => Kind::Name,
        };
        match kind {
            Kind::Fast => {
                let op = match ctx {
                    Load => Opcode::LoadFast,
                    Store => Opcode::StoreFast,
                    Del => Opcode::DeleteFast,
                };
                let i = self.u().varnames.add(&mangled);
                self.addop_i(op, i);
            }
            Kind::Deref(cell) => {
                let op = match ctx {
                    Load if ste.typ == BlockType::Class => Opcode::LoadClassderef,
                    Load => Opcode::LoadDeref,
                    Store => Opcode::StoreDeref,
                    Del => Opcode::DeleteDeref,
                };
                let u = self.u();
                let i = if cell {
                    u.cellvars.add(&mangled)
                } else {
                    let ncells = u.cellvars.len() as u32;
                    u.freevars.add(&mangled) + ncells
                };
                self.addop_i(op, i);
            }
            Kind::Global => {
                let i = self.u().names.add(&mangled);
                match ctx {
                    Load => self.addop_i(Opcode::LoadGlobal, i << 1),
                    Store => self.addop_i(Opcode::StoreGlobal, i),
                    Del => self.addop_i(Opcode::DeleteGlobal, i),
                }
            }
            Kind::Name => {
                let op = match ctx {
                    Load => Opcode::LoadName,
                    Store => Opcode::StoreName,
                    Del => Opcode::DeleteName,
                };
                let i = self.u().names.add(&mangled);
                self.addop_i(op, i);
            }
        }
        Ok(())
    }

    /// `get_ref_type`.
    fn ref_type_is_cell(&self, name: &str) -> bool {
        if self.ur().scope_type == ScopeType::Class && name == "__class__" {
            return true;
        }
        self.ste().scope(name) == Scope::Cell
    }

    /// `compiler_make_closure`.
    pub fn make_closure(&mut self, code: CodeData, mut flags: u32) {
        let freevars: Vec<String> = code
            .freevars()
            .iter()
            .map(|s| s.to_string_lossy())
            .collect();
        if !freevars.is_empty() {
            for name in &freevars {
                let arg = if self.ref_type_is_cell(name) {
                    self.u().cellvars.add(name)
                } else {
                    let u = self.u();
                    let ncells = u.cellvars.len() as u32;
                    u.freevars.add(name) + ncells
                };
                self.addop_i(Opcode::LoadClosure, arg);
            }
            flags |= 0x08;
            self.addop_i(Opcode::BuildTuple, freevars.len() as u32);
        }
        self.code_serial += 1;
        let serial = self.code_serial;
        self.load_const(ConstValue::Code(Box::new(code), serial));
        self.addop_i(Opcode::MakeFunction, flags);
    }
}

/// `_PyAST_GetDocString`: the docstring of a body, if it has one.
pub fn get_docstring(body: &[ast::Stmt]) -> Option<&ast::StrValue> {
    let first = body.first()?;
    let ast::StmtKind::Expr { value } = &first.kind else {
        return None;
    };
    match &value.kind {
        ast::ExprKind::Constant {
            value: ast::Constant::Str(s),
            ..
        } => Some(s),
        _ => None,
    }
}
