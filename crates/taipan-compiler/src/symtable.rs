//! The symbol table: which scope every name of every block lives in.
//!
//! Follows CPython 3.11's `Python/symtable.c`. A first pass walks the tree
//! and records, per block (module, class, function, lambda, comprehension),
//! each name with `DEF_*` flags; [`analyze`] then decides each name's scope
//! (`LOCAL`, `GLOBAL_EXPLICIT`, `GLOBAL_IMPLICIT`, `FREE`, `CELL`) exactly as
//! `analyze_block` does: a name bound in a function and used free in an
//! enclosed function becomes a cell; classes do not bind for their methods
//! but provide the implicit `__class__` cell that `super()` needs.
//!
//! Blocks are keyed by the address of their AST node, as CPython keys them
//! by the node pointer: the tree must not move between [`build`] and code
//! generation.

use std::collections::{HashMap, HashSet};

use taipan_parser::ast::{self, Expr, ExprKind, Loc, Stmt, StmtKind};

use crate::{CompileError, Result};

pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 2;
pub const DEF_PARAM: u32 = 4;
pub const DEF_NONLOCAL: u32 = 8;
pub const USE: u32 = 16;
pub const DEF_FREE: u32 = 32;
pub const DEF_FREE_CLASS: u32 = 64;
pub const DEF_IMPORT: u32 = 128;
pub const DEF_ANNOT: u32 = 256;
pub const DEF_COMP_ITER: u32 = 512;
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

pub const CO_FUTURE_BARRY_AS_BDFL: u32 = 0x400000;
pub const CO_FUTURE_ANNOTATIONS: u32 = 0x1000000;

/// The scope a name resolves to (`SCOPE_MASK` bits of a symbol).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockType {
    Function,
    Class,
    Module,
}

/// One symbol table entry (`PySTEntryObject`).
#[derive(Debug)]
pub struct Entry {
    pub name: String,
    pub typ: BlockType,
    /// Flags per name; insertion order kept in `order`.
    pub symbols: HashMap<String, u32>,
    pub order: Vec<String>,
    pub scopes: HashMap<String, Scope>,
    /// Parameters, in order (`ste_varnames`).
    pub varnames: Vec<String>,
    pub children: Vec<usize>,
    pub directives: HashMap<String, Loc>,
    pub nested: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub comprehension: bool,
    pub varargs: bool,
    pub varkeywords: bool,
    pub returns_value: bool,
    pub free: bool,
    pub child_free: bool,
    pub needs_class_closure: bool,
    pub comp_iter_target: bool,
    pub comp_iter_expr: u32,
    pub lineno: u32,
    pub loc: Loc,
}

impl Entry {
    pub fn flags(&self, name: &str) -> u32 {
        self.symbols.get(name).copied().unwrap_or(0)
    }
    pub fn scope(&self, name: &str) -> Scope {
        self.scopes.get(name).copied().unwrap_or(Scope::Unknown)
    }
}

/// The whole table: entries, and the entry of each block-making node.
#[derive(Debug, Default)]
pub struct SymbolTable {
    pub entries: Vec<Entry>,
    pub by_node: HashMap<usize, usize>,
    pub future: u32,
}

impl SymbolTable {
    pub fn lookup(&self, key: usize) -> usize {
        *self
            .by_node
            .get(&key)
            .expect("every block node has a symbol table entry")
    }
}

/// Node key: the address of the node.
pub fn key<T>(node: &T) -> usize {
    node as *const T as usize
}

/// What the `from __future__ import ...` statements at the top of a module
/// ask for (`PyFutureFeatures`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Future {
    /// `CO_FUTURE_*` flags.
    pub flags: u32,
    /// Line of the last future import, 0 when none (`ff_lineno`).
    pub lineno: u32,
}

/// `_PyFuture_FromAST` (`Python/future.c`).
pub fn future_features(module: &ast::Mod) -> Result<Future> {
    let mut ff = Future::default();
    let ast::Mod::Module { body, .. } = module else {
        return Ok(ff);
    };
    let mut i = 0;
    if crate::codegen::get_docstring(body).is_some() {
        i = 1;
    }
    let mut done = false;
    let mut prev_line = 0;
    for s in &body[i..] {
        if done && s.loc.lineno > prev_line {
            break;
        }
        prev_line = s.loc.lineno;
        match &s.kind {
            StmtKind::ImportFrom {
                module: Some(m),
                names,
                ..
            } if m == "__future__" => {
                if done {
                    let mut loc = s.loc;
                    loc.col_offset = loc.col_offset.saturating_sub(1);
                    return Err(CompileError::syntax(
                        "from __future__ imports must occur at the beginning of the file",
                        loc,
                    ));
                }
                for a in names {
                    match a.name.as_str() {
                        "nested_scopes" | "generators" | "division" | "absolute_import"
                        | "with_statement" | "print_function" | "unicode_literals"
                        | "generator_stop" => {}
                        "annotations" => ff.flags |= CO_FUTURE_ANNOTATIONS,
                        "barry_as_FLUFL" => ff.flags |= CO_FUTURE_BARRY_AS_BDFL,
                        "braces" => return Err(CompileError::syntax("not a chance", s.loc)),
                        other => {
                            return Err(CompileError::syntax(
                                format!("future feature {other} is not defined"),
                                s.loc,
                            ))
                        }
                    }
                }
                ff.lineno = s.loc.lineno;
            }
            _ => done = true,
        }
    }
    Ok(ff)
}

/// `_Py_Mangle`: `__spam` inside class `Ham` is `_Ham__spam`.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// CPython's symtable limit: 3 x the default recursion limit.
const MAX_DEPTH: u32 = 3000;

struct Builder {
    table: SymbolTable,
    stack: Vec<usize>,
    private: Option<String>,
    depth: u32,
}

/// Builds and analyzes the symbol table of a module (`_PySymtable_Build`).
pub fn build(module: &ast::Mod, future: u32) -> Result<SymbolTable> {
    let mut b = Builder {
        table: SymbolTable {
            future,
            ..Default::default()
        },
        stack: Vec::new(),
        private: None,
        depth: 0,
    };
    b.enter_block("top", BlockType::Module, key(module), Loc::new(0, 0, 0, 0));
    match module {
        ast::Mod::Module { body, .. } | ast::Mod::Interactive { body } => {
            for s in body {
                b.visit_stmt(s)?;
            }
        }
        ast::Mod::Expression { body } => b.visit_expr(body)?,
        ast::Mod::FunctionType { .. } => {}
    }
    b.stack.pop();
    let mut table = b.table;
    analyze(&mut table)?;
    Ok(table)
}

impl Builder {
    fn cur(&mut self) -> &mut Entry {
        let i = *self.stack.last().expect("inside a block");
        &mut self.table.entries[i]
    }

    fn enter_block(&mut self, name: &str, typ: BlockType, key: usize, loc: Loc) {
        let prev = self.stack.last().copied();
        let nested = match prev {
            Some(p) => {
                let pe = &self.table.entries[p];
                pe.nested || pe.typ == BlockType::Function
            }
            None => false,
        };
        let idx = self.table.entries.len();
        self.table.entries.push(Entry {
            name: name.to_string(),
            typ,
            symbols: HashMap::new(),
            order: Vec::new(),
            scopes: HashMap::new(),
            varnames: Vec::new(),
            children: Vec::new(),
            directives: HashMap::new(),
            nested,
            generator: false,
            coroutine: false,
            comprehension: false,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            free: false,
            child_free: false,
            needs_class_closure: false,
            comp_iter_target: false,
            comp_iter_expr: 0,
            lineno: loc.lineno,
            loc,
        });
        if let Some(p) = prev {
            self.table.entries[p].children.push(idx);
        }
        self.table.by_node.insert(key, idx);
        self.stack.push(idx);
    }

    fn add_def_in(&mut self, ste: usize, name: &str, flag: u32, loc: Loc) -> Result<()> {
        let mangled = mangle(self.private.as_deref(), name);
        let e = &mut self.table.entries[ste];
        let mut val = e.flags(&mangled);
        if flag & DEF_PARAM != 0 && val & DEF_PARAM != 0 {
            return Err(CompileError::syntax(
                format!("duplicate argument '{mangled}' in function definition"),
                loc,
            ));
        }
        val |= flag;
        if e.comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(CompileError::syntax(
                    format!("comprehension inner loop cannot rebind assignment expression target '{mangled}'"),
                    loc,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        if !e.symbols.contains_key(&mangled) {
            e.order.push(mangled.clone());
        }
        e.symbols.insert(mangled.clone(), val);
        if flag & DEF_PARAM != 0 {
            e.varnames.push(mangled.clone());
        } else if flag & DEF_GLOBAL != 0 {
            // Record the global in the module block too.
            let top = &mut self.table.entries[0];
            let v = top.flags(&mangled) | flag;
            if !top.symbols.contains_key(&mangled) {
                top.order.push(mangled.clone());
            }
            top.symbols.insert(mangled, v);
        }
        Ok(())
    }

    fn add_def(&mut self, name: &str, flag: u32, loc: Loc) -> Result<()> {
        let cur = *self.stack.last().expect("inside a block");
        self.add_def_in(cur, name, flag, loc)
    }

    fn record_directive(&mut self, name: &str, loc: Loc) {
        let mangled = mangle(self.private.as_deref(), name);
        self.cur().directives.entry(mangled).or_insert(loc);
    }

    fn visit_stmts(&mut self, body: &[Stmt]) -> Result<()> {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_exprs(&mut self, v: &[Expr]) -> Result<()> {
        for e in v {
            self.visit_expr(e)?;
        }
        Ok(())
    }

    fn visit_stmt(&mut self, s: &Stmt) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(CompileError::recursion(s.loc));
        }
        let r = self.visit_stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> Result<()> {
        match &s.kind {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                ..
            }
            | StmtKind::AsyncFunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                ..
            } => {
                self.add_def(name, DEF_LOCAL, s.loc)?;
                self.visit_defaults(args)?;
                self.visit_annotations(args, returns.as_deref())?;
                self.visit_exprs(decorator_list)?;
                self.enter_block(name, BlockType::Function, key(s), s.loc);
                if matches!(s.kind, StmtKind::AsyncFunctionDef { .. }) {
                    self.cur().coroutine = true;
                }
                self.visit_params(args)?;
                self.visit_stmts(body)?;
                self.stack.pop();
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => {
                self.add_def(name, DEF_LOCAL, s.loc)?;
                self.visit_exprs(bases)?;
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                self.visit_exprs(decorator_list)?;
                self.enter_block(name, BlockType::Class, key(s), s.loc);
                let saved = self.private.replace(name.to_string());
                self.visit_stmts(body)?;
                self.private = saved;
                self.stack.pop();
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.visit_expr(v)?;
                    self.cur().returns_value = true;
                }
            }
            StmtKind::Delete { targets } => self.visit_exprs(targets)?,
            StmtKind::Assign { targets, value, .. } => {
                self.visit_exprs(targets)?;
                self.visit_expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let ExprKind::Name { id, .. } = &target.kind {
                    let mangled = mangle(self.private.as_deref(), id);
                    let cur = self.flags_cur(&mangled);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0
                        && self.cur().symbols.contains_key(&mangled)
                        && *simple != 0
                    {
                        let msg = if cur & DEF_GLOBAL != 0 {
                            format!("annotated name '{id}' can't be global")
                        } else {
                            format!("annotated name '{id}' can't be nonlocal")
                        };
                        return Err(CompileError::syntax(msg, s.loc));
                    }
                    if *simple != 0 && cur & (DEF_GLOBAL | DEF_NONLOCAL) == 0 {
                        self.add_def(id, DEF_ANNOT | DEF_LOCAL, s.loc)?;
                    } else if value.is_some() {
                        self.add_def(id, DEF_LOCAL, s.loc)?;
                    }
                } else {
                    self.visit_expr(target)?;
                }
                self.visit_annotation(annotation)?;
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_expr(target)?;
                self.visit_expr(value)?;
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
                self.visit_expr(target)?;
                self.visit_expr(iter)?;
                self.visit_stmts(body)?;
                self.visit_stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_stmts(body)?;
                self.visit_stmts(orelse)?;
            }
            StmtKind::Match { subject, cases } => {
                self.visit_expr(subject)?;
                for c in cases {
                    self.visit_pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.visit_expr(g)?;
                    }
                    self.visit_stmts(&c.body)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                    if let Some(c) = cause {
                        self.visit_expr(c)?;
                    }
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
                self.visit_stmts(body)?;
                self.visit_stmts(orelse)?;
                for h in handlers {
                    if let Some(t) = &h.type_ {
                        self.visit_expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, h.loc)?;
                    }
                    self.visit_stmts(&h.body)?;
                }
                self.visit_stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                if let Some(m) = msg {
                    self.visit_expr(m)?;
                }
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    self.visit_alias(a)?;
                }
            }
            StmtKind::Global { names } => {
                for name in names {
                    let mangled = mangle(self.private.as_deref(), name);
                    let cur = self.flags_cur(&mangled);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{name}' is parameter and global")
                        } else if cur & USE != 0 {
                            format!("name '{name}' is used prior to global declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{name}' can't be global")
                        } else {
                            format!("name '{name}' is assigned to before global declaration")
                        };
                        return Err(CompileError::syntax(msg, s.loc));
                    }
                    self.add_def(name, DEF_GLOBAL, s.loc)?;
                    self.record_directive(name, s.loc);
                }
            }
            StmtKind::Nonlocal { names } => {
                for name in names {
                    let mangled = mangle(self.private.as_deref(), name);
                    let cur = self.flags_cur(&mangled);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{name}' is parameter and nonlocal")
                        } else if cur & USE != 0 {
                            format!("name '{name}' is used prior to nonlocal declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{name}' can't be nonlocal")
                        } else {
                            format!("name '{name}' is assigned to before nonlocal declaration")
                        };
                        return Err(CompileError::syntax(msg, s.loc));
                    }
                    self.add_def(name, DEF_NONLOCAL, s.loc)?;
                    self.record_directive(name, s.loc);
                }
            }
            StmtKind::Expr { value } => self.visit_expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::With { items, body, .. } | StmtKind::AsyncWith { items, body, .. } => {
                for it in items {
                    self.visit_expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_stmts(body)?;
            }
        }
        Ok(())
    }

    fn flags_cur(&mut self, name: &str) -> u32 {
        self.cur().flags(name)
    }

    fn visit_alias(&mut self, a: &ast::Alias) -> Result<()> {
        let store = match &a.asname {
            Some(n) => n.to_string(),
            None => a.name.split('.').next().unwrap_or("").to_string(),
        };
        if store == "*" {
            if self.cur().typ != BlockType::Module {
                return Err(CompileError::syntax(
                    "import * only allowed at module level",
                    a.loc,
                ));
            }
            return Ok(());
        }
        self.add_def(&store, DEF_IMPORT, a.loc)
    }

    fn visit_annotation(&mut self, e: &Expr) -> Result<()> {
        if self.table.future & CO_FUTURE_ANNOTATIONS != 0 {
            return Ok(());
        }
        self.visit_expr(e)
    }

    fn visit_defaults(&mut self, args: &ast::Arguments) -> Result<()> {
        self.visit_exprs(&args.defaults)?;
        for d in args.kw_defaults.iter().flatten() {
            self.visit_expr(d)?;
        }
        Ok(())
    }

    fn visit_annotations(&mut self, args: &ast::Arguments, returns: Option<&Expr>) -> Result<()> {
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(args.vararg.as_deref())
            .chain(&args.kwonlyargs)
            .chain(args.kwarg.as_deref());
        let anns: Vec<&Expr> = all.filter_map(|a| a.annotation.as_deref()).collect();
        for a in anns {
            self.visit_annotation(a)?;
        }
        if let Some(r) = returns {
            self.visit_annotation(r)?;
        }
        Ok(())
    }

    fn visit_params(&mut self, args: &ast::Arguments) -> Result<()> {
        for a in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            self.add_def(&a.arg, DEF_PARAM, a.loc)?;
        }
        // CPython adds vararg after kwonly? No: posonly, args, kwonly, then vararg, kwarg.
        if let Some(v) = &args.vararg {
            self.add_def(&v.arg, DEF_PARAM, v.loc)?;
            self.cur().varargs = true;
        }
        if let Some(k) = &args.kwarg {
            self.add_def(&k.arg, DEF_PARAM, k.loc)?;
            self.cur().varkeywords = true;
        }
        Ok(())
    }

    fn visit_pattern(&mut self, p: &ast::Pattern) -> Result<()> {
        use ast::PatternKind as P;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(CompileError::recursion(p.loc));
        }
        match &p.kind {
            P::MatchValue { value } => self.visit_expr(value)?,
            P::MatchSingleton { .. } => {}
            P::MatchSequence { patterns } | P::MatchOr { patterns } => {
                for q in patterns {
                    self.visit_pattern(q)?;
                }
            }
            P::MatchStar { name } => {
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.loc)?;
                }
            }
            P::MatchAs { pattern, name } => {
                if let Some(q) = pattern {
                    self.visit_pattern(q)?;
                }
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.loc)?;
                }
            }
            P::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.visit_exprs(keys)?;
                for q in patterns {
                    self.visit_pattern(q)?;
                }
                if let Some(r) = rest {
                    self.add_def(r, DEF_LOCAL, p.loc)?;
                }
            }
            P::MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.visit_expr(cls)?;
                for q in patterns.iter().chain(kwd_patterns) {
                    self.visit_pattern(q)?;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn visit_expr(&mut self, e: &Expr) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(CompileError::recursion(e.loc));
        }
        let r = self.visit_expr_inner(e);
        self.depth -= 1;
        r
    }

    fn visit_expr_inner(&mut self, e: &Expr) -> Result<()> {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                let cur = *self.stack.last().expect("block");
                if self.table.entries[cur].comp_iter_expr > 0 {
                    return Err(CompileError::syntax(
                        "assignment expression cannot be used in a comprehension iterable expression",
                        e.loc,
                    ));
                }
                if self.table.entries[cur].comprehension {
                    self.extend_namedexpr_scope(target)?;
                }
                self.visit_expr(value)?;
                self.visit_expr(target)?;
            }
            ExprKind::BoolOp { values, .. } => self.visit_exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.visit_defaults(args)?;
                self.enter_block("lambda", BlockType::Function, key(e), e.loc);
                self.visit_params(args)?;
                self.visit_expr(body)?;
                self.stack.pop();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.visit_expr(k)?;
                }
                self.visit_exprs(values)?;
            }
            ExprKind::Set { elts } => self.visit_exprs(elts)?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.visit_comprehension(e, "genexpr", generators, elt, None)?
            }
            ExprKind::ListComp { elt, generators } => {
                self.visit_comprehension(e, "listcomp", generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.visit_comprehension(e, "setcomp", generators, elt, None)?
            }
            ExprKind::DictComp {
                key: k,
                value,
                generators,
            } => self.visit_comprehension(e, "dictcomp", generators, k, Some(value))?,
            ExprKind::Yield { value } => {
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
                self.cur().generator = true;
                self.check_comprehension_yield(e)?;
            }
            ExprKind::YieldFrom { value } => {
                self.visit_expr(value)?;
                self.cur().generator = true;
                self.check_comprehension_yield(e)?;
            }
            ExprKind::Await { value } => {
                self.visit_expr(value)?;
                self.cur().coroutine = true;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.visit_expr(left)?;
                self.visit_exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.visit_expr(func)?;
                self.visit_exprs(args)?;
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.visit_expr(value)?;
                if let Some(f) = format_spec {
                    self.visit_expr(f)?;
                }
            }
            ExprKind::JoinedStr { values } => self.visit_exprs(values)?,
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } => self.visit_expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.visit_expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.visit_expr(x)?;
                }
            }
            ExprKind::Name { id, ctx } => {
                let flag = if *ctx == ast::ExprContext::Load {
                    USE
                } else {
                    DEF_LOCAL
                };
                self.add_def(id, flag, e.loc)?;
                if *ctx == ast::ExprContext::Load
                    && self.cur().typ == BlockType::Function
                    && id == "super"
                {
                    self.add_def("__class__", USE, e.loc)?;
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.visit_exprs(elts)?,
        }
        Ok(())
    }

    fn check_comprehension_yield(&mut self, e: &Expr) -> Result<()> {
        if self.cur().comprehension {
            let msg = match self.cur().name.as_str() {
                "listcomp" => "'yield' inside list comprehension",
                "setcomp" => "'yield' inside set comprehension",
                "dictcomp" => "'yield' inside dict comprehension",
                _ => "'yield' inside generator expression",
            };
            return Err(CompileError::syntax(msg, e.loc));
        }
        Ok(())
    }

    fn extend_namedexpr_scope(&mut self, target: &Expr) -> Result<()> {
        let ExprKind::Name { id, .. } = &target.kind else {
            return Ok(());
        };
        for i in (0..self.stack.len()).rev() {
            let ste = self.stack[i];
            let e = &self.table.entries[ste];
            if e.comprehension {
                if e.flags(id) & DEF_COMP_ITER != 0 {
                    return Err(CompileError::syntax(
                        format!("assignment expression cannot rebind comprehension iteration variable '{id}'"),
                        target.loc,
                    ));
                }
                continue;
            }
            match e.typ {
                BlockType::Function => {
                    let flag = if e.flags(id) & DEF_GLOBAL != 0 {
                        DEF_GLOBAL
                    } else {
                        DEF_NONLOCAL
                    };
                    self.add_def(id, flag, target.loc)?;
                    self.record_directive(id, target.loc);
                    return self.add_def_in(ste, id, DEF_LOCAL, target.loc);
                }
                BlockType::Module => {
                    self.add_def(id, DEF_GLOBAL, target.loc)?;
                    self.record_directive(id, target.loc);
                    return self.add_def_in(ste, id, DEF_GLOBAL, target.loc);
                }
                BlockType::Class => {
                    return Err(CompileError::syntax(
                        "assignment expression within a comprehension cannot be used in a class body",
                        target.loc,
                    ));
                }
            }
        }
        Ok(())
    }

    fn visit_comprehension(
        &mut self,
        e: &Expr,
        name: &str,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> Result<()> {
        let is_generator = name == "genexpr";
        let outermost = &generators[0];
        // The outermost iterator is evaluated in the enclosing scope.
        self.cur().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.cur().comp_iter_expr -= 1;
        self.enter_block(name, BlockType::Function, key(e), e.loc);
        if outermost.is_async != 0 {
            self.cur().coroutine = true;
        }
        self.cur().comprehension = true;
        self.add_def(".0", DEF_PARAM, e.loc)?;
        self.cur().comp_iter_target = true;
        self.visit_expr(&outermost.target)?;
        self.cur().comp_iter_target = false;
        self.visit_exprs(&outermost.ifs)?;
        for g in &generators[1..] {
            self.cur().comp_iter_target = true;
            self.visit_expr(&g.target)?;
            self.cur().comp_iter_target = false;
            self.cur().comp_iter_expr += 1;
            self.visit_expr(&g.iter)?;
            self.cur().comp_iter_expr -= 1;
            self.visit_exprs(&g.ifs)?;
            if g.is_async != 0 {
                self.cur().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        self.cur().generator = is_generator;
        let is_async = self.cur().coroutine && !is_generator;
        self.stack.pop();
        if is_async {
            self.cur().coroutine = true;
        }
        Ok(())
    }
}

/// `symtable_analyze`: resolve every name's scope.
fn analyze(table: &mut SymbolTable) -> Result<()> {
    let mut free = HashSet::new();
    let mut global = HashSet::new();
    analyze_block(table, 0, None, &mut free, &mut global)
}

fn analyze_name(
    ste: &mut Entry,
    name: &str,
    flags: u32,
    bound: Option<&HashSet<String>>,
    local: &mut HashSet<String>,
    free: &mut HashSet<String>,
    global: &mut HashSet<String>,
) -> Result<()> {
    let loc = ste.directives.get(name).copied().unwrap_or(ste.loc);
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            return Err(CompileError::syntax(
                format!("name '{name}' is nonlocal and global"),
                loc,
            ));
        }
        ste.scopes.insert(name.to_string(), Scope::GlobalExplicit);
        global.insert(name.to_string());
        return Ok(());
    }
    if flags & DEF_NONLOCAL != 0 {
        let Some(bound) = bound else {
            return Err(CompileError::syntax(
                "nonlocal declaration not allowed at module level",
                loc,
            ));
        };
        if !bound.contains(name) {
            return Err(CompileError::syntax(
                format!("no binding for nonlocal '{name}' found"),
                loc,
            ));
        }
        ste.scopes.insert(name.to_string(), Scope::Free);
        ste.free = true;
        free.insert(name.to_string());
        return Ok(());
    }
    if flags & DEF_BOUND != 0 {
        ste.scopes.insert(name.to_string(), Scope::Local);
        local.insert(name.to_string());
        global.remove(name);
        return Ok(());
    }
    if bound.is_some_and(|b| b.contains(name)) {
        ste.scopes.insert(name.to_string(), Scope::Free);
        ste.free = true;
        free.insert(name.to_string());
        return Ok(());
    }
    if global.contains(name) {
        ste.scopes.insert(name.to_string(), Scope::GlobalImplicit);
        return Ok(());
    }
    if ste.nested {
        ste.free = true;
    }
    ste.scopes.insert(name.to_string(), Scope::GlobalImplicit);
    Ok(())
}

fn analyze_block(
    table: &mut SymbolTable,
    idx: usize,
    bound: Option<&HashSet<String>>,
    free: &mut HashSet<String>,
    global: &mut HashSet<String>,
) -> Result<()> {
    let mut local = HashSet::new();
    let mut newglobal = HashSet::new();
    let mut newfree = HashSet::new();
    let mut newbound = HashSet::new();
    let typ = table.entries[idx].typ;
    if typ == BlockType::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
    }
    {
        let ste = &mut table.entries[idx];
        let order = ste.order.clone();
        for name in &order {
            let flags = ste.flags(name);
            analyze_name(ste, name, flags, bound, &mut local, free, global)?;
        }
    }
    if typ != BlockType::Class {
        if typ == BlockType::Function {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".to_string());
    }
    let mut allfree = HashSet::new();
    let children = table.entries[idx].children.clone();
    for c in children {
        let mut temp_bound = newbound.clone();
        let mut temp_free = newfree.clone();
        let mut temp_global = newglobal.clone();
        let _ = &mut temp_bound;
        analyze_block(
            table,
            c,
            Some(&temp_bound),
            &mut temp_free,
            &mut temp_global,
        )?;
        allfree.extend(temp_free);
        let ce = &table.entries[c];
        if ce.free || ce.child_free {
            table.entries[idx].child_free = true;
        }
    }
    newfree.extend(allfree);
    let ste = &mut table.entries[idx];
    if typ == BlockType::Function {
        // analyze_cells
        for (name, scope) in ste.scopes.iter_mut() {
            if *scope == Scope::Local && newfree.contains(name) {
                *scope = Scope::Cell;
                newfree.remove(name);
            }
        }
    } else if typ == BlockType::Class && newfree.remove("__class__") {
        ste.needs_class_closure = true;
    }
    // update_symbols
    for name in newfree.iter() {
        if let Some(v) = ste.symbols.get_mut(name) {
            if typ == BlockType::Class && *v & (DEF_BOUND | DEF_GLOBAL) != 0 {
                *v |= DEF_FREE_CLASS;
            }
            continue;
        }
        if bound.is_some_and(|b| !b.contains(name)) {
            continue;
        }
        ste.symbols.insert(name.clone(), 0);
        ste.order.push(name.clone());
        ste.scopes.insert(name.clone(), Scope::Free);
    }
    free.extend(newfree);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(src: &str) -> (ast::Mod, SymbolTable) {
        let m = taipan_parser::parse_module(src.as_bytes(), "<t>").expect("parses");
        let t = build(&m, 0).expect("analyzes");
        (m, t)
    }

    fn entry<'t>(t: &'t SymbolTable, name: &str) -> &'t Entry {
        t.entries.iter().find(|e| e.name == name).expect("entry")
    }

    #[test]
    fn cells_and_free_variables() {
        let (_m, t) =
            table("def f(a):\n    b = 1\n    def g():\n        return a + b + c\n    return g\n");
        let f = entry(&t, "f");
        assert_eq!(f.scope("a"), Scope::Cell);
        assert_eq!(f.scope("b"), Scope::Cell);
        assert_eq!(f.scope("g"), Scope::Local);
        let g = entry(&t, "g");
        assert_eq!(g.scope("a"), Scope::Free);
        assert_eq!(g.scope("c"), Scope::GlobalImplicit);
        assert!(g.nested);
    }

    #[test]
    fn class_cell_for_super() {
        let (_m, t) = table("class C:\n    x = 1\n    def m(self):\n        return super().m(x)\n");
        let c = entry(&t, "C");
        assert!(c.needs_class_closure);
        let m = entry(&t, "m");
        assert_eq!(m.scope("__class__"), Scope::Free);
        // Class bindings are not visible in methods.
        assert_eq!(m.scope("x"), Scope::GlobalImplicit);
    }

    #[test]
    fn comprehension_scope_and_walrus() {
        let (_m, t) = table("def f(xs):\n    return [y := x for x in xs]\n");
        let lc = entry(&t, "listcomp");
        assert!(lc.comprehension);
        assert_eq!(lc.varnames, vec![".0".to_string()]);
        assert_eq!(lc.scope("y"), Scope::Free);
        assert_eq!(entry(&t, "f").scope("y"), Scope::Cell);
    }

    #[test]
    fn mangling() {
        assert_eq!(mangle(Some("Ham"), "__spam"), "_Ham__spam");
        assert_eq!(mangle(Some("_Ham"), "__spam"), "_Ham__spam");
        assert_eq!(mangle(Some("Ham"), "__spam__"), "__spam__");
        assert_eq!(mangle(Some("___"), "__spam"), "__spam");
        assert_eq!(mangle(None, "__spam"), "__spam");
    }
}
