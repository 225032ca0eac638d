//! AST optimization before code generation: constant folding, as CPython
//! 3.11's `Python/ast_opt.c` does it, plus `unparse` for postponed
//! annotations (`Python/ast_unparse.c`).

use taipan_parser::ast;

use crate::Result;

/// `_PyAST_Optimize`.
pub fn optimize_mod(_module: &mut ast::Mod, _future_annotations: bool) -> Result<()> {
    Ok(())
}

/// `_PyAST_ExprAsUnicode` (partial).
pub fn unparse(_e: &ast::Expr) -> String {
    String::from("?")
}
