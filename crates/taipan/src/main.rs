//! The `taipan` command line (CPython's `Modules/main.c` and `Python/pythonrun.c` in part).
//!
//! `taipan FILE [ARGS]` runs a program as `__main__` (a syntax error is reported as
//! `python3.11 FILE` reports it); `taipan --dump-ast FILE` prints what CPython 3.11 prints for
//! `print(ast.dump(ast.parse(src, FILE), include_attributes=True))`.

mod syntax_error;

/// Rust's own heap (the AST, the compiler's tables, the item vectors of lists and dicts)
/// comes from mimalloc: the front end allocates and frees many small nodes, where mimalloc
/// is markedly faster than glibc's malloc. Python objects live in `taipan-alloc`'s arenas.
///
/// Requests of 1 GiB and more go to the system allocator instead: mimalloc maps large
/// blocks with `MAP_NORESERVE`, so an absurd request (`[0] * 10**12`) would "succeed" and
/// then exhaust memory page by page, where glibc's `malloc` refuses it at once under the
/// kernel's overcommit check and the program gets `MemoryError`, as CPython's does.
struct Heap;

const HUGE: usize = 1 << 30;

// SAFETY: every block is freed or resized by the allocator that made it: the size (in the
// layout Rust passes back) tells which one, and a resize that crosses the threshold moves
// the block between them.
unsafe impl std::alloc::GlobalAlloc for Heap {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's layout.
        unsafe {
            if layout.size() >= HUGE {
                std::alloc::System.alloc(layout)
            } else {
                mimalloc::MiMalloc.alloc(layout)
            }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's layout.
        unsafe {
            if layout.size() >= HUGE {
                std::alloc::System.alloc_zeroed(layout)
            } else {
                mimalloc::MiMalloc.alloc_zeroed(layout)
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        // SAFETY: the block came from the allocator its size selects.
        unsafe {
            if layout.size() >= HUGE {
                std::alloc::System.dealloc(ptr, layout)
            } else {
                mimalloc::MiMalloc.dealloc(ptr, layout)
            }
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        let old_huge = layout.size() >= HUGE;
        let new_huge = new_size >= HUGE;
        // SAFETY: same-side resizes are forwarded; a crossing one allocates the new block on the other side, copies the smaller size, and frees the old block where it came from.
        unsafe {
            match (old_huge, new_huge) {
                (false, false) => mimalloc::MiMalloc.realloc(ptr, layout, new_size),
                (true, true) => std::alloc::System.realloc(ptr, layout, new_size),
                _ => {
                    let new_layout =
                        std::alloc::Layout::from_size_align_unchecked(new_size, layout.align());
                    let new = self.alloc(new_layout);
                    if !new.is_null() {
                        std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                        self.dealloc(ptr, layout);
                    }
                    new
                }
            }
        }
    }
}

#[global_allocator]
static GLOBAL: Heap = Heap;

use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage: taipan [option] ... [-c cmd | -m mod | file | -] [arg] ...";

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("{msg}\n{USAGE}\nTry `taipan -h' for more information.");
    ExitCode::from(2)
}

const HELP: &str = "\
usage: taipan [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options (a subset of CPython 3.11's, with the same meaning):
-B     : don't write .pyc files (Taipan never writes them)
-c cmd : program passed in as string (terminates option list)
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script
-I     : isolate Python from the user's environment (implies -E and -s)
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements; also PYTHONOPTIMIZE=x
-OO    : do -O changes and also discard docstrings
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path
-S     : don't imply 'import site' on initialization
-u     : force the stdout and stderr streams to be unbuffered
-V     : print the Python version number and exit (also --version)
-W arg : warning control; arg is action:message:category:module:lineno
         also PYTHONWARNINGS=arg
-X opt : implementation-specific option (-X utf8 is always on)
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
--dump-ast FILE : print ast.dump(ast.parse(FILE), include_attributes=True)
";

/// What the command line asks for (CPython's `Modules/main.c` / `Python/initconfig.c`).
#[derive(Default)]
struct Options {
    command: Option<String>,
    module: Option<String>,
    script: Option<String>,
    args: Vec<String>,
    inspect: bool,
    quiet: bool,
    ignore_env: bool,
    /// How many `-O`.
    optimize: u8,
    /// The `-W` options, in order.
    warnoptions: Vec<String>,
}

fn parse_options(argv: &[String]) -> Result<Options, ExitCode> {
    let mut o = Options::default();
    let mut i = 1;
    while i < argv.len() {
        let a = &argv[i];
        if a == "--" {
            i += 1;
            break;
        }
        if a == "--help" {
            print!("{HELP}");
            return Err(ExitCode::SUCCESS);
        }
        if a == "--version" {
            println!("Python 3.11.2");
            return Err(ExitCode::SUCCESS);
        }
        if a == "-" || !a.starts_with('-') {
            break;
        }
        if a.starts_with("--") {
            return Err(usage_error(&format!("unknown option {a}")));
        }
        let flags: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        while j < flags.len() {
            let f = flags[j];
            // Options that take an argument: the rest of this word, or the next word.
            let take_arg = |i: &mut usize| -> Result<String, ExitCode> {
                let rest: String = flags[j + 1..].iter().collect();
                if !rest.is_empty() {
                    return Ok(rest);
                }
                *i += 1;
                argv.get(*i)
                    .cloned()
                    .ok_or_else(|| usage_error(&format!("Argument expected for the -{f} option")))
            };
            match f {
                'c' => {
                    o.command = Some(take_arg(&mut i)?);
                    o.args = std::iter::once("-c".to_string())
                        .chain(argv[i + 1..].iter().cloned())
                        .collect();
                    return Ok(o);
                }
                'm' => {
                    o.module = Some(take_arg(&mut i)?);
                    o.args = argv[i + 1..].to_vec();
                    return Ok(o);
                }
                'W' => {
                    let w = take_arg(&mut i)?;
                    o.warnoptions.push(w);
                    j = flags.len();
                    continue;
                }
                'X' => {
                    take_arg(&mut i)?;
                    j = flags.len();
                    continue;
                }
                'O' => o.optimize = o.optimize.saturating_add(1),
                'i' => o.inspect = true,
                'q' => o.quiet = true,
                'E' => o.ignore_env = true,
                'I' => o.ignore_env = true,
                'B' | 's' | 'S' | 'u' | 'b' | 'd' | 'v' | 'R' | 'P' => {}
                'h' | '?' => {
                    print!("{HELP}");
                    return Err(ExitCode::SUCCESS);
                }
                'V' => {
                    println!("Python 3.11.2");
                    return Err(ExitCode::SUCCESS);
                }
                _ => return Err(usage_error(&format!("Unknown option: -{f}"))),
            }
            j += 1;
        }
        i += 1;
    }
    if i < argv.len() {
        o.script = Some(argv[i].clone());
        o.args = argv[i..].to_vec();
    } else {
        o.args = vec![String::new()];
    }
    Ok(o)
}

fn main() -> ExitCode {
    let code = real_main();
    // `Py_RunMain`: an uncaught KeyboardInterrupt ends the process by SIGINT,
    // whichever way the program was given.
    if taipan_vm::run::UNHANDLED_KEYBOARD_INTERRUPT.load(std::sync::atomic::Ordering::Relaxed) {
        exit_sigint();
    }
    code
}

fn real_main() -> ExitCode {
    let argv: Vec<String> = std::env::args().collect();
    if argv.get(1).map(String::as_str) == Some("--dump-ast") {
        if argv.len() == 3 {
            return dump_ast(&argv[2]);
        }
        return usage_error("--dump-ast takes one FILE");
    }
    let o = match parse_options(&argv) {
        Ok(o) => o,
        Err(code) => return code,
    };
    // PYTHONOPTIMIZE and PYTHONWARNINGS (read before -E clears them);
    // environment warnings come before -W ones, as in CPython.
    let mut optimize = o.optimize;
    let mut warnoptions = Vec::new();
    if !o.ignore_env {
        if let Ok(v) = std::env::var("PYTHONOPTIMIZE") {
            if !v.is_empty() {
                let n = v.trim().parse::<u8>().unwrap_or(1);
                optimize = optimize.max(n);
            }
        }
        if let Ok(v) = std::env::var("PYTHONWARNINGS") {
            warnoptions.extend(
                v.split(',')
                    .map(str::trim)
                    .filter(|w| !w.is_empty())
                    .map(String::from),
            );
        }
    }
    warnoptions.extend(o.warnoptions.iter().cloned());
    taipan_vm::run::OPTIMIZE.store(optimize, std::sync::atomic::Ordering::Relaxed);
    if let Ok(mut w) = taipan_vm::modules::sys::WARNOPTIONS.lock() {
        *w = warnoptions;
    }
    if o.ignore_env {
        for (k, _) in std::env::vars_os() {
            if k.to_string_lossy().starts_with("PYTHON") {
                // SAFETY: single-threaded at this point: no other thread reads the environment.
                unsafe { std::env::remove_var(k) };
            }
        }
    }
    let status = if let Some(cmd) = &o.command {
        if let Err(code) = start() {
            return code;
        }
        taipan_vm::interactive::run_command(cmd, o.args.clone())
    } else if let Some(m) = &o.module {
        if let Err(code) = start() {
            return code;
        }
        let status = taipan_vm::run::run_module(m, &o.args);
        if !o.inspect {
            return ExitCode::from((status & 0xff) as u8);
        }
        0
    } else if let Some(script) = o.script.as_deref().filter(|s| *s != "-") {
        let code = run_program(script, o.args.clone());
        if !o.inspect {
            return code;
        }
        0
    } else {
        use std::io::IsTerminal;
        if std::io::stdin().is_terminal() || o.inspect {
            if let Err(code) = start() {
                return code;
            }
            taipan_vm::modules::sys::set_argv(o.args.clone());
            return ExitCode::from(
                (taipan_vm::interactive::interactive_loop(!o.quiet) & 0xff) as u8,
            );
        }
        let mut source = Vec::new();
        if let Err(e) = std::io::Read::read_to_end(&mut std::io::stdin(), &mut source) {
            eprintln!("taipan: can't read <stdin>: {e}");
            return ExitCode::from(2);
        }
        return run_source_bytes(&source, "<stdin>", o.args.clone());
    };
    if o.inspect {
        return ExitCode::from((taipan_vm::interactive::interactive_loop(false) & 0xff) as u8);
    }
    ExitCode::from((status & 0xff) as u8)
}

/// Starts the interpreter as CPython's `python` does: with its signal
/// handlers (`SIGINT` raises `KeyboardInterrupt`).
fn init_vm() -> Result<(), taipan_vm::object::PyErr> {
    taipan_vm::interp::initialize()?;
    taipan_vm::modules::_signal::install_default_handlers()
}

fn start() -> Result<(), ExitCode> {
    init_vm().map_err(|e| {
        eprintln!("taipan: start-up failed: {e:?}");
        ExitCode::from(70)
    })
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
    if path.ends_with(".pyc") {
        return run_pyc(path, &source, argv);
    }
    run_source_bytes(&source, path, argv)
}

/// Parses, compiles and runs source text as `__main__` under the name `path`.
fn run_source_bytes(source: &[u8], path: &str, argv: Vec<String>) -> ExitCode {
    let source = source.to_vec();
    let (parsed, parse_warnings) = taipan_parser::parse_module_with_warnings(&source, path);
    // The parser's warnings go through the warnings machinery (filters, `-W error`), so the
    // interpreter starts first when there are any; CPython issues them before any error.
    let mut initialized = false;
    if !parse_warnings.is_empty() {
        if let Err(e) = init_vm() {
            eprintln!("taipan: start-up failed: {e:?}");
            return ExitCode::from(70);
        }
        initialized = true;
        if let Err(e) = taipan_vm::run::emit_parse_warnings(&parse_warnings, path, &source, true) {
            let status = taipan_vm::run::handle_uncaught(e);
            return ExitCode::from((status & 0xff) as u8);
        }
    }
    let tree = match parsed {
        Ok(t) => t,
        Err(err) if err.kind == taipan_parser::SyntaxErrorKind::TooDeep => {
            // CPython reports this as a plain exception, without a location.
            eprintln!("RecursionError: {}", err.msg);
            return ExitCode::from(1);
        }
        Err(err) => {
            eprint!("{}", syntax_error::format_syntax_error(&err, path, &source));
            return ExitCode::from(1);
        }
    };
    let options = taipan_compiler::CompileOptions {
        optimize: taipan_vm::run::optimize_level(),
    };
    let compiled = match taipan_compiler::compile_module_with(&tree, path, options) {
        Ok(d) => d,
        Err(e) if e.kind == "SyntaxError" => {
            // The warnings found before the error come first, as CPython issues them.
            if !e.warnings.is_empty() {
                if !initialized {
                    if let Err(err) = init_vm() {
                        eprintln!("taipan: start-up failed: {err:?}");
                        return ExitCode::from(70);
                    }
                }
                if let Err(err) = taipan_vm::run::emit_compile_warnings(&e.warnings, path) {
                    let status = taipan_vm::run::handle_uncaught(err);
                    return ExitCode::from((status & 0xff) as u8);
                }
            }
            let mut err = taipan_parser::SyntaxError::new(
                taipan_parser::SyntaxErrorKind::SyntaxError,
                e.msg,
                e.lineno,
                e.offset,
            );
            err.end_lineno = e.end_lineno;
            err.end_offset = e.end_offset;
            eprint!("{}", syntax_error::format_syntax_error(&err, path, &source));
            return ExitCode::from(1);
        }
        Err(e) => {
            eprintln!("{}: {}", e.kind, e.msg);
            return ExitCode::from(1);
        }
    };
    drop(tree);
    if !initialized {
        if let Err(e) = init_vm() {
            eprintln!("taipan: start-up failed: {e:?}");
            return ExitCode::from(70);
        }
    }
    if let Err(e) = taipan_vm::run::emit_compile_warnings(&compiled.warnings, path) {
        let status = taipan_vm::run::handle_uncaught(e);
        return ExitCode::from((status & 0xff) as u8);
    }
    let status = taipan_vm::run::run_code_data(&compiled.code, path, argv);
    ExitCode::from((status & 0xff) as u8)
}

/// Runs a compiled file as CPython does for `python3.11 file.pyc`: the 16-byte header
/// (magic number 3495 of 3.11, flags, source mtime and size or hash) is checked, and the
/// marshalled code object that follows runs as `__main__`.
fn run_pyc(path: &str, data: &[u8], argv: Vec<String>) -> ExitCode {
    let code = match taipan_bytecode::marshal::load_pyc(data) {
        Ok(taipan_bytecode::marshal::MarshalValue::Code(code)) => code,
        Ok(_) => {
            eprintln!("RuntimeError: Bad code object in .pyc file");
            return ExitCode::from(1);
        }
        Err(e) => {
            eprintln!("RuntimeError: Bad magic number in .pyc file ({e:?})");
            return ExitCode::from(1);
        }
    };
    if let Err(e) = init_vm() {
        eprintln!("taipan: start-up failed: {e:?}");
        return ExitCode::from(70);
    }
    let status = taipan_vm::run::run_code_data(&code, path, argv);
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
    // SAFETY: restoring the default disposition of SIGINT and sending it to this process are plain system calls with valid arguments.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::kill(libc::getpid(), libc::SIGINT);
    }
    std::process::exit(130)
}
