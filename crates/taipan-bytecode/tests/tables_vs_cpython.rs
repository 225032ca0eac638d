//! The exception and location tables of every code object in the top-level
//! stdlib modules and the packages in `PACKAGES`, as python3.11 compiles them: decoded by us, compared with
//! `dis._parse_exception_table`, `co_positions()` and `co_lines()`, and
//! re-encoded byte for byte.

mod common;

use taipan_bytecode::exception_table;
use taipan_bytecode::location_table::{self, Location};

struct Code {
    name: String,
    first_lineno: i32,
    units: usize,
    ex: Vec<u8>,
    ex_entries: Vec<[u32; 5]>,
    lt: Vec<u8>,
    positions: Vec<Location>,
    lines: Vec<(u32, u32, Option<i32>)>,
}

fn num(s: &str) -> Option<i32> {
    (s != "n").then(|| s.parse().unwrap())
}

/// The packages walked besides the top-level modules.
pub const PACKAGES: &[&str] = &[
    "asyncio",
    "collections",
    "concurrent",
    "email",
    "encodings",
    "html",
    "http",
    "importlib",
    "json",
    "logging",
    "multiprocessing",
    "re",
    "tomllib",
    "unittest",
    "urllib",
    "xml",
    "zoneinfo",
];

/// Every `.py` file directly in `dir`, sorted.
fn py_files(dir: &std::path::Path, recursive: bool, out: &mut Vec<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| Some(e.ok()?.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            if recursive && !path.ends_with("__pycache__") {
                py_files(&path, true, out);
            }
        } else if path.extension().is_some_and(|x| x == "py") {
            out.push(path.to_str().unwrap().to_string());
        }
    }
}

fn stdlib_codes() -> Vec<Code> {
    let root = std::path::Path::new("/usr/lib/python3.11");
    let mut files = Vec::new();
    py_files(root, false, &mut files);
    for package in PACKAGES {
        py_files(&root.join(package), true, &mut files);
    }
    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    let dump = common::run_python("dump_tables.py", &args);
    let mut codes: Vec<Code> = Vec::new();
    for line in dump.lines() {
        let (tag, rest) = line.split_once(' ').unwrap_or((line, ""));
        match tag {
            "file" => {}
            "code" => {
                let f: Vec<&str> = rest.rsplitn(3, ' ').collect();
                codes.push(Code {
                    name: f[2].to_string(),
                    first_lineno: f[1].parse().unwrap(),
                    units: f[0].parse().unwrap(),
                    ex: vec![],
                    ex_entries: vec![],
                    lt: vec![],
                    positions: vec![],
                    lines: vec![],
                });
            }
            "ex" => codes.last_mut().unwrap().ex = common::unhex(rest),
            "exe" => {
                let v: Vec<u32> = rest.split(' ').map(|x| x.parse().unwrap()).collect();
                codes
                    .last_mut()
                    .unwrap()
                    .ex_entries
                    .push([v[0], v[1], v[2], v[3], v[4]]);
            }
            "lt" => codes.last_mut().unwrap().lt = common::unhex(rest),
            "pos" => {
                let c = codes.last_mut().unwrap();
                for run in rest.split(' ').filter(|r| !r.is_empty()) {
                    let (count, p) = run.split_once(':').unwrap();
                    let p: Vec<Option<i32>> = p.split(',').map(num).collect();
                    let loc = Location {
                        line: p[0],
                        end_line: p[1],
                        col: p[2],
                        end_col: p[3],
                    };
                    let count: usize = count.parse().unwrap();
                    c.positions.extend(std::iter::repeat_n(loc, count));
                }
            }
            "lines" => {
                let c = codes.last_mut().unwrap();
                for item in rest.split(' ').filter(|r| !r.is_empty()) {
                    let v: Vec<&str> = item.split(',').collect();
                    c.lines
                        .push((v[0].parse().unwrap(), v[1].parse().unwrap(), num(v[2])));
                }
            }
            other => panic!("unexpected line {other}"),
        }
    }
    codes
}

#[test]
fn tables_match_cpython() {
    let codes = stdlib_codes();
    assert!(codes.len() > 10_000, "only {} code objects", codes.len());
    let (mut with_handlers, mut handler_entries, mut ex_identical) = (0, 0, 0);
    let (mut lt_identical, mut units) = (0, 0);
    for c in &codes {
        // Exception table: decode, compare with dis, re-encode.
        let entries = exception_table::decode(&c.ex).unwrap_or_else(|e| panic!("{}: {e}", c.name));
        let ours: Vec<[u32; 5]> = entries
            .iter()
            .map(|e| {
                [
                    e.start * 2,
                    e.end * 2,
                    e.target * 2,
                    e.depth,
                    e.lasti as u32,
                ]
            })
            .collect();
        assert_eq!(ours, c.ex_entries, "{}: exception table", c.name);
        if !entries.is_empty() {
            with_handlers += 1;
        }
        handler_entries += entries.len();
        assert_eq!(
            exception_table::encode(&entries),
            c.ex,
            "{}: exception table bytes",
            c.name
        );
        ex_identical += 1;

        // Location table: decode, compare with co_positions() and co_lines(), re-encode.
        let entries = location_table::decode(c.first_lineno, &c.lt)
            .unwrap_or_else(|e| panic!("{}: {e}", c.name));
        let positions = location_table::positions(&entries);
        assert_eq!(positions.len(), c.units, "{}: code units", c.name);
        assert_eq!(positions, c.positions, "{}: co_positions()", c.name);
        let lines: Vec<_> = location_table::lines(&entries)
            .into_iter()
            .map(|(s, e, l)| (s * 2, e * 2, l))
            .collect();
        assert_eq!(lines, c.lines, "{}: co_lines()", c.name);
        units += c.units;
        if location_table::encode(c.first_lineno, &entries) == c.lt {
            lt_identical += 1;
        }
    }
    println!(
        "{} code objects ({units} code units): exception tables {ex_identical} identical \
         ({with_handlers} with {handler_entries} handlers), line tables {lt_identical} identical",
        codes.len()
    );
    assert_eq!(lt_identical, codes.len());
}
