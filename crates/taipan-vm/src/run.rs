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
    let text = source_line_of(source, lineno);
    syntax_error_span(kind, msg, filename, (lineno, offset), None, text)
}

/// A `SyntaxError` from the parser's error, with its end position (an
/// unknown end is the start line and offset -1, as CPython's parser
/// records it).
pub fn parse_error(e: &taipan_parser::SyntaxError, filename: &str, source: &[u8]) -> PyErr {
    parse_error_in(e, filename, source, true)
}

/// [`parse_error`]; `file_input` is false for `eval` input, whose lines end with a newline
/// only where the text has one (CPython's tokenizer adds one to file input only).
fn parse_error_in(
    e: &taipan_parser::SyntaxError,
    filename: &str,
    source: &[u8],
    file_input: bool,
) -> PyErr {
    if e.kind == taipan_parser::error::SyntaxErrorKind::TooDeep {
        return PyErr::recursion_error(&e.msg);
    }
    let end_lineno = if e.end_lineno == 0 {
        e.lineno as i64
    } else {
        e.end_lineno as i64
    };
    let end_offset = match e.end_offset {
        0 => -1,
        taipan_parser::error::END_OFFSET_ZERO => 0,
        v => v as i64,
    };
    let text = source_line_of(source, e.lineno).map(|l| {
        if e.text_newline && (file_input || line_has_newline(source, e.lineno)) {
            l + "\n"
        } else {
            l
        }
    });
    syntax_error_exact(
        e.kind.name(),
        &e.msg,
        filename,
        (e.lineno, e.offset),
        Some((end_lineno, end_offset)),
        text,
    )
}

/// A `SyntaxError` from the compiler: as CPython's compiler, the text is
/// read back from the file (`PyErr_ProgramTextObject`), so code compiled
/// from a string has none.
fn compiler_error(e: &taipan_compiler::CompileError, filename: &str) -> PyErr {
    let text = get_line(filename, e.lineno as i32);
    let end = (e.end_lineno != 0).then_some((e.end_lineno as i64, e.end_offset as i64));
    syntax_error_span(e.kind, &e.msg, filename, (e.lineno, e.offset), end, text)
}

/// A `SyntaxError` (or the subclass `kind` names) with its location
/// `(lineno, offset)`, end `(end_lineno, end_offset)` and source text.
fn syntax_error_span(
    kind: &str,
    msg: &str,
    filename: &str,
    start: (u32, u32),
    end: Option<(i64, i64)>,
    text: Option<String>,
) -> PyErr {
    syntax_error_exact(kind, msg, filename, start, end, text.map(|l| l + "\n"))
}

/// [`syntax_error_span`] with `text` exactly as given (no newline added).
fn syntax_error_exact(
    kind: &str,
    msg: &str,
    filename: &str,
    start: (u32, u32),
    end: Option<(i64, i64)>,
    text: Option<String>,
) -> PyErr {
    let (lineno, offset) = start;
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
        let text = text
            .map(|l| PyStr::new(&l))
            .transpose()?
            .unwrap_or_else(none);
        let mut items = vec![
            PyStr::new(filename)?,
            crate::objects::int::PyInt::new(lineno as i64)?,
            crate::objects::int::PyInt::new(offset as i64)?,
            text,
        ];
        if let Some((end_lineno, end_offset)) = end {
            items.push(crate::objects::int::PyInt::new(end_lineno)?);
            items.push(crate::objects::int::PyInt::new(end_offset)?);
        }
        let details = PyTuple::new(items)?;
        let v = protocol::call(&PyRef::from_static(ty), &[m, details], None)?;
        Ok(PyErr::from_value(v))
    };
    match build() {
        Ok(e) => e,
        Err(e) => e,
    }
}

/// Whether line `lineno` of `source` ends with a newline.
fn line_has_newline(source: &[u8], lineno: u32) -> bool {
    source
        .split_inclusive(|&b| b == b'\n')
        .nth(lineno.saturating_sub(1) as usize)
        .is_some_and(|l| l.ends_with(b"\n"))
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
    let tree = parse_source(source, filename)?;
    compile_tree(&tree, filename)
}

/// The interpreter's `-O` level (`sys.flags.optimize`), set by the command
/// line before start-up.
pub static OPTIMIZE: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// `compile(..., optimize=N)` for the compilation under way (None: the
/// interpreter's level).
static OPTIMIZE_OVERRIDE: crate::gil::GilCell<Option<u8>> = crate::gil::GilCell::new(None);

/// The interpreter's `-O` level.
pub fn optimize_level() -> u8 {
    OPTIMIZE.load(std::sync::atomic::Ordering::Relaxed)
}

fn compile_tree(tree: &taipan_parser::ast::Mod, filename: &str) -> PyResult<PyRef> {
    compile_tree_with(tree, filename, false)
}

/// Compiles `tree`. A tree a program built by hand (`compile(ast_object, ...)`) has been
/// validated as CPython validates it; should it still break an assumption of the code
/// generator, that is caught here and raised as `SystemError` rather than ending the process.
fn compile_tree_with(
    tree: &taipan_parser::ast::Mod,
    filename: &str,
    hand_made: bool,
) -> PyResult<PyRef> {
    // SAFETY: GIL held; a short read.
    let optimize = unsafe { *OPTIMIZE_OVERRIDE.as_ptr() }.unwrap_or_else(optimize_level);
    let options = taipan_compiler::CompileOptions { optimize };
    let compiled = if hand_made {
        // The compiler touches no Python object: unwinding out of it leaves nothing
        // half-updated.
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            taipan_compiler::compile_module_with(tree, filename, options)
        }))
        .map_err(|_| PyErr::system_error("the compiler could not handle this syntax tree"))?
    } else {
        taipan_compiler::compile_module_with(tree, filename, options)
    };
    let compiled = match compiled {
        Ok(c) => c,
        Err(e) => {
            // The warnings found before the error come first, as CPython issues them.
            emit_compile_warnings(&e.warnings, filename)?;
            return Err(compiler_error(&e, filename));
        }
    };
    emit_compile_warnings(&compiled.warnings, filename)?;
    PyCode::new(&compiled.code)
}

/// Emits the compiler's warnings for `filename` in order (see
/// [`emit_syntax_warning`]).
pub fn emit_compile_warnings(
    warnings: &[taipan_compiler::CompileWarning],
    filename: &str,
) -> PyResult<()> {
    for w in warnings {
        emit_syntax_warning(w, filename)?;
    }
    Ok(())
}

/// `compiler_warn`: emits a compiler `SyntaxWarning` through `_warnings`;
/// one the filters turn into an error becomes a `SyntaxError` at the same
/// place.
fn emit_syntax_warning(w: &taipan_compiler::CompileWarning, filename: &str) -> PyResult<()> {
    let warnings = crate::import::import_module("_warnings")?;
    let warn_explicit = protocol::getattr(&warnings, &PyStr::new("warn_explicit")?)?;
    let r = protocol::call(
        &warn_explicit,
        &[
            PyStr::new(&w.msg)?,
            PyRef::from_static(&exc::SYNTAX_WARNING),
            PyStr::new(filename)?,
            crate::objects::int::PyInt::new(w.lineno as i64)?,
        ],
        None,
    );
    match r {
        Ok(_) => Ok(()),
        Err(e) if e.matches(&exc::SYNTAX_WARNING) => Err(syntax_error_span(
            "SyntaxError",
            &w.msg,
            filename,
            (w.lineno, w.offset),
            Some((w.end_lineno as i64, w.end_offset as i64)),
            get_line(filename, w.lineno as i32),
        )),
        Err(e) => Err(e),
    }
}

/// Parses `source`, issuing the warnings the parse finds (CPython's tokenizer and string
/// parser warn as they go, so they come out even when the parse then fails). A warning that a
/// filter turns into an error becomes the `SyntaxError` CPython raises in its place.
pub fn parse_source(source: &[u8], filename: &str) -> PyResult<taipan_parser::ast::Mod> {
    let (result, warnings) = taipan_parser::parse_module_with_warnings(source, filename);
    emit_parse_warnings(&warnings, filename, source, true)?;
    result.map_err(|e| parse_error(&e, filename, source))
}

/// Issues the parser's warnings through `_warnings.warn_explicit`.
pub fn emit_parse_warnings(
    warnings: &[taipan_parser::ParseWarning],
    filename: &str,
    source: &[u8],
    file_input: bool,
) -> PyResult<()> {
    if warnings.is_empty() {
        return Ok(());
    }
    let module = crate::import::import_module("_warnings")?;
    let warn_explicit = protocol::getattr(&module, &PyStr::new("warn_explicit")?)?;
    for w in warnings {
        let category: &'static PyType = match w.category {
            taipan_parser::WarningCategory::Syntax => &exc::SYNTAX_WARNING,
            taipan_parser::WarningCategory::Deprecation => &exc::DEPRECATION_WARNING,
        };
        let r = protocol::call(
            &warn_explicit,
            &[
                PyStr::new(&w.msg)?,
                PyRef::from_static(category),
                PyStr::new(filename)?,
                crate::objects::int::PyInt::new(w.lineno as i64)?,
            ],
            None,
        );
        match r {
            Ok(_) => {}
            Err(e) if e.matches(category) => {
                let a = &w.as_error;
                // The line the tokenizer held when it warned (see `ParseWarning`).
                let text = source_line_of(source, a.lineno).map(|line| {
                    if w.on_current_line && (file_input || line_has_newline(source, a.lineno)) {
                        line + "\n"
                    } else {
                        line
                    }
                });
                let end = if a.end_lineno == 0 {
                    (a.lineno as i64, -1)
                } else {
                    (a.end_lineno as i64, a.end_offset as i64)
                };
                return Err(syntax_error_exact(
                    a.kind.name(),
                    &a.msg,
                    filename,
                    (a.lineno, a.offset),
                    Some(end),
                    text,
                ));
            }
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Compiles an expression (`eval` mode).
pub fn compile_expression(source: &[u8], filename: &str) -> PyResult<PyRef> {
    // Leading blanks are stripped as `eval()` does.
    let start = source
        .iter()
        .position(|&b| b != b' ' && b != b'\t')
        .unwrap_or(source.len());
    let source = &source[start..];
    let tree = parse_eval_source(source, filename)?;
    compile_tree(&tree, filename)
}

/// Parses `source` with the `eval` start rule, issuing the parser's warnings.
fn parse_eval_source(source: &[u8], filename: &str) -> PyResult<taipan_parser::ast::Mod> {
    let (result, warnings) = taipan_parser::parse_eval_with_warnings(source, filename);
    emit_parse_warnings(&warnings, filename, source, false)?;
    result.map_err(|e| parse_error_in(&e, filename, source, false))
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
/// The `__main__` module's globals (`add_main_module`), with `__file__` and
/// a source loader when a file is run (`-m` leaves them to runpy).
fn main_globals(path: Option<&str>) -> PyResult<PyRef> {
    let module = crate::objects::module::PyModule::new("__main__")?;
    let g = module
        .downcast::<crate::objects::module::PyModule>()
        .map(|m| m.dict())
        .ok_or_else(|| PyErr::system_error("module without a dict"))?;
    let gd = g
        .downcast::<PyDict>()
        .ok_or_else(|| PyErr::system_error("module dict is not a dict"))?;
    // `add_main_module`: `__main__` starts with an empty `__annotations__`.
    gd.set_str("__annotations__", PyDict::new()?)?;
    if let Some(b) = &crate::interp::interp().builtins {
        gd.set_str("__builtins__", b.clone())?;
    }
    if let Some(path) = path {
        gd.set_str("__file__", PyStr::new(path)?)?;
        gd.set_str("__cached__", none())?;
        gd.set_str(
            "__loader__",
            crate::import::source_loader("__main__", path)?,
        )?;
    }
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
    let g = match main_globals(Some(path)) {
        Ok(g) => g,
        Err(e) => return handle_uncaught(e),
    };
    run_main_with(&g, |g| exec_code(code, g, None).map(drop))
}

/// `python -m NAME` (`pymain_run_module`): `runpy._run_module_as_main(NAME,
/// True)` runs the module (or a package's `__main__`) as `__main__`, its
/// parents imported first; `sys.argv[0]` is "-m" until runpy sets it to the
/// module's file, and `sys.path[0]` is the current directory.
pub fn run_module(name: &str, args: &[String]) -> i32 {
    let mut argv = vec!["-m".to_owned()];
    argv.extend(args.iter().cloned());
    crate::modules::sys::set_argv(argv);
    let g = match main_globals(None) {
        Ok(g) => g,
        Err(e) => return handle_uncaught(e),
    };
    run_main_with(&g, |_| {
        let runpy = crate::import::import_module("runpy")?;
        let f = protocol::getattr(&runpy, crate::intern!("_run_module_as_main"))?;
        protocol::call(
            &f,
            &[PyStr::new(name)?, crate::objects::bool_::py_bool(true)],
            None,
        )
        .map(drop)
    })
}

/// Runs `body` as the main program in `__main__`'s globals `g`, then
/// finalizes as `Py_FinalizeEx` does; returns the exit status.
fn run_main_with(g: &PyRef, body: impl FnOnce(&PyRef) -> PyResult<()>) -> i32 {
    let leak = crate::leakcheck::target().map(|t| crate::leakcheck::begin(t, g));
    crate::modules::sys::set_finalizing(false);
    let status = match body(g) {
        Ok(()) => 0,
        Err(e) => handle_uncaught(e),
    };
    crate::modules::atexit::run_exitfuncs();
    crate::modules::sys::set_finalizing(true);
    crate::modules::sys::flush_std();
    // `finalize_modules`: a collection (cycles left behind run their
    // `__del__`), the module's names cleared, and a collection again for
    // the cycles that clearing made unreachable (`_PyGC_CollectNoFail`).
    crate::gc::collect_no_fail();
    clear_module_dict(g);
    crate::gc::collect_no_fail();
    crate::modules::sys::flush_std();
    if let Some(b) = leak {
        crate::leakcheck::end(b, g);
    }
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
    if let Some(status) = print_uncaught(e.value()) {
        return status;
    }
    if e.matches(&exc::KEYBOARD_INTERRUPT) {
        UNHANDLED_KEYBOARD_INTERRUPT.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    1
}

/// `_PyErr_PrintEx`: records `sys.last_type`/`last_value`/`last_traceback`
/// and calls `sys.excepthook`; a `SystemExit` raised by the hook gives the
/// exit status returned.
fn print_uncaught(v: &PyRef) -> Option<i32> {
    let sys = match &crate::interp::interp().sys {
        Some(s) => s.clone(),
        None => {
            display_exception(v);
            return None;
        }
    };
    let ty = v.type_ref();
    let tb = v
        .downcast::<PyBaseException>()
        .and_then(|b| PyBaseException::get_field(&b.traceback))
        .unwrap_or_else(none);
    let _ = protocol::setattr(&sys, crate::intern!("last_type"), Some(&ty));
    let _ = protocol::setattr(&sys, crate::intern!("last_value"), Some(v));
    let _ = protocol::setattr(&sys, crate::intern!("last_traceback"), Some(&tb));
    let hook = match protocol::lookup_attr(&sys, crate::intern!("excepthook")) {
        Ok(Some(h)) => h,
        _ => {
            crate::modules::sys::write_stderr("sys.excepthook is missing\n");
            display_exception(v);
            return None;
        }
    };
    if let Err(e2) = protocol::call(&hook, &[ty, v.clone(), tb], None) {
        if e2.matches(&exc::SYSTEM_EXIT) {
            return Some(system_exit_status(e2.value()));
        }
        crate::modules::sys::flush_std();
        write_to_stderr_file("Error in sys.excepthook:\n");
        display_exception(e2.value());
        write_to_stderr_file("\nOriginal exception was:\n");
        display_exception(v);
    }
    None
}

/// `PyErr_Display`: the exception's text to `sys.stderr`.
fn display_exception(v: &PyRef) {
    crate::modules::sys::flush_std();
    write_to_stderr_file(&format_exception(v));
}

/// Writes to `sys.stderr` (nothing if it is `None`; the process's stderr
/// if it is missing or its `write` fails), then flushes it.
fn write_to_stderr_file(text: &str) {
    let file = crate::interp::interp().sys.as_ref().and_then(|s| {
        protocol::lookup_attr(s, crate::intern!("stderr"))
            .ok()
            .flatten()
    });
    let file = match file {
        Some(f) => f,
        None => {
            crate::modules::sys::write_stderr(text);
            return;
        }
    };
    if file.is_none() {
        return;
    }
    if let Some(fd) = crate::modules::sys::native_stream(&file) {
        crate::modules::sys::write_stream(fd, text);
        return;
    }
    let written = PyStr::new(text).and_then(|t| {
        let w = protocol::getattr_str(&file, "write")?;
        protocol::call(&w, &[t], None)
    });
    if written.is_err() {
        crate::modules::sys::write_stderr(text);
        return;
    }
    if let Ok(f) = protocol::getattr_str(&file, "flush") {
        let _ = protocol::call(&f, &[], None);
    }
}

/// `sys.excepthook(type, value, traceback)` (and `sys.__excepthook__`):
/// prints the exception as an uncaught one prints.
fn sys_excepthook(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    if args.len() != 3 {
        return Err(PyErr::type_error(format!(
            "excepthook expected 3 arguments, got {}",
            args.len()
        )));
    }
    let v = &args[1];
    if v.downcast::<PyBaseException>().is_none() {
        write_to_stderr_file(&format!(
            "TypeError: print_exception(): Exception expected for value, {} found\n",
            v.ty().name()
        ));
        return Ok(none());
    }
    let tb = &args[2];
    if let Some(b) = v.downcast::<PyBaseException>() {
        if tb.is_instance_of::<crate::objects::traceback::PyTraceback>()
            && PyBaseException::get_field(&b.traceback).is_none()
        {
            PyBaseException::set_field(&b.traceback, Some(tb.clone()));
        }
    }
    display_exception(v);
    Ok(none())
}

/// `sys.excepthook`'s definition; `sys` adds it as `excepthook` and
/// `__excepthook__`.
pub static EXCEPTHOOK: MethodDef = MethodDef::new("excepthook", Meth::Fast(sys_excepthook));

/// Adds `excepthook` and `__excepthook__` to the `sys` module dict.
pub fn add_sys_excepthook(sys: &PyRef, d: &PyDict) -> PyResult<()> {
    let f = crate::objects::descr::new_cfunction(
        &EXCEPTHOOK,
        Some(sys.clone()),
        Some(PyStr::new("sys")?),
    )?;
    d.set_str("excepthook", f.clone())?;
    d.set_str("__excepthook__", f)
}

/// Set when the program ended with an uncaught `KeyboardInterrupt`
/// (`_Py_UnhandledKeyboardInterrupt`): the command line then ends the
/// process by `SIGINT`, as CPython's `exit_sigint` does.
pub static UNHANDLED_KEYBOARD_INTERRUPT: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

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
/// cause and context chain and the members of exception groups
/// (`_PyErr_Display` in `Python/pythonrun.c`).
pub fn format_exception(v: &PyRef) -> String {
    let mut ctx = PrintCtx {
        out: String::new(),
        seen: Vec::new(),
        depth: 0,
        need_close: false,
        nesting: 0,
        nesting_limit: (crate::eval::recursion::limit() as usize).saturating_sub(3),
        failed: false,
    };
    print_exception_recursive(&mut ctx, v);
    if ctx.failed {
        // CPython's printing hits the recursion limit and falls back to
        // `_PyObject_Dump(value)` followed by "lost sys.stderr".
        let repr = protocol::repr_string(v).unwrap_or_default();
        return format!(
            "object address  : {:#x}\nobject refcount : {}\nobject type     : {:#x}\nobject type name: {}\nobject repr     : {}\nlost sys.stderr\n",
            v.id(),
            v.refcnt(),
            v.ty() as *const PyType as usize,
            v.ty().name(),
            repr
        );
    }
    ctx.out
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
        format_tb(&tb, &mut out, 0, "", usize::MAX);
    }
    out.push_str(&format_exception_only(v));
    out
}

const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

/// `struct exception_print_context`.
struct PrintCtx {
    out: String,
    seen: Vec<usize>,
    depth: usize,
    need_close: bool,
    /// Nested chained/group printings (`_Py_EnterRecursiveCall`).
    nesting: usize,
    nesting_limit: usize,
    failed: bool,
}

impl PrintCtx {
    fn margin(&self) -> &'static str {
        if self.depth > 0 {
            "| "
        } else {
            ""
        }
    }

    fn indent(&self) -> usize {
        2 * self.depth
    }

    fn write_indent(&mut self) {
        let n = self.indent();
        self.out.extend(std::iter::repeat_n(' ', n));
    }

    fn write_indented_margin(&mut self) {
        self.write_indent();
        let m = self.margin();
        self.out.push_str(m);
    }
}

fn is_group(v: &PyRef) -> bool {
    v.ty().is_subtype(&exc::BASE_EXCEPTION_GROUP)
}

fn print_exception_recursive(ctx: &mut PrintCtx, v: &PyRef) {
    print_cause_and_context(ctx, v);
    if is_group(v) {
        print_exception_group(ctx, v);
    } else {
        print_exception(ctx, v);
    }
}

fn print_chained(ctx: &mut PrintCtx, v: &PyRef, message: &str) {
    if ctx.failed || ctx.nesting >= ctx.nesting_limit {
        ctx.failed = true;
        return;
    }
    let need_close = ctx.need_close;
    ctx.nesting += 1;
    print_exception_recursive(ctx, v);
    ctx.nesting -= 1;
    if ctx.failed {
        return;
    }
    ctx.need_close = need_close;
    ctx.write_indented_margin();
    ctx.out.push('\n');
    ctx.write_indented_margin();
    ctx.out.push_str(message);
    ctx.write_indented_margin();
    ctx.out.push('\n');
}

fn print_cause_and_context(ctx: &mut PrintCtx, v: &PyRef) {
    ctx.seen.push(v.id());
    let b = match v.downcast::<PyBaseException>() {
        Some(b) => b,
        None => return,
    };
    if let Some(c) = PyBaseException::get_field(&b.cause) {
        if !ctx.seen.contains(&c.id()) {
            print_chained(
                ctx,
                &c,
                "The above exception was the direct cause of the following exception:\n",
            );
        }
        return;
    }
    if b.suppress_context.get() {
        return;
    }
    if let Some(c) = PyBaseException::get_field(&b.context) {
        if !ctx.seen.contains(&c.id()) {
            print_chained(
                ctx,
                &c,
                "During handling of the above exception, another exception occurred:\n",
            );
        }
    }
}

fn print_exception_group(ctx: &mut PrintCtx, v: &PyRef) {
    if ctx.depth > MAX_GROUP_DEPTH {
        ctx.write_indented_margin();
        ctx.out
            .push_str(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"));
        return;
    }
    if ctx.depth == 0 {
        ctx.depth += 1;
    }
    print_exception(ctx, v);
    let excs: Vec<PyRef> = protocol::getattr_str(v, "exceptions")
        .ok()
        .and_then(|t| t.downcast::<PyTuple>().map(|t| t.items().to_vec()))
        .unwrap_or_default();
    let num = excs.len();
    let n = if num <= MAX_GROUP_WIDTH {
        num
    } else {
        MAX_GROUP_WIDTH + 1
    };
    ctx.need_close = false;
    for i in 0..n {
        let last = i == n - 1;
        if last {
            ctx.need_close = true;
        }
        ctx.write_indent();
        let lead = if i == 0 { "+-" } else { "  " };
        let truncated = i >= MAX_GROUP_WIDTH;
        if truncated {
            ctx.out
                .push_str(&format!("{lead}+---------------- ... ----------------\n"));
        } else {
            ctx.out.push_str(&format!(
                "{lead}+---------------- {} ----------------\n",
                i + 1
            ));
        }
        ctx.depth += 1;
        if let (false, Some(e)) = (truncated, excs.get(i)) {
            if ctx.failed || ctx.nesting >= ctx.nesting_limit {
                ctx.failed = true;
                return;
            }
            ctx.nesting += 1;
            print_exception_recursive(ctx, e);
            ctx.nesting -= 1;
            if ctx.failed {
                return;
            }
        } else {
            let rem = num - MAX_GROUP_WIDTH;
            ctx.write_indented_margin();
            ctx.out.push_str(&format!(
                "and {} more exception{}\n",
                rem,
                if rem > 1 { "s" } else { "" }
            ));
        }
        if last && ctx.need_close {
            ctx.write_indent();
            ctx.out.push_str("+------------------------------------\n");
            ctx.need_close = false;
        }
        ctx.depth -= 1;
    }
    if ctx.depth == 1 {
        ctx.depth -= 1;
    }
}

fn print_exception(ctx: &mut PrintCtx, v: &PyRef) {
    if let Some(b) = v.downcast::<PyBaseException>() {
        let tb = PyBaseException::get_field(&b.traceback)
            .filter(|t| t.is_instance_of::<crate::objects::traceback::PyTraceback>());
        let limit = traceback_limit();
        if let (Some(tb), Some(limit)) = (tb, limit) {
            let (header, header_margin) = if is_group(v) {
                (
                    "Exception Group Traceback (most recent call last):\n",
                    if ctx.depth == 1 { "+ " } else { ctx.margin() },
                )
            } else {
                ("Traceback (most recent call last):\n", ctx.margin())
            };
            ctx.write_indent();
            ctx.out.push_str(header_margin);
            ctx.out.push_str(header);
            let (indent, margin) = (ctx.indent(), ctx.margin());
            format_tb(&tb, &mut ctx.out, indent, margin, limit);
        }
    }
    let shown = print_file_and_line(ctx, v).unwrap_or_else(|| v.clone());
    ctx.write_indented_margin();
    ctx.out.push_str(&exception_message(v.ty(), &shown));
    if let Some(s) = crate::suggestions::offer_suggestions(v) {
        ctx.out.push_str(&format!(". Did you mean: '{s}'?"));
    }
    ctx.out.push('\n');
    print_notes(ctx, v);
}

/// The `File "...", line N` block of a `SyntaxError` with the offending
/// text and its carets; returns the message to print in place of the
/// exception.
fn print_file_and_line(ctx: &mut PrintCtx, v: &PyRef) -> Option<PyRef> {
    protocol::lookup_attr(v, crate::intern!("print_file_and_line"))
        .ok()
        .flatten()?;
    let attr = |n: &str| protocol::getattr_str(v, n).ok();
    let int_attr = |n: &str| -> Option<Option<i64>> {
        let a = attr(n)?;
        if a.is_none() {
            return Some(None);
        }
        crate::objects::int::as_i64(&a).ok().map(Some)
    };
    let message = attr("msg")?;
    let filename = attr("filename")?;
    let filename = if filename.is_none() {
        "<string>".to_string()
    } else {
        protocol::str_string(&filename).ok()?
    };
    let lineno = int_attr("lineno")??;
    let offset = int_attr("offset")?.unwrap_or(-1);
    let end_lineno = int_attr("end_lineno")?.unwrap_or(lineno);
    let mut end_offset = int_attr("end_offset")?.unwrap_or(-1);
    let text = attr("text")
        .filter(|t| !t.is_none())
        .and_then(|t| protocol::str_string(&t).ok());
    ctx.write_indented_margin();
    ctx.out
        .push_str(&format!("  File \"{filename}\", line {lineno}\n"));
    if let Some(text) = text {
        let line_size = text.len() as i64;
        if end_lineno > lineno {
            end_offset = line_size;
        }
        if end_offset > line_size + 1 {
            end_offset = line_size + 1;
        }
        print_error_text(&mut ctx.out, offset, end_offset, &text);
    }
    Some(message)
}

/// `print_error_text`: the source line and a caret line under the error.
fn print_error_text(out: &mut String, offset: i64, end_offset: i64, text: &str) {
    let reps = if end_offset > 0 && end_offset > offset {
        (end_offset - offset) as usize
    } else {
        1
    };
    let mut offset = offset - 1;
    let mut text = text;
    while let Some(rest) = text
        .strip_prefix(' ')
        .or_else(|| text.strip_prefix('\t'))
        .or_else(|| text.strip_prefix('\x0c'))
    {
        text = rest;
        offset -= 1;
    }
    let mut len = text.len() as i64;
    if text.ends_with('\n') {
        len -= 1;
    }
    if offset > len {
        offset = len;
    }
    while let Some(inl) = text.find('\n') {
        if inl as i64 >= offset {
            break;
        }
        text = &text[inl + 1..];
        offset -= inl as i64 + 1;
    }
    out.push_str("    ");
    out.push_str(text);
    if !text.ends_with('\n') {
        out.push('\n');
    }
    if offset < 0 {
        return;
    }
    out.push_str("    ");
    out.extend(std::iter::repeat_n(' ', offset as usize));
    out.extend(std::iter::repeat_n('^', reps));
    out.push('\n');
}

/// `print_exception_notes`: each line of each note, after the message.
fn print_notes(ctx: &mut PrintCtx, v: &PyRef) {
    let notes = match protocol::lookup_attr(v, crate::intern!("__notes__")) {
        Ok(Some(n)) => n,
        _ => return,
    };
    let is_seq =
        notes.ty().as_sequence.sq_item.get().is_some() && !notes.is_instance_of::<PyDict>();
    if !is_seq {
        ctx.write_indented_margin();
        match protocol::repr_string(&notes) {
            Ok(s) => ctx.out.push_str(&s),
            Err(_) => ctx.out.push_str("<__notes__ repr() failed>"),
        }
        return;
    }
    let items = match protocol::collect(&notes) {
        Ok(i) => i,
        Err(_) => return,
    };
    for note in items {
        match protocol::str_string(&note) {
            Ok(s) => {
                for line in split_lines_keepends(&s) {
                    ctx.write_indented_margin();
                    ctx.out.push_str(line);
                }
            }
            Err(_) => ctx.out.push_str("<note str() failed>"),
        }
        ctx.out.push('\n');
    }
}

/// `str.splitlines(keepends=True)`.
fn split_lines_keepends(s: &str) -> Vec<&str> {
    let mut v = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if is_break {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(j, '\n')) = it.peek() {
                    end = j + 1;
                    it.next();
                }
            }
            v.push(&s[start..end]);
            start = end;
        }
    }
    if start < s.len() {
        v.push(&s[start..]);
    }
    v
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
                // Decoded as the file declares (PEP 263), as CPython's
                // `_Py_DisplaySourceLine` does.
                taipan_parser::tokenizer::decode::decode_source(&b)
                    .unwrap_or_else(|_| String::from_utf8_lossy(&b).into_owned())
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

/// `sys.tracebacklimit` as `_PyTraceBack_Print_Indented` reads it: the
/// number of entries to print (the last ones), `None` to print no
/// traceback at all (a limit of 0 or less); 1000 when unset or not an int.
fn traceback_limit() -> Option<usize> {
    const DEFAULT: usize = 1000;
    let sys = match &crate::interp::interp().sys {
        Some(s) => s.clone(),
        None => return Some(DEFAULT),
    };
    let v = match protocol::lookup_attr(&sys, crate::intern!("tracebacklimit")) {
        Ok(Some(v)) if v.is_instance_of::<crate::objects::int::PyInt>() => v,
        _ => return Some(DEFAULT),
    };
    match crate::objects::int::as_i64(&v) {
        Ok(n) if n <= 0 => None,
        Ok(n) => Some(usize::try_from(n).unwrap_or(usize::MAX)),
        Err(_) => {
            // Overflow: huge positive is no limit, huge negative none.
            let neg = protocol::rich_compare_bool(
                &v,
                &crate::objects::int::PyInt::new(0).ok()?,
                CompareOp::Lt,
            )
            .unwrap_or(false);
            if neg {
                None
            } else {
                Some(usize::MAX)
            }
        }
    }
}

fn format_tb(tb: &PyRef, out: &mut String, indent: usize, margin: &str, limit: usize) {
    let pad = format!("{}{}", " ".repeat(indent), margin);
    let mut entries = crate::objects::traceback::entries(tb);
    if entries.len() > limit {
        entries.drain(..entries.len() - limit);
    }
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
            "{pad}  File \"{}\", line {}, in {}\n",
            code.filename_str(),
            lineno,
            code.name_str()
        ));
        if let Some(line) = get_line(code.filename_str(), lineno) {
            let stripped = line.trim_start();
            if stripped.is_empty() {
                continue;
            }
            out.push_str(&format!("{pad}    {}\n", stripped.trim_end()));
            if let Some(carets) = caret_line(code, lasti, &line) {
                out.push_str(&pad);
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
    format!("{}\n", exception_message(v.ty(), v))
}

/// `print_exception_message`: `[module.]qualname[: str(value)]`.
fn exception_message(ty: &PyType, v: &PyRef) -> String {
    let mut name = crate::objects::type_::type_qualname(ty)
        .ok()
        .map(|q| crate::objects::descr::name_str(&q).to_string())
        .unwrap_or_else(|| "<unknown>".to_string());
    match crate::objects::type_::type_module(ty) {
        Ok(m) if m.is_instance_of::<PyStr>() => {
            let m = crate::objects::descr::name_str(&m).to_string();
            if m != "builtins" && m != "__main__" {
                name = format!("{m}.{name}");
            }
        }
        _ => name = format!("<unknown>.{name}"),
    }
    if v.is_none() {
        return name;
    }
    match protocol::str_string(v) {
        Ok(s) if s.is_empty() => name,
        Ok(s) => format!("{name}: {s}"),
        Err(_) => format!("{name}: <exception str() failed>"),
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

/// `compile(source, filename, mode, flags=0, dont_inherit=False,
/// optimize=-1, *, _feature_version=-1)`: source text (str or bytes) to a
/// code object in `'exec'`, `'eval'` or `'single'` mode.
fn builtin_compile(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    const NAMES: [&str; 6] = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
    ];
    let (pos, kws) = kw_split(args, kwnames);
    if pos.len() > 6 {
        return Err(PyErr::type_error(format!(
            "compile() takes at most 6 arguments ({} given)",
            args.len()
        )));
    }
    let mut slots: [Option<PyRef>; 6] = Default::default();
    for (i, a) in pos.iter().enumerate() {
        slots[i] = Some(a.clone());
    }
    for (k, v) in kws {
        let key = crate::objects::descr::name_str(&k);
        if key == "_feature_version" {
            continue;
        }
        match NAMES.iter().position(|n| *n == key) {
            Some(i) if slots[i].is_none() => slots[i] = Some(v),
            Some(i) => {
                return Err(PyErr::type_error(format!(
                    "argument for compile() given by name ('{}') and position ({})",
                    key,
                    i + 1
                )))
            }
            None => {
                return Err(PyErr::type_error(format!(
                    "'{key}' is an invalid keyword argument for compile()"
                )))
            }
        }
    }
    for (i, name) in NAMES.iter().enumerate().take(3) {
        if slots[i].is_none() {
            return Err(PyErr::type_error(format!(
                "compile() missing required argument '{}' (pos {})",
                name,
                i + 1
            )));
        }
    }
    let [source, filename, mode, flags, _dont_inherit, optimize] = slots;
    let (source, filename, mode) = match (source, filename, mode) {
        (Some(s), Some(f), Some(m)) => (s, f, m),
        _ => return Err(PyErr::system_error("compile(): missing argument")),
    };
    let filename = fs_path_string(&filename)?;
    let mode_s = match mode.downcast::<PyStr>() {
        Some(m) => m.as_str().to_string(),
        None => {
            return Err(PyErr::type_error(format!(
                "compile() argument 'mode' must be str, not {}",
                mode.ty().name()
            )))
        }
    };
    let int_arg = |o: &Option<PyRef>, d: i64| -> PyResult<i64> {
        match o {
            Some(v) => crate::objects::int::as_i64(&protocol::index(v)?),
            None => Ok(d),
        }
    };
    let flags = int_arg(&flags, 0)?;
    const PYCF_MASK: i64 = 0x1fe_0000;
    const PYCF_MASK_OBSOLETE: i64 = 0x10;
    const PYCF_COMPILE_MASK: i64 = 0x400 | 0x2000 | 0x1000 | 0x200 | 0x4000;
    const PYCF_ONLY_AST: i64 = 0x400;
    if flags & !(PYCF_MASK | PYCF_MASK_OBSOLETE | PYCF_COMPILE_MASK) != 0 {
        return Err(PyErr::value_error("compile(): unrecognised flags"));
    }
    let optimize = int_arg(&optimize, -1)?;
    if !(-1..=2).contains(&optimize) {
        return Err(PyErr::value_error("compile(): invalid optimize value"));
    }
    if !matches!(mode_s.as_str(), "exec" | "eval" | "single") {
        return Err(PyErr::value_error(
            "compile() mode must be 'exec', 'eval' or 'single'",
        ));
    }
    let is_text = source.is_instance_of::<PyStr>()
        || source.is_instance_of::<crate::objects::bytes::PyBytes>()
        || source.is_instance_of::<crate::objects::bytearray::PyByteArray>();
    if !is_text && crate::modules::_ast::is_ast(&source)? {
        if flags & PYCF_ONLY_AST != 0 {
            return Ok(source);
        }
        let tree = crate::modules::_ast::object_to_tree(&source, &mode_s)?;
        let level = if optimize < 0 {
            None
        } else {
            Some(optimize as u8)
        };
        // SAFETY: GIL held; the previous value is put back below.
        let saved = unsafe { std::mem::replace(OPTIMIZE_OVERRIDE.get_mut(), level) };
        let r = compile_tree_with(&tree, &filename, true);
        // SAFETY: GIL held.
        unsafe { *OPTIMIZE_OVERRIDE.get_mut() = saved };
        return r;
    }
    let bytes: Vec<u8> = if let Some(s) = source.downcast::<PyStr>() {
        s.as_str().as_bytes().to_vec()
    } else if let Some(b) = source.downcast::<crate::objects::bytes::PyBytes>() {
        b.as_bytes().to_vec()
    } else if let Some(b) = source.downcast::<crate::objects::bytearray::PyByteArray>() {
        b.to_vec()
    } else {
        return Err(PyErr::type_error(
            "compile() arg 1 must be a string, bytes or AST object",
        ));
    };
    if bytes.contains(&0) {
        return Err(PyErr::value_error(
            "source code string cannot contain null bytes",
        ));
    }
    if flags & PYCF_ONLY_AST != 0 {
        return parse_to_ast(&bytes, &filename, &mode_s);
    }
    let level = if optimize < 0 {
        None
    } else {
        Some(optimize as u8)
    };
    // SAFETY: GIL held; the previous value is put back below.
    let saved = unsafe { std::mem::replace(OPTIMIZE_OVERRIDE.get_mut(), level) };
    let r = match mode_s.as_str() {
        "exec" => compile_source(&bytes, &filename),
        "eval" => compile_eval_mode(&bytes, &filename),
        _ => compile_single(&bytes, &filename),
    };
    // SAFETY: GIL held.
    unsafe { *OPTIMIZE_OVERRIDE.get_mut() = saved };
    r
}

/// `compile(source, filename, mode, PyCF_ONLY_AST)`: the parse tree as
/// `_ast` objects (`ast.parse`).
fn parse_to_ast(source: &[u8], filename: &str, mode: &str) -> PyResult<PyRef> {
    use taipan_parser::ast::Mod;
    let src = if mode == "eval" {
        let start = source
            .iter()
            .position(|&b| b != b' ' && b != b'\t')
            .unwrap_or(source.len());
        &source[start..]
    } else {
        source
    };
    let (tree, warnings) = if mode == "eval" {
        taipan_parser::parse_eval_with_warnings(src, filename)
    } else {
        taipan_parser::parse_module_with_warnings(src, filename)
    };
    emit_parse_warnings(&warnings, filename, src, mode != "eval")?;
    let tree = tree.map_err(|e| {
        if e.kind == taipan_parser::error::SyntaxErrorKind::TooDeep {
            // CPython parses the tree and fails building its objects.
            return PyErr::recursion_error(
                "maximum recursion depth exceeded during ast construction",
            );
        }
        parse_error_in(&e, filename, src, mode != "eval")
    })?;
    let tree = match (mode, tree) {
        ("single", Mod::Module { body, .. }) => {
            if body.len() > 1 {
                // compile_single raises CPython's error for this.
                return compile_single(src, filename).map(|_| none());
            }
            Mod::Interactive { body }
        }
        (_, t) => t,
    };
    crate::modules::_ast::tree_to_object(&tree)
}

/// A file name argument: str, bytes or an `os.PathLike` (`PyUnicode_FSDecoder`).
fn fs_path_string(o: &PyRef) -> PyResult<String> {
    if let Some(s) = o.downcast::<PyStr>() {
        return Ok(s.as_str().to_string());
    }
    if let Some(b) = o.downcast::<crate::objects::bytes::PyBytes>() {
        return Ok(String::from_utf8_lossy(b.as_bytes()).into_owned());
    }
    if let Some(f) = crate::objects::type_::lookup_str(o.ty(), "__fspath__") {
        let bound = crate::objects::descr::bind(&f, Some(o), Some(&o.type_ref()))?;
        let r = protocol::call(&bound, &[], None)?;
        if r.is_instance_of::<PyStr>() || r.is_instance_of::<crate::objects::bytes::PyBytes>() {
            return fs_path_string(&r);
        }
    }
    Err(PyErr::type_error(format!(
        "expected str, bytes or os.PathLike object, not {}",
        o.ty().name()
    )))
}

/// `compile(..., 'eval')`: one expression (leading blanks are an error, as
/// in CPython; only `eval()` strips them).
fn compile_eval_mode(source: &[u8], filename: &str) -> PyResult<PyRef> {
    if matches!(source.first(), Some(b' ' | b'\t')) {
        // The parser reports the unexpected indent.
        let tree = parse_source(source, filename)?;
        drop(tree);
    }
    compile_expression(source, filename)
}

/// `compile(..., 'single')`: one interactive statement.
fn compile_single(source: &[u8], filename: &str) -> PyResult<PyRef> {
    let tree = parse_source(source, filename)?;
    let body = match tree {
        taipan_parser::ast::Mod::Module { body, .. } => body,
        _ => Vec::new(),
    };
    if body.len() > 1 {
        return Err(syntax_error(
            "SyntaxError",
            "multiple statements found while compiling a single statement",
            filename,
            body[0].loc.lineno as u32,
            body[0].loc.col_offset as u32 + 1,
            source,
        ));
    }
    compile_tree(&taipan_parser::ast::Mod::Interactive { body }, filename)
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
    MethodDef::new("compile", Meth::FastKw(builtin_compile)),
    MethodDef::new("globals", Meth::NoArgs(builtin_globals)),
    MethodDef::new("locals", Meth::NoArgs(builtin_locals)),
];
