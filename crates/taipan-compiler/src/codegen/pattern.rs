//! Structural pattern matching (`match` statements), following the
//! `compiler_pattern_*` and `compiler_match` functions of CPython 3.11's
//! `Python/compile.c` (PEP 634).

use taipan_parser::ast::{Expr, MatchCase, Stmt};

use super::Compiler;
use crate::{CompileError, Result};

impl<'a> Compiler<'a> {
    pub fn match_stmt(&mut self, s: &Stmt, _subject: &Expr, _cases: &[MatchCase]) -> Result<()> {
        Err(CompileError {
            kind: "SystemError",
            msg: "match statements are not compiled yet".into(),
            lineno: s.loc.lineno,
            offset: s.loc.col_offset + 1,
        })
    }
}
