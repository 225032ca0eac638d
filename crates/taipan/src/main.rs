//! The `taipan` command line (CPython's `Modules/main.c` and `Python/pythonrun.c` in part).
//!
//! `taipan FILE [ARGS]` runs a program as `__main__` (a syntax error is reported as
//! `python3.11 FILE` reports it); `taipan --dump-ast FILE` prints what CPython 3.11 prints for
//! `print(ast.dump(ast.parse(src, FILE), include_attributes=True))`.

mod syntax_error;

/// Rust's own heap (the AST, the compiler's tables, buffers) comes from mimalloc: the front
/// end allocates and frees many small nodes, where mimalloc is markedly faster than glibc's
/// malloc. Python objects will not live here but in `taipan-alloc`'s arenas.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::Write;
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!("usage: taipan FILE [ARGS...] | taipan --dump-ast FILE");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("--dump-ast") if args.len() == 3 => dump_ast(&args[2]),
        Some(arg) if !arg.starts_with('-') => run_program(arg, args[1..].to_vec()),
        _ => usage(),
    }
}

/// Runs `path` as `__main__`: parse (syntax errors printed as CPython prints them), compile,
/// then execute in the virtual machine; the exit status is the program's.
fn run_program(path: &str, argv: Vec<String>) -> ExitCode {
    let source = match std::fs::read(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}", cant_open_message(path, &e));
            return ExitCode::from(2);
        }
    };
    // CPython runs a script under its absolute path (`__file__`, `co_filename`, tracebacks).
    let abs = std::path::absolute(path)
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| path.to_string());
    let path = abs.as_str();
    let tree = match taipan_parser::parse_module(&source, path) {
        Ok(t) => t,
        Err(err) => {
            eprint!("{}", syntax_error::format_syntax_error(&err, path, &source));
            return ExitCode::from(1);
        }
    };
    let data = match taipan_compiler::compile_module(&tree, path) {
        Ok(d) => d,
        Err(e) if e.kind == "SyntaxError" => {
            let err = taipan_parser::SyntaxError::new(
                taipan_parser::SyntaxErrorKind::SyntaxError,
                e.msg,
                e.lineno,
                e.offset,
            );
            eprint!("{}", syntax_error::format_syntax_error(&err, path, &source));
            return ExitCode::from(1);
        }
        Err(e) => {
            eprintln!("{}: {}", e.kind, e.msg);
            return ExitCode::from(1);
        }
    };
    drop(tree);
    if let Err(e) = taipan_vm::interp::initialize() {
        eprintln!("taipan: start-up failed: {e:?}");
        return ExitCode::from(70);
    }
    let status = taipan_vm::run::run_code_data(&data, path, argv);
    if taipan_vm::run::UNHANDLED_KEYBOARD_INTERRUPT.load(std::sync::atomic::Ordering::Relaxed) {
        exit_sigint();
    }
    ExitCode::from((status & 0xff) as u8)
}

/// Stack for the front end's thread. The parser bounds its own recursion (CPython's limits:
/// 200 nested brackets, 100 indentation levels, a fixed rule depth), and the dump recurses
/// as deep as the tree; this leaves both ample room on any platform's main-thread default.
const FRONT_END_STACK: usize = 256 << 20;

fn dump_ast(path: &str) -> ExitCode {
    let path = path.to_string();
    std::thread::Builder::new()
        .name("taipan-front-end".into())
        .stack_size(FRONT_END_STACK)
        .spawn(move || dump_ast_on_this_thread(&path))
        .and_then(|handle| {
            handle
                .join()
                .map_err(|_| std::io::Error::other("front end panicked"))
        })
        .unwrap_or_else(|e| {
            eprintln!("taipan: internal error: {e}");
            ExitCode::from(70)
        })
}

fn dump_ast_on_this_thread(path: &str) -> ExitCode {
    let source = match std::fs::read(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}", cant_open_message(path, &e));
            return ExitCode::from(2);
        }
    };
    match taipan_parser::parse_module(&source, path) {
        Ok(tree) => {
            let mut out = taipan_parser::dump::dump(&tree, true);
            out.push('\n');
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            let _ = lock.write_all(out.as_bytes());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprint!("{}", syntax_error::format_syntax_error(&err, path, &source));
            ExitCode::from(1)
        }
    }
}

/// CPython's message for a script it cannot open (`pymain_run_file`): the program as invoked,
/// the absolute path, and the C library's text for the error, without Rust's `(os error N)`.
fn cant_open_message(path: &str, err: &std::io::Error) -> String {
    let program = std::env::args()
        .next()
        .unwrap_or_else(|| "taipan".to_string());
    let shown = std::path::absolute(path)
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| path.to_string());
    let text = err.to_string();
    let text = match text.rfind(" (os error ") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    format!(
        "{program}: can't open file '{shown}': [Errno {}] {text}",
        err.raw_os_error().unwrap_or(0)
    )
}

/// Ends the process by `SIGINT` after an uncaught `KeyboardInterrupt`
/// (CPython's `exit_sigint` in `Modules/main.c`), so a parent sees the
/// signal; exits with 130 if the signal does not end the process.
fn exit_sigint() -> ! {
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    // SAFETY: restoring the default disposition of SIGINT and sending it to
    // this process are plain system calls with valid arguments.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::kill(libc::getpid(), libc::SIGINT);
    }
    std::process::exit(130)
}
