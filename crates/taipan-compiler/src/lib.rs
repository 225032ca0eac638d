//! taipan-compiler: AST -> CPython 3.11 code objects, as plain [`CodeData`].
//!
//! The pipeline follows CPython 3.11's `Python/compile.c` and friends:
//!
//! * [`ast_opt`] folds constants in the tree (`Python/ast_opt.c`);
//! * [`symtable`] decides the scope of every name (`Python/symtable.c`);
//! * [`codegen`] walks the tree and emits instructions into basic blocks
//!   (the code generator half of `compile.c`);
//! * [`flowgraph`] optimizes the control-flow graph: jump threading, constant
//!   conditions, dead code, NOP removal, line-number propagation, stack depth
//!   (`optimize_cfg` and friends in `compile.c`);
//! * [`assemble`] lays the blocks out, resolves jumps, writes `EXTENDED_ARG`s,
//!   inline caches, the location and exception tables (`assemble` in `compile.c`).
//!
//! The aim is instruction-for-instruction identity with CPython 3.11's output;
//! `tests/vs_cpython.rs` measures it.

pub mod assemble;
pub mod ast_opt;
pub mod codegen;
pub mod consts;
pub mod flowgraph;
pub mod symtable;
pub mod unparse;

use std::fmt;

pub use consts::ConstValue;
use taipan_bytecode::marshal::CodeData;
use taipan_parser::ast;

/// An error the compiler itself raises (after parsing succeeded): CPython
/// raises these as `SyntaxError` (or `RecursionError`, `SystemError`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    /// Exception type name: `"SyntaxError"`, `"RecursionError"`, `"SystemError"`.
    pub kind: &'static str,
    pub msg: String,
    /// 1-based line, 0 when unknown.
    pub lineno: u32,
    /// 1-based column in UTF-8 bytes plus one (CPython's `col_offset + 1`), 0 when unknown.
    pub offset: u32,
}

impl CompileError {
    pub fn syntax(msg: impl Into<String>, loc: ast::Loc) -> CompileError {
        CompileError {
            kind: "SyntaxError",
            msg: msg.into(),
            lineno: loc.lineno,
            offset: loc.col_offset + 1,
        }
    }

    pub fn recursion(loc: ast::Loc) -> CompileError {
        CompileError {
            kind: "RecursionError",
            msg: "maximum recursion depth exceeded during compilation".into(),
            lineno: loc.lineno,
            offset: loc.col_offset + 1,
        }
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} (line {})", self.kind, self.msg, self.lineno)
    }
}

impl std::error::Error for CompileError {}

pub type Result<T> = std::result::Result<T, CompileError>;

/// Compiles a module (`compile(tree, filename, "exec")`) to its code object.
pub fn compile_module(module: &ast::Mod, filename: &str) -> Result<CodeData> {
    let mut module = module.clone();
    let future = symtable::future_flags(&module);
    ast_opt::optimize_mod(&mut module, future & symtable::CO_FUTURE_ANNOTATIONS != 0)?;
    let table = symtable::build(&module, future)?;
    codegen::compile(&module, &table, filename, future)
}
