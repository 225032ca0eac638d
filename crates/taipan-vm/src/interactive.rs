//! The interactive loop (CPython's `PyRun_InteractiveLoopFlags` and
//! `PyRun_InteractiveOneObject` in `Python/pythonrun.c`, with the
//! statement-completion rule of `Lib/codeop.py`).
//!
//! Each statement typed at `>>> ` (continued at `... `) is parsed, compiled in
//! `single` mode (expression statements print their value through
//! `sys.displayhook`'s default behaviour, `PRINT_EXPR`) and run in the
//! `__main__` module's namespace. An exception prints its traceback and the
//! loop goes on; `SystemExit` ends it. When standard input is not a terminal
//! the prompts go to standard error, as CPython's `PyOS_Readline` does.

use std::io::{BufRead, IsTerminal, Write};

use crate::object::*;
use crate::objects::dict::PyDict;
use crate::objects::module::PyModule;
use crate::objects::str::PyStr;

/// Is the text an incomplete statement that more lines could complete?
/// (codeop's rule: compound statements end with a blank line; open
/// brackets, unterminated triple-quoted strings and trailing backslashes
/// need more.)
fn needs_more(buffer: &str) -> Result<bool, taipan_parser::SyntaxError> {
    let first = buffer.lines().next().unwrap_or("").trim_end();
    let compound = first.ends_with(':') || first.trim_start().starts_with('@');
    if compound && !buffer.ends_with("\n\n") {
        return Ok(true);
    }
    match taipan_parser::parse_module(buffer.as_bytes(), "<stdin>") {
        Ok(_) => Ok(false),
        Err(e) => {
            let m = e.msg.as_str();
            if m.contains("was never closed")
                || m.contains("unexpected EOF")
                || m.contains("unterminated triple-quoted")
                || m.contains("expected an indented block")
                || buffer.trim_end_matches('\n').ends_with('\\')
            {
                if buffer.ends_with("\n\n")
                    && !m.contains("was never closed")
                    && !m.contains("triple-quoted")
                {
                    return Err(e);
                }
                Ok(true)
            } else {
                Err(e)
            }
        }
    }
}

/// The `__main__` module for the loop (made if absent).
fn main_module() -> PyResult<PyRef> {
    let modules = crate::interp::interp().modules.clone();
    // SAFETY: sys.modules is a dict.
    let md = unsafe { modules.payload_unchecked::<PyDict>() };
    if let Some(m) = md.get_str("__main__")? {
        return Ok(m);
    }
    let m = PyModule::new("__main__")?;
    // SAFETY: just made.
    let pm = unsafe { m.payload_unchecked::<PyModule>() };
    if let Some(b) = crate::interp::interp().builtins.clone() {
        pm.with_dict(|d| d.set_str("__builtins__", b))?;
    }
    md.set_str("__main__", m.clone())?;
    Ok(m)
}

fn prompt(name: &str, default: &str, to_stderr: bool) {
    let text = crate::interp::interp()
        .sys
        .clone()
        .and_then(|sys| protocol::getattr_str(&sys, name).ok())
        .and_then(|p| protocol::str_string(&p).ok())
        .unwrap_or_else(|| default.to_string());
    crate::modules::sys::flush_std();
    if to_stderr {
        crate::modules::sys::write_stderr(&text);
    } else {
        crate::modules::sys::write_stdout(&text);
    }
    crate::modules::sys::flush_std();
}

/// Runs one complete statement in `globals`; prints what goes wrong.
/// Returns `Some(status)` when the program asked to exit.
fn run_one(source: &str, globals: &PyRef) -> Option<i32> {
    let tree = match taipan_parser::parse_module(source.as_bytes(), "<stdin>") {
        Ok(t) => t,
        Err(e) => {
            let err = crate::run::syntax_error(
                e.kind.name(),
                &e.msg,
                "<stdin>",
                e.lineno,
                e.offset,
                source.as_bytes(),
            );
            return report(err);
        }
    };
    let body = match tree {
        taipan_parser::ast::Mod::Module { body, .. } => body,
        _ => Vec::new(),
    };
    let single = taipan_parser::ast::Mod::Interactive { body };
    let options = taipan_compiler::CompileOptions {
        optimize: crate::run::optimize_level(),
    };
    let data = match taipan_compiler::compile_module_with(&single, "<stdin>", options) {
        Ok(d) => {
            if let Err(e) = crate::run::emit_compile_warnings(&d.warnings, "<stdin>") {
                return report(e);
            }
            d.code
        }
        Err(e) => {
            let err = crate::run::syntax_error(
                e.kind,
                &e.msg,
                "<stdin>",
                e.lineno,
                e.offset,
                source.as_bytes(),
            );
            return report(err);
        }
    };
    let r = crate::objects::code::PyCode::new(&data)
        .and_then(|code| crate::run::exec_code(&code, globals, None));
    match r {
        Ok(_) => None,
        Err(e) => report(e),
    }
}

/// Prints an exception as the loop does; `SystemExit` ends the loop.
fn report(e: PyErr) -> Option<i32> {
    if e.matches(&crate::objects::exceptions::SYSTEM_EXIT) {
        return Some(crate::run::handle_uncaught(e));
    }
    crate::modules::sys::flush_std();
    crate::modules::sys::write_stderr(&crate::run::format_exception(e.value()));
    None
}

/// The loop: reads statements from standard input until end of file; returns
/// the exit status. `banner` prints CPython's greeting first.
pub fn interactive_loop(banner: bool) -> i32 {
    let stdin = std::io::stdin();
    let to_stderr = !stdin.is_terminal();
    let globals = match main_module() {
        // SAFETY: a module's payload.
        Ok(m) => unsafe { m.payload_unchecked::<PyModule>() }.dict(),
        Err(e) => return crate::run::handle_uncaught(e),
    };
    if banner {
        crate::modules::sys::write_stderr(&format!(
            "Python 3.11.2 (taipan {}) [rustc] on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n",
            env!("CARGO_PKG_VERSION")
        ));
    }
    if let Some(sys) = crate::interp::interp().sys.clone() {
        let _ = PyStr::new(">>> ")
            .and_then(|p| protocol::setattr(&sys, crate::intern!("ps1"), Some(&p)));
        let _ = PyStr::new("... ")
            .and_then(|p| protocol::setattr(&sys, crate::intern!("ps2"), Some(&p)));
    }
    let mut lines = stdin.lock();
    let mut buffer = String::new();
    loop {
        prompt(
            if buffer.is_empty() { "ps1" } else { "ps2" },
            if buffer.is_empty() { ">>> " } else { "... " },
            to_stderr,
        );
        let mut line = String::new();
        match lines.read_line(&mut line) {
            Ok(0) | Err(_) => {
                if to_stderr {
                    crate::modules::sys::write_stderr("\n");
                } else {
                    crate::modules::sys::write_stdout("\n");
                }
                if !buffer.trim().is_empty() {
                    if let Some(status) = run_one(&buffer, &globals) {
                        return status;
                    }
                }
                crate::modules::sys::flush_std();
                return 0;
            }
            Ok(_) => {}
        }
        if !line.ends_with('\n') {
            line.push('\n');
        }
        if buffer.is_empty() && line.trim().is_empty() {
            continue;
        }
        buffer.push_str(&line);
        match needs_more(&buffer) {
            Ok(true) => continue,
            Ok(false) => {
                let source = std::mem::take(&mut buffer);
                if let Some(status) = run_one(&source, &globals) {
                    return status;
                }
            }
            Err(_) => {
                let source = std::mem::take(&mut buffer);
                if let Some(status) = run_one(&source, &globals) {
                    return status;
                }
            }
        }
        let _ = std::io::stdout().flush();
    }
}

/// `taipan -c COMMAND [args]`: runs the command as `__main__` with
/// `sys.argv == ['-c', args...]` and `sys.path[0] == ''`.
pub fn run_command(command: &str, argv: Vec<String>) -> i32 {
    crate::modules::sys::set_argv(argv);
    let status = match main_module().and_then(|m| {
        // SAFETY: a module's payload.
        let globals = unsafe { m.payload_unchecked::<PyModule>() }.dict();
        let code = crate::run::compile_source(command.as_bytes(), "<string>")?;
        crate::run::exec_code(&code, &globals, None)
    }) {
        Ok(_) => 0,
        Err(e) => crate::run::handle_uncaught(e),
    };
    crate::modules::sys::flush_std();
    status
}
