//! Every opcode fact and `dis.stack_effect` value of CPython 3.11, compared
//! with the table in `src/opcode.rs`.

mod common;

use taipan_bytecode::opcode::{self, Opcode};

#[test]
fn opcode_table_matches_cpython() {
    let dump = common::run_python("dump_opcodes.py", &[]);
    let mut ops = 0;
    let mut effects = 0;
    for line in dump.lines() {
        let f: Vec<&str> = line.split(' ').collect();
        match f[0] {
            "have_argument" => {
                assert_eq!(f[1], opcode::HAVE_ARGUMENT.to_string());
                assert_eq!(f[3], opcode::EXTENDED_ARG.to_string());
                assert_eq!(Opcode::ExtendedArg as u8, opcode::EXTENDED_ARG);
            }
            "cmp_op" => assert_eq!(&f[1..], &opcode::CMP_OP[..]),
            "nb_ops" => {
                let ours: Vec<String> = opcode::NB_OPS
                    .iter()
                    .map(|(n, s)| format!("{n}:{s}"))
                    .collect();
                assert_eq!(f[1..].to_vec(), ours);
            }
            "specialized" => {
                let ours: Vec<&str> = Opcode::ALL
                    .iter()
                    .filter(|op| op.is_specialized())
                    .map(|op| op.name())
                    .collect();
                assert_eq!(f[1..].to_vec(), ours);
            }
            "op" => {
                let num: u8 = f[1].parse().unwrap();
                let Some(op) = Opcode::from_u8(num) else {
                    assert!(
                        f[2].starts_with('<'),
                        "{} ({num}) missing from the table",
                        f[2]
                    );
                    continue;
                };
                ops += 1;
                assert_eq!(op.name(), f[2]);
                assert_eq!(op.has_arg() as u8, f[3].parse::<u8>().unwrap(), "{op}");
                assert_eq!(op.cache_entries().to_string(), f[4], "{op} caches");
                assert_eq!(op.deoptimize().name(), f[5], "{op} deopt");
                let kinds: String = [
                    (op.has_const(), 'c'),
                    (op.has_name(), 'n'),
                    (op.has_jrel(), 'j'),
                    (op.has_jabs(), 'a'),
                    (op.has_local(), 'l'),
                    (op.has_free(), 'f'),
                    (op.has_compare(), 'm'),
                ]
                .iter()
                .filter(|(on, _)| *on)
                .map(|(_, c)| *c)
                .collect();
                let kinds = if kinds.is_empty() {
                    "-".to_string()
                } else {
                    kinds
                };
                assert_eq!(kinds, f[6], "{op} argument kinds");
            }
            "se" => {
                let num: u8 = f[1].parse().unwrap();
                let jump = match f[2] {
                    "N" => None,
                    "T" => Some(true),
                    _ => Some(false),
                };
                let expected: Vec<&str> = f[3].split(',').collect();
                let opargs: Vec<i32> = if num >= opcode::HAVE_ARGUMENT {
                    (-3..520)
                        .chain([1000, 4095, 65535, 65539, 1 << 20, (1 << 24) + 7])
                        .collect()
                } else {
                    vec![0]
                };
                assert_eq!(opargs.len(), expected.len());
                for (oparg, want) in opargs.iter().zip(expected) {
                    let ours = Opcode::from_u8(num).and_then(|op| op.stack_effect(*oparg, jump));
                    let ours = ours.map_or("x".to_string(), |e| e.to_string());
                    assert_eq!(ours, want, "stack_effect({num}, {oparg}, jump={jump:?})");
                    effects += 1;
                }
            }
            other => panic!("unexpected line {other}"),
        }
    }
    assert_eq!(ops, Opcode::ALL.len());
    println!("{ops} opcodes and {effects} stack effects agree with CPython 3.11");
    assert!(effects > 150_000);
}
