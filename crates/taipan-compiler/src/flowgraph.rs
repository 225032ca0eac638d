//! The control-flow graph: basic blocks of instructions with pseudo-ops, and
//! the passes CPython 3.11 runs over it before assembly.
//!
//! Follows the CFG half of `Python/compile.c` (3.11 keeps it there; 3.12
//! moved it to `Python/flowgraph.c`): `normalize_basic_block`,
//! `extend_block`, `optimize_basic_block` (constant conditions, tuple
//! folding, jump threading, `SWAP` optimization, `PUSH_NULL` + `LOAD_GLOBAL`
//! fusion), `clean_basic_block` (NOP removal that keeps line events),
//! `mark_reachable`, `eliminate_empty_basic_blocks`,
//! `duplicate_exits_without_lineno`, `propagate_line_numbers`,
//! `guarantee_lineno_for_exits`, `stackdepth` and `label_exception_targets`.
//!
//! Blocks live in a `Vec` in allocation order; CPython's `b_list` (newest
//! first) is that vector walked backwards, and `b_next` (layout order) is
//! [`Block::next`]. Block 0 is the entry block.

use taipan_bytecode::opcode::PseudoOp;
use taipan_bytecode::Opcode;
use taipan_parser::ast::Loc;

use crate::consts::ConstValue;

/// Source span of an instruction, CPython's four `i_*` ints; `lineno < 0`
/// means "no location".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InstrLoc {
    pub lineno: i32,
    pub end_lineno: i32,
    pub col: i32,
    pub end_col: i32,
}

impl InstrLoc {
    /// `UNSET_LOC`.
    pub const UNSET: InstrLoc = InstrLoc {
        lineno: -1,
        end_lineno: -1,
        col: -1,
        end_col: -1,
    };
    /// The `*_noline` helpers' location.
    pub const NOLINE: InstrLoc = InstrLoc {
        lineno: -1,
        end_lineno: 0,
        col: 0,
        end_col: 0,
    };
}

impl From<Loc> for InstrLoc {
    fn from(l: Loc) -> InstrLoc {
        InstrLoc {
            lineno: l.lineno as i32,
            end_lineno: l.end_lineno as i32,
            col: l.col_offset as i32,
            end_col: l.end_col_offset as i32,
        }
    }
}

/// A real instruction or one of the compiler's pseudo-instructions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Real(Opcode),
    Pseudo(PseudoOp),
}

pub const NOP: Op = Op::Real(Opcode::Nop);

#[derive(Clone, Debug)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
    pub target: Option<usize>,
    /// The handler block covering this instruction (set by
    /// [`label_exception_targets`]).
    pub except: Option<usize>,
    pub loc: InstrLoc,
}

impl Instr {
    /// `is_jump`: the pseudo jumps and every real relative jump.
    pub fn is_jump(&self) -> bool {
        match self.op {
            Op::Pseudo(p) => !matches!(
                p,
                PseudoOp::SetupFinally
                    | PseudoOp::SetupCleanup
                    | PseudoOp::SetupWith
                    | PseudoOp::PopBlock
            ),
            Op::Real(r) => r.has_jrel(),
        }
    }

    /// `is_block_push`.
    pub fn is_block_push(&self) -> bool {
        matches!(
            self.op,
            Op::Pseudo(PseudoOp::SetupFinally | PseudoOp::SetupCleanup | PseudoOp::SetupWith)
        )
    }

    pub fn is_scope_exit(&self) -> bool {
        matches!(
            self.op,
            Op::Real(Opcode::ReturnValue | Opcode::RaiseVarargs | Opcode::Reraise)
        )
    }

    pub fn is_uncond_jump(&self) -> bool {
        matches!(
            self.op,
            Op::Pseudo(PseudoOp::Jump | PseudoOp::JumpNoInterrupt)
                | Op::Real(
                    Opcode::JumpForward | Opcode::JumpBackward | Opcode::JumpBackwardNoInterrupt
                )
        )
    }

    /// `stack_effect` of `compile.c`, for the fall-through or the jump.
    pub fn stack_effect(&self, jump: bool) -> i32 {
        match self.op {
            Op::Pseudo(p) => p.stack_effect(Some(jump)),
            Op::Real(r) => r.stack_effect(self.arg as i32, Some(jump)).unwrap_or(0),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Block {
    pub instrs: Vec<Instr>,
    pub next: Option<usize>,
    pub exit: bool,
    pub nofallthrough: bool,
    pub ret: bool,
    pub predecessors: u32,
    pub startdepth: i32,
    pub visited: bool,
    pub preserve_lasti: bool,
    pub offset: u32,
    pub except_stack: Option<Vec<usize>>,
}

impl Default for Block {
    fn default() -> Block {
        Block {
            instrs: Vec::new(),
            next: None,
            exit: false,
            nofallthrough: false,
            ret: false,
            predecessors: 0,
            startdepth: i32::MIN,
            visited: false,
            preserve_lasti: false,
            offset: 0,
            except_stack: None,
        }
    }
}

/// The blocks of a unit in layout order, starting at the entry block.
pub fn layout(blocks: &[Block]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut b = Some(0);
    while let Some(i) = b {
        out.push(i);
        b = blocks[i].next;
    }
    out
}

/// Skip empty blocks along `next` from `b`.
fn skip_empty(blocks: &[Block], mut b: usize) -> usize {
    while blocks[b].instrs.is_empty() {
        match blocks[b].next {
            Some(n) => b = n,
            None => break,
        }
    }
    b
}

/// `normalize_basic_block`.
pub fn normalize_basic_block(blocks: &mut [Block], b: usize) {
    let n = blocks[b].instrs.len();
    for i in 0..n {
        let ins = blocks[b].instrs[i].clone();
        if ins.is_scope_exit() {
            blocks[b].exit = true;
            blocks[b].nofallthrough = true;
        } else if ins.is_jump() {
            if matches!(
                ins.op,
                Op::Pseudo(PseudoOp::Jump | PseudoOp::JumpNoInterrupt)
            ) {
                blocks[b].nofallthrough = true;
            }
            if let Some(t) = ins.target {
                let t = skip_empty(blocks, t);
                blocks[b].instrs[i].target = Some(t);
            }
        }
    }
}

fn has_lineno(b: &Block) -> bool {
    b.instrs.iter().any(|i| i.loc.lineno > 0)
}

/// `extend_block`: a jump to a small exit block without line numbers
/// becomes a copy of that block.
pub fn extend_block(blocks: &mut [Block], b: usize) {
    let Some(last) = blocks[b].instrs.last() else {
        return;
    };
    if !matches!(
        last.op,
        Op::Pseudo(PseudoOp::Jump) | Op::Real(Opcode::JumpForward | Opcode::JumpBackward)
    ) {
        return;
    }
    let Some(t) = last.target else { return };
    if blocks[t].exit && blocks[t].instrs.len() <= 4 {
        if has_lineno(&blocks[t]) {
            return;
        }
        let copy = blocks[t].instrs.clone();
        let bl = &mut blocks[b];
        bl.instrs.last_mut().expect("nonempty").op = NOP;
        bl.instrs.extend(copy);
        bl.exit = true;
    }
}

/// `clean_basic_block`: drop NOPs that carry no line event.
pub fn clean_basic_block(blocks: &mut [Block], b: usize) {
    let mut out: Vec<Instr> = Vec::with_capacity(blocks[b].instrs.len());
    let mut prev_lineno = -1;
    let n = blocks[b].instrs.len();
    for src in 0..n {
        let lineno = blocks[b].instrs[src].loc.lineno;
        if blocks[b].instrs[src].op == NOP {
            if lineno < 0 {
                continue;
            }
            if prev_lineno == lineno {
                continue;
            }
            if src < n - 1 {
                let next_lineno = blocks[b].instrs[src + 1].loc.lineno;
                if next_lineno == lineno {
                    continue;
                }
                if next_lineno < 0 {
                    let loc = blocks[b].instrs[src].loc;
                    blocks[b].instrs[src + 1].loc = loc;
                    continue;
                }
            } else {
                let mut next = blocks[b].next;
                while let Some(nb) = next {
                    if blocks[nb].instrs.is_empty() {
                        next = blocks[nb].next;
                    } else {
                        break;
                    }
                }
                if let Some(nb) = next {
                    if lineno == blocks[nb].instrs[0].loc.lineno {
                        continue;
                    }
                }
            }
        }
        out.push(blocks[b].instrs[src].clone());
        prev_lineno = lineno;
    }
    blocks[b].instrs = out;
}

/// `jump_thread`.
fn jump_thread(blocks: &mut [Block], b: usize, i: usize, target: &Instr, op: Op) -> bool {
    let inst = &mut blocks[b].instrs[i];
    if inst.loc.lineno == target.loc.lineno && inst.target != target.target {
        inst.target = target.target;
        inst.op = op;
        return true;
    }
    false
}

const POP_JUMP_IF_FALSE: Op = Op::Pseudo(PseudoOp::PopJumpIfFalse);
const POP_JUMP_IF_TRUE: Op = Op::Pseudo(PseudoOp::PopJumpIfTrue);
const JUMP: Op = Op::Pseudo(PseudoOp::Jump);
const JIFOP: Op = Op::Real(Opcode::JumpIfFalseOrPop);
const JITOP: Op = Op::Real(Opcode::JumpIfTrueOrPop);

/// `fold_tuple_on_constants`.
fn fold_tuple_on_constants(
    blocks: &mut [Block],
    b: usize,
    start: usize,
    n: usize,
    consts: &mut Vec<ConstValue>,
) {
    let instrs = &blocks[b].instrs;
    for k in 0..n {
        if instrs[start + k].op != Op::Real(Opcode::LoadConst) {
            return;
        }
    }
    let items: Vec<ConstValue> = (0..n)
        .map(|k| consts[instrs[start + k].arg as usize].clone())
        .collect();
    let newconst = ConstValue::Tuple(items);
    let index = match consts.iter().position(|c| *c == newconst) {
        Some(i) => i,
        None => {
            consts.push(newconst);
            consts.len() - 1
        }
    };
    let instrs = &mut blocks[b].instrs;
    for k in 0..n {
        instrs[start + k].op = NOP;
    }
    instrs[start + n].op = Op::Real(Opcode::LoadConst);
    instrs[start + n].arg = index as u32;
}

/// `swaptimize`: replace a run of SWAPs and NOPs by an optimal one.
fn swaptimize(instrs: &mut [Instr], ix: &mut usize) {
    let start = *ix;
    let mut depth = instrs[start].arg as usize;
    let mut len = 0;
    let mut more = false;
    let limit = instrs.len() - start;
    loop {
        len += 1;
        if len >= limit {
            break;
        }
        let op = instrs[start + len].op;
        if op == Op::Real(Opcode::Swap) {
            depth = depth.max(instrs[start + len].arg as usize);
            more = true;
        } else if op != NOP {
            break;
        }
    }
    if !more {
        return;
    }
    const VISITED: isize = -1;
    let mut stack: Vec<isize> = (0..depth as isize).collect();
    for k in 0..len {
        if instrs[start + k].op == Op::Real(Opcode::Swap) {
            let oparg = instrs[start + k].arg as usize;
            stack.swap(0, oparg - 1);
        }
    }
    let mut current = len as isize - 1;
    for i in 0..depth {
        if stack[i] == VISITED || stack[i] == i as isize {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                let ins = &mut instrs[start + current as usize];
                ins.op = Op::Real(Opcode::Swap);
                ins.arg = j as u32 + 1;
                current -= 1;
            }
            if stack[j] == VISITED {
                break;
            }
            let next_j = stack[j] as usize;
            stack[j] = VISITED;
            j = next_j;
        }
    }
    while current >= 0 {
        instrs[start + current as usize].op = NOP;
        current -= 1;
    }
    *ix += len - 1;
}

fn swappable(op: Op) -> bool {
    matches!(op, Op::Real(Opcode::StoreFast | Opcode::PopTop))
}

fn next_swappable_instruction(instrs: &[Instr], mut i: usize, lineno: i32) -> Option<usize> {
    loop {
        i += 1;
        if i >= instrs.len() {
            return None;
        }
        let ins = &instrs[i];
        if lineno >= 0 && ins.loc.lineno != lineno {
            return None;
        }
        if ins.op == NOP {
            continue;
        }
        if swappable(ins.op) {
            return Some(i);
        }
        return None;
    }
}

/// `apply_static_swaps`.
fn apply_static_swaps(instrs: &mut [Instr], i: usize) {
    let mut i = i as isize;
    while i >= 0 {
        let iu = i as usize;
        if instrs[iu].op != Op::Real(Opcode::Swap) {
            if instrs[iu].op == NOP || swappable(instrs[iu].op) {
                i -= 1;
                continue;
            }
            return;
        }
        let Some(j) = next_swappable_instruction(instrs, iu, -1) else {
            return;
        };
        let mut k = j;
        let lineno = instrs[j].loc.lineno;
        let mut count = instrs[iu].arg as i32 - 1;
        while count > 0 {
            match next_swappable_instruction(instrs, k, lineno) {
                Some(x) => k = x,
                None => return,
            }
            count -= 1;
        }
        instrs[iu].op = NOP;
        instrs.swap(j, k);
        i -= 1;
    }
}

/// `optimize_basic_block`.
pub fn optimize_basic_block(blocks: &mut [Block], b: usize, consts: &mut Vec<ConstValue>) {
    let nop = Instr {
        op: NOP,
        arg: 0,
        target: None,
        except: None,
        loc: InstrLoc::UNSET,
    };
    let mut i: isize = 0;
    while (i as usize) < blocks[b].instrs.len() {
        let iu = i as usize;
        let n = blocks[b].instrs.len();
        let nextop = if iu + 1 < n {
            Some(blocks[b].instrs[iu + 1].op)
        } else {
            None
        };
        let inst = blocks[b].instrs[iu].clone();
        let oparg = inst.arg;
        let target = if inst.is_jump() || inst.is_block_push() {
            let t = skip_empty(blocks, inst.target.expect("jump has a target"));
            blocks[b].instrs[iu].target = Some(t);
            blocks[t].instrs[0].clone()
        } else {
            nop.clone()
        };
        let inst = blocks[b].instrs[iu].clone();
        match inst.op {
            Op::Real(Opcode::LoadConst) => match nextop {
                Some(POP_JUMP_IF_FALSE) | Some(POP_JUMP_IF_TRUE) => {
                    let is_true = consts[oparg as usize].is_true();
                    blocks[b].instrs[iu].op = NOP;
                    let jump_if_true = nextop == Some(POP_JUMP_IF_TRUE);
                    if is_true == jump_if_true {
                        blocks[b].instrs[iu + 1].op = JUMP;
                        blocks[b].nofallthrough = true;
                    } else {
                        blocks[b].instrs[iu + 1].op = NOP;
                    }
                }
                Some(JIFOP) | Some(JITOP) => {
                    let is_true = consts[oparg as usize].is_true();
                    let jump_if_true = nextop == Some(JITOP);
                    if is_true == jump_if_true {
                        blocks[b].instrs[iu + 1].op = JUMP;
                        blocks[b].nofallthrough = true;
                    } else {
                        blocks[b].instrs[iu].op = NOP;
                        blocks[b].instrs[iu + 1].op = NOP;
                    }
                }
                Some(Op::Real(Opcode::IsOp)) => {
                    let jump_op = if iu + 2 < n {
                        Some(blocks[b].instrs[iu + 2].op)
                    } else {
                        None
                    };
                    if matches!(consts[oparg as usize], ConstValue::None)
                        && (jump_op == Some(POP_JUMP_IF_FALSE) || jump_op == Some(POP_JUMP_IF_TRUE))
                    {
                        let nextarg = blocks[b].instrs[iu + 1].arg;
                        blocks[b].instrs[iu].op = NOP;
                        blocks[b].instrs[iu + 1].op = NOP;
                        let flip = (nextarg != 0) ^ (jump_op == Some(POP_JUMP_IF_FALSE));
                        blocks[b].instrs[iu + 2].op = if flip {
                            Op::Pseudo(PseudoOp::PopJumpIfNotNone)
                        } else {
                            Op::Pseudo(PseudoOp::PopJumpIfNone)
                        };
                    }
                }
                _ => {}
            },
            Op::Real(Opcode::BuildTuple) => {
                if nextop == Some(Op::Real(Opcode::UnpackSequence))
                    && oparg == blocks[b].instrs[iu + 1].arg
                {
                    match oparg {
                        1 => {
                            blocks[b].instrs[iu].op = NOP;
                            blocks[b].instrs[iu + 1].op = NOP;
                            i += 1;
                            continue;
                        }
                        2 | 3 => {
                            blocks[b].instrs[iu].op = NOP;
                            blocks[b].instrs[iu + 1].op = Op::Real(Opcode::Swap);
                            i += 1;
                            continue;
                        }
                        _ => {}
                    }
                }
                if iu >= oparg as usize {
                    fold_tuple_on_constants(blocks, b, iu - oparg as usize, oparg as usize, consts);
                }
            }
            JIFOP => match target.op {
                POP_JUMP_IF_FALSE => {
                    i -= jump_thread(blocks, b, iu, &target, POP_JUMP_IF_FALSE) as isize
                }
                JUMP | JIFOP => i -= jump_thread(blocks, b, iu, &target, JIFOP) as isize,
                JITOP | POP_JUMP_IF_TRUE if inst.loc.lineno == target.loc.lineno => {
                    let t = inst.target.expect("target");
                    blocks[b].instrs[iu].op = POP_JUMP_IF_FALSE;
                    blocks[b].instrs[iu].target = blocks[t].next;
                    i -= 1;
                }
                _ => {}
            },
            JITOP => match target.op {
                POP_JUMP_IF_TRUE => {
                    i -= jump_thread(blocks, b, iu, &target, POP_JUMP_IF_TRUE) as isize
                }
                JUMP | JITOP => i -= jump_thread(blocks, b, iu, &target, JITOP) as isize,
                JIFOP | POP_JUMP_IF_FALSE if inst.loc.lineno == target.loc.lineno => {
                    let t = inst.target.expect("target");
                    blocks[b].instrs[iu].op = POP_JUMP_IF_TRUE;
                    blocks[b].instrs[iu].target = blocks[t].next;
                    i -= 1;
                }
                _ => {}
            },
            Op::Pseudo(
                p @ (PseudoOp::PopJumpIfNone
                | PseudoOp::PopJumpIfNotNone
                | PseudoOp::PopJumpIfFalse
                | PseudoOp::PopJumpIfTrue
                | PseudoOp::Jump),
            ) if target.op == JUMP => {
                i -= jump_thread(blocks, b, iu, &target, Op::Pseudo(p)) as isize;
            }
            Op::Real(Opcode::Swap) => {
                if oparg == 1 {
                    blocks[b].instrs[iu].op = NOP;
                } else {
                    let mut ix = iu;
                    swaptimize(&mut blocks[b].instrs, &mut ix);
                    apply_static_swaps(&mut blocks[b].instrs, ix);
                    i = ix as isize;
                }
            }
            Op::Real(Opcode::PushNull)
                if nextop == Some(Op::Real(Opcode::LoadGlobal))
                    && blocks[b].instrs[iu + 1].arg & 1 == 0 =>
            {
                blocks[b].instrs[iu].op = NOP;
                blocks[b].instrs[iu].arg = 0;
                blocks[b].instrs[iu + 1].arg |= 1;
            }
            _ => {}
        }
        i += 1;
    }
}

/// `mark_reachable`.
fn mark_reachable(blocks: &mut [Block]) {
    for b in blocks.iter_mut() {
        b.predecessors = 0;
    }
    let mut stack = vec![0usize];
    blocks[0].predecessors = 1;
    while let Some(b) = stack.pop() {
        if let Some(n) = blocks[b].next {
            if !blocks[b].nofallthrough {
                if blocks[n].predecessors == 0 {
                    stack.push(n);
                }
                blocks[n].predecessors += 1;
            }
        }
        for k in 0..blocks[b].instrs.len() {
            let ins = &blocks[b].instrs[k];
            if ins.is_jump() || ins.is_block_push() {
                let t = ins.target.expect("target");
                if blocks[t].predecessors == 0 {
                    stack.push(t);
                }
                blocks[t].predecessors += 1;
            }
        }
    }
}

/// `eliminate_empty_basic_blocks`.
fn eliminate_empty_basic_blocks(blocks: &mut [Block]) {
    let mut b = Some(0);
    while let Some(bi) = b {
        if let Some(mut next) = blocks[bi].next {
            while blocks[next].instrs.is_empty() {
                match blocks[next].next {
                    Some(n) => next = n,
                    None => break,
                }
            }
            blocks[bi].next = Some(next);
        }
        b = blocks[bi].next;
    }
    for bi in layout(blocks) {
        if let Some(last) = blocks[bi].instrs.last() {
            if last.is_jump() {
                let mut t = last.target.expect("target");
                while blocks[t].instrs.is_empty() {
                    t = blocks[t].next.expect("non-empty block after an empty one");
                }
                blocks[bi].instrs.last_mut().expect("nonempty").target = Some(t);
            }
        }
    }
}

/// `optimize_cfg`.
pub fn optimize_cfg(blocks: &mut [Block], consts: &mut Vec<ConstValue>) {
    for b in layout(blocks) {
        optimize_basic_block(blocks, b, consts);
        clean_basic_block(blocks, b);
    }
    for b in (0..blocks.len()).rev() {
        extend_block(blocks, b);
    }
    mark_reachable(blocks);
    for b in layout(blocks) {
        if blocks[b].predecessors == 0 {
            blocks[b].instrs.clear();
            blocks[b].nofallthrough = false;
        }
    }
    eliminate_empty_basic_blocks(blocks);
    for b in layout(blocks) {
        clean_basic_block(blocks, b);
    }
    let mut maybe_empty = false;
    for b in layout(blocks) {
        let next = blocks[b].next;
        if let Some(last) = blocks[b].instrs.last_mut() {
            if matches!(
                last.op,
                Op::Pseudo(PseudoOp::Jump | PseudoOp::JumpNoInterrupt)
            ) && last.target == next
            {
                last.op = NOP;
                blocks[b].nofallthrough = false;
                maybe_empty = true;
            }
        }
    }
    if maybe_empty {
        eliminate_empty_basic_blocks(blocks);
    }
}

fn is_exit_without_lineno(b: &Block) -> bool {
    b.exit && b.instrs.iter().all(|i| i.loc.lineno < 0)
}

/// `duplicate_exits_without_lineno`.
pub fn duplicate_exits_without_lineno(blocks: &mut Vec<Block>) {
    let n = blocks.len();
    for b in (0..n).rev() {
        let Some(last) = blocks[b].instrs.last() else {
            continue;
        };
        if !last.is_jump() {
            continue;
        }
        let t = last.target.expect("target");
        if is_exit_without_lineno(&blocks[t]) && blocks[t].predecessors > 1 {
            let mut nb = Block {
                instrs: blocks[t].instrs.clone(),
                exit: blocks[t].exit,
                nofallthrough: true,
                ..Block::default()
            };
            let loc = blocks[b].instrs.last().expect("nonempty").loc;
            nb.instrs[0].loc = loc;
            nb.predecessors = 1;
            nb.next = blocks[t].next;
            blocks.push(nb);
            let new = blocks.len() - 1;
            blocks[b].instrs.last_mut().expect("nonempty").target = Some(new);
            blocks[t].predecessors -= 1;
            blocks[t].next = Some(new);
        }
    }
    for b in (0..blocks.len()).rev() {
        while let Some(n) = blocks[b].next {
            if blocks[n].instrs.is_empty() {
                blocks[b].next = blocks[n].next;
            } else {
                break;
            }
        }
    }
    for b in (0..blocks.len()).rev() {
        if !blocks[b].nofallthrough && !blocks[b].instrs.is_empty() {
            if let Some(n) = blocks[b].next {
                if is_exit_without_lineno(&blocks[n]) {
                    let loc = blocks[b].instrs.last().expect("nonempty").loc;
                    blocks[n].instrs[0].loc = loc;
                }
            }
        }
    }
}

/// `trim_unused_consts`: drop trailing constants no instruction uses.
pub fn trim_unused_consts(blocks: &[Block], consts: &mut Vec<ConstValue>) {
    let mut max = 0;
    for b in layout(blocks) {
        for ins in &blocks[b].instrs {
            if matches!(ins.op, Op::Real(Opcode::LoadConst | Opcode::KwNames))
                && ins.arg as usize > max
            {
                max = ins.arg as usize;
            }
        }
    }
    if max + 1 < consts.len() {
        consts.truncate(max + 1);
    }
}

/// `propagate_line_numbers`.
pub fn propagate_line_numbers(blocks: &mut [Block]) {
    for b in layout(blocks) {
        if blocks[b].instrs.is_empty() {
            continue;
        }
        let mut prev = InstrLoc::UNSET;
        for ins in blocks[b].instrs.iter_mut() {
            if ins.loc.lineno < 0 {
                ins.loc = prev;
            } else {
                prev = ins.loc;
            }
        }
        if !blocks[b].nofallthrough {
            if let Some(n) = blocks[b].next {
                if blocks[n].predecessors == 1 && blocks[n].instrs[0].loc.lineno < 0 {
                    blocks[n].instrs[0].loc = prev;
                }
            }
        }
        let last = blocks[b].instrs.last().expect("nonempty");
        if last.is_jump() {
            let t = last.target.expect("target");
            if blocks[t].predecessors == 1 && blocks[t].instrs[0].loc.lineno < 0 {
                blocks[t].instrs[0].loc = prev;
            }
        }
    }
}

/// `guarantee_lineno_for_exits`.
pub fn guarantee_lineno_for_exits(blocks: &mut [Block], firstlineno: i32) {
    let mut lineno = firstlineno;
    for b in layout(blocks) {
        let Some(last) = blocks[b].instrs.last() else {
            continue;
        };
        if last.loc.lineno < 0 {
            if last.op == Op::Real(Opcode::ReturnValue) {
                for ins in blocks[b].instrs.iter_mut() {
                    ins.loc.lineno = lineno;
                }
            }
        } else {
            lineno = last.loc.lineno;
        }
    }
}

/// `stackdepth`: the largest stack any path needs.
pub fn stackdepth(blocks: &mut [Block], generator_like: bool) -> i32 {
    for b in blocks.iter_mut() {
        b.startdepth = i32::MIN;
    }
    let mut stack: Vec<usize> = Vec::new();
    let mut maxdepth = 0;
    fn push(blocks: &mut [Block], stack: &mut Vec<usize>, b: usize, depth: i32) {
        if blocks[b].startdepth < depth && blocks[b].startdepth < 100 {
            blocks[b].startdepth = depth;
            stack.push(b);
        }
    }
    push(blocks, &mut stack, 0, if generator_like { 1 } else { 0 });
    while let Some(b) = stack.pop() {
        let mut depth = blocks[b].startdepth;
        let mut next = blocks[b].next;
        for k in 0..blocks[b].instrs.len() {
            let ins = blocks[b].instrs[k].clone();
            let new_depth = depth + ins.stack_effect(false);
            maxdepth = maxdepth.max(new_depth);
            if ins.is_jump() || ins.is_block_push() {
                let target_depth = depth + ins.stack_effect(true);
                maxdepth = maxdepth.max(target_depth);
                push(
                    blocks,
                    &mut stack,
                    ins.target.expect("target"),
                    target_depth,
                );
            }
            depth = new_depth;
            if ins.is_uncond_jump() || ins.is_scope_exit() {
                next = None;
                break;
            }
        }
        if let Some(n) = next {
            push(blocks, &mut stack, n, depth);
        }
    }
    maxdepth
}

/// `label_exception_targets`: which handler covers each instruction.
pub fn label_exception_targets(blocks: &mut [Block]) {
    for b in blocks.iter_mut() {
        b.visited = false;
        b.except_stack = None;
    }
    let mut todo = vec![0usize];
    blocks[0].visited = true;
    blocks[0].except_stack = Some(Vec::new());
    while let Some(b) = todo.pop() {
        let mut stack = blocks[b]
            .except_stack
            .take()
            .expect("visited blocks have a stack");
        let mut handler = stack.last().copied();
        for k in 0..blocks[b].instrs.len() {
            let ins = blocks[b].instrs[k].clone();
            if ins.is_block_push() {
                let t = ins.target.expect("target");
                if !blocks[t].visited {
                    blocks[t].except_stack = Some(stack.clone());
                    blocks[t].visited = true;
                    todo.push(t);
                }
                if matches!(
                    ins.op,
                    Op::Pseudo(PseudoOp::SetupWith | PseudoOp::SetupCleanup)
                ) {
                    blocks[t].preserve_lasti = true;
                }
                stack.push(t);
                handler = Some(t);
            } else if ins.op == Op::Pseudo(PseudoOp::PopBlock) {
                stack.pop();
                handler = stack.last().copied();
            } else if ins.is_jump() {
                blocks[b].instrs[k].except = handler;
                let t = ins.target.expect("target");
                if !blocks[t].visited {
                    blocks[t].except_stack = Some(stack.clone());
                    blocks[t].visited = true;
                    todo.push(t);
                }
            } else {
                blocks[b].instrs[k].except = handler;
            }
        }
        if !blocks[b].nofallthrough {
            if let Some(n) = blocks[b].next {
                if !blocks[n].visited {
                    blocks[n].except_stack = Some(stack);
                    blocks[n].visited = true;
                    todo.push(n);
                }
            }
        }
    }
}

/// `convert_exception_handlers_to_nops`.
pub fn convert_exception_handlers_to_nops(blocks: &mut [Block]) {
    for b in blocks.iter_mut() {
        for ins in b.instrs.iter_mut() {
            if ins.is_block_push() || ins.op == Op::Pseudo(PseudoOp::PopBlock) {
                ins.op = NOP;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ins(op: Opcode, arg: u32) -> Instr {
        Instr {
            op: Op::Real(op),
            arg,
            target: None,
            except: None,
            loc: InstrLoc {
                lineno: 1,
                end_lineno: 1,
                col: 0,
                end_col: 1,
            },
        }
    }

    #[test]
    fn swaps_become_minimal() {
        // SWAP 2; SWAP 2 is the identity: both go.
        let mut v = vec![ins(Opcode::Swap, 2), ins(Opcode::Swap, 2)];
        let mut ix = 0;
        swaptimize(&mut v, &mut ix);
        assert!(v.iter().all(|i| i.op == NOP));
        // SWAP 2; SWAP 3; SWAP 2 exchanges the two items under the top: a
        // cycle without the top needs all three.
        let mut v = vec![
            ins(Opcode::Swap, 2),
            ins(Opcode::Swap, 3),
            ins(Opcode::Swap, 2),
        ];
        let mut ix = 0;
        swaptimize(&mut v, &mut ix);
        let swaps: Vec<u32> = v
            .iter()
            .filter(|i| i.op == Op::Real(Opcode::Swap))
            .map(|i| i.arg)
            .collect();
        assert_eq!(swaps.len(), 3);
        assert_eq!(ix, 2);
    }

    #[test]
    fn static_swaps_reorder_stores() {
        // SWAP 2; STORE_FAST a; STORE_FAST b  ->  NOP; STORE_FAST b; STORE_FAST a
        let mut v = vec![
            ins(Opcode::Swap, 2),
            ins(Opcode::StoreFast, 0),
            ins(Opcode::StoreFast, 1),
        ];
        apply_static_swaps(&mut v, 0);
        assert_eq!(v[0].op, NOP);
        assert_eq!((v[1].arg, v[2].arg), (1, 0));
    }

    #[test]
    fn dead_code_after_return_is_dropped() {
        let mut blocks = vec![Block::default(), Block::default()];
        blocks[0].instrs = vec![ins(Opcode::LoadConst, 0), ins(Opcode::ReturnValue, 0)];
        blocks[0].next = Some(1);
        blocks[1].instrs = vec![ins(Opcode::LoadConst, 0), ins(Opcode::ReturnValue, 0)];
        normalize_basic_block(&mut blocks, 0);
        normalize_basic_block(&mut blocks, 1);
        let mut consts = vec![ConstValue::None];
        optimize_cfg(&mut blocks, &mut consts);
        assert_eq!(blocks[0].instrs.len(), 2);
        assert!(blocks[1].instrs.is_empty(), "unreachable code is removed");
    }
}
