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
    /// End line, 0 when unknown.
    pub end_lineno: u32,
    /// End column as `offset` counts it, 0 when unknown.
    pub end_offset: u32,
    /// Warnings issued before the error: CPython emits each as it finds it, so they are
    /// shown even when the compilation then fails.
    pub warnings: Vec<CompileWarning>,
}

impl CompileError {
    pub fn syntax(msg: impl Into<String>, loc: ast::Loc) -> CompileError {
        CompileError {
            kind: "SyntaxError",
            msg: msg.into(),
            lineno: loc.lineno,
            offset: loc.col_offset + 1,
            end_lineno: loc.end_lineno,
            end_offset: loc.end_col_offset + 1,
            warnings: Vec::new(),
        }
    }

    pub fn recursion(loc: ast::Loc) -> CompileError {
        CompileError {
            kind: "RecursionError",
            msg: "maximum recursion depth exceeded during compilation".into(),
            lineno: loc.lineno,
            offset: loc.col_offset + 1,
            end_lineno: loc.end_lineno,
            end_offset: loc.end_col_offset + 1,
            warnings: Vec::new(),
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

/// How to compile (`compile()`'s `optimize`, the `-O` count).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CompileOptions {
    /// 0: `__debug__` is true and asserts run; 1 (`-O`): `__debug__` is
    /// false and asserts are dropped; 2 (`-OO`): docstrings are dropped too.
    pub optimize: u8,
}

/// A compiled module with the `SyntaxWarning`s the compiler found, in the
/// order CPython emits them (`compiler_warn`),
/// with the location CPython reports. The caller emits them through
/// the warnings machinery; one turned into an error becomes a `SyntaxError`
/// with the same message and location.
#[derive(Clone, Debug)]
pub struct Compiled {
    pub code: CodeData,
    pub warnings: Vec<CompileWarning>,
}

/// A `SyntaxWarning` from the compiler, at the location of the construct
/// being compiled (1-based line, 1-based column as CPython's `offset`; the
/// end likewise).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileWarning {
    pub msg: String,
    pub lineno: u32,
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
}

/// Stack reserved for a compilation: the visitors recurse once per nesting
/// level of the tree, up to CPython's limit of 3,000 (`COMPILER_STACK_FRAME_SCALE`
/// times the default recursion limit). Only touched pages are committed.
const COMPILER_STACK: usize = 256 << 20;

/// Compiles a module (`compile(tree, filename, "exec")`) to its code object.
///
/// The work runs on a scoped thread with a large stack, so that the deepest
/// tree CPython accepts compiles whatever the caller's stack; deeper ones
/// give the `RecursionError` CPython gives. If no thread can be started, it
/// runs on the caller's stack.
pub fn compile_module(module: &ast::Mod, filename: &str) -> Result<CodeData> {
    compile_module_with(module, filename, CompileOptions::default()).map(|c| c.code)
}

/// [`compile_module`] with options, returning the warnings too.
pub fn compile_module_with(
    module: &ast::Mod,
    filename: &str,
    options: CompileOptions,
) -> Result<Compiled> {
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("taipan-compiler".into())
            .stack_size(COMPILER_STACK)
            .spawn_scoped(scope, || {
                compile_module_here_with(module, filename, options)
            });
        match worker {
            Ok(handle) => match handle.join() {
                Ok(result) => result,
                Err(panic) => std::panic::resume_unwind(panic),
            },
            Err(_) => compile_module_here_with(module, filename, options),
        }
    })
}

/// [`compile_module`] on the current thread's stack.
pub fn compile_module_here(module: &ast::Mod, filename: &str) -> Result<CodeData> {
    compile_module_here_with(module, filename, CompileOptions::default()).map(|c| c.code)
}

/// [`compile_module_with`] on the current thread's stack.
pub fn compile_module_here_with(
    module: &ast::Mod,
    filename: &str,
    options: CompileOptions,
) -> Result<Compiled> {
    let mut module = module.clone();
    let future = symtable::future_features(&module)?;
    ast_opt::optimize_mod_with(
        &mut module,
        future.flags & symtable::CO_FUTURE_ANNOTATIONS != 0,
        options.optimize,
    )?;
    let table = symtable::build(&module, future.flags)?;
    codegen::compile(&module, &table, filename, future, options)
}
