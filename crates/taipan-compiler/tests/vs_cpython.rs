//! Instruction-stream identity with CPython 3.11.
//!
//! For every source file of a corpus, `tests/py/dump_code.py` has
//! `/usr/bin/python3.11` (the reference, 3.11.2) compile the module and print each code object (recursively, in
//! `co_consts` order): qualname, `(opname, arg)` pairs as
//! `dis.get_instructions(show_caches=False)` gives them, consts, names,
//! varnames, cell/free vars, counts, flags, stack size, and the raw
//! exception and location tables. We print the same from our `CodeData`.
//!
//! Corpus 1 is `tests/programs/` (one small program per feature): its
//! per-code-object identity must not drop below the recorded floors.
//! Corpus 2 is every `*.py` directly under `/usr/lib/python3.11`: printed,
//! not asserted (set `TAIPAN_SKIP_STDLIB=1` to skip it).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use taipan_bytecode::marshal::{CodeData, MarshalValue};
use taipan_bytecode::Opcode;
use taipan_parser::pyrepr;

/// Floors for corpus 1 (percent of code objects).
const FLOOR_OPS: f64 = 100.0;
const FLOOR_FULL: f64 = 100.0;

fn str_code_points(data: &[u8]) -> Vec<u32> {
    // UTF-8 that may hold surrogates (surrogatepass).
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let b = data[i] as u32;
        let (cp, n) = if b < 0x80 {
            (b, 1)
        } else if b >> 5 == 0x6 && i + 1 < data.len() {
            (((b & 0x1f) << 6) | (data[i + 1] as u32 & 0x3f), 2)
        } else if b >> 4 == 0xe && i + 2 < data.len() {
            (
                ((b & 0xf) << 12)
                    | ((data[i + 1] as u32 & 0x3f) << 6)
                    | (data[i + 2] as u32 & 0x3f),
                3,
            )
        } else if i + 3 < data.len() {
            (
                ((b & 0x7) << 18)
                    | ((data[i + 1] as u32 & 0x3f) << 12)
                    | ((data[i + 2] as u32 & 0x3f) << 6)
                    | (data[i + 3] as u32 & 0x3f),
                4,
            )
        } else {
            (b, 1)
        };
        out.push(cp);
        i += n;
    }
    out
}

fn long_decimal(negative: bool, digits: &[u16]) -> String {
    let mut mag: Vec<u32> = digits.iter().rev().map(|&d| d as u32).collect(); // most significant first
    let mut dec = Vec::new();
    while mag.iter().any(|&d| d != 0) {
        let mut rem = 0u64;
        for d in mag.iter_mut() {
            let cur = (rem << 15) | *d as u64;
            *d = (cur / 10) as u32;
            rem = cur % 10;
        }
        dec.push((b'0' + rem as u8) as char);
    }
    if dec.is_empty() {
        dec.push('0');
    }
    if negative {
        dec.push('-');
    }
    dec.iter().rev().collect()
}

fn const_repr(v: &MarshalValue) -> String {
    let mut out = String::new();
    match v {
        MarshalValue::None => out.push_str("None"),
        MarshalValue::True => out.push_str("True"),
        MarshalValue::False => out.push_str("False"),
        MarshalValue::Ellipsis => out.push_str("Ellipsis"),
        MarshalValue::StopIteration => out.push_str("<class 'StopIteration'>"),
        MarshalValue::Int(i) => out.push_str(&i.to_string()),
        MarshalValue::Long(l) => out.push_str(&long_decimal(l.negative, &l.digits)),
        MarshalValue::Float(f) => pyrepr::write_float(&mut out, *f),
        MarshalValue::Complex(r, i) => pyrepr::write_complex(&mut out, *r, *i),
        MarshalValue::Bytes(b) => pyrepr::write_bytes_repr(&mut out, b),
        MarshalValue::Str(s) => {
            pyrepr::write_str_repr(&mut out, str_code_points(&s.data).into_iter())
        }
        MarshalValue::Tuple(items) | MarshalValue::List(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            if parts.len() == 1 {
                out.push_str(&format!("({},)", parts[0]));
            } else {
                out.push_str(&format!("({})", parts.join(", ")));
            }
        }
        MarshalValue::FrozenSet(items) | MarshalValue::Set(items) => {
            if items.is_empty() {
                out.push_str("frozenset()");
            } else {
                let mut parts: Vec<String> = items.iter().map(const_repr).collect();
                parts.sort();
                out.push_str(&format!("frozenset({{{}}})", parts.join(", ")));
            }
        }
        MarshalValue::Dict(_) => out.push_str("{...}"),
        MarshalValue::Code(c) => out.push_str(&format!("<code {}>", c.name.to_string_lossy())),
    }
    out
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// The `(opname, arg)` stream, as `dis._unpack_opargs` reads it.
fn ops_line(code: &[u8]) -> String {
    let mut parts = Vec::new();
    let mut caches = 0;
    let mut ext: u32 = 0;
    for unit in code.chunks(2) {
        if caches > 0 {
            caches -= 1;
            continue;
        }
        let Some(op) = Opcode::from_u8(unit[0]) else {
            parts.push(format!("<{}> ", unit[0]));
            continue;
        };
        caches = op.deoptimize().cache_entries();
        if op.has_arg() {
            let arg = unit[1] as u32 | ext;
            ext = if op == Opcode::ExtendedArg {
                arg << 8
            } else {
                0
            };
            parts.push(format!("{} {}", op.name(), arg));
        } else {
            ext = 0;
            parts.push(format!("{} ", op.name()));
        }
    }
    parts.join("; ")
}

fn names(v: &[&taipan_bytecode::marshal::MarshalStr]) -> String {
    v.iter()
        .map(|s| s.to_string_lossy())
        .collect::<Vec<_>>()
        .join(" ")
}

fn dump(code: &CodeData, out: &mut Vec<Vec<String>>) {
    let lines = vec![
        format!("code {}", code.qualname.to_string_lossy()),
        format!("ops {}", ops_line(&code.code)),
        format!(
            "consts {}",
            code.consts
                .iter()
                .map(const_repr)
                .collect::<Vec<_>>()
                .join(" | ")
        ),
        format!(
            "names {}",
            code.names
                .iter()
                .map(|s| s.to_string_lossy())
                .collect::<Vec<_>>()
                .join(" ")
        ),
        format!("varnames {}", names(&code.varnames())),
        format!("cellvars {}", names(&code.cellvars())),
        format!("freevars {}", names(&code.freevars())),
        format!(
            "args {} {} {} flags {} stacksize {} firstlineno {}",
            code.argcount,
            code.posonlyargcount,
            code.kwonlyargcount,
            code.flags,
            code.stacksize,
            code.firstlineno
        ),
        format!("exctable {}", hex(&code.exceptiontable)),
        format!("linetable {}", hex(&code.linetable)),
    ];
    out.push(lines);
    for c in &code.consts {
        if let MarshalValue::Code(inner) = c {
            dump(inner, out);
        }
    }
}

/// Runs the python helper over `files`: per file, its code objects (each a
/// list of lines) or `None` when CPython rejects the file.
fn cpython_dumps(files: &[PathBuf]) -> HashMap<String, Option<Vec<Vec<String>>>> {
    let helper = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/py/dump_code.py");
    let mut result = HashMap::new();
    for chunk in files.chunks(200) {
        let output = Command::new(python())
            .arg(&helper)
            .args(chunk)
            .output()
            .expect("python3.11 runs");
        let text = String::from_utf8_lossy(&output.stdout);
        let mut cur: Option<(String, Option<Vec<Vec<String>>>)> = None;
        for line in text.lines() {
            if let Some(path) = line.strip_prefix("=== ") {
                if let Some((p, v)) = cur.take() {
                    result.insert(p, v);
                }
                cur = Some((path.to_string(), Some(Vec::new())));
            } else if line.starts_with("!error") {
                if let Some(c) = cur.as_mut() {
                    c.1 = None;
                }
            } else if let Some((_, Some(objs))) = cur.as_mut() {
                if line.starts_with("code ") {
                    objs.push(Vec::new());
                }
                if let Some(last) = objs.last_mut() {
                    last.push(line.to_string());
                }
            }
        }
        if let Some((p, v)) = cur.take() {
            result.insert(p, v);
        }
    }
    result
}

#[derive(Default)]
struct Tally {
    files: usize,
    files_ok: usize,
    errors: usize,
    objects: usize,
    same_ops: usize,
    same_full: usize,
    first_diffs: Vec<String>,
}

fn run_corpus(files: &[PathBuf], verbose: bool) -> Tally {
    let theirs = cpython_dumps(files);
    let mut t = Tally::default();
    for f in files {
        let key = f.to_string_lossy().to_string();
        let Some(Some(expected)) = theirs.get(&key) else {
            continue;
        };
        t.files += 1;
        t.objects += expected.len();
        let src = std::fs::read(f).expect("readable source");
        let ours = std::panic::catch_unwind(|| {
            let tree = taipan_parser::parse_module(&src, &key).map_err(|e| e.to_string())?;
            taipan_compiler::compile_module(&tree, &key).map_err(|e| e.to_string())
        });
        let code = match ours {
            Ok(Ok(code)) => code,
            Ok(Err(e)) => {
                t.errors += 1;
                if verbose || t.first_diffs.len() < 40 {
                    t.first_diffs.push(format!("{key}: error {e}"));
                }
                continue;
            }
            Err(_) => {
                t.errors += 1;
                t.first_diffs.push(format!("{key}: PANIC"));
                continue;
            }
        };
        let mut mine = Vec::new();
        dump(&code, &mut mine);
        let mut all_same = mine.len() == expected.len();
        let mut reported = false;
        for (i, exp) in expected.iter().enumerate() {
            let Some(got) = mine.get(i) else {
                all_same = false;
                continue;
            };
            if got.get(1) == exp.get(1) && got.first() == exp.first() {
                t.same_ops += 1;
            }
            if got == exp {
                t.same_full += 1;
            } else {
                all_same = false;
                if (verbose || t.first_diffs.len() < 40) && !reported {
                    reported = true;
                    for (g, e) in got.iter().zip(exp) {
                        if g != e {
                            t.first_diffs.push(format!(
                                "{key} [{}]\n  ours:    {g}\n  cpython: {e}",
                                exp[0]
                            ));
                            break;
                        }
                    }
                }
            }
        }
        if all_same {
            t.files_ok += 1;
        }
    }
    t
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

fn report(name: &str, t: &Tally) {
    println!(
        "{name}: files {} (identical {}, {:.1}%), compile errors {}, code objects {}: \
         identical instruction streams {} ({:.1}%), fully identical {} ({:.1}%)",
        t.files,
        t.files_ok,
        pct(t.files_ok, t.files),
        t.errors,
        t.objects,
        t.same_ops,
        pct(t.same_ops, t.objects),
        t.same_full,
        pct(t.same_full, t.objects)
    );
}

/// The reference interpreter: Debian's `/usr/bin/python3.11` (3.11.2, the
/// version whose `compile.c` we follow), not whatever `python3.11` comes
/// first on `PATH` (a pyenv 3.11.7 compiles `except*` and `match` slightly
/// differently).
fn python() -> &'static str {
    if Path::new("/usr/bin/python3.11").exists() {
        "/usr/bin/python3.11"
    } else {
        "python3.11"
    }
}

fn python_available() -> bool {
    Command::new(python())
        .arg("-c")
        .arg("pass")
        .status()
        .is_ok_and(|s| s.success())
}

fn sorted_py_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    v.retain(|p| p.extension().is_some_and(|e| e == "py") && p.is_file());
    v.sort();
    v
}

#[test]
fn programs_vs_cpython() {
    if !python_available() {
        eprintln!("python3.11 not found: skipped");
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let files = sorted_py_files(&dir);
    let t = run_corpus(&files, true);
    report("tests/programs", &t);
    for d in &t.first_diffs {
        println!("{d}");
    }
    assert!(
        pct(t.same_ops, t.objects) >= FLOOR_OPS,
        "instruction-stream identity fell below {FLOOR_OPS}%"
    );
    assert!(
        pct(t.same_full, t.objects) >= FLOOR_FULL,
        "full identity fell below {FLOOR_FULL}%"
    );
}

fn py_files_recursive(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() && !p.is_symlink() {
            py_files_recursive(&p, out);
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

/// The whole tree under `TAIPAN_COMPILER_CORPUS` (a directory), when set:
/// `scripts/compiler_conformance.py --all` uses it for the full stdlib.
#[test]
fn corpus_vs_cpython() {
    let Some(dir) = std::env::var_os("TAIPAN_COMPILER_CORPUS") else {
        return;
    };
    if !python_available() {
        return;
    }
    let mut files = Vec::new();
    py_files_recursive(Path::new(&dir), &mut files);
    let t = run_corpus(&files, false);
    report(&format!("corpus {}", dir.to_string_lossy()), &t);
    for d in t.first_diffs.iter().take(40) {
        println!("{d}");
    }
}

#[test]
fn stdlib_vs_cpython() {
    if std::env::var_os("TAIPAN_SKIP_STDLIB").is_some() || !python_available() {
        return;
    }
    let files = sorted_py_files(Path::new("/usr/lib/python3.11"));
    let t = run_corpus(&files, false);
    report("stdlib (/usr/lib/python3.11/*.py)", &t);
    for d in t.first_diffs.iter().take(40) {
        println!("{d}");
    }
}
