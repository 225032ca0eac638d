//! Parse-speed benchmark: parses a list of files to AST (no dump) in one process and prints
//! the throughput. `bench/parse_speed.py` runs it beside CPython's
//! `compile(src, path, "exec", ast.PyCF_ONLY_AST)` over the same files.
//!
//! Usage: `parse_bench ROUNDS < file-list` (one path per line). Prints
//! `bytes=<total> best_seconds=<best round> failures=<files that did not parse>`.
//!
//! It uses the global allocator the `taipan` binary ships with (mimalloc), so that the
//! figure is the parser's speed as Taipan runs it.

use std::io::Read;
use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let mut list = String::new();
    std::io::stdin()
        .read_to_string(&mut list)
        .expect("reading the file list");
    let files: Vec<(String, Vec<u8>)> = list
        .lines()
        .filter(|l| !l.is_empty())
        .map(|p| (p.to_string(), std::fs::read(p).unwrap_or_default()))
        .collect();
    let total: usize = files.iter().map(|(_, d)| d.len()).sum();
    let mut best = f64::INFINITY;
    let mut failures = 0;
    for _ in 0..rounds {
        failures = 0;
        let start = Instant::now();
        for (path, data) in &files {
            match taipan_parser::parse_module(data, path) {
                Ok(tree) => drop(std::hint::black_box(tree)),
                Err(_) => failures += 1,
            }
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!("bytes={total} best_seconds={best:.6} failures={failures}");
}
