//! Running programs and printing uncaught exceptions (CPython's
//! `Python/pythonrun.c`, the printing parts of `Python/traceback.c`), and
//! the builtins that run code: `__build_class__`, `exec`, `eval`,
//! `globals`, `locals` (`Python/bltinmodule.c`).

use taipan_bytecode::marshal::CodeData;

use crate::object::protocol;
use crate::object::*;
use crate::objects::code::PyCode;
use crate::objects::dict::PyDict;
use crate::objects::exceptions::{self as exc, PyBaseException};
use crate::objects::none::none;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

/// A `SyntaxError` (or subclass) exception from the parser's or compiler's
/// error data.
pub fn syntax_error(
    kind: &str,
    msg: &str,
    filename: &str,
    lineno: u32,
    offset: u32,
    source: &[u8],
) -> PyErr {
    let ty: &'static PyType = match kind {
        "IndentationError" => &exc::INDENTATION_ERROR,
        "TabError" => &exc::TAB_ERROR,
        "RecursionError" => &exc::RECURSION_ERROR,
        "SystemError" => &exc::SYSTEM_ERROR,
        _ => &exc::SYNTAX_ERROR,
    };
    let build = || -> PyResult<PyErr> {
        let m = PyStr::new(msg)?;
        if !std::ptr::eq(ty, &exc::SYNTAX_ERROR)
            && !std::ptr::eq(ty, &exc::INDENTATION_ERROR)
            && !std::ptr::eq(ty, &exc::TAB_ERROR)
        {
            return Ok(PyErr::with_args(ty, &[m]));
        }
        let text = source_line_of(source, lineno)
            .map(|l| PyStr::new(&format!("{l}\n")))
            .transpose()?
            .unwrap_or_else(none);
        let details = PyTuple::new(vec![
            PyStr::new(filename)?,
            crate::objects::int::PyInt::new(lineno as i64)?,
            crate::objects::int::PyInt::new(offset as i64)?,
            text,
        ])?;
        let v = protocol::call(&PyRef::from_static(ty), &[m, details], None)?;
        Ok(PyErr::from_value(v))
    };
    match build() {
        Ok(e) => e,
        Err(e) => e,
    }
}

fn source_line_of(source: &[u8], lineno: u32) -> Option<String> {
    if lineno == 0 {
        return None;
    }
    let text = String::from_utf8_lossy(source);
    text.split_inclusive('\n')
        .nth(lineno as usize - 1)
        .map(|l| l.trim_end_matches(['\n', '\r']).to_string())
}

/// Parses and compiles module source to a code object; a syntax error is
/// raised as `SyntaxError`.
pub fn compile_source(source: &[u8], filename: &str) -> PyResult<PyRef> {
    let tree = taipan_parser::parse_module(source, filename)
        .map_err(|e| syntax_error(e.kind.name(), &e.msg, filename, e.lineno, e.offset, source))?;
    compile_tree(&tree, filename, source)
}

fn compile_tree(tree: &taipan_parser::ast::Mod, filename: &str, source: &[u8]) -> PyResult<PyRef> {
    let data = taipan_compiler::compile_module(tree, filename)
        .map_err(|e| syntax_error(e.kind, &e.msg, filename, e.lineno, e.offset, source))?;
    PyCode::new(&data)
}

/// Compiles an expression (`eval` mode).
pub fn compile_expression(source: &[u8], filename: &str) -> PyResult<PyRef> {
    // Leading blanks are stripped as `eval()` does.
    let start = source
        .iter()
        .position(|&b| b != b' ' && b != b'\t')
        .unwrap_or(source.len());
    let source = &source[start..];
    let tree = taipan_parser::parse_module(source, filename)
        .map_err(|e| syntax_error(e.kind.name(), &e.msg, filename, e.lineno, e.offset, source))?;
    let expr = match &tree {
        taipan_parser::ast::Mod::Module { body, .. } if body.len() == 1 => match &body[0].kind {
            taipan_parser::ast::StmtKind::Expr { value } => Some(value.clone()),
            _ => None,
        },
        _ => None,
    };
    match expr {
        Some(e) => compile_tree(
            &taipan_parser::ast::Mod::Expression { body: e },
            filename,
            source,
        ),
        None => Err(syntax_error(
            "SyntaxError",
            "invalid syntax",
            filename,
            1,
            1,
            source,
        )),
    }
}

/// Runs a code object with the given globals (and locals, for class bodies
/// and `exec`), returning what it returns.
pub fn exec_code(code: &PyRef, globals: &PyRef, locals: Option<&PyRef>) -> PyResult<PyRef> {
    let locals = match locals {
        Some(l) => Some(l.clone()),
        None => {
            let c = code
                .downcast::<PyCode>()
                .ok_or_else(|| PyErr::type_error("exec_code() needs a code object"))?;
            if c.flags & crate::objects::code::flags::NEWLOCALS == 0 {
                Some(globals.clone())
            } else {
                None
            }
        }
    };
    crate::eval::ceval::eval_code(code, globals, locals.as_ref(), None)
}

/// Makes a fresh `__main__` module dict.
fn main_globals(path: &str) -> PyResult<PyRef> {
    let module = crate::objects::module::PyModule::new("__main__")?;
    let g = module
        .downcast::<crate::objects::module::PyModule>()
        .map(|m| m.dict())
        .ok_or_else(|| PyErr::system_error("module without a dict"))?;
    let gd = g
        .downcast::<PyDict>()
        .ok_or_else(|| PyErr::system_error("module dict is not a dict"))?;
    if let Some(b) = &crate::interp::interp().builtins {
        gd.set_str("__builtins__", b.clone())?;
    }
    gd.set_str("__file__", PyStr::new(path)?)?;
    gd.set_str("__cached__", none())?;
    gd.set_str(
        "__loader__",
        crate::import::source_loader("__main__", path)?,
    )?;
    if let Some(mods) = crate::interp::interp().modules.downcast::<PyDict>() {
        mods.set_str("__main__", module.clone())?;
    }
    Ok(g)
}

/// Runs compiled module data as `__main__`; prints an uncaught exception
/// and returns the exit status.
pub fn run_code_data(data: &CodeData, path: &str, argv: Vec<String>) -> i32 {
    let status = match PyCode::new(data) {
        Ok(code) => run_main_code(&code, path, &argv),
        Err(e) => handle_uncaught(e),
    };
    crate::modules::sys::flush_std();
    status
}

fn run_main_code(code: &PyRef, path: &str, argv: &[String]) -> i32 {
    // The first call also puts the script's directory first on sys.path.
    crate::modules::sys::set_argv(argv.to_vec());
    let g = match main_globals(path) {
        Ok(g) => g,
        Err(e) => return handle_uncaught(e),
    };
    let status = match exec_code(code, &g, None) {
        Ok(_) => 0,
        Err(e) => handle_uncaught(e),
    };
    crate::modules::sys::flush_std();
    clear_module_dict(&g);
    status
}

/// `_PyModule_ClearDict` at shutdown: names starting with one underscore are
/// set to None first, then all others but `__builtins__`, so that objects
/// the module holds are finalized (generators closed, `__del__` run).
fn clear_module_dict(g: &PyRef) {
    let d = match g.downcast::<PyDict>() {
        Some(d) => d,
        None => return,
    };
    for pass in 0..2 {
        for k in d.keys() {
            let name = match k.downcast::<PyStr>() {
                Some(s) => s.as_str().to_owned(),
                None => continue,
            };
            let first = name.starts_with('_') && !name.starts_with("__");
            if (pass == 0 && first) || (pass == 1 && name != "__builtins__") {
                if let Err(e) = d.set_item(k, none()) {
                    drop(e);
                }
            }
        }
    }
    crate::modules::sys::flush_std();
}

/// `taipan FILE args...`: runs the file as `__main__` and returns the exit
/// status (1 after an uncaught exception, `SystemExit`'s code).
pub fn run_file(path: &str, argv: Vec<String>) -> i32 {
    let status = match std::fs::read(path) {
        Ok(source) => match compile_source(&source, path) {
            Ok(code) => run_main_code(&code, path, &argv),
            Err(e) => handle_uncaught(e),
        },
        Err(e) => {
            crate::modules::sys::write_stderr(&format!(
                "taipan: can't open file '{}': [Errno {}] {}\n",
                path,
                e.raw_os_error().unwrap_or(0),
                e
            ));
            2
        }
    };
    crate::modules::sys::flush_std();
    status
}

/// Runs source text as `__main__` (for tests and `-c`): returns the exit
/// status after printing any uncaught exception to stderr.
pub fn run_source(source: &str, path: &str) -> i32 {
    let status = match compile_source(source.as_bytes(), path) {
        Ok(code) => run_main_code(&code, path, &[path.to_string()]),
        Err(e) => handle_uncaught(e),
    };
    crate::modules::sys::flush_std();
    status
}

/// Prints an uncaught exception (or handles `SystemExit`), returning the
/// exit status.
pub fn handle_uncaught(e: PyErr) -> i32 {
    crate::modules::sys::flush_std();
    if e.matches(&exc::SYSTEM_EXIT) {
        return system_exit_status(e.value());
    }
    let text = format_exception(e.value());
    crate::modules::sys::write_stderr(&text);
    1
}

fn system_exit_status(v: &PyRef) -> i32 {
    let code = match protocol::lookup_attr(v, crate::intern!("code")) {
        Ok(Some(c)) => c,
        _ => {
            let args = v
                .downcast::<PyBaseException>()
                .map(|b| b.args())
                .unwrap_or_else(crate::objects::tuple::empty_tuple);
            match args.downcast::<PyTuple>().map(|t| t.items().to_vec()) {
                Some(items) if items.is_empty() => none(),
                Some(items) if items.len() == 1 => items[0].clone(),
                _ => args,
            }
        }
    };
    if code.is_none() {
        return 0;
    }
    if code.is_instance_of::<crate::objects::int::PyInt>() {
        return crate::objects::int::as_i64(&code)
            .map(|c| c as i32)
            .unwrap_or(-1);
    }
    let s = protocol::str_string(&code).unwrap_or_default();
    crate::modules::sys::write_stderr(&format!("{s}\n"));
    1
}

/// The text `traceback.print_exception` writes for an exception, with its
/// cause and context chain.
pub fn format_exception(v: &PyRef) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    format_chain(v, &mut out, &mut seen);
    out
}

/// One exception with its traceback but not its chain, as
/// `PyErr_WriteUnraisable` prints it.
pub fn format_exception_unchained(v: &PyRef) -> String {
    let mut out = String::new();
    if let Some(tb) = v
        .downcast::<PyBaseException>()
        .and_then(|b| PyBaseException::get_field(&b.traceback))
    {
        out.push_str("Traceback (most recent call last):\n");
        format_tb(&tb, &mut out);
    }
    out.push_str(&format_exception_only(v));
    out
}

fn format_chain(v: &PyRef, out: &mut String, seen: &mut Vec<usize>) {
    seen.push(v.id());
    if let Some(b) = v.downcast::<PyBaseException>() {
        let cause = PyBaseException::get_field(&b.cause);
        let context = PyBaseException::get_field(&b.context);
        if let Some(c) = cause.filter(|c| !seen.contains(&c.id())) {
            format_chain(&c, out, seen);
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if let Some(c) = context
            .filter(|c| !seen.contains(&c.id()))
            .filter(|_| !b.suppress_context.get())
        {
            format_chain(&c, out, seen);
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
        if let Some(tb) = PyBaseException::get_field(&b.traceback) {
            out.push_str("Traceback (most recent call last):\n");
            format_tb(&tb, out);
        }
    }
    out.push_str(&format_exception_only(v));
}

thread_local! {
    static SOURCES: std::cell::RefCell<Vec<(String, Option<Vec<String>>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn get_line(filename: &str, lineno: i32) -> Option<String> {
    if lineno <= 0 {
        return None;
    }
    SOURCES.with(|s| {
        let mut s = s.borrow_mut();
        if !s.iter().any(|(f, _)| f == filename) {
            let lines = std::fs::read(filename).ok().map(|b| {
                String::from_utf8_lossy(&b)
                    .split_inclusive('\n')
                    .map(|l| l.trim_end_matches(['\n', '\r']).to_string())
                    .collect()
            });
            s.push((filename.to_string(), lines));
        }
        s.iter()
            .find(|(f, _)| f == filename)
            .and_then(|(_, l)| l.as_ref())
            .and_then(|l| l.get(lineno as usize - 1).cloned())
    })
}

fn format_tb(tb: &PyRef, out: &mut String) {
    let entries = crate::objects::traceback::entries(tb);
    let mut last: Option<(String, i32, String)> = None;
    let mut repeat = 0usize;
    let flush_repeat = |out: &mut String, repeat: usize| {
        if repeat > 3 {
            let n = repeat - 3;
            out.push_str(&format!(
                "  [Previous line repeated {} more time{}]\n",
                n,
                if n == 1 { "" } else { "s" }
            ));
        }
    };
    for (frame, lineno, lasti) in entries {
        let f = match frame.downcast::<crate::objects::frame::PyFrame>() {
            Some(f) => f,
            None => continue,
        };
        let code = match f.code.downcast::<PyCode>() {
            Some(c) => c,
            None => continue,
        };
        let key = (
            code.filename_str().to_string(),
            lineno,
            code.name_str().to_string(),
        );
        if last.as_ref() == Some(&key) {
            repeat += 1;
            if repeat > 3 {
                continue;
            }
        } else {
            flush_repeat(out, repeat);
            repeat = 1;
            last = Some(key);
        }
        out.push_str(&format!(
            "  File \"{}\", line {}, in {}\n",
            code.filename_str(),
            lineno,
            code.name_str()
        ));
        if let Some(line) = get_line(code.filename_str(), lineno) {
            let stripped = line.trim_start();
            if stripped.is_empty() {
                continue;
            }
            out.push_str(&format!("    {}\n", stripped.trim_end()));
            if let Some(carets) = caret_line(code, lasti, &line) {
                out.push_str(&carets);
            }
        }
    }
    flush_repeat(out, repeat);
}

/// The `~~^^~~` line under the failing expression (`tb_displayline` in
/// 3.11's `Python/traceback.c`): carets under the instruction's span, with
/// the operator of a binary operation or the brackets of a subscript as the
/// `^` part; elided when a plain span covers the whole line.
fn caret_line(code: &PyCode, lasti: i32, line: &str) -> Option<String> {
    use taipan_parser::ast::{ExprKind, Mod, StmtKind};
    if lasti < 0 {
        return None;
    }
    let loc = taipan_bytecode::location_table::location_of(&code.locations, lasti as usize)?;
    let (l, el, c, ec) = (loc.line?, loc.end_line?, loc.col?, loc.end_col?);
    if c < 0 || ec < 0 {
        return None;
    }
    let bytes = line.as_bytes();
    // Byte offsets to character offsets (CPython's `byte_offset_to_character_offset`).
    let to_chars = |b: usize| {
        String::from_utf8_lossy(&bytes[..b.min(bytes.len())])
            .chars()
            .count()
    };
    let start = to_chars(c as usize);
    let mut end = to_chars(ec as usize);
    let mut anchors: Option<(usize, usize)> = None;
    if l == el {
        let chars: Vec<char> = line.chars().collect();
        if start <= end && end <= chars.len() {
            let segment: String = chars[start..end].iter().collect();
            if let Ok(Mod::Module { body, .. }) =
                taipan_parser::parse_module(segment.as_bytes(), code.filename_str())
            {
                if body.len() == 1 {
                    if let StmtKind::Expr { value } = &body[0].kind {
                        let sb = segment.as_bytes();
                        let ws = |b: u8| b == b' ' || b == b'\t' || b == 0x0c;
                        let found = match &value.kind {
                            ExprKind::BinOp { left, right, .. } => {
                                let mut r = None;
                                let (a, b) = (
                                    left.loc.end_col_offset as usize,
                                    right.loc.col_offset as usize,
                                );
                                let mut i = a;
                                while i < b && i < sb.len() {
                                    if !ws(sb[i]) {
                                        let mut j = i + 1;
                                        if i + 1 < b && i + 1 < sb.len() && !ws(sb[i + 1]) {
                                            j += 1;
                                        }
                                        r = Some((i, j));
                                        break;
                                    }
                                    i += 1;
                                }
                                r
                            }
                            ExprKind::Subscript { value, slice, .. } => Some((
                                value.loc.end_col_offset as usize,
                                slice.loc.end_col_offset as usize + 1,
                            )),
                            _ => None,
                        };
                        if let Some((a, b)) = found {
                            let seg_chars = |x: usize| {
                                String::from_utf8_lossy(&sb[..x.min(sb.len())])
                                    .chars()
                                    .count()
                            };
                            anchors = Some((seg_chars(a) + start, seg_chars(b) + start));
                        }
                    }
                }
            }
        }
    } else {
        end = line.trim_end_matches([' ', '\t', '\x0c']).chars().count();
    }
    let indent = line.chars().take_while(|ch| ch.is_whitespace()).count();
    let stripped_len = line.trim().chars().count();
    if end.saturating_sub(start) == stripped_len && anchors.is_none() {
        return None;
    }
    if start < indent || end < start {
        return None;
    }
    let mut s = String::from("    ");
    s.push_str(&" ".repeat(start - indent));
    for k in start..end {
        match anchors {
            Some((a, b)) if a <= k && k < b => s.push('^'),
            Some(_) => s.push('~'),
            None => s.push('^'),
        }
    }
    s.push('\n');
    Some(s)
}

/// The last line: `Type: message` (module-qualified outside builtins and
/// `__main__`).
pub fn format_exception_only(v: &PyRef) -> String {
    let ty = v.ty();
    let mut name = crate::objects::type_::type_qualname(ty)
        .ok()
        .map(|q| crate::objects::descr::name_str(&q).to_string())
        .unwrap_or_else(|| ty.name().to_string());
    if let Ok(m) = crate::objects::type_::type_module(ty) {
        let m = crate::objects::descr::name_str(&m).to_string();
        if m != "builtins" && m != "__main__" && !m.is_empty() && m != "?" {
            name = format!("{m}.{name}");
        }
    }
    let msg = match protocol::str_string(v) {
        Ok(s) => s,
        Err(_) => "<exception str() failed>".to_string(),
    };
    if msg.is_empty() {
        format!("{name}\n")
    } else {
        format!("{name}: {msg}\n")
    }
}

// ---------------------------------------------------------------------------
// Builtins.

fn kw_split<'a>(
    args: &'a [PyRef],
    kwnames: Option<&'a PyRef>,
) -> (&'a [PyRef], Vec<(PyRef, PyRef)>) {
    let names: &[PyRef] = match kwnames.and_then(|k| k.downcast::<PyTuple>()) {
        Some(t) => t.items(),
        None => &[],
    };
    let npos = args.len() - names.len();
    let kws = names
        .iter()
        .cloned()
        .zip(args[npos..].iter().cloned())
        .collect();
    (&args[..npos], kws)
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
fn build_class(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let (pos, kws) = kw_split(args, kwnames);
    if pos.len() < 2 {
        return Err(PyErr::type_error("__build_class__: not enough arguments"));
    }
    let func = &pos[0];
    let f = func
        .downcast::<crate::objects::function::PyFunction>()
        .ok_or_else(|| PyErr::type_error("__build_class__: func must be a function"))?;
    let name = &pos[1];
    if !name.is_instance_of::<PyStr>() {
        return Err(PyErr::type_error("__build_class__: name is not a string"));
    }
    // Bases, with __mro_entries__ resolved (PEP 560).
    let orig_bases = pos[2..].to_vec();
    let mut bases = Vec::with_capacity(orig_bases.len());
    let mut changed = false;
    let orig_tuple = PyTuple::from_slice(&orig_bases)?;
    for b in &orig_bases {
        if crate::objects::type_::as_type(b).is_none() {
            if let Some(me) = protocol::lookup_attr(b, crate::intern!("__mro_entries__"))? {
                let r = protocol::call(&me, std::slice::from_ref(&orig_tuple), None)?;
                let t = r
                    .downcast::<PyTuple>()
                    .ok_or_else(|| PyErr::type_error("__mro_entries__ must return a tuple"))?;
                bases.extend_from_slice(t.items());
                changed = true;
                continue;
            }
        }
        bases.push(b.clone());
    }
    let bases_t = PyTuple::new(bases.clone())?;
    let mut meta: Option<PyRef> = None;
    let mut rest: Vec<(PyRef, PyRef)> = Vec::new();
    for (k, v) in kws {
        if crate::objects::descr::name_str(&k) == "metaclass" {
            meta = Some(v);
        } else {
            rest.push((k, v));
        }
    }
    let is_class = meta.is_none()
        || meta
            .as_ref()
            .map(|m| crate::objects::type_::as_type(m).is_some())
            .unwrap_or(false);
    let mut meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => b.type_ref(),
            None => PyRef::from_static(&crate::objects::type_::TYPE_TYPE),
        },
    };
    if is_class {
        // The most derived metaclass (`_PyType_CalculateMetaclass`).
        for b in &bases {
            let bt = b.type_ref();
            let (w, t) = match (
                crate::objects::type_::as_type(&meta),
                crate::objects::type_::as_type(&bt),
            ) {
                (Some(w), Some(t)) => (w, t),
                _ => continue,
            };
            if w.is_subtype(t) {
                continue;
            }
            if t.is_subtype(w) {
                meta = bt.clone();
                continue;
            }
            return Err(PyErr::type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
    }
    let rest_names = if rest.is_empty() {
        None
    } else {
        Some(PyTuple::new(rest.iter().map(|(k, _)| k.clone()).collect())?)
    };
    let ns = match protocol::lookup_attr(&meta, crate::intern!("__prepare__"))? {
        Some(prep) => {
            let mut a = vec![name.clone(), bases_t.clone()];
            a.extend(rest.iter().map(|(_, v)| v.clone()));
            protocol::call(&prep, &a, rest_names.as_ref())?
        }
        None => PyDict::new()?,
    };
    let code = f.code();
    let cell = crate::eval::ceval::eval_code(&code, &f.globals, Some(&ns), Some(func))?;
    if changed {
        protocol::set_item(&ns, crate::intern!("__orig_bases__"), Some(&orig_tuple))?;
    }
    let mut a = vec![name.clone(), bases_t, ns];
    a.extend(rest.iter().map(|(_, v)| v.clone()));
    let cls = protocol::call(&meta, &a, rest_names.as_ref())?;
    if let Some(c) = cell.downcast::<crate::objects::cell::PyCell>() {
        match c.get() {
            None => c.set(Some(cls.clone())),
            Some(v) if !v.is(&cls) => {
                return Err(PyErr::type_error(format!(
                    "__class__ set to {} defining '{}' as {}",
                    protocol::repr_string(&v)?,
                    crate::objects::descr::name_str(name),
                    protocol::repr_string(&cls)?
                )))
            }
            _ => {}
        }
    }
    Ok(cls)
}

/// The globals and locals `exec`/`eval` use.
fn exec_namespaces(
    globals: Option<&PyRef>,
    locals: Option<&PyRef>,
    what: &str,
) -> PyResult<(PyRef, Option<PyRef>)> {
    let globals = globals.filter(|g| !g.is_none());
    let locals = locals.filter(|l| !l.is_none());
    let (g, l) = match globals {
        Some(g) => {
            if !g.is_instance_of::<PyDict>() {
                return Err(PyErr::type_error(format!(
                    "{}() globals must be a dict, not {}",
                    what,
                    g.ty().name()
                )));
            }
            (g.clone(), Some(locals.unwrap_or(g).clone()))
        }
        None => {
            let (cg, _) = crate::eval::ceval::current_globals_locals()
                .ok_or_else(|| PyErr::system_error("globals and locals cannot be NULL"))?;
            let l = match locals {
                Some(l) => l.clone(),
                None => crate::eval::ceval::current_locals_dict()?.unwrap_or_else(|| cg.clone()),
            };
            (cg, Some(l))
        }
    };
    if let Some(gd) = g.downcast::<PyDict>() {
        if gd.get_str("__builtins__")?.is_none() {
            if let Some(b) = &crate::interp::interp().builtins {
                gd.set_str("__builtins__", b.clone())?;
            }
        }
    }
    Ok((g, l))
}

fn source_bytes(src: &PyRef, what: &str) -> PyResult<Vec<u8>> {
    if let Some(s) = src.downcast::<PyStr>() {
        return Ok(s.as_str().as_bytes().to_vec());
    }
    Err(PyErr::type_error(format!(
        "{}() arg 1 must be a string, bytes or code object",
        what
    )))
}

fn builtin_exec(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let (pos, kws) = kw_split(args, kwnames);
    let mut globals = pos.get(1).cloned();
    let mut locals = pos.get(2).cloned();
    for (k, v) in kws {
        match crate::objects::descr::name_str(&k) {
            "globals" => globals = Some(v),
            "locals" => locals = Some(v),
            "closure" => {}
            other => {
                return Err(PyErr::type_error(format!(
                    "exec() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    let src = pos
        .first()
        .ok_or_else(|| PyErr::type_error("exec expected at least 1 argument, got 0"))?;
    let (g, l) = exec_namespaces(globals.as_ref(), locals.as_ref(), "exec")?;
    let code = if src.is_instance_of::<PyCode>() {
        src.clone()
    } else {
        compile_source(&source_bytes(src, "exec")?, "<string>")?
    };
    crate::eval::ceval::eval_code(&code, &g, l.as_ref(), None)?;
    Ok(none())
}

fn builtin_eval(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let (pos, kws) = kw_split(args, kwnames);
    let mut globals = pos.get(1).cloned();
    let mut locals = pos.get(2).cloned();
    for (k, v) in kws {
        match crate::objects::descr::name_str(&k) {
            "globals" => globals = Some(v),
            "locals" => locals = Some(v),
            other => {
                return Err(PyErr::type_error(format!(
                    "eval() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    let src = pos
        .first()
        .ok_or_else(|| PyErr::type_error("eval expected at least 1 argument, got 0"))?;
    let (g, l) = exec_namespaces(globals.as_ref(), locals.as_ref(), "eval")?;
    let code = if src.is_instance_of::<PyCode>() {
        src.clone()
    } else {
        compile_expression(&source_bytes(src, "eval")?, "<string>")?
    };
    crate::eval::ceval::eval_code(&code, &g, l.as_ref(), None)
}

fn builtin_globals(_m: &PyRef) -> PyResult<PyRef> {
    match crate::eval::ceval::current_globals_locals() {
        Some((g, _)) => Ok(g),
        None => PyDict::new(),
    }
}

fn builtin_locals(_m: &PyRef) -> PyResult<PyRef> {
    match crate::eval::ceval::current_locals_dict()? {
        Some(l) => Ok(l),
        None => PyDict::new(),
    }
}

/// The builtins the evaluation machinery provides (`__build_class__`,
/// `exec`, `eval`, `globals`, `locals`); the builtins module adds them.
pub static EXEC_BUILTINS: &[MethodDef] = &[
    MethodDef::new("__build_class__", Meth::FastKw(build_class)),
    MethodDef::new("exec", Meth::FastKw(builtin_exec)),
    MethodDef::new("eval", Meth::FastKw(builtin_eval)),
    MethodDef::new("globals", Meth::NoArgs(builtin_globals)),
    MethodDef::new("locals", Meth::NoArgs(builtin_locals)),
];
