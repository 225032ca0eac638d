//! The assembler: a finished compilation unit -> a code object.
//!
//! Follows `assemble()` in CPython 3.11's `Python/compile.c`: run the CFG
//! passes of [`crate::flowgraph`] in CPython's order, insert the prefix
//! (`MAKE_CELL`, `COPY_FREE_VARS`, `RETURN_GENERATOR` + `POP_TOP`), renumber
//! cell and free variables into `localsplus` (`fix_cell_offsets`), turn
//! pseudo jumps into forward/backward real jumps (`normalize_jumps`), size
//! jumps with `EXTENDED_ARG` until stable (`assemble_jump_offsets`), write
//! code units with zeroed inline caches, and encode `co_linetable` and
//! `co_exceptiontable` through `taipan-bytecode`.

use taipan_bytecode::exception_table::{self, ExceptionTableEntry};
use taipan_bytecode::location_table::{LineTableWriter, Location};
use taipan_bytecode::marshal::{fast_kind, CodeData, MarshalStr};
use taipan_bytecode::opcode::PseudoOp;
use taipan_bytecode::Opcode;

use crate::codegen::Unit;
use crate::consts::ConstValue;
use crate::flowgraph::{self as fg, layout, Block, Instr, InstrLoc, Op};
use crate::{CompileError, Result};

fn real(op: Op) -> Opcode {
    match op {
        Op::Real(r) => r,
        Op::Pseudo(p) => unreachable!("pseudo-op {} reached the assembler", p.name()),
    }
}

/// `instr_size`: code units of the instruction with its prefixes and caches.
fn instr_size(ins: &Instr) -> u32 {
    let op = real(ins.op);
    let oparg = if op.has_arg() { ins.arg } else { 0 };
    let ext = (oparg > 0xFFFFFF) as u32 + (oparg > 0xFFFF) as u32 + (oparg > 0xFF) as u32;
    ext + 1 + op.cache_entries() as u32
}

fn blocksize(b: &Block) -> u32 {
    b.instrs.iter().map(instr_size).sum()
}

/// `insert_prefix_instructions` (with the cell map of `build_cellfixedoffsets`).
fn insert_prefix(u: &mut Unit, flags: i32, fixed: &[u32]) {
    let entry = &mut u.blocks[0].instrs;
    if flags & (0x20 | 0x80 | 0x200) != 0 {
        let l = u.firstlineno as i32;
        entry.insert(
            0,
            Instr {
                op: Op::Real(Opcode::ReturnGenerator),
                arg: 0,
                target: None,
                except: None,
                loc: InstrLoc {
                    lineno: l,
                    end_lineno: l,
                    col: -1,
                    end_col: -1,
                },
            },
        );
        entry.insert(
            1,
            Instr {
                op: Op::Real(Opcode::PopTop),
                arg: 0,
                target: None,
                except: None,
                loc: InstrLoc::UNSET,
            },
        );
    }
    let ncellvars = u.cellvars.len();
    if ncellvars > 0 {
        let nvars = ncellvars + u.varnames.len();
        let mut sorted = vec![0usize; nvars];
        for (i, &f) in fixed.iter().take(ncellvars).enumerate() {
            sorted[f as usize] = i + 1;
        }
        let mut used = 0;
        for &s in &sorted {
            if used >= ncellvars {
                break;
            }
            if s == 0 {
                continue;
            }
            entry.insert(
                used,
                Instr {
                    op: Op::Real(Opcode::MakeCell),
                    arg: (s - 1) as u32,
                    target: None,
                    except: None,
                    loc: InstrLoc::UNSET,
                },
            );
            used += 1;
        }
    }
    let nfree = u.freevars.len();
    if nfree > 0 {
        entry.insert(
            0,
            Instr {
                op: Op::Real(Opcode::CopyFreeVars),
                arg: nfree as u32,
                target: None,
                except: None,
                loc: InstrLoc::UNSET,
            },
        );
    }
}

fn to_location(l: InstrLoc) -> Location {
    if l.lineno < 0 {
        return Location::NONE;
    }
    let opt = |v: i32| if v < 0 { None } else { Some(v) };
    Location {
        line: Some(l.lineno),
        end_line: opt(l.end_lineno),
        col: opt(l.col),
        end_col: opt(l.end_col),
    }
}

/// Assembles unit `u` into a code object.
pub fn assemble(
    u: &mut Unit,
    filename: &str,
    flags: i32,
    generator_like: bool,
) -> Result<CodeData> {
    let nb = u.blocks.len();
    for b in 0..nb {
        fg::normalize_basic_block(&mut u.blocks, b);
    }
    for b in (0..nb).rev() {
        fg::extend_block(&mut u.blocks, b);
    }
    let nlocals = u.varnames.len();
    let ncellvars = u.cellvars.len();
    let nfreevars = u.freevars.len();
    // build_cellfixedoffsets
    let mut fixed: Vec<u32> = (0..(ncellvars + nfreevars) as u32)
        .map(|i| nlocals as u32 + i)
        .collect();
    for (ci, name) in u.cellvars.list.iter().enumerate() {
        if let Some(vi) = u.varnames.get(name) {
            fixed[ci] = vi;
        }
    }
    if u.firstlineno == 0 {
        let first = u.blocks[0]
            .instrs
            .first()
            .map(|i| i.loc.lineno)
            .unwrap_or(0);
        u.firstlineno = if first > 0 { first as u32 } else { 1 };
    }
    insert_prefix(u, flags, &fixed);
    // fix_cell_offsets
    let mut numdropped = 0;
    for (i, f) in fixed.iter_mut().enumerate() {
        if *f == (i + nlocals) as u32 {
            *f -= numdropped;
        } else {
            numdropped += 1;
        }
    }
    for b in u.blocks.iter_mut() {
        for ins in b.instrs.iter_mut() {
            if matches!(
                ins.op,
                Op::Real(
                    Opcode::MakeCell
                        | Opcode::LoadClosure
                        | Opcode::LoadDeref
                        | Opcode::StoreDeref
                        | Opcode::DeleteDeref
                        | Opcode::LoadClassderef
                )
            ) {
                ins.arg = fixed[ins.arg as usize];
            }
        }
    }
    let mut consts = std::mem::take(&mut u.consts);
    fg::optimize_cfg(&mut u.blocks, &mut consts);
    fg::duplicate_exits_without_lineno(&mut u.blocks);
    fg::trim_unused_consts(&u.blocks, &mut consts);
    fg::propagate_line_numbers(&mut u.blocks);
    fg::guarantee_lineno_for_exits(&mut u.blocks, u.firstlineno as i32);
    let maxdepth = fg::stackdepth(&mut u.blocks, generator_like);
    fg::label_exception_targets(&mut u.blocks);
    fg::convert_exception_handlers_to_nops(&mut u.blocks);
    let order = layout(&u.blocks);
    for &b in &order {
        fg::clean_basic_block(&mut u.blocks, b);
    }
    // normalize_jumps
    let mut seen = vec![false; u.blocks.len()];
    for &b in &order {
        seen[b] = true;
        let Some(last) = u.blocks[b].instrs.last_mut() else {
            continue;
        };
        if !last.is_jump() {
            continue;
        }
        let fwd = !seen[last.target.expect("target")];
        let new = match last.op {
            Op::Pseudo(PseudoOp::Jump) => Some(if fwd {
                Opcode::JumpForward
            } else {
                Opcode::JumpBackward
            }),
            Op::Pseudo(PseudoOp::JumpNoInterrupt) => Some(if fwd {
                Opcode::JumpForward
            } else {
                Opcode::JumpBackwardNoInterrupt
            }),
            Op::Pseudo(PseudoOp::PopJumpIfNotNone) => Some(if fwd {
                Opcode::PopJumpForwardIfNotNone
            } else {
                Opcode::PopJumpBackwardIfNotNone
            }),
            Op::Pseudo(PseudoOp::PopJumpIfNone) => Some(if fwd {
                Opcode::PopJumpForwardIfNone
            } else {
                Opcode::PopJumpBackwardIfNone
            }),
            Op::Pseudo(PseudoOp::PopJumpIfFalse) => Some(if fwd {
                Opcode::PopJumpForwardIfFalse
            } else {
                Opcode::PopJumpBackwardIfFalse
            }),
            Op::Pseudo(PseudoOp::PopJumpIfTrue) => Some(if fwd {
                Opcode::PopJumpForwardIfTrue
            } else {
                Opcode::PopJumpBackwardIfTrue
            }),
            Op::Real(Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop) if !fwd => {
                return Err(CompileError {
                    kind: "SystemError",
                    msg: "unexpected JUMP_IF_*_OR_POP jumping backwards".into(),
                    lineno: 0,
                    offset: 0,
                    end_lineno: 0,
                    end_offset: 0,
                    warnings: Vec::new(),
                });
            }
            _ => None,
        };
        if let Some(op) = new {
            last.op = Op::Real(op);
        }
    }
    // Every remaining pseudo-op must be gone by now.
    for &b in &order {
        for ins in &u.blocks[b].instrs {
            if let Op::Pseudo(p) = ins.op {
                return Err(CompileError {
                    kind: "SystemError",
                    msg: format!("pseudo-op {} left at assembly", p.name()),
                    lineno: 0,
                    offset: 0,
                    end_lineno: 0,
                    end_offset: 0,
                    warnings: Vec::new(),
                });
            }
        }
    }
    // assemble_jump_offsets
    loop {
        let mut tot = 0;
        for &b in &order {
            u.blocks[b].offset = tot;
            tot += blocksize(&u.blocks[b]);
        }
        let mut again = false;
        for &b in &order {
            let mut off = u.blocks[b].offset;
            for k in 0..u.blocks[b].instrs.len() {
                let isize = instr_size(&u.blocks[b].instrs[k]);
                off += isize;
                if u.blocks[b].instrs[k].is_jump() {
                    let t = u.blocks[b].instrs[k].target.expect("target");
                    let toff = u.blocks[t].offset;
                    let ins = &mut u.blocks[b].instrs[k];
                    ins.arg = off.abs_diff(toff);
                    if instr_size(ins) != isize {
                        again = true;
                    }
                }
            }
        }
        if !again {
            break;
        }
    }
    // Emit code.
    let mut code: Vec<u8> = Vec::new();
    let mut lt = LineTableWriter::new(u.firstlineno as i32);
    let mut xt: Vec<ExceptionTableEntry> = Vec::new();
    let mut cur_handler: Option<usize> = None;
    let mut start = 0u32;
    let mut ioffset = 0u32;
    for &b in &order {
        for ins in &u.blocks[b].instrs {
            if ins.except != cur_handler {
                if let Some(h) = cur_handler {
                    xt.push(handler_entry(&u.blocks[h], start, ioffset));
                }
                start = ioffset;
                cur_handler = ins.except;
            }
            let size = instr_size(ins);
            ioffset += size;
            let op = real(ins.op);
            let oparg = if op.has_arg() { ins.arg } else { 0 };
            let caches = op.cache_entries() as u32;
            let n = size - caches;
            for shift in (1..n).rev() {
                code.push(Opcode::ExtendedArg as u8);
                code.push((oparg >> (8 * shift)) as u8);
            }
            code.push(op as u8);
            code.push(oparg as u8);
            for _ in 0..caches {
                code.push(0);
                code.push(0);
            }
            lt.push(size as usize, to_location(ins.loc));
        }
    }
    if let Some(h) = cur_handler {
        xt.push(handler_entry(&u.blocks[h], start, ioffset));
    }
    // Locals, cells, frees.
    let mut names: Vec<MarshalStr> = Vec::new();
    let mut kinds: Vec<u8> = Vec::new();
    for v in &u.varnames.list {
        names.push(MarshalStr::new(v, true));
        let mut k = fast_kind::LOCAL;
        if u.cellvars.get(v).is_some() {
            k |= fast_kind::CELL;
        }
        kinds.push(k);
    }
    for c in &u.cellvars.list {
        if u.varnames.get(c).is_none() {
            names.push(MarshalStr::new(c, true));
            kinds.push(fast_kind::CELL);
        }
    }
    for f in &u.freevars.list {
        names.push(MarshalStr::new(f, true));
        kinds.push(fast_kind::FREE);
    }
    Ok(CodeData {
        argcount: (u.argcount + u.posonlyargcount) as i32,
        posonlyargcount: u.posonlyargcount as i32,
        kwonlyargcount: u.kwonlyargcount as i32,
        stacksize: maxdepth,
        flags,
        code,
        consts: consts.iter().map(ConstValue::to_marshal).collect(),
        names: u
            .names
            .list
            .iter()
            .map(|n| MarshalStr::new(n, true))
            .collect(),
        localsplusnames: names,
        localspluskinds: kinds,
        filename: MarshalStr::new(filename, false),
        name: MarshalStr::new(&u.name, true),
        qualname: MarshalStr::new(&u.qualname, true),
        firstlineno: u.firstlineno as i32,
        linetable: lt.finish(),
        exceptiontable: exception_table::encode(&xt),
    })
}

fn handler_entry(h: &Block, start: u32, end: u32) -> ExceptionTableEntry {
    let mut depth = h.startdepth - 1;
    if h.preserve_lasti {
        depth -= 1;
    }
    ExceptionTableEntry {
        start,
        end,
        target: h.offset,
        depth: depth.max(0) as u32,
        lasti: h.preserve_lasti,
    }
}
