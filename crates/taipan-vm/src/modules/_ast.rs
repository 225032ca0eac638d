//! The `_ast` module (CPython's `Python/Python-ast.c`): the classes of the
//! syntax tree (`AST` and one subclass per node kind of Python 3.11's ASDL,
//! with `_fields`, `_attributes`, `__match_args__`, the class-level `None`
//! of optional fields and the ASDL signature as `__doc__`), and the
//! conversions between Taipan's parse tree and those objects.
//!
//! The classes are built at import from a table (the facts of the ASDL,
//! read from CPython 3.11's `_ast`) by a short Python prelude that runs in
//! the module's namespace; `AST.__init__` and `__reduce__` behave as
//! `ast_type_init` / `ast_type_reduce`.
//!
//! `tree_to_object` (`ast2obj`, for `compile(..., PyCF_ONLY_AST)` and so
//! `ast.parse`) makes one instance per node, fields first, then positions;
//! the operator and context kinds (`Load()`, `Add()`) are shared instances,
//! as in CPython. `object_to_tree` (`obj2ast`, for `compile(tree, ...)`)
//! reads them back with CPython's checks and messages: required fields,
//! lists that must be lists, identifiers and strings that must be `str`,
//! node positions, the constant types a code object can hold; then
//! `taipan_parser::validate` applies the rest of `_PyAST_Validate`. Both
//! directions are written once per node kind by the macros below, from the
//! field lists of the ASDL; nesting is bounded as CPython bounds it
//! (`RecursionError`), so a deep tree cannot overflow the Rust stack.

use std::cell::RefCell;
use std::collections::HashMap;

use taipan_parser::ast::*;

use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::bytes::PyBytes;
use crate::objects::complex::PyComplex;
use crate::objects::dict::PyDict;
use crate::objects::float::PyFloat;
use crate::objects::int::PyInt;
use crate::objects::list::PyList;
use crate::objects::module::PyModule;
use crate::objects::none::{ellipsis, none};
use crate::objects::str::{intern, PyStr};
use crate::objects::tuple::PyTuple;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

/// `name@base@fields@attributes@optional@doc` per class, bases first.
const TABLE: &str = r#"
mod@AST@@@@mod = Module(stmt* body, type_ignore* type_ignores)\n    | Interactive(stmt* body)\n    | Expression(expr body)\n    | FunctionType(expr* argtypes, expr returns)
Module@mod@body,type_ignores@@@Module(stmt* body, type_ignore* type_ignores)
Interactive@mod@body@@@Interactive(stmt* body)
Expression@mod@body@@@Expression(expr body)
FunctionType@mod@argtypes,returns@@@FunctionType(expr* argtypes, expr returns)
stmt@AST@@lineno,col_offset,end_lineno,end_col_offset@end_lineno,end_col_offset@stmt = FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)\n     | AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)\n     | ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list)\n     | Return(expr? value)\n     | Delete(expr* targets)\n     | Assign(expr* targets, expr value, string? type_comment)\n     | AugAssign(expr target, operator op, expr value)\n     | AnnAssign(expr target, expr annotation, expr? value, int simple)\n     | For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)\n     | AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)\n     | While(expr test, stmt* body, stmt* orelse)\n     | If(expr test, stmt* body, stmt* orelse)\n     | With(withitem* items, stmt* body, string? type_comment)\n     | AsyncWith(withitem* items, stmt* body, string? type_comment)\n     | Match(expr subject, match_case* cases)\n     | Raise(expr? exc, expr? cause)\n     | Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)\n     | TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)\n     | Assert(expr test, expr? msg)\n     | Import(alias* names)\n     | ImportFrom(identifier? module, alias* names, int? level)\n     | Global(identifier* names)\n     | Nonlocal(identifier* names)\n     | Expr(expr value)\n     | Pass\n     | Break\n     | Continue
FunctionDef@stmt@name,args,body,decorator_list,returns,type_comment@lineno,col_offset,end_lineno,end_col_offset@returns,type_comment@FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
AsyncFunctionDef@stmt@name,args,body,decorator_list,returns,type_comment@lineno,col_offset,end_lineno,end_col_offset@returns,type_comment@AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
ClassDef@stmt@name,bases,keywords,body,decorator_list@lineno,col_offset,end_lineno,end_col_offset@@ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list)
Return@stmt@value@lineno,col_offset,end_lineno,end_col_offset@value@Return(expr? value)
Delete@stmt@targets@lineno,col_offset,end_lineno,end_col_offset@@Delete(expr* targets)
Assign@stmt@targets,value,type_comment@lineno,col_offset,end_lineno,end_col_offset@type_comment@Assign(expr* targets, expr value, string? type_comment)
AugAssign@stmt@target,op,value@lineno,col_offset,end_lineno,end_col_offset@@AugAssign(expr target, operator op, expr value)
AnnAssign@stmt@target,annotation,value,simple@lineno,col_offset,end_lineno,end_col_offset@value@AnnAssign(expr target, expr annotation, expr? value, int simple)
For@stmt@target,iter,body,orelse,type_comment@lineno,col_offset,end_lineno,end_col_offset@type_comment@For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
AsyncFor@stmt@target,iter,body,orelse,type_comment@lineno,col_offset,end_lineno,end_col_offset@type_comment@AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
While@stmt@test,body,orelse@lineno,col_offset,end_lineno,end_col_offset@@While(expr test, stmt* body, stmt* orelse)
If@stmt@test,body,orelse@lineno,col_offset,end_lineno,end_col_offset@@If(expr test, stmt* body, stmt* orelse)
With@stmt@items,body,type_comment@lineno,col_offset,end_lineno,end_col_offset@type_comment@With(withitem* items, stmt* body, string? type_comment)
AsyncWith@stmt@items,body,type_comment@lineno,col_offset,end_lineno,end_col_offset@type_comment@AsyncWith(withitem* items, stmt* body, string? type_comment)
Match@stmt@subject,cases@lineno,col_offset,end_lineno,end_col_offset@@Match(expr subject, match_case* cases)
Raise@stmt@exc,cause@lineno,col_offset,end_lineno,end_col_offset@exc,cause@Raise(expr? exc, expr? cause)
Try@stmt@body,handlers,orelse,finalbody@lineno,col_offset,end_lineno,end_col_offset@@Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
TryStar@stmt@body,handlers,orelse,finalbody@lineno,col_offset,end_lineno,end_col_offset@@TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
Assert@stmt@test,msg@lineno,col_offset,end_lineno,end_col_offset@msg@Assert(expr test, expr? msg)
Import@stmt@names@lineno,col_offset,end_lineno,end_col_offset@@Import(alias* names)
ImportFrom@stmt@module,names,level@lineno,col_offset,end_lineno,end_col_offset@module,level@ImportFrom(identifier? module, alias* names, int? level)
Global@stmt@names@lineno,col_offset,end_lineno,end_col_offset@@Global(identifier* names)
Nonlocal@stmt@names@lineno,col_offset,end_lineno,end_col_offset@@Nonlocal(identifier* names)
Expr@stmt@value@lineno,col_offset,end_lineno,end_col_offset@@Expr(expr value)
Pass@stmt@@lineno,col_offset,end_lineno,end_col_offset@@Pass
Break@stmt@@lineno,col_offset,end_lineno,end_col_offset@@Break
Continue@stmt@@lineno,col_offset,end_lineno,end_col_offset@@Continue
expr@AST@@lineno,col_offset,end_lineno,end_col_offset@end_lineno,end_col_offset@expr = BoolOp(boolop op, expr* values)\n     | NamedExpr(expr target, expr value)\n     | BinOp(expr left, operator op, expr right)\n     | UnaryOp(unaryop op, expr operand)\n     | Lambda(arguments args, expr body)\n     | IfExp(expr test, expr body, expr orelse)\n     | Dict(expr* keys, expr* values)\n     | Set(expr* elts)\n     | ListComp(expr elt, comprehension* generators)\n     | SetComp(expr elt, comprehension* generators)\n     | DictComp(expr key, expr value, comprehension* generators)\n     | GeneratorExp(expr elt, comprehension* generators)\n     | Await(expr value)\n     | Yield(expr? value)\n     | YieldFrom(expr value)\n     | Compare(expr left, cmpop* ops, expr* comparators)\n     | Call(expr func, expr* args, keyword* keywords)\n     | FormattedValue(expr value, int conversion, expr? format_spec)\n     | JoinedStr(expr* values)\n     | Constant(constant value, string? kind)\n     | Attribute(expr value, identifier attr, expr_context ctx)\n     | Subscript(expr value, expr slice, expr_context ctx)\n     | Starred(expr value, expr_context ctx)\n     | Name(identifier id, expr_context ctx)\n     | List(expr* elts, expr_context ctx)\n     | Tuple(expr* elts, expr_context ctx)\n     | Slice(expr? lower, expr? upper, expr? step)
BoolOp@expr@op,values@lineno,col_offset,end_lineno,end_col_offset@@BoolOp(boolop op, expr* values)
NamedExpr@expr@target,value@lineno,col_offset,end_lineno,end_col_offset@@NamedExpr(expr target, expr value)
BinOp@expr@left,op,right@lineno,col_offset,end_lineno,end_col_offset@@BinOp(expr left, operator op, expr right)
UnaryOp@expr@op,operand@lineno,col_offset,end_lineno,end_col_offset@@UnaryOp(unaryop op, expr operand)
Lambda@expr@args,body@lineno,col_offset,end_lineno,end_col_offset@@Lambda(arguments args, expr body)
IfExp@expr@test,body,orelse@lineno,col_offset,end_lineno,end_col_offset@@IfExp(expr test, expr body, expr orelse)
Dict@expr@keys,values@lineno,col_offset,end_lineno,end_col_offset@@Dict(expr* keys, expr* values)
Set@expr@elts@lineno,col_offset,end_lineno,end_col_offset@@Set(expr* elts)
ListComp@expr@elt,generators@lineno,col_offset,end_lineno,end_col_offset@@ListComp(expr elt, comprehension* generators)
SetComp@expr@elt,generators@lineno,col_offset,end_lineno,end_col_offset@@SetComp(expr elt, comprehension* generators)
DictComp@expr@key,value,generators@lineno,col_offset,end_lineno,end_col_offset@@DictComp(expr key, expr value, comprehension* generators)
GeneratorExp@expr@elt,generators@lineno,col_offset,end_lineno,end_col_offset@@GeneratorExp(expr elt, comprehension* generators)
Await@expr@value@lineno,col_offset,end_lineno,end_col_offset@@Await(expr value)
Yield@expr@value@lineno,col_offset,end_lineno,end_col_offset@value@Yield(expr? value)
YieldFrom@expr@value@lineno,col_offset,end_lineno,end_col_offset@@YieldFrom(expr value)
Compare@expr@left,ops,comparators@lineno,col_offset,end_lineno,end_col_offset@@Compare(expr left, cmpop* ops, expr* comparators)
Call@expr@func,args,keywords@lineno,col_offset,end_lineno,end_col_offset@@Call(expr func, expr* args, keyword* keywords)
FormattedValue@expr@value,conversion,format_spec@lineno,col_offset,end_lineno,end_col_offset@format_spec@FormattedValue(expr value, int conversion, expr? format_spec)
JoinedStr@expr@values@lineno,col_offset,end_lineno,end_col_offset@@JoinedStr(expr* values)
Constant@expr@value,kind@lineno,col_offset,end_lineno,end_col_offset@kind@Constant(constant value, string? kind)
Attribute@expr@value,attr,ctx@lineno,col_offset,end_lineno,end_col_offset@@Attribute(expr value, identifier attr, expr_context ctx)
Subscript@expr@value,slice,ctx@lineno,col_offset,end_lineno,end_col_offset@@Subscript(expr value, expr slice, expr_context ctx)
Starred@expr@value,ctx@lineno,col_offset,end_lineno,end_col_offset@@Starred(expr value, expr_context ctx)
Name@expr@id,ctx@lineno,col_offset,end_lineno,end_col_offset@@Name(identifier id, expr_context ctx)
List@expr@elts,ctx@lineno,col_offset,end_lineno,end_col_offset@@List(expr* elts, expr_context ctx)
Tuple@expr@elts,ctx@lineno,col_offset,end_lineno,end_col_offset@@Tuple(expr* elts, expr_context ctx)
Slice@expr@lower,upper,step@lineno,col_offset,end_lineno,end_col_offset@lower,upper,step@Slice(expr? lower, expr? upper, expr? step)
expr_context@AST@@@@expr_context = Load | Store | Del
Load@expr_context@@@@Load
Store@expr_context@@@@Store
Del@expr_context@@@@Del
boolop@AST@@@@boolop = And | Or
And@boolop@@@@And
Or@boolop@@@@Or
operator@AST@@@@operator = Add | Sub | Mult | MatMult | Div | Mod | Pow | LShift | RShift | BitOr | BitXor | BitAnd | FloorDiv
Add@operator@@@@Add
Sub@operator@@@@Sub
Mult@operator@@@@Mult
MatMult@operator@@@@MatMult
Div@operator@@@@Div
Mod@operator@@@@Mod
Pow@operator@@@@Pow
LShift@operator@@@@LShift
RShift@operator@@@@RShift
BitOr@operator@@@@BitOr
BitXor@operator@@@@BitXor
BitAnd@operator@@@@BitAnd
FloorDiv@operator@@@@FloorDiv
unaryop@AST@@@@unaryop = Invert | Not | UAdd | USub
Invert@unaryop@@@@Invert
Not@unaryop@@@@Not
UAdd@unaryop@@@@UAdd
USub@unaryop@@@@USub
cmpop@AST@@@@cmpop = Eq | NotEq | Lt | LtE | Gt | GtE | Is | IsNot | In | NotIn
Eq@cmpop@@@@Eq
NotEq@cmpop@@@@NotEq
Lt@cmpop@@@@Lt
LtE@cmpop@@@@LtE
Gt@cmpop@@@@Gt
GtE@cmpop@@@@GtE
Is@cmpop@@@@Is
IsNot@cmpop@@@@IsNot
In@cmpop@@@@In
NotIn@cmpop@@@@NotIn
comprehension@AST@target,iter,ifs,is_async@@@comprehension(expr target, expr iter, expr* ifs, int is_async)
excepthandler@AST@@lineno,col_offset,end_lineno,end_col_offset@end_lineno,end_col_offset@excepthandler = ExceptHandler(expr? type, identifier? name, stmt* body)
ExceptHandler@excepthandler@type,name,body@lineno,col_offset,end_lineno,end_col_offset@type,name@ExceptHandler(expr? type, identifier? name, stmt* body)
arguments@AST@posonlyargs,args,vararg,kwonlyargs,kw_defaults,kwarg,defaults@@vararg,kwarg@arguments(arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults)
arg@AST@arg,annotation,type_comment@lineno,col_offset,end_lineno,end_col_offset@annotation,type_comment,end_lineno,end_col_offset@arg(identifier arg, expr? annotation, string? type_comment)
keyword@AST@arg,value@lineno,col_offset,end_lineno,end_col_offset@arg,end_lineno,end_col_offset@keyword(identifier? arg, expr value)
alias@AST@name,asname@lineno,col_offset,end_lineno,end_col_offset@asname,end_lineno,end_col_offset@alias(identifier name, identifier? asname)
withitem@AST@context_expr,optional_vars@@optional_vars@withitem(expr context_expr, expr? optional_vars)
match_case@AST@pattern,guard,body@@guard@match_case(pattern pattern, expr? guard, stmt* body)
pattern@AST@@lineno,col_offset,end_lineno,end_col_offset@@pattern = MatchValue(expr value)\n        | MatchSingleton(constant value)\n        | MatchSequence(pattern* patterns)\n        | MatchMapping(expr* keys, pattern* patterns, identifier? rest)\n        | MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)\n        | MatchStar(identifier? name)\n        | MatchAs(pattern? pattern, identifier? name)\n        | MatchOr(pattern* patterns)
MatchValue@pattern@value@lineno,col_offset,end_lineno,end_col_offset@@MatchValue(expr value)
MatchSingleton@pattern@value@lineno,col_offset,end_lineno,end_col_offset@@MatchSingleton(constant value)
MatchSequence@pattern@patterns@lineno,col_offset,end_lineno,end_col_offset@@MatchSequence(pattern* patterns)
MatchMapping@pattern@keys,patterns,rest@lineno,col_offset,end_lineno,end_col_offset@rest@MatchMapping(expr* keys, pattern* patterns, identifier? rest)
MatchClass@pattern@cls,patterns,kwd_attrs,kwd_patterns@lineno,col_offset,end_lineno,end_col_offset@@MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)
MatchStar@pattern@name@lineno,col_offset,end_lineno,end_col_offset@name@MatchStar(identifier? name)
MatchAs@pattern@pattern,name@lineno,col_offset,end_lineno,end_col_offset@pattern,name@MatchAs(pattern? pattern, identifier? name)
MatchOr@pattern@patterns@lineno,col_offset,end_lineno,end_col_offset@@MatchOr(pattern* patterns)
type_ignore@AST@@@@type_ignore = TypeIgnore(int lineno, string tag)
TypeIgnore@type_ignore@lineno,tag@@@TypeIgnore(int lineno, string tag)
"#;

const PRELUDE: &str = r#"
class AST:
    _fields = ()
    _attributes = ()
    __match_args__ = ()
    __module__ = 'ast'

    def __init__(self, *args, **kwargs):
        fields = type(self)._fields
        if len(args) > len(fields):
            n = len(fields)
            raise TypeError('%s constructor takes at most %d positional argument%s'
                            % (type(self).__name__, n, '' if n == 1 else 's'))
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __reduce__(self):
        d = getattr(self, '__dict__', None)
        if d:
            return type(self), (), d
        return type(self), ()

def _build(table):
    g = globals()
    for row in table.strip().split('\n'):
        name, base, fields, attrs, opts, doc = row.split('@', 5)
        ns = {
            '__module__': 'ast',
            '__doc__': doc.replace('\\n', '\n'),
            '_fields': tuple(f for f in fields.split(',') if f),
            '__match_args__': tuple(f for f in fields.split(',') if f),
        }
        if attrs:
            ns['_attributes'] = tuple(attrs.split(','))
        for o in opts.split(','):
            if o:
                ns[o] = None
        g[name] = type(name, (g[base],), ns)

_build(_TABLE)
del _build, _TABLE
"#;

/// Creates the `_ast` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("_ast")?;
    // SAFETY: just made a module.
    let md = unsafe { m.payload_unchecked::<PyModule>() };
    md.with_dict(|d| d.set_str("_TABLE", PyStr::new(TABLE)?))?;
    md.with_dict(|d| d.set_str("PyCF_ONLY_AST", crate::objects::int::PyInt::new(0x400)?))?;
    md.with_dict(|d| {
        d.set_str(
            "PyCF_TYPE_COMMENTS",
            crate::objects::int::PyInt::new(0x1000)?,
        )
    })?;
    md.with_dict(|d| {
        d.set_str(
            "PyCF_ALLOW_TOP_LEVEL_AWAIT",
            crate::objects::int::PyInt::new(0x2000)?,
        )
    })?;
    let code = crate::run::compile_source(PRELUDE.as_bytes(), "<_ast>")?;
    let globals = md.dict();
    crate::run::exec_code(&code, &globals, None)?;
    Ok(m)
}

// ---------------------------------------------------------------------------
// Tree <-> objects (`ast2obj_*` / `obj2ast_*` of CPython's Python-ast.c).

/// The `_ast` classes of one conversion, looked up by name in the module.
struct Classes {
    dict: PyRef,
    cache: HashMap<&'static str, PyRef>,
}

impl Classes {
    fn new() -> PyResult<Classes> {
        let module = crate::import::import_module("_ast")?;
        // SAFETY: `_ast` is the module `init` made.
        let md = unsafe { module.payload_unchecked::<PyModule>() };
        Ok(Classes {
            dict: md.dict(),
            cache: HashMap::new(),
        })
    }

    fn get(&mut self, name: &'static str) -> PyResult<PyRef> {
        if let Some(c) = self.cache.get(name) {
            return Ok(c.clone());
        }
        // SAFETY: a module's dict is a dict.
        let d = unsafe { self.dict.payload_unchecked::<PyDict>() };
        let c = d
            .get_str(name)?
            .ok_or_else(|| PyErr::system_error(format!("_ast.{name} is missing")))?;
        self.cache.insert(name, c.clone());
        Ok(c)
    }
}

/// The one instance of each operator and context class (`Load()`, `Add()`, ...): CPython's
/// parser shares them between nodes, so `a.ctx is b.ctx`.
static SINGLETONS: crate::gil::GilCell<RefCell<Vec<(&'static str, PyRef)>>> =
    crate::gil::GilCell::new(RefCell::new(Vec::new()));

fn singletons() -> &'static RefCell<Vec<(&'static str, PyRef)>> {
    // SAFETY: GIL held; borrowed only briefly, never across a call into Python.
    unsafe { &*SINGLETONS.as_ptr() }
}

/// Drops the shared operator instances (interpreter teardown).
pub fn clear_state() {
    let old = std::mem::take(&mut *singletons().borrow_mut());
    drop(old);
}

/// Converting a tree to objects.
struct ToCx {
    classes: Classes,
    depth: u32,
    limit: u32,
}

impl ToCx {
    fn node(&mut self, name: &'static str) -> PyResult<PyRef> {
        let cls = self.classes.get(name)?;
        crate::objects::object::object_new(&cls, &[], None)
    }

    fn set(&self, o: &PyRef, name: &str, v: PyRef) -> PyResult<()> {
        protocol::setattr(o, &intern(name), Some(&v))
    }

    fn singleton(&mut self, name: &'static str) -> PyResult<PyRef> {
        let found = singletons()
            .borrow()
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, o)| o.clone());
        if let Some(o) = found {
            return Ok(o);
        }
        let o = self.node(name)?;
        singletons().borrow_mut().push((name, o.clone()));
        Ok(o)
    }

    fn enter(&mut self) -> PyResult<()> {
        self.depth += 1;
        if self.depth > self.limit {
            return Err(PyErr::recursion_error(
                "maximum recursion depth exceeded during ast construction",
            ));
        }
        Ok(())
    }

    fn set_loc(&self, o: &PyRef, loc: &Loc) -> PyResult<()> {
        self.set(o, "lineno", PyInt::new(loc.lineno as i64)?)?;
        self.set(o, "col_offset", PyInt::new(loc.col_offset as i64)?)?;
        self.set(o, "end_lineno", PyInt::new(loc.end_lineno as i64)?)?;
        self.set(o, "end_col_offset", PyInt::new(loc.end_col_offset as i64)?)
    }
}

/// Converting objects to a tree.
struct FromCx {
    classes: Classes,
}

impl FromCx {
    fn isinstance(&mut self, o: &PyRef, name: &'static str) -> PyResult<bool> {
        let cls = self.classes.get(name)?;
        protocol::isinstance(o, &cls)
    }

    /// `_PyObject_LookupAttr`: the attribute, or None when it is missing.
    fn get(&self, o: &PyRef, name: &str) -> PyResult<Option<PyRef>> {
        protocol::lookup_attr(o, &intern(name))
    }

    /// The four position attributes, checked as `VALIDATE_POSITIONS` checks them.
    fn loc(&self, o: &PyRef, owner: &str, ends_required: bool) -> PyResult<Loc> {
        let required = |name: &str| -> PyResult<i32> {
            match self.get(o, name)? {
                Some(v) => c_int(&v),
                None => Err(PyErr::type_error(format!(
                    "required field \"{name}\" missing from {owner}"
                ))),
            }
        };
        let lineno = required("lineno")?;
        let col_offset = required("col_offset")?;
        let optional = |name: &str, default: i32| -> PyResult<i32> {
            if ends_required {
                return required(name);
            }
            match self.get(o, name)? {
                Some(v) if !v.is_none() => c_int(&v),
                _ => Ok(default),
            }
        };
        let end_lineno = optional("end_lineno", lineno)?;
        let end_col_offset = optional("end_col_offset", col_offset)?;
        if lineno > end_lineno {
            return Err(PyErr::value_error(format!(
                "AST node line range ({lineno}, {end_lineno}) is not valid"
            )));
        }
        if (lineno < 0 && end_lineno != lineno) || (col_offset < 0 && col_offset != end_col_offset)
        {
            return Err(PyErr::value_error(format!(
                "AST node column range ({col_offset}, {end_col_offset}) for line range ({lineno}, {end_lineno}) is not valid"
            )));
        }
        if lineno == end_lineno && col_offset > end_col_offset {
            return Err(PyErr::value_error(format!(
                "line {lineno}, column {col_offset}-{end_col_offset} is not a valid range"
            )));
        }
        let u = |v: i32| v.max(0) as u32;
        Ok(Loc::new(
            u(lineno),
            u(col_offset),
            u(end_lineno),
            u(end_col_offset),
        ))
    }
}

/// `obj2ast_int`: a C int from an int object.
fn c_int(v: &PyRef) -> PyResult<i32> {
    if v.downcast::<PyInt>().is_none() {
        return Err(PyErr::value_error(format!(
            "invalid integer value: {}",
            protocol::repr_string(v)?
        )));
    }
    let n = crate::objects::int::as_i64(v)
        .map_err(|_| PyErr::overflow_error("Python int too large to convert to C int"))?;
    i32::try_from(n).map_err(|_| PyErr::overflow_error("Python int too large to convert to C int"))
}

/// The last dotted part of a type's name (`_PyType_Name`).
fn short_type_name(o: &PyRef) -> String {
    let n = o.ty().name();
    n.rsplit('.').next().unwrap_or(n).to_string()
}

/// One node type of the tree (an ASDL sum or product type).
trait Node: Sized {
    /// The ASDL type's name (`expr`, `stmt`, `arguments`, ...).
    const TYPE: &'static str;
    /// Whether `None` is handed to `from_py` (a constant, or an operator whose error
    /// names the `None`) instead of being refused as a missing required field.
    const TAKES_NONE: bool = false;
    fn to_py(&self, cx: &mut ToCx) -> PyResult<PyRef>;
    fn from_py(o: &PyRef, cx: &mut FromCx) -> PyResult<Self>;
    /// A list element: `None` is refused (validation's "None disallowed"), except where
    /// the type itself gives `None` a meaning.
    fn from_elem(o: &PyRef, cx: &mut FromCx) -> PyResult<Self> {
        if o.is_none() {
            let what = match Self::TYPE {
                "stmt" => "statement",
                "expr" => "expression",
                other => other,
            };
            return Err(PyErr::value_error(format!(
                "None disallowed in {what} list"
            )));
        }
        Self::from_py(o, cx)
    }
}

/// A field's value: how it is written to and read from an object.
trait Field: Sized {
    fn to_field(&self, cx: &mut ToCx) -> PyResult<PyRef>;
    /// `v` is None when the object has no such attribute.
    fn from_field(v: Option<PyRef>, cx: &mut FromCx, owner: &str, field: &str) -> PyResult<Self>;
}

fn missing(owner: &str, field: &str) -> PyErr {
    PyErr::type_error(format!("required field \"{field}\" missing from {owner}"))
}

/// A required field of a primitive type: missing is a `TypeError`, `None` a `ValueError`
/// (CPython's messages), anything else goes to `read`.
fn required<T>(
    v: Option<PyRef>,
    owner: &str,
    field: &str,
    read: impl FnOnce(&PyRef) -> PyResult<T>,
) -> PyResult<T> {
    match v {
        None => Err(missing(owner, field)),
        Some(v) if v.is_none() => Err(PyErr::value_error(format!(
            "field '{field}' is required for {owner}"
        ))),
        Some(v) => read(&v),
    }
}

impl<T: Node> Field for T {
    fn to_field(&self, cx: &mut ToCx) -> PyResult<PyRef> {
        self.to_py(cx)
    }
    fn from_field(v: Option<PyRef>, cx: &mut FromCx, owner: &str, field: &str) -> PyResult<T> {
        match v {
            None => Err(missing(owner, field)),
            Some(v) if v.is_none() && !T::TAKES_NONE => Err(PyErr::value_error(format!(
                "field '{field}' is required for {owner}"
            ))),
            Some(v) => T::from_py(&v, cx),
        }
    }
}

impl<T: Node> Node for Box<T> {
    const TYPE: &'static str = T::TYPE;
    const TAKES_NONE: bool = T::TAKES_NONE;
    fn to_py(&self, cx: &mut ToCx) -> PyResult<PyRef> {
        (**self).to_py(cx)
    }
    fn from_py(o: &PyRef, cx: &mut FromCx) -> PyResult<Self> {
        T::from_py(o, cx).map(Box::new)
    }
    fn from_elem(o: &PyRef, cx: &mut FromCx) -> PyResult<Self> {
        T::from_elem(o, cx).map(Box::new)
    }
}

impl<T: Node> Field for Option<T> {
    fn to_field(&self, cx: &mut ToCx) -> PyResult<PyRef> {
        match self {
            Some(x) => x.to_py(cx),
            None => Ok(none()),
        }
    }
    fn from_field(v: Option<PyRef>, cx: &mut FromCx, _: &str, _: &str) -> PyResult<Self> {
        match v {
            Some(v) if !v.is_none() => T::from_py(&v, cx).map(Some),
            _ => Ok(None),
        }
    }
}

/// The items of a list field, or CPython's error when it is not a list.
fn list_items(v: Option<PyRef>, owner: &str, field: &str) -> PyResult<Vec<PyRef>> {
    let v = v.ok_or_else(|| missing(owner, field))?;
    match v.downcast::<PyList>() {
        Some(l) => Ok(l.snapshot()),
        None => Err(PyErr::type_error(format!(
            "{owner} field \"{field}\" must be a list, not a {}",
            short_type_name(&v)
        ))),
    }
}

fn list_of(items: Vec<PyRef>) -> PyResult<PyRef> {
    PyList::new(items)
}

impl<T: Node> Field for Vec<T> {
    fn to_field(&self, cx: &mut ToCx) -> PyResult<PyRef> {
        list_of(self.iter().map(|x| x.to_py(cx)).collect::<PyResult<_>>()?)
    }
    fn from_field(v: Option<PyRef>, cx: &mut FromCx, owner: &str, field: &str) -> PyResult<Self> {
        list_items(v, owner, field)?
            .iter()
            .map(|o| T::from_elem(o, cx))
            .collect()
    }
}

impl<T: Node> Field for Vec<Option<T>> {
    fn to_field(&self, cx: &mut ToCx) -> PyResult<PyRef> {
        let mut out = Vec::with_capacity(self.len());
        for x in self {
            out.push(match x {
                Some(x) => x.to_py(cx)?,
                None => none(),
            });
        }
        list_of(out)
    }
    fn from_field(v: Option<PyRef>, cx: &mut FromCx, owner: &str, field: &str) -> PyResult<Self> {
        list_items(v, owner, field)?
            .iter()
            .map(|o| {
                if o.is_none() {
                    Ok(None)
                } else {
                    T::from_py(o, cx).map(Some)
                }
            })
            .collect()
    }
}

/// `obj2ast_identifier`.
fn identifier(o: &PyRef) -> PyResult<Identifier> {
    match o.downcast::<PyStr>() {
        Some(s) if o.is_exact::<PyStr>() => Ok(Identifier::from(s.as_str())),
        _ => Err(PyErr::type_error("AST identifier must be of type str")),
    }
}

/// Identifiers convert as the leaves of the tree: interned `str` objects.
impl Node for Identifier {
    const TYPE: &'static str = "identifier";
    fn to_py(&self, _: &mut ToCx) -> PyResult<PyRef> {
        Ok(intern(self))
    }
    fn from_py(o: &PyRef, _: &mut FromCx) -> PyResult<Self> {
        identifier(o)
    }
    /// In a list, `None` gets `obj2ast_identifier`'s own error.
    fn from_elem(o: &PyRef, _: &mut FromCx) -> PyResult<Self> {
        identifier(o)
    }
}

/// `obj2ast_string`.
fn string(o: &PyRef) -> PyResult<String> {
    if o.is_exact::<PyStr>() {
        if let Some(s) = o.downcast::<PyStr>() {
            return Ok(s.as_str().to_string());
        }
    }
    if o.is_exact::<PyBytes>() {
        if let Some(b) = o.downcast::<PyBytes>() {
            return Ok(String::from_utf8_lossy(b.as_bytes()).into_owned());
        }
    }
    Err(PyErr::type_error("AST string must be of type str"))
}

/// `string` fields (`type_comment`, `Constant.kind`, `TypeIgnore.tag`).
impl Node for String {
    const TYPE: &'static str = "string";
    fn to_py(&self, _: &mut ToCx) -> PyResult<PyRef> {
        PyStr::new(self)
    }
    fn from_py(o: &PyRef, _: &mut FromCx) -> PyResult<Self> {
        string(o)
    }
}

/// `int` fields: `simple`, `is_async`, `level`, `TypeIgnore.lineno`. Only their truth
/// matters to the compiler, except `level`, which may not be negative.
impl Field for u32 {
    fn to_field(&self, _: &mut ToCx) -> PyResult<PyRef> {
        PyInt::new(*self as i64)
    }
    fn from_field(v: Option<PyRef>, _: &mut FromCx, owner: &str, field: &str) -> PyResult<Self> {
        let v = match v {
            // `ImportFrom.level` is optional (`int? level`).
            None if field == "level" => return Ok(0),
            None => return Err(missing(owner, field)),
            Some(v) if v.is_none() && field == "level" => return Ok(0),
            Some(v) if v.is_none() => {
                return Err(PyErr::value_error(format!(
                    "field '{field}' is required for {owner}"
                )))
            }
            Some(v) => c_int(&v)?,
        };
        if v < 0 && field == "level" {
            return Err(PyErr::value_error("Negative ImportFrom level"));
        }
        Ok(v as u32)
    }
}

/// `FormattedValue.conversion`.
impl Field for i32 {
    fn to_field(&self, _: &mut ToCx) -> PyResult<PyRef> {
        PyInt::new(*self as i64)
    }
    fn from_field(v: Option<PyRef>, _: &mut FromCx, owner: &str, field: &str) -> PyResult<Self> {
        required(v, owner, field, c_int)
    }
}

/// Constants: the ASDL's `constant`.
impl Node for Constant {
    const TYPE: &'static str = "constant";
    const TAKES_NONE: bool = true;

    #[allow(clippy::only_used_in_recursion)]
    fn to_py(&self, cx: &mut ToCx) -> PyResult<PyRef> {
        Ok(match self {
            Constant::None => none(),
            Constant::Bool(b) => py_bool(*b),
            Constant::Ellipsis => ellipsis(),
            Constant::Int(IntValue::Small(v)) => PyInt::new(*v)?,
            Constant::Int(IntValue::Big(digits)) => {
                let big: num_bigint::BigInt = digits
                    .parse()
                    .map_err(|_| PyErr::system_error("bad integer constant"))?;
                PyInt::from_bigint(big)?
            }
            Constant::Float(f) => PyFloat::new(*f)?,
            Constant::Complex { real, imag } => PyComplex::new(*real, *imag)?,
            Constant::Str(StrValue::Utf8(s)) => PyStr::new(s)?,
            Constant::Str(StrValue::CodePoints(cps)) => PyStr::from_code_points(cps)?,
            Constant::Bytes(b) => PyBytes::new(b)?,
            Constant::Tuple(items) => {
                PyTuple::new(items.iter().map(|c| c.to_py(cx)).collect::<PyResult<_>>()?)?
            }
            Constant::FrozenSet(items) => {
                let t = PyTuple::new(items.iter().map(|c| c.to_py(cx)).collect::<PyResult<_>>()?)?;
                crate::objects::set::new_frozenset(Some(&t))?
            }
        })
    }

    /// The converter plus `validate_constant`: only the types a code object can hold.
    #[allow(clippy::only_used_in_recursion)]
    fn from_py(o: &PyRef, cx: &mut FromCx) -> PyResult<Constant> {
        if o.is_none() {
            return Ok(Constant::None);
        }
        if o.is_static(&crate::objects::none::ELLIPSIS) {
            return Ok(Constant::Ellipsis);
        }
        if std::ptr::eq(o.ty(), &crate::objects::bool_::BOOL_TYPE) {
            return Ok(Constant::Bool(crate::objects::bool_::is_true_obj(o)));
        }
        if o.is_exact::<PyInt>() {
            if let Some(i) = o.downcast::<PyInt>() {
                return Ok(Constant::Int(match i.as_i64() {
                    Some(v) => IntValue::Small(v),
                    None => IntValue::Big(i.to_bigint().to_string()),
                }));
            }
        }
        if o.is_exact::<PyFloat>() {
            if let Some(f) = o.downcast::<PyFloat>() {
                return Ok(Constant::Float(f.value));
            }
        }
        if o.is_exact::<PyComplex>() {
            if let Some(c) = o.downcast::<PyComplex>() {
                return Ok(Constant::Complex {
                    real: c.real,
                    imag: c.imag,
                });
            }
        }
        if o.is_exact::<PyStr>() {
            if let Some(s) = o.downcast::<PyStr>() {
                return Ok(Constant::Str(match s.try_as_str() {
                    Some(t) => StrValue::Utf8(t.to_string()),
                    None => StrValue::CodePoints(s.chars().collect()),
                }));
            }
        }
        if o.is_exact::<PyBytes>() {
            if let Some(b) = o.downcast::<PyBytes>() {
                return Ok(Constant::Bytes(b.as_bytes().to_vec()));
            }
        }
        let is_tuple = o.is_exact::<PyTuple>();
        if is_tuple || std::ptr::eq(o.ty(), &crate::objects::set::FROZENSET_TYPE) {
            let _guard = crate::eval::recursion::enter_call(" during compilation")?;
            let items = crate::eval::recursion::with_stack(|| {
                protocol::collect(o)?
                    .iter()
                    .map(|c| Constant::from_py(c, cx))
                    .collect::<PyResult<Vec<_>>>()
            })?;
            return Ok(if is_tuple {
                Constant::Tuple(items)
            } else {
                Constant::FrozenSet(items)
            });
        }
        Err(PyErr::type_error(format!(
            "got an invalid type in Constant: {}",
            short_type_name(o)
        )))
    }
}

/// A sum type whose kinds have no fields (`expr_context`, `operator`, ...): each kind is
/// one shared instance.
macro_rules! simple_sum {
    ($ty:ident, $asdl:literal, [$($kind:ident),* $(,)?]) => {
        impl Node for $ty {
            const TYPE: &'static str = $asdl;
            const TAKES_NONE: bool = true;
            fn to_py(&self, cx: &mut ToCx) -> PyResult<PyRef> {
                match self {
                    $($ty::$kind => cx.singleton(stringify!($kind)),)*
                }
            }
            fn from_py(o: &PyRef, cx: &mut FromCx) -> PyResult<Self> {
                $(
                    if cx.isinstance(o, stringify!($kind))? {
                        return Ok($ty::$kind);
                    }
                )*
                Err(PyErr::type_error(format!(
                    "expected some sort of {}, but got {}",
                    $asdl,
                    protocol::repr_string(o)?
                )))
            }
            fn from_elem(o: &PyRef, cx: &mut FromCx) -> PyResult<Self> {
                Self::from_py(o, cx)
            }
        }
    };
}

simple_sum!(ExprContext, "expr_context", [Load, Store, Del]);
simple_sum!(BoolOp, "boolop", [And, Or]);
simple_sum!(
    Operator,
    "operator",
    [Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv]
);
simple_sum!(UnaryOp, "unaryop", [Invert, Not, UAdd, USub]);
simple_sum!(
    CmpOp,
    "cmpop",
    [Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn]
);

/// A sum type with positions (`stmt`, `expr`, `pattern`): a struct of `loc` and `kind`.
macro_rules! located_sum {
    ($ty:ident, $kindty:ident, $asdl:literal, ends_required = $ends:expr,
     [$($kind:ident { $($f:ident),* }),* $(,)?]) => {
        impl Node for $ty {
            const TYPE: &'static str = $asdl;
            fn to_py(&self, cx: &mut ToCx) -> PyResult<PyRef> {
                cx.enter()?;
                let o = crate::eval::recursion::with_stack(|| -> PyResult<PyRef> {
                    match &self.kind {
                        $($kindty::$kind { $($f),* } => {
                            let o = cx.node(stringify!($kind))?;
                            $(
                                let v = Field::to_field($f, cx)?;
                                cx.set(&o, stringify!($f), v)?;
                            )*
                            Ok(o)
                        })*
                    }
                })?;
                cx.set_loc(&o, &self.loc)?;
                cx.depth -= 1;
                Ok(o)
            }
            fn from_py(o: &PyRef, cx: &mut FromCx) -> PyResult<Self> {
                let loc = cx.loc(o, $asdl, $ends)?;
                let _guard = crate::eval::recursion::enter_call(
                    concat!(" while traversing '", $asdl, "' node"))?;
                crate::eval::recursion::with_stack(|| {
                    $(
                        if cx.isinstance(o, stringify!($kind))? {
                            $(
                                let v = cx.get(o, stringify!($f))?;
                                let $f = Field::from_field(v, cx, stringify!($kind), stringify!($f))?;
                            )*
                            return Ok($ty { loc, kind: $kindty::$kind { $($f),* } });
                        }
                    )*
                    Err(PyErr::type_error(format!(
                        "expected some sort of {}, but got {}",
                        $asdl,
                        protocol::repr_string(o)?
                    )))
                })
            }
        }
    };
}

located_sum!(
    Stmt,
    StmtKind,
    "stmt",
    ends_required = false,
    [
        FunctionDef {
            name,
            args,
            body,
            decorator_list,
            returns,
            type_comment
        },
        AsyncFunctionDef {
            name,
            args,
            body,
            decorator_list,
            returns,
            type_comment
        },
        ClassDef {
            name,
            bases,
            keywords,
            body,
            decorator_list
        },
        Return { value },
        Delete { targets },
        Assign {
            targets,
            value,
            type_comment
        },
        AugAssign { target, op, value },
        AnnAssign {
            target,
            annotation,
            value,
            simple
        },
        For {
            target,
            iter,
            body,
            orelse,
            type_comment
        },
        AsyncFor {
            target,
            iter,
            body,
            orelse,
            type_comment
        },
        While { test, body, orelse },
        If { test, body, orelse },
        With {
            items,
            body,
            type_comment
        },
        AsyncWith {
            items,
            body,
            type_comment
        },
        Match { subject, cases },
        Raise { exc, cause },
        Try {
            body,
            handlers,
            orelse,
            finalbody
        },
        TryStar {
            body,
            handlers,
            orelse,
            finalbody
        },
        Assert { test, msg },
        Import { names },
        ImportFrom {
            module,
            names,
            level
        },
        Global { names },
        Nonlocal { names },
        Expr { value },
        Pass {},
        Break {},
        Continue {},
    ]
);

located_sum!(
    Expr,
    ExprKind,
    "expr",
    ends_required = false,
    [
        BoolOp { op, values },
        NamedExpr { target, value },
        BinOp { left, op, right },
        UnaryOp { op, operand },
        Lambda { args, body },
        IfExp { test, body, orelse },
        Dict { keys, values },
        Set { elts },
        ListComp { elt, generators },
        SetComp { elt, generators },
        DictComp {
            key,
            value,
            generators
        },
        GeneratorExp { elt, generators },
        Await { value },
        Yield { value },
        YieldFrom { value },
        Compare {
            left,
            ops,
            comparators
        },
        Call {
            func,
            args,
            keywords
        },
        FormattedValue {
            value,
            conversion,
            format_spec
        },
        JoinedStr { values },
        Constant { value, kind },
        Attribute { value, attr, ctx },
        Subscript { value, slice, ctx },
        Starred { value, ctx },
        Name { id, ctx },
        List { elts, ctx },
        Tuple { elts, ctx },
        Slice { lower, upper, step },
    ]
);

located_sum!(
    Pattern,
    PatternKind,
    "pattern",
    ends_required = true,
    [
        MatchValue { value },
        MatchSingleton { value },
        MatchSequence { patterns },
        MatchMapping {
            keys,
            patterns,
            rest
        },
        MatchClass {
            cls,
            patterns,
            kwd_attrs,
            kwd_patterns
        },
        MatchStar { name },
        MatchAs { pattern, name },
        MatchOr { patterns },
    ]
);

/// A product type (`arguments`, `keyword`, ...): a struct, with or without positions.
macro_rules! product {
    ($ty:ident, $asdl:literal, loc = $loc:tt, [$($f:ident),* $(,)?]) => {
        impl Node for $ty {
            const TYPE: &'static str = $asdl;
            fn to_py(&self, cx: &mut ToCx) -> PyResult<PyRef> {
                cx.enter()?;
                let o = cx.node($asdl)?;
                $(
                    let v = Field::to_field(&self.$f, cx)?;
                    cx.set(&o, stringify!($f), v)?;
                )*
                product!(@to_loc $loc, cx, o, self);
                cx.depth -= 1;
                Ok(o)
            }
            fn from_py(o: &PyRef, cx: &mut FromCx) -> PyResult<Self> {
                if !cx.isinstance(o, $asdl)? {
                    return Err(PyErr::type_error(format!(
                        "expected some sort of {}, but got {}",
                        $asdl,
                        protocol::repr_string(o)?
                    )));
                }
                let _guard = crate::eval::recursion::enter_call(
                    concat!(" while traversing '", $asdl, "' node"))?;
                crate::eval::recursion::with_stack(|| {
                    $(
                        let v = cx.get(o, stringify!($f))?;
                        let $f = Field::from_field(v, cx, $asdl, stringify!($f))?;
                    )*
                    product!(@from_loc $loc, cx, o, $ty, $asdl, [$($f),*])
                })
            }
        }
    };
    (@to_loc true, $cx:ident, $o:ident, $s:ident) => { $cx.set_loc(&$o, &$s.loc)?; };
    (@to_loc false, $cx:ident, $o:ident, $s:ident) => {};
    (@from_loc true, $cx:ident, $o:ident, $ty:ident, $asdl:literal, [$($f:ident),*]) => {{
        let loc = $cx.loc($o, $asdl, false)?;
        Ok($ty { loc, $($f),* })
    }};
    (@from_loc false, $cx:ident, $o:ident, $ty:ident, $asdl:literal, [$($f:ident),*]) => {
        Ok($ty { $($f),* })
    };
}

product!(
    Comprehension,
    "comprehension",
    loc = false,
    [target, iter, ifs, is_async]
);
product!(
    Arguments,
    "arguments",
    loc = false,
    [
        posonlyargs,
        args,
        vararg,
        kwonlyargs,
        kw_defaults,
        kwarg,
        defaults
    ]
);
product!(Arg, "arg", loc = true, [arg, annotation, type_comment]);
product!(Keyword, "keyword", loc = true, [arg, value]);
product!(Alias, "alias", loc = true, [name, asname]);
product!(
    WithItem,
    "withitem",
    loc = false,
    [context_expr, optional_vars]
);
product!(MatchCase, "match_case", loc = false, [pattern, guard, body]);
product!(TypeIgnore, "type_ignore", loc = false, [lineno, tag]);

/// `excepthandler`: a sum type of one kind, `ExceptHandler` (whose `type` field is
/// `type_` here).
impl Node for ExceptHandler {
    const TYPE: &'static str = "excepthandler";
    fn to_py(&self, cx: &mut ToCx) -> PyResult<PyRef> {
        cx.enter()?;
        let o = cx.node("ExceptHandler")?;
        let v = self.type_.to_field(cx)?;
        cx.set(&o, "type", v)?;
        let v = self.name.to_field(cx)?;
        cx.set(&o, "name", v)?;
        let v = self.body.to_field(cx)?;
        cx.set(&o, "body", v)?;
        cx.set_loc(&o, &self.loc)?;
        cx.depth -= 1;
        Ok(o)
    }
    fn from_py(o: &PyRef, cx: &mut FromCx) -> PyResult<Self> {
        let loc = cx.loc(o, "excepthandler", false)?;
        if !cx.isinstance(o, "ExceptHandler")? {
            return Err(PyErr::type_error(format!(
                "expected some sort of excepthandler, but got {}",
                protocol::repr_string(o)?
            )));
        }
        let _guard = crate::eval::recursion::enter_call(" while traversing 'excepthandler' node")?;
        crate::eval::recursion::with_stack(|| {
            let v = cx.get(o, "type")?;
            let type_ = Field::from_field(v, cx, "ExceptHandler", "type")?;
            let v = cx.get(o, "name")?;
            let name = Field::from_field(v, cx, "ExceptHandler", "name")?;
            let v = cx.get(o, "body")?;
            let body = Field::from_field(v, cx, "ExceptHandler", "body")?;
            Ok(ExceptHandler {
                loc,
                type_,
                name,
                body,
            })
        })
    }
}

impl Node for Mod {
    const TYPE: &'static str = "mod";
    fn to_py(&self, cx: &mut ToCx) -> PyResult<PyRef> {
        cx.enter()?;
        let o = match self {
            Mod::Module { body, type_ignores } => {
                let o = cx.node("Module")?;
                let v = body.to_field(cx)?;
                cx.set(&o, "body", v)?;
                let v = type_ignores.to_field(cx)?;
                cx.set(&o, "type_ignores", v)?;
                o
            }
            Mod::Interactive { body } => {
                let o = cx.node("Interactive")?;
                let v = body.to_field(cx)?;
                cx.set(&o, "body", v)?;
                o
            }
            Mod::Expression { body } => {
                let o = cx.node("Expression")?;
                let v = body.to_field(cx)?;
                cx.set(&o, "body", v)?;
                o
            }
            Mod::FunctionType { argtypes, returns } => {
                let o = cx.node("FunctionType")?;
                let v = argtypes.to_field(cx)?;
                cx.set(&o, "argtypes", v)?;
                let v = returns.to_field(cx)?;
                cx.set(&o, "returns", v)?;
                o
            }
        };
        cx.depth -= 1;
        Ok(o)
    }
    fn from_py(o: &PyRef, cx: &mut FromCx) -> PyResult<Self> {
        let _guard = crate::eval::recursion::enter_call(" while traversing 'mod' node")?;
        if cx.isinstance(o, "Module")? {
            let body = Field::from_field(cx.get(o, "body")?, cx, "Module", "body")?;
            let v = cx.get(o, "type_ignores")?;
            let type_ignores = Field::from_field(v, cx, "Module", "type_ignores")?;
            return Ok(Mod::Module { body, type_ignores });
        }
        if cx.isinstance(o, "Expression")? {
            let body = Field::from_field(cx.get(o, "body")?, cx, "Expression", "body")?;
            return Ok(Mod::Expression { body });
        }
        if cx.isinstance(o, "Interactive")? {
            let body = Field::from_field(cx.get(o, "body")?, cx, "Interactive", "body")?;
            return Ok(Mod::Interactive { body });
        }
        if cx.isinstance(o, "FunctionType")? {
            let v = cx.get(o, "argtypes")?;
            let argtypes = Field::from_field(v, cx, "FunctionType", "argtypes")?;
            let v = cx.get(o, "returns")?;
            let returns = Field::from_field(v, cx, "FunctionType", "returns")?;
            return Ok(Mod::FunctionType { argtypes, returns });
        }
        Err(PyErr::type_error(format!(
            "expected some sort of mod, but got {}",
            protocol::repr_string(o)?
        )))
    }
}

/// `PyAST_mod2obj`: the tree as `_ast` objects (`compile(..., PyCF_ONLY_AST)`, so
/// `ast.parse`). Nesting deeper than three times the recursion limit raises
/// `RecursionError`, as in CPython.
pub fn tree_to_object(tree: &Mod) -> PyResult<PyRef> {
    let scale = 3;
    let limit = crate::eval::recursion::limit().saturating_mul(scale);
    let mut cx = ToCx {
        classes: Classes::new()?,
        depth: crate::eval::recursion::depth().saturating_mul(scale),
        limit,
    };
    tree.to_py(&mut cx)
}

/// Whether `o` is an `ast.AST` (`PyAST_Check`).
pub fn is_ast(o: &PyRef) -> PyResult<bool> {
    let mut classes = Classes::new()?;
    let ast = classes.get("AST")?;
    protocol::isinstance(o, &ast)
}

/// `PyAST_obj2mod` and `_PyAST_Validate`: the tree an `ast.Module` (mode `exec`),
/// `ast.Expression` (`eval`) or `ast.Interactive` (`single`) describes, checked as CPython
/// checks it before compiling.
pub fn object_to_tree(o: &PyRef, mode: &str) -> PyResult<Mod> {
    let mut cx = FromCx {
        classes: Classes::new()?,
    };
    let required = match mode {
        "eval" => "Expression",
        "single" => "Interactive",
        _ => "Module",
    };
    if !cx.isinstance(o, required)? {
        return Err(PyErr::type_error(format!(
            "expected {required} node, got {}",
            short_type_name(o)
        )));
    }
    let tree = Mod::from_py(o, &mut cx)?;
    let scale = 3;
    let limit = crate::eval::recursion::limit()
        .saturating_mul(scale)
        .saturating_sub(crate::eval::recursion::depth().saturating_mul(scale));
    taipan_parser::validate::validate_mod(&tree, limit).map_err(|e| {
        use taipan_parser::validate::ErrorKind;
        match e.kind {
            ErrorKind::Value => PyErr::value_error(e.message),
            ErrorKind::Type => PyErr::type_error(e.message),
            ErrorKind::Recursion => PyErr::recursion_error(e.message),
        }
    })?;
    Ok(tree)
}
