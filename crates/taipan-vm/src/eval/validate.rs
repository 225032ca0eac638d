//! Validation of the code units the evaluation loop runs (what CPython's
//! compiler guarantees by construction and `Python/ceval.c` trusts; CPython
//! 3.11 has no such pass, so a hand-made code object can crash it).
//!
//! The loop reads and writes the value stack and the fast locals without
//! bounds checks. That is sound only for code whose every reachable
//! instruction stays inside the frame's slots, which this pass proves once
//! per code object, for every code object the loop can be given: compiled,
//! read by `marshal`, made by `code.replace` or the `code` constructor. It
//! follows the control flow exactly as the loop decodes it (from any unit a
//! jump can reach, `EXTENDED_ARG` prefixes included), keeping for each unit
//! the range of stack depths it can be reached with, and checks that
//! - every local, cell, constant and name index is in range;
//! - every jump, fall-through and exception handler lands inside the code;
//! - no instruction pops more values than the stack holds (by the lowest
//!   depth) nor pushes past `co_stacksize` (by the highest).
//!
//! The stack effects here are the loop's own: `PRECALL` moves nothing and
//! `CALL` pops the callable, the NULL/self slot and the arguments (CPython
//! books part of that on `PRECALL`); `RETURN_GENERATOR` leaves one more
//! value, the one the first `send` pushes before the loop resumes. An
//! exception handler starts at its entry's depth plus `lasti` and the
//! exception (the loop sets the stack to exactly that depth).
//! Code that fails runs as a single instruction raising `SystemError`.

use taipan_bytecode::opcode::{Opcode, EXTENDED_ARG};

/// The byte of the instruction that a code object failing validation runs
/// (no instruction of 3.11 has it).
pub const INVALID_CODE_OP: u8 = 255;

/// What a code object's numbers say about its frame.
pub struct Shape {
    pub nlocalsplus: usize,
    pub nconsts: usize,
    pub nnames: usize,
    pub stacksize: usize,
}

/// The loop's stack effect of one instruction: values it needs on the
/// stack before it runs (`reads`), and the depth change when it falls
/// through and when it jumps.
struct Effect {
    reads: i64,
    next: i64,
    jump: i64,
}

fn effect(op: Opcode, arg: u32) -> Option<Effect> {
    use Opcode::*;
    let a = arg as i64;
    let e = |reads: i64, next: i64| Effect {
        reads,
        next,
        jump: next,
    };
    Some(match op {
        Cache
        | Nop
        | Resume
        | Precall
        | ExtendedArg
        | KwNames
        | JumpForward
        | JumpBackward
        | JumpBackwardNoInterrupt
        | MakeCell
        | CopyFreeVars
        | DeleteFast
        | DeleteName
        | DeleteGlobal
        | DeleteDeref
        | SetupAnnotations => e(0, 0),
        PushNull | LoadConst | LoadName | LoadFast | LoadClosure | LoadDeref | LoadClassderef
        | LoadBuildClass | LoadAssertionError => e(0, 1),
        // The first `send` pushes a value before the loop resumes.
        ReturnGenerator => e(0, 1),
        LoadGlobal => e(0, 1 + (a & 1)),
        PopTop | StoreFast | StoreName | StoreGlobal | StoreDeref | PrintExpr | ImportStar
        | PopExcept | DeleteAttr => e(1, -1),
        UnaryPositive | UnaryNegative | UnaryNot | UnaryInvert | GetIter | GetYieldFromIter
        | ListToTuple | AsyncGenWrap | LoadAttr | GetAwaitable | GetAiter => e(1, 0),
        // Pops the value; the resuming `send` pushes one.
        YieldValue => e(1, 0),
        GetLen | MatchMapping | MatchSequence | GetAnext | BeforeAsyncWith | BeforeWith
        | PushExcInfo | ImportFrom | LoadMethod => e(1, 1),
        MatchKeys => e(2, 1),
        BinarySubscr | CompareOp | IsOp | ContainsOp | BinaryOp | ImportName | PrepReraiseStar => {
            e(2, -1)
        }
        CheckExcMatch | CheckEgMatch => e(2, 0),
        WithExceptStart => e(4, 1),
        EndAsyncFor | DeleteSubscr | StoreAttr => e(2, -2),
        StoreSubscr => e(3, -3),
        ReturnValue => e(1, -1),
        RaiseVarargs => e(a, -a),
        Reraise => e(1 + a, -1),
        UnpackSequence => e(1, a - 1),
        UnpackEx => e(1, (a & 0xff) + (a >> 8)),
        Swap => e(a.max(1), 0),
        Copy => e(a.max(1), 1),
        BuildTuple | BuildList | BuildSet | BuildString => e(a, 1 - a),
        BuildMap => e(2 * a, 1 - 2 * a),
        BuildConstKeyMap => e(a + 1, -a),
        BuildSlice => {
            let n = if a == 3 { 3 } else { 2 };
            e(n, 1 - n)
        }
        MakeFunction => {
            let n = 1 + (a & 0xf).count_ones() as i64;
            e(n, 1 - n)
        }
        FormatValue => {
            if a & 4 != 0 {
                e(2, -1)
            } else {
                e(1, 0)
            }
        }
        ListAppend | SetAdd | ListExtend | SetUpdate | DictUpdate | DictMerge => e(a + 1, -1),
        MapAdd => e(a + 2, -2),
        MatchClass => e(3, -2),
        Call => e(a + 2, -a - 1),
        CallFunctionEx => {
            let n = 3 + (a & 1);
            e(n, 1 - n)
        }
        ForIter => Effect {
            reads: 1,
            next: 1,
            jump: -1,
        },
        Send => Effect {
            reads: 2,
            next: 0,
            jump: -1,
        },
        JumpIfFalseOrPop | JumpIfTrueOrPop => Effect {
            reads: 1,
            next: -1,
            jump: 0,
        },
        PopJumpForwardIfFalse
        | PopJumpForwardIfTrue
        | PopJumpForwardIfNone
        | PopJumpForwardIfNotNone
        | PopJumpBackwardIfFalse
        | PopJumpBackwardIfTrue
        | PopJumpBackwardIfNone
        | PopJumpBackwardIfNotNone => e(1, -1),
        _ => return None,
    })
}

/// One decoded instruction: its base opcode, full argument, and the unit
/// after its own (before its inline caches).
fn decode(units: &[u16], mut p: usize) -> Result<(u8, u32, usize), String> {
    let mut arg: u32 = 0;
    loop {
        let u = *units
            .get(p)
            .ok_or_else(|| "execution runs past the end of the code".to_string())?;
        let op = (u & 0xff) as u8;
        arg = (arg << 8) | (u >> 8) as u32;
        p += 1;
        if op != EXTENDED_ARG {
            return Ok((op, arg, p));
        }
    }
}

/// Checks `units` (the loop's code units) against `shape` and the
/// exception table; `Err` says what is wrong.
pub fn check(units: &[u16], shape: &Shape, exceptiontable: &[u8]) -> Result<(), String> {
    let n = units.len();
    if n == 0 {
        return Err("empty code".into());
    }
    let depth_max = shape.stacksize as i64;
    // Depth range each unit is reached with (min > max: not reached).
    let mut lo = vec![i64::MAX; n];
    let mut hi = vec![i64::MIN; n];
    let mut work: Vec<usize> = Vec::new();
    let reach = |p: usize,
                 dlo: i64,
                 dhi: i64,
                 lo: &mut [i64],
                 hi: &mut [i64],
                 work: &mut Vec<usize>|
     -> Result<(), String> {
        if p >= n {
            return Err(format!("a jump or fall-through leaves the code (unit {p})"));
        }
        if dlo < 0 {
            return Err(format!("stack underflow reaching unit {p}"));
        }
        if dhi > depth_max {
            return Err(format!(
                "stack depth {dhi} reaching unit {p} exceeds co_stacksize {depth_max}"
            ));
        }
        if dlo < lo[p] || dhi > hi[p] {
            lo[p] = lo[p].min(dlo);
            hi[p] = hi[p].max(dhi);
            work.push(p);
        }
        Ok(())
    };
    reach(0, 0, 0, &mut lo, &mut hi, &mut work)?;
    // (`find_handler` stops at the first malformed entry too.)
    for h in taipan_bytecode::exception_table::entries(exceptiontable) {
        let Ok(h) = h else { break };
        let d = h.depth as i64 + h.lasti as i64 + 1;
        reach(h.target as usize, d, d, &mut lo, &mut hi, &mut work)?;
    }
    let caches = |op: u8| Opcode::from_u8(op).map_or(0, |o| o.cache_entries() as usize);
    while let Some(p) = work.pop() {
        let (dlo, dhi) = (lo[p], hi[p]);
        let (byte, arg, after) = decode(units, p)?;
        if byte == INVALID_CODE_OP {
            continue;
        }
        let Some(op) = Opcode::from_u8(byte).map(Opcode::deoptimize) else {
            // The loop raises SystemError for an unknown opcode.
            continue;
        };
        let Some(e) = effect(op, arg) else {
            continue;
        };
        let a = arg as usize;
        let bad = |what: &str| {
            Err(format!(
                "{} argument {arg} out of range for {what}",
                op.name()
            ))
        };
        match op {
            Opcode::LoadFast
            | Opcode::StoreFast
            | Opcode::DeleteFast
            | Opcode::MakeCell
            | Opcode::LoadClosure
            | Opcode::LoadDeref
            | Opcode::StoreDeref
            | Opcode::DeleteDeref
            | Opcode::LoadClassderef
                if a >= shape.nlocalsplus =>
            {
                return bad("the fast locals");
            }
            Opcode::CopyFreeVars if a > shape.nlocalsplus => return bad("the fast locals"),
            Opcode::LoadConst | Opcode::KwNames if a >= shape.nconsts => return bad("co_consts"),
            Opcode::LoadGlobal if a >> 1 >= shape.nnames => return bad("co_names"),
            Opcode::LoadName
            | Opcode::StoreName
            | Opcode::DeleteName
            | Opcode::LoadAttr
            | Opcode::StoreAttr
            | Opcode::DeleteAttr
            | Opcode::StoreGlobal
            | Opcode::DeleteGlobal
            | Opcode::ImportName
            | Opcode::ImportFrom
            | Opcode::LoadMethod
                if a >= shape.nnames =>
            {
                return bad("co_names");
            }
            _ => {}
        }
        // The finishing of a `yield from` (`gen::finish_yield_from`) pops
        // the sub-iterator below a suspended `YIELD_VALUE` that follows a
        // `SEND`, pushes the value, and resumes at the `SEND`'s target.
        let mut reads = e.reads;
        if op == Opcode::YieldValue && p >= 1 && (units[p - 1] & 0xff) as u8 == Opcode::Send as u8 {
            reads = 2;
            let target = p + (units[p - 1] >> 8) as usize;
            reach(target, dlo - 1, dhi - 1, &mut lo, &mut hi, &mut work)?;
        }
        if dlo < reads {
            return Err(format!(
                "{} at unit {p} needs {reads} values on the stack, which may hold {dlo}",
                op.name()
            ));
        }
        let next = after + caches(byte);
        let falls = !matches!(
            op,
            Opcode::ReturnValue
                | Opcode::RaiseVarargs
                | Opcode::Reraise
                | Opcode::JumpForward
                | Opcode::JumpBackward
                | Opcode::JumpBackwardNoInterrupt
        );
        if falls {
            reach(
                next,
                dlo + e.next,
                dhi + e.next,
                &mut lo,
                &mut hi,
                &mut work,
            )?;
        }
        let kinds = op.arg_kinds();
        let target = if kinds & taipan_bytecode::opcode::kind::JUMP_FORWARD != 0 {
            Some(next.checked_add(a))
        } else if op.is_backward_jump() {
            Some(next.checked_sub(a))
        } else {
            None
        };
        if let Some(t) = target {
            let t = t.ok_or_else(|| format!("{} at unit {p} jumps out of the code", op.name()))?;
            reach(t, dlo + e.jump, dhi + e.jump, &mut lo, &mut hi, &mut work)?;
        }
    }
    Ok(())
}

/// The code units a code object failing validation runs.
pub fn invalid_units() -> Box<[u16]> {
    Box::new([INVALID_CODE_OP as u16])
}
