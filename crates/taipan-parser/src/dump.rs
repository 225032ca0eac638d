//! STUB (interface only): `ast.dump` of Python 3.11's `Lib/ast.py`.
use crate::ast::Mod;

/// What `ast.dump(tree, include_attributes=...)` returns for this tree (no indent).
pub fn dump(tree: &Mod, include_attributes: bool) -> String {
    let _ = (tree, include_attributes);
    unimplemented!("dump")
}
