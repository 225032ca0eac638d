//! Mutation fuzzing of the whole front end (cargo-fuzz needs a nightly toolchain; this runs on
//! stable): real stdlib files are mutated (byte flips, inserted/deleted/duplicated spans,
//! truncation, deep bracket and indentation nesting, random Unicode, NUL and CR bytes) and fed
//! to `taipan_parser::parse_module` and to the tokenizer alone. Any panic, or an input that
//! takes longer than the time limit, fails the test and is saved for a regression file.
//!
//! Short by default (a few seconds of `cargo test`); `FUZZ_SECONDS=600` runs it for ten minutes,
//! `FUZZ_SEED=n` picks the seed. The input being parsed is written to
//! `$CARGO_TARGET_TMPDIR/fuzz_current.py` first, so that even a crash that kills the process
//! (a stack overflow) leaves it behind. Inputs that panicked or hung are written to
//! `$CARGO_TARGET_TMPDIR/fuzz_found/`; copy them to `tests/fuzz_regressions/`, where
//! [`regressions_do_not_panic`] parses every file on each run.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use taipan_parser::token::TokKind;
use taipan_parser::tokenizer::{decode_source, Tokenizer};

/// Per-input time limit (debug builds are slow; inputs are at most a few tens of KB).
const INPUT_LIMIT: Duration = Duration::from_secs(20);
/// Largest seed file taken from the stdlib.
const MAX_SEED_LEN: usize = 40_000;

/// xorshift64*: a small deterministic generator (no dependency).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Seed inputs: stdlib files (sorted, small enough), plus a few hand-written ones.
fn seeds() -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = vec![
        b"def f(a, /, b=1, *c, d, **e) -> int:\n    return [x async for x in y if (z := x)]\n"
            .to_vec(),
        b"match p:\n    case {'a': [1, *r], **kw} | Point(x=0) if r:\n        pass\n".to_vec(),
        b"x = f'{a!r:>{w}} {b=}' rb'\\x00' u'\\N{DASH}' 0x_1f 1_0.5e-3j\n".to_vec(),
        b"class C(B, metaclass=M):\n\t@d\n\tasync def g(self): await x; yield from y\n".to_vec(),
        b"try:\n  pass\nexcept* (E, F) as e:\n  raise X from e\nfinally:\n  del a[1:2, ::3]\n"
            .to_vec(),
    ];
    let mut files = Vec::new();
    collect_py(Path::new("/usr/lib/python3.11"), &mut files, 0);
    files.sort();
    for f in files {
        if let Ok(b) = std::fs::read(&f) {
            if b.len() <= MAX_SEED_LEN {
                out.push(b);
            }
        }
    }
    out
}

fn collect_py(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() && depth < 3 {
            collect_py(&p, out, depth + 1);
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
}

const PIECES: &[&[u8]] = &[
    b"(",
    b")",
    b"[",
    b"]",
    b"{",
    b"}",
    b"'",
    b"\"",
    b"'''",
    b"\"\"\"",
    b"\\",
    b"\n",
    b"\r",
    b"\r\n",
    b"\t",
    b" ",
    b"\x00",
    b"\x0c",
    b"#",
    b":",
    b"=",
    b",",
    b"*",
    b"**",
    b"f'{",
    b"}'",
    b"{x!r:{y}}",
    b"lambda",
    b"yield",
    b"await",
    b"async ",
    b"def ",
    b"class ",
    b"match ",
    b"case ",
    b"if ",
    b"else",
    b"elif ",
    b"for ",
    b"in ",
    b"not ",
    b"is ",
    b"import ",
    b"from ",
    b"return",
    b"global ",
    b"nonlocal ",
    b"del ",
    b"with ",
    b"as ",
    b"try:",
    b"except*",
    b"finally:",
    b"@",
    b":=",
    b"->",
    b"...",
    b".",
    b"0x",
    b"0o7",
    b"0b",
    b"1e",
    b"1_",
    b"0_0",
    b"j",
    b"rb'",
    b"fr\"",
    b"u'",
    b"\xc3\xa9",
    b"\xe2\x82\xac",
    b"\xef\xbb\xbf",
    b"\xff",
    b"\xed\xa0\x80",
    b"\xc2\xa0",
    b"\xf0\x9f\x90\x8d",
    b"# coding: latin-1\n",
    b"\\N{",
    b"\\x",
    b"\\u12",
    b"\\777",
    b"    ",
    b"\n    ",
    b"\n\t",
    b"pass\n",
];

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut s = seed.to_vec();
    let rounds = 1 + rng.below(4);
    for _ in 0..rounds {
        let len = s.len();
        let pos = rng.below(len + 1);
        match rng.below(11) {
            0 if len > 0 => {
                let i = rng.below(len);
                s[i] ^= 1 << rng.below(8);
            }
            1 => {
                let p = PIECES[rng.below(PIECES.len())];
                s.splice(pos..pos, p.iter().copied());
            }
            2 => {
                let n = rng.below(64).min(len - pos);
                s.drain(pos..pos + n);
            }
            3 => {
                let n = rng.below(200).min(len - pos);
                let span: Vec<u8> = s[pos..pos + n].to_vec();
                let at = rng.below(s.len() + 1);
                s.splice(at..at, span);
            }
            4 => s.truncate(pos),
            5 => {
                // Deep bracket nesting (around CPython's limits and far past them).
                let depth = [150, 199, 200, 201, 1_000, 6_000, 20_000][rng.below(7)];
                let open = [b"(", b"[", b"{"][rng.below(3)];
                let mut n = open.repeat(depth);
                if rng.below(2) == 0 {
                    let close = match open[0] {
                        b'(' => b")",
                        b'[' => b"]",
                        _ => b"}",
                    };
                    n.extend(b"x".iter());
                    n.extend(close.repeat(depth));
                }
                s.splice(pos..pos, n);
            }
            6 => {
                // Deep nesting of other kinds: unary operators, lambdas, attribute chains,
                // indented blocks, f-string nesting.
                let depth = [50, 99, 100, 101, 1_000, 10_000][rng.below(6)];
                let mut n = Vec::new();
                match rng.below(5) {
                    0 => {
                        n.extend(b"-".repeat(depth));
                        n.push(b'x');
                    }
                    1 => {
                        n.extend(b"lambda:".repeat(depth));
                        n.push(b'x');
                    }
                    2 => {
                        n.push(b'x');
                        n.extend(b".a".repeat(depth));
                    }
                    3 => {
                        n.push(b'\n');
                        for i in 0..depth.min(300) {
                            n.extend(b" ".repeat(i));
                            n.extend(b"if x:\n");
                        }
                        n.extend(b" ".repeat(depth.min(300)));
                        n.extend(b"pass\n");
                    }
                    _ => {
                        n.extend(b"x if y else ".repeat(depth));
                        n.push(b'z');
                    }
                }
                s.splice(pos..pos, n);
            }
            7 => {
                let ch = char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('\u{2603}');
                let mut buf = [0u8; 4];
                s.splice(pos..pos, ch.encode_utf8(&mut buf).bytes());
            }
            8 => {
                let b = [0u8, b'\r', 0x0c, 0x0b, 0x7f, 0x80, 0xff][rng.below(7)];
                s.insert(pos, b);
            }
            9 if len > 0 => {
                // Swap two lines' worth of bytes (indentation damage).
                let a = rng.below(len);
                let b = rng.below(len);
                s.swap(a, b);
            }
            _ => {
                let n = rng.below(8);
                for _ in 0..n {
                    s.insert(pos.min(s.len()), (rng.next() & 0x7f) as u8);
                }
            }
        }
    }
    s
}

/// Runs the tokenizer alone and then the whole front end on `input`.
fn exercise(input: &[u8]) {
    if let Ok(text) = decode_source(input) {
        let mut tok = Tokenizer::new(&text);
        let mut n = 0usize;
        while let Ok(t) = tok.next_token() {
            if t.kind == TokKind::EndMarker {
                break;
            }
            n += 1;
            assert!(n <= text.len() + 10_000, "tokenizer does not advance");
        }
    }
    let _ = taipan_parser::parse_module(input, "<fuzz>");
}

fn tmpdir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
}

enum Outcome {
    Ok,
    Panic(String),
}

type Worker = (
    mpsc::Sender<Vec<u8>>,
    mpsc::Receiver<Outcome>,
    std::thread::JoinHandle<()>,
);

/// A thread that exercises each input it is sent under `catch_unwind`, with the stack size of
/// a main thread (8 MiB), so that a recursion that only fits in a bigger stack shows up as a
/// crash here too.
fn spawn_worker() -> Worker {
    let (job_tx, job_rx) = mpsc::channel::<Vec<u8>>();
    let (res_tx, res_rx) = mpsc::channel::<Outcome>();
    let worker = std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || {
            for input in job_rx {
                let r = catch_unwind(AssertUnwindSafe(|| exercise(&input)));
                let out = match r {
                    Ok(()) => Outcome::Ok,
                    Err(e) => Outcome::Panic(
                        e.downcast_ref::<String>()
                            .cloned()
                            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                            .unwrap_or_default(),
                    ),
                };
                if res_tx.send(out).is_err() {
                    return;
                }
            }
        })
        .expect("spawn fuzz worker");
    (job_tx, res_rx, worker)
}

#[test]
fn fuzz_mutations() {
    let seconds: u64 = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed);
    let seeds = seeds();
    let found_dir = tmpdir().join("fuzz_found");
    let current = tmpdir().join("fuzz_current.py");
    let deadline = Instant::now() + Duration::from_secs(seconds);

    let (mut job_tx, mut res_rx, mut worker) = spawn_worker();
    let mut rng = Rng(seed | 1);
    let mut runs = 0u64;
    let mut failures = Vec::new();
    while Instant::now() < deadline {
        let base = &seeds[rng.below(seeds.len())];
        let input = mutate(&mut rng, base);
        let _ = std::fs::write(&current, &input);
        if job_tx.send(input.clone()).is_err() {
            failures.push("worker died".to_string());
            break;
        }
        runs += 1;
        match res_rx.recv_timeout(INPUT_LIMIT) {
            Ok(Outcome::Ok) => {}
            Ok(Outcome::Panic(msg)) => {
                let _ = std::fs::create_dir_all(&found_dir);
                let path = found_dir.join(format!("panic_{seed}_{runs}.py"));
                let _ = std::fs::write(&path, &input);
                failures.push(format!("panic ({msg}) on {}", path.display()));
                if failures.len() >= 20 {
                    break;
                }
            }
            Err(_) => {
                let _ = std::fs::create_dir_all(&found_dir);
                let path = found_dir.join(format!("hang_{seed}_{runs}.py"));
                let _ = std::fs::write(&path, &input);
                failures.push(format!(
                    "no answer within {INPUT_LIMIT:?} on {}",
                    path.display()
                ));
                if failures.len() >= 5 {
                    break;
                }
                // The worker is stuck: abandon it (it ends when its input is done) and go on
                // with a fresh one.
                (job_tx, res_rx, worker) = spawn_worker();
            }
        }
    }
    drop(job_tx);
    if failures.is_empty() {
        let _ = worker.join();
    }
    eprintln!(
        "fuzz_mutations: {runs} inputs, seed {seed}, {} failures",
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every saved crashing input must now parse (or fail) without a panic.
#[test]
fn regressions_do_not_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut bad = Vec::new();
    let mut n = 0;
    for e in rd.flatten() {
        let input = std::fs::read(e.path()).unwrap_or_default();
        n += 1;
        let path = e.path();
        let r = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(move || catch_unwind(AssertUnwindSafe(|| exercise(&input))).is_ok())
            .expect("spawn")
            .join()
            .unwrap_or(false);
        if !r {
            bad.push(path.display().to_string());
        }
    }
    eprintln!("regressions_do_not_panic: {n} files");
    assert!(bad.is_empty(), "panics on: {bad:?}");
}
