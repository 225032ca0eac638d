//! The matching engine of `_sre` (CPython's `Modules/_sre/sre_lib.h`, with
//! the character predicates of `sre.c`): `match` and `search` over the code
//! list that `re._compiler` produces, for 1-, 2- and 4-byte characters.
//!
//! Like `sre_lib.h`, the matcher never recurses in Rust on the pattern's
//! nesting or the subject's length: a sub-match ("DO_JUMP") saves the current
//! context on an explicit stack of [`Ctx`] and starts the child; when the
//! child ends, its parent is popped and resumed at the point its `jump` names.
//! Marks saved for backtracking go on a separate data stack, repeat contexts
//! (`SRE_REPEAT`) on a third; all three are strictly last-in first-out.
//!
//! Taipan deviations: code words and string positions are read with bounds
//! checks (malformed code handed to `_sre.compile` fails to match or raises
//! RuntimeError instead of reading out of bounds; CPython's `_validate` is
//! not ported), and the context stack is capped at [`MAX_CONTEXTS`] entries
//! (MemoryError past that) so that a runaway pattern cannot take all memory.

use super::constants::*;

/// Characters the engine works on: `u8` (bytes and Latin-1 str), `u16`, `u32`.
pub trait SreChar: Copy {
    fn code(self) -> u32;
}

impl SreChar for u8 {
    #[inline(always)]
    fn code(self) -> u32 {
        self as u32
    }
}

impl SreChar for u16 {
    #[inline(always)]
    fn code(self) -> u32 {
        self as u32
    }
}

impl SreChar for u32 {
    #[inline(always)]
    fn code(self) -> u32 {
        self
    }
}

/// Why a match stopped with an error (`SRE_ERROR_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SreError {
    /// Illegal opcode or malformed code (`SRE_ERROR_ILLEGAL`).
    Illegal,
    /// Inconsistent state, e.g. MAX_UNTIL without REPEAT (`SRE_ERROR_STATE`).
    State,
    /// Out of memory (`SRE_ERROR_MEMORY`).
    Memory,
}

pub type SreResult<T> = Result<T, SreError>;

/// The most match contexts the explicit stack may hold at once.
pub const MAX_CONTEXTS: usize = 1 << 25;

/// A repeat context (`SRE_REPEAT`).
#[derive(Clone, Copy)]
struct Repeat {
    count: isize,
    /// Index of the REPEAT's first argument (its skip).
    pattern: usize,
    /// The enclosing repeat (-1: none).
    prev: isize,
    last_ptr: isize,
}

/// Where a suspended context resumes when its child ends (`JUMP_*`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Jump {
    None,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Repeat,
    RepeatOne1,
    RepeatOne2,
    MinRepeatOne,
    Branch,
    Assert,
    AssertNot,
    PossRepeat1,
    PossRepeat2,
    AtomicGroup,
}

/// A match context (`SRE(match_context)`).
#[derive(Clone, Copy)]
struct Ctx {
    count: isize,
    /// The literal (REPEAT_ONE) or the repeat index (REPEAT, *_UNTIL).
    u: usize,
    lastmark: isize,
    lastindex: isize,
    pattern: usize,
    ptr: isize,
    toplevel: bool,
    jump: Jump,
}

impl Ctx {
    #[inline(always)]
    fn new(pattern: usize, toplevel: bool, jump: Jump) -> Ctx {
        Ctx {
            count: 0,
            u: 0,
            lastmark: -1,
            lastindex: -1,
            pattern,
            ptr: 0,
            toplevel,
            jump,
        }
    }
}

/// The matching state (`SRE_STATE` less the string): positions are indices
/// into the subject; marks are -1 where CPython has NULL.
pub struct State {
    pub start: isize,
    pub end: isize,
    pub ptr: isize,
    pub pos: isize,
    pub endpos: isize,
    pub marks: Vec<isize>,
    pub lastmark: isize,
    pub lastindex: isize,
    pub match_all: bool,
    pub must_advance: bool,
    repeat: isize,
    repeats: Vec<Repeat>,
    data: Vec<isize>,
    ctxs: Vec<Ctx>,
    depth: u32,
}

impl State {
    /// `state_init`: `start`/`end` are clamped to `0..=length`.
    pub fn new(groups: usize, length: usize, start: isize, end: isize) -> State {
        let len = length as isize;
        let start = start.clamp(0, len);
        let end = end.clamp(0, len);
        State {
            start,
            end,
            ptr: start,
            pos: start,
            endpos: end,
            marks: vec![-1; groups.saturating_mul(2)],
            lastmark: -1,
            lastindex: -1,
            match_all: false,
            must_advance: false,
            repeat: -1,
            repeats: Vec::new(),
            data: Vec::new(),
            ctxs: Vec::new(),
            depth: 0,
        }
    }

    /// `state_reset`.
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = -1;
        self.repeats.clear();
        self.data.clear();
    }

    /// The span of group `index` (1-based) if it matched.
    pub fn group_span(&self, index: usize) -> Option<(isize, isize)> {
        let i = (index - 1) * 2;
        if i as isize >= self.lastmark {
            return None;
        }
        let a = *self.marks.get(i)?;
        let b = *self.marks.get(i + 1)?;
        if a < 0 || b < 0 {
            return None;
        }
        Some((a, b))
    }
}

// ---------------------------------------------------------------------------
// Character predicates (sre.c).

#[inline(always)]
pub fn is_digit(ch: u32) -> bool {
    ch < 128 && (ch as u8).is_ascii_digit()
}

#[inline(always)]
pub fn is_space(ch: u32) -> bool {
    ch < 128 && matches!(ch, 0x09..=0x0D | 0x20)
}

#[inline(always)]
pub fn is_linebreak(ch: u32) -> bool {
    ch == 10
}

#[inline(always)]
pub fn is_alnum(ch: u32) -> bool {
    ch < 128 && (ch as u8).is_ascii_alphanumeric()
}

#[inline(always)]
pub fn is_word(ch: u32) -> bool {
    ch < 128 && ((ch as u8).is_ascii_alphanumeric() || ch == b'_' as u32)
}

#[inline(always)]
pub fn lower_ascii(ch: u32) -> u32 {
    if ch < 128 {
        (ch as u8).to_ascii_lowercase() as u32
    } else {
        ch
    }
}

/// The C locale's `tolower`/`toupper` (Taipan runs with the "C" locale).
#[inline(always)]
pub fn lower_locale(ch: u32) -> u32 {
    lower_ascii(ch)
}

#[inline(always)]
pub fn upper_locale(ch: u32) -> u32 {
    if ch < 128 {
        (ch as u8).to_ascii_uppercase() as u32
    } else {
        ch
    }
}

#[inline(always)]
fn loc_is_word(ch: u32) -> bool {
    is_word(ch)
}

/// `Py_UNICODE_TOLOWER`: the first character of the full lowercase mapping
/// (what CPython's extended-case table gives).
#[inline]
pub fn lower_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return lower_ascii(ch);
    }
    match char::from_u32(ch) {
        Some(c) => c.to_lowercase().next().map_or(ch, |x| x as u32),
        None => ch,
    }
}

/// `Py_UNICODE_TOUPPER`: the first character of the full uppercase mapping.
#[inline]
pub fn upper_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return upper_locale(ch);
    }
    match char::from_u32(ch) {
        Some(c) => c.to_uppercase().next().map_or(ch, |x| x as u32),
        None => ch,
    }
}

#[inline]
pub fn uni_is_digit(ch: u32) -> bool {
    if ch < 128 {
        return is_digit(ch);
    }
    crate::objects::str::uni_isdecimal(ch)
}

#[inline]
pub fn uni_is_space(ch: u32) -> bool {
    crate::objects::str::is_space(ch)
}

#[inline]
pub fn uni_is_linebreak(ch: u32) -> bool {
    matches!(ch, 0x0A..=0x0D | 0x1C..=0x1E | 0x85 | 0x2028 | 0x2029)
}

#[inline]
pub fn uni_is_alnum(ch: u32) -> bool {
    if ch < 128 {
        return is_alnum(ch);
    }
    crate::objects::str::uni_isalnum(ch)
}

#[inline]
pub fn uni_is_word(ch: u32) -> bool {
    ch == b'_' as u32 || uni_is_alnum(ch)
}

/// `sre_category`.
pub fn category(cat: u32, ch: u32) -> bool {
    match cat {
        CATEGORY_DIGIT => is_digit(ch),
        CATEGORY_NOT_DIGIT => !is_digit(ch),
        CATEGORY_SPACE => is_space(ch),
        CATEGORY_NOT_SPACE => !is_space(ch),
        CATEGORY_WORD => is_word(ch),
        CATEGORY_NOT_WORD => !is_word(ch),
        CATEGORY_LINEBREAK => is_linebreak(ch),
        CATEGORY_NOT_LINEBREAK => !is_linebreak(ch),
        CATEGORY_LOC_WORD => loc_is_word(ch),
        CATEGORY_LOC_NOT_WORD => !loc_is_word(ch),
        CATEGORY_UNI_DIGIT => uni_is_digit(ch),
        CATEGORY_UNI_NOT_DIGIT => !uni_is_digit(ch),
        CATEGORY_UNI_SPACE => uni_is_space(ch),
        CATEGORY_UNI_NOT_SPACE => !uni_is_space(ch),
        CATEGORY_UNI_WORD => uni_is_word(ch),
        CATEGORY_UNI_NOT_WORD => !uni_is_word(ch),
        CATEGORY_UNI_LINEBREAK => uni_is_linebreak(ch),
        CATEGORY_UNI_NOT_LINEBREAK => !uni_is_linebreak(ch),
        _ => false,
    }
}

#[inline(always)]
fn char_loc_ignore(pattern: u32, ch: u32) -> bool {
    ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern
}

// ---------------------------------------------------------------------------
// The matcher.

/// One match or search over a subject `s` with the code `code`.
pub struct Matcher<'a, T: SreChar> {
    pub st: &'a mut State,
    s: &'a [T],
    code: &'a [u32],
}

enum Mode {
    Entrance,
    Dispatch,
    Exit,
    BranchLoop,
    RepeatOne1Loop,
    RepeatOne2Loop,
    MinRepeatOneLoop,
    PossRepeat1Loop,
    PossRepeat2Loop,
    PossRepeatTail,
    MaxUntilTail,
}

impl<'a, T: SreChar> Matcher<'a, T> {
    pub fn new(st: &'a mut State, s: &'a [T], code: &'a [u32]) -> Self {
        Matcher { st, s, code }
    }

    /// The code word at `i` (FAILURE past the end).
    #[inline(always)]
    fn c(&self, i: usize) -> u32 {
        match self.code.get(i) {
            Some(&v) => v,
            None => OP_FAILURE,
        }
    }

    /// The character at `i` (0 outside the subject; callers check bounds).
    #[inline(always)]
    fn ch(&self, i: isize) -> u32 {
        match self.s.get(i as usize) {
            Some(c) => c.code(),
            None => 0,
        }
    }

    /// `SRE(at)`.
    fn at(&self, ptr: isize, at: u32) -> bool {
        let st = &*self.st;
        let (beg, end) = (0isize, st.end);
        match at {
            AT_BEGINNING | AT_BEGINNING_STRING => ptr == beg,
            AT_BEGINNING_LINE => ptr == beg || is_linebreak(self.ch(ptr - 1)),
            AT_END => (end - ptr == 1 && is_linebreak(self.ch(ptr))) || ptr == end,
            AT_END_LINE => ptr == end || is_linebreak(self.ch(ptr)),
            AT_END_STRING => ptr == end,
            AT_BOUNDARY | AT_NON_BOUNDARY | AT_LOC_BOUNDARY | AT_LOC_NON_BOUNDARY
            | AT_UNI_BOUNDARY | AT_UNI_NON_BOUNDARY => {
                if beg == end {
                    return false;
                }
                let f: fn(u32) -> bool = match at {
                    AT_BOUNDARY | AT_NON_BOUNDARY => is_word,
                    AT_LOC_BOUNDARY | AT_LOC_NON_BOUNDARY => loc_is_word,
                    _ => uni_is_word,
                };
                let thatp = ptr > beg && f(self.ch(ptr - 1));
                let thisp = ptr < end && f(self.ch(ptr));
                if matches!(at, AT_BOUNDARY | AT_LOC_BOUNDARY | AT_UNI_BOUNDARY) {
                    thisp != thatp
                } else {
                    thisp == thatp
                }
            }
            _ => false,
        }
    }

    /// `SRE(charset)`: is `ch` in the set starting at `set`?
    fn charset(&self, mut set: usize, ch: u32) -> bool {
        let mut ok = true;
        loop {
            let op = self.c(set);
            set += 1;
            match op {
                OP_FAILURE => return !ok,
                OP_LITERAL => {
                    if ch == self.c(set) {
                        return ok;
                    }
                    set += 1;
                }
                OP_CATEGORY => {
                    if category(self.c(set), ch) {
                        return ok;
                    }
                    set += 1;
                }
                OP_CHARSET => {
                    if ch < 256 && (self.c(set + (ch as usize >> 5)) & (1u32 << (ch & 31))) != 0 {
                        return ok;
                    }
                    set += 8;
                }
                OP_RANGE => {
                    if self.c(set) <= ch && ch <= self.c(set + 1) {
                        return ok;
                    }
                    set += 2;
                }
                OP_RANGE_UNI_IGNORE => {
                    if self.c(set) <= ch && ch <= self.c(set + 1) {
                        return ok;
                    }
                    let uch = upper_unicode(ch);
                    if self.c(set) <= uch && uch <= self.c(set + 1) {
                        return ok;
                    }
                    set += 2;
                }
                OP_NEGATE => ok = !ok,
                OP_BIGCHARSET => {
                    let count = self.c(set) as usize;
                    set += 1;
                    if ch < 0x10000 {
                        // The 256 block indices are bytes packed into 64
                        // words in native byte order.
                        let k = (ch >> 8) as usize;
                        let word = self.c(set + k / 4).to_ne_bytes();
                        let block = word[k % 4] as usize;
                        let bit = block * 256 + (ch & 255) as usize;
                        if self.c(set + 64 + bit / 32) & (1u32 << (ch & 31)) != 0 {
                            return ok;
                        }
                    }
                    set += 64 + count.saturating_mul(8);
                }
                _ => return false,
            }
        }
    }

    fn charset_loc_ignore(&self, set: usize, ch: u32) -> bool {
        let lo = lower_locale(ch);
        if self.charset(set, lo) {
            return true;
        }
        let up = upper_locale(ch);
        up != lo && self.charset(set, up)
    }

    /// `SRE(count)`: how many times the one-character item at `pat`
    /// matches from `st.ptr`, at most `maxcount`.
    fn count(&mut self, pat: usize, maxcount: u32) -> SreResult<isize> {
        let start = self.st.ptr;
        let mut ptr = start;
        let mut end = self.st.end;
        if maxcount != MAXREPEAT && (maxcount as isize) < end - ptr {
            end = ptr + maxcount as isize;
        }
        let chr = self.c(pat + 1);
        match self.c(pat) {
            OP_IN => {
                while ptr < end && self.charset(pat + 2, self.ch(ptr)) {
                    ptr += 1;
                }
            }
            OP_ANY => {
                while ptr < end && !is_linebreak(self.ch(ptr)) {
                    ptr += 1;
                }
            }
            OP_ANY_ALL => ptr = end,
            OP_LITERAL => {
                while ptr < end && self.ch(ptr) == chr {
                    ptr += 1;
                }
            }
            OP_LITERAL_IGNORE => {
                while ptr < end && lower_ascii(self.ch(ptr)) == chr {
                    ptr += 1;
                }
            }
            OP_LITERAL_UNI_IGNORE => {
                while ptr < end && lower_unicode(self.ch(ptr)) == chr {
                    ptr += 1;
                }
            }
            OP_LITERAL_LOC_IGNORE => {
                while ptr < end && char_loc_ignore(chr, self.ch(ptr)) {
                    ptr += 1;
                }
            }
            OP_NOT_LITERAL => {
                while ptr < end && self.ch(ptr) != chr {
                    ptr += 1;
                }
            }
            OP_NOT_LITERAL_IGNORE => {
                while ptr < end && lower_ascii(self.ch(ptr)) != chr {
                    ptr += 1;
                }
            }
            OP_NOT_LITERAL_UNI_IGNORE => {
                while ptr < end && lower_unicode(self.ch(ptr)) != chr {
                    ptr += 1;
                }
            }
            OP_NOT_LITERAL_LOC_IGNORE => {
                while ptr < end && !char_loc_ignore(chr, self.ch(ptr)) {
                    ptr += 1;
                }
            }
            _ => {
                // Repeated single-character pattern: match it one at a time.
                // The nesting this allows is one level for code made by
                // re._compiler; hand-made code is cut off.
                if self.st.depth > 8 {
                    return Err(SreError::Illegal);
                }
                self.st.depth += 1;
                let mut r = Ok(());
                while self.st.ptr < end {
                    match self.run(pat, false) {
                        Ok(true) => {}
                        Ok(false) => break,
                        Err(e) => {
                            r = Err(e);
                            break;
                        }
                    }
                }
                self.st.depth -= 1;
                r?;
                return Ok(self.st.ptr - start);
            }
        }
        Ok(ptr - start)
    }

    #[inline(always)]
    fn mark_push(&mut self, lastmark: isize) -> SreResult<()> {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let st = &mut *self.st;
            match st.marks.get(..n) {
                Some(m) => st.data.extend_from_slice(m),
                None => return Err(SreError::State),
            }
        }
        Ok(())
    }

    /// MARK_POP (`keep`: MARK_POP_KEEP).
    #[inline(always)]
    fn mark_pop(&mut self, lastmark: isize, keep: bool) -> SreResult<()> {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let st = &mut *self.st;
            let at = st.data.len().checked_sub(n).ok_or(SreError::State)?;
            match (st.marks.get_mut(..n), st.data.get(at..)) {
                (Some(m), Some(d)) => m.copy_from_slice(d),
                _ => return Err(SreError::State),
            }
            if !keep {
                st.data.truncate(at);
            }
        }
        Ok(())
    }

    #[inline(always)]
    fn mark_pop_discard(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let st = &mut *self.st;
            let at = st.data.len().saturating_sub(n);
            st.data.truncate(at);
        }
    }

    #[inline(always)]
    fn rep(&mut self, i: usize) -> SreResult<&mut Repeat> {
        self.st.repeats.get_mut(i).ok_or(SreError::State)
    }

    /// The two marks of group reference `g` (`None`: unset).
    #[inline(always)]
    fn groupref(&self, g: u32) -> Option<(isize, isize)> {
        let gr = g as isize * 2;
        if gr >= self.st.lastmark {
            return None;
        }
        let p = *self.st.marks.get(gr as usize)?;
        let e = *self.st.marks.get(gr as usize + 1)?;
        if p < 0 || e < 0 || e < p {
            return None;
        }
        Some((p, e))
    }

    /// `SRE(match)`: does the code at `pattern0` match at `st.ptr`?
    /// On success `st.ptr` is the end of the match.
    pub fn run(&mut self, pattern0: usize, toplevel: bool) -> SreResult<bool> {
        let mut ctxs = std::mem::take(&mut self.st.ctxs);
        let base = ctxs.len();
        let r = self.run_inner(&mut ctxs, pattern0, toplevel);
        ctxs.truncate(base);
        if self.st.ctxs.is_empty() {
            self.st.ctxs = ctxs;
        }
        r
    }

    #[allow(clippy::cognitive_complexity)]
    fn run_inner(
        &mut self,
        ctxs: &mut Vec<Ctx>,
        pattern0: usize,
        toplevel: bool,
    ) -> SreResult<bool> {
        let base = ctxs.len();
        let end = self.st.end;
        let mut cur = Ctx::new(pattern0, toplevel, Jump::None);
        let mut pattern = pattern0;
        let mut ptr: isize = 0;
        let mut ret = false;
        let mut mode = Mode::Entrance;

        // Starts a child context on `$next` (DO_JUMPX).
        macro_rules! do_jump {
            ($jump:expr, $next:expr, $top:expr) => {{
                let next = $next;
                let top = $top;
                cur.pattern = pattern;
                cur.ptr = ptr;
                if ctxs.len() - base >= MAX_CONTEXTS {
                    return Err(SreError::Memory);
                }
                ctxs.push(cur);
                cur = Ctx::new(next, top, $jump);
                pattern = next;
                mode = Mode::Entrance;
            }};
        }

        loop {
            match mode {
                Mode::Entrance => {
                    ptr = self.st.ptr;
                    if self.c(pattern) == OP_INFO {
                        let min = self.c(pattern + 3);
                        if min != 0 && ((end - ptr) as u64) < min as u64 {
                            ret = false;
                            mode = Mode::Exit;
                            continue;
                        }
                        pattern += self.c(pattern + 1) as usize + 1;
                    }
                    mode = Mode::Dispatch;
                }
                Mode::Dispatch => {
                    // Runs ops until one ends the context or starts a child.
                    loop {
                        let op = self.c(pattern);
                        pattern += 1;
                        match op {
                            OP_MARK => {
                                let i = self.c(pattern) as isize;
                                if i as usize >= self.st.marks.len() {
                                    return Err(SreError::Illegal);
                                }
                                let st = &mut *self.st;
                                if i & 1 != 0 {
                                    st.lastindex = i / 2 + 1;
                                }
                                if i > st.lastmark {
                                    let mut j = st.lastmark + 1;
                                    while j < i {
                                        st.marks[j as usize] = -1;
                                        j += 1;
                                    }
                                    st.lastmark = i;
                                }
                                st.marks[i as usize] = ptr;
                                pattern += 1;
                            }
                            OP_LITERAL => {
                                if ptr >= end || self.ch(ptr) != self.c(pattern) {
                                    break;
                                }
                                pattern += 1;
                                ptr += 1;
                            }
                            OP_NOT_LITERAL => {
                                if ptr >= end || self.ch(ptr) == self.c(pattern) {
                                    break;
                                }
                                pattern += 1;
                                ptr += 1;
                            }
                            OP_SUCCESS => {
                                let st = &*self.st;
                                if cur.toplevel
                                    && ((st.match_all && ptr != st.end)
                                        || (st.must_advance && ptr == st.start))
                                {
                                    break;
                                }
                                self.st.ptr = ptr;
                                ret = true;
                                mode = Mode::Exit;
                                break;
                            }
                            OP_AT => {
                                if !self.at(ptr, self.c(pattern)) {
                                    break;
                                }
                                pattern += 1;
                            }
                            OP_CATEGORY => {
                                if ptr >= end || !category(self.c(pattern), self.ch(ptr)) {
                                    break;
                                }
                                pattern += 1;
                                ptr += 1;
                            }
                            OP_ANY => {
                                if ptr >= end || is_linebreak(self.ch(ptr)) {
                                    break;
                                }
                                ptr += 1;
                            }
                            OP_ANY_ALL => {
                                if ptr >= end {
                                    break;
                                }
                                ptr += 1;
                            }
                            OP_IN => {
                                if ptr >= end || !self.charset(pattern + 1, self.ch(ptr)) {
                                    break;
                                }
                                pattern += self.c(pattern) as usize;
                                ptr += 1;
                            }
                            OP_LITERAL_IGNORE => {
                                if ptr >= end || lower_ascii(self.ch(ptr)) != self.c(pattern) {
                                    break;
                                }
                                pattern += 1;
                                ptr += 1;
                            }
                            OP_LITERAL_UNI_IGNORE => {
                                if ptr >= end || lower_unicode(self.ch(ptr)) != self.c(pattern) {
                                    break;
                                }
                                pattern += 1;
                                ptr += 1;
                            }
                            OP_LITERAL_LOC_IGNORE => {
                                if ptr >= end || !char_loc_ignore(self.c(pattern), self.ch(ptr)) {
                                    break;
                                }
                                pattern += 1;
                                ptr += 1;
                            }
                            OP_NOT_LITERAL_IGNORE => {
                                if ptr >= end || lower_ascii(self.ch(ptr)) == self.c(pattern) {
                                    break;
                                }
                                pattern += 1;
                                ptr += 1;
                            }
                            OP_NOT_LITERAL_UNI_IGNORE => {
                                if ptr >= end || lower_unicode(self.ch(ptr)) == self.c(pattern) {
                                    break;
                                }
                                pattern += 1;
                                ptr += 1;
                            }
                            OP_NOT_LITERAL_LOC_IGNORE => {
                                if ptr >= end || char_loc_ignore(self.c(pattern), self.ch(ptr)) {
                                    break;
                                }
                                pattern += 1;
                                ptr += 1;
                            }
                            OP_IN_IGNORE => {
                                if ptr >= end
                                    || !self.charset(pattern + 1, lower_ascii(self.ch(ptr)))
                                {
                                    break;
                                }
                                pattern += self.c(pattern) as usize;
                                ptr += 1;
                            }
                            OP_IN_UNI_IGNORE => {
                                if ptr >= end
                                    || !self.charset(pattern + 1, lower_unicode(self.ch(ptr)))
                                {
                                    break;
                                }
                                pattern += self.c(pattern) as usize;
                                ptr += 1;
                            }
                            OP_IN_LOC_IGNORE => {
                                if ptr >= end || !self.charset_loc_ignore(pattern + 1, self.ch(ptr))
                                {
                                    break;
                                }
                                pattern += self.c(pattern) as usize;
                                ptr += 1;
                            }
                            OP_JUMP | OP_INFO => {
                                pattern += self.c(pattern) as usize;
                            }
                            OP_BRANCH => {
                                cur.lastmark = self.st.lastmark;
                                cur.lastindex = self.st.lastindex;
                                if self.st.repeat >= 0 {
                                    self.mark_push(cur.lastmark)?;
                                }
                                mode = Mode::BranchLoop;
                                break;
                            }
                            OP_REPEAT_ONE => {
                                // <REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
                                let min = self.c(pattern + 1) as isize;
                                if min > end - ptr {
                                    break;
                                }
                                self.st.ptr = ptr;
                                let n = self.count(pattern + 3, self.c(pattern + 2))?;
                                cur.count = n;
                                ptr += n;
                                if n < min {
                                    break;
                                }
                                let tail = pattern + self.c(pattern) as usize;
                                if self.c(tail) == OP_SUCCESS
                                    && ptr == self.st.end
                                    && !(cur.toplevel
                                        && self.st.must_advance
                                        && ptr == self.st.start)
                                {
                                    self.st.ptr = ptr;
                                    ret = true;
                                    mode = Mode::Exit;
                                    break;
                                }
                                cur.lastmark = self.st.lastmark;
                                cur.lastindex = self.st.lastindex;
                                if self.st.repeat >= 0 {
                                    self.mark_push(cur.lastmark)?;
                                }
                                if self.c(tail) == OP_LITERAL {
                                    cur.u = self.c(tail + 1) as usize;
                                    mode = Mode::RepeatOne1Loop;
                                } else {
                                    mode = Mode::RepeatOne2Loop;
                                }
                                break;
                            }
                            OP_MIN_REPEAT_ONE => {
                                let min = self.c(pattern + 1) as isize;
                                if min > end - ptr {
                                    break;
                                }
                                self.st.ptr = ptr;
                                if min == 0 {
                                    cur.count = 0;
                                } else {
                                    let n = self.count(pattern + 3, min as u32)?;
                                    if n < min {
                                        break;
                                    }
                                    cur.count = n;
                                    ptr += n;
                                }
                                let tail = pattern + self.c(pattern) as usize;
                                let st = &*self.st;
                                if self.c(tail) == OP_SUCCESS
                                    && !(cur.toplevel
                                        && ((st.match_all && ptr != st.end)
                                            || (st.must_advance && ptr == st.start)))
                                {
                                    self.st.ptr = ptr;
                                    ret = true;
                                    mode = Mode::Exit;
                                    break;
                                }
                                cur.lastmark = self.st.lastmark;
                                cur.lastindex = self.st.lastindex;
                                if self.st.repeat >= 0 {
                                    self.mark_push(cur.lastmark)?;
                                }
                                mode = Mode::MinRepeatOneLoop;
                                break;
                            }
                            OP_POSSESSIVE_REPEAT_ONE => {
                                let min = self.c(pattern + 1) as isize;
                                if ptr + min > end {
                                    break;
                                }
                                self.st.ptr = ptr;
                                let n = self.count(pattern + 3, self.c(pattern + 2))?;
                                cur.count = n;
                                ptr += n;
                                if n < min {
                                    break;
                                }
                                pattern += self.c(pattern) as usize;
                                if self.c(pattern) == OP_SUCCESS
                                    && ptr == self.st.end
                                    && !(cur.toplevel
                                        && self.st.must_advance
                                        && ptr == self.st.start)
                                {
                                    self.st.ptr = ptr;
                                    ret = true;
                                    mode = Mode::Exit;
                                    break;
                                }
                            }
                            OP_REPEAT => {
                                // <REPEAT> <skip> <1=min> <2=max> <3=repeat_index> item <UNTIL> tail
                                let st = &mut *self.st;
                                let idx = st.repeats.len();
                                st.repeats.push(Repeat {
                                    count: -1,
                                    pattern,
                                    prev: st.repeat,
                                    last_ptr: -1,
                                });
                                st.repeat = idx as isize;
                                st.ptr = ptr;
                                cur.u = idx;
                                let next = pattern + self.c(pattern) as usize;
                                do_jump!(Jump::Repeat, next, cur.toplevel);
                                break;
                            }
                            OP_MAX_UNTIL => {
                                if self.st.repeat < 0 {
                                    return Err(SreError::State);
                                }
                                let ri = self.st.repeat as usize;
                                cur.u = ri;
                                self.st.ptr = ptr;
                                let rep = *self.rep(ri)?;
                                cur.count = rep.count + 1;
                                let min = self.c(rep.pattern + 1) as isize;
                                let max = self.c(rep.pattern + 2);
                                if cur.count < min {
                                    self.rep(ri)?.count = cur.count;
                                    do_jump!(Jump::MaxUntil1, rep.pattern + 3, cur.toplevel);
                                    break;
                                }
                                if (cur.count < max as isize || max == MAXREPEAT)
                                    && self.st.ptr != rep.last_ptr
                                {
                                    let sp = self.st.ptr;
                                    {
                                        let r = self.rep(ri)?;
                                        r.count = cur.count;
                                    }
                                    cur.lastmark = self.st.lastmark;
                                    cur.lastindex = self.st.lastindex;
                                    self.mark_push(cur.lastmark)?;
                                    self.st.data.push(rep.last_ptr);
                                    self.rep(ri)?.last_ptr = sp;
                                    do_jump!(Jump::MaxUntil2, rep.pattern + 3, cur.toplevel);
                                    break;
                                }
                                mode = Mode::MaxUntilTail;
                                break;
                            }
                            OP_MIN_UNTIL => {
                                if self.st.repeat < 0 {
                                    return Err(SreError::State);
                                }
                                let ri = self.st.repeat as usize;
                                cur.u = ri;
                                self.st.ptr = ptr;
                                let rep = *self.rep(ri)?;
                                cur.count = rep.count + 1;
                                let min = self.c(rep.pattern + 1) as isize;
                                if cur.count < min {
                                    self.rep(ri)?.count = cur.count;
                                    do_jump!(Jump::MinUntil1, rep.pattern + 3, cur.toplevel);
                                    break;
                                }
                                self.st.repeat = rep.prev;
                                cur.lastmark = self.st.lastmark;
                                cur.lastindex = self.st.lastindex;
                                if self.st.repeat >= 0 {
                                    self.mark_push(cur.lastmark)?;
                                }
                                do_jump!(Jump::MinUntil2, pattern, cur.toplevel);
                                break;
                            }
                            OP_POSSESSIVE_REPEAT => {
                                // <POSSESSIVE_REPEAT> <skip> <1=min> <2=max> pattern <SUCCESS> tail
                                self.st.ptr = ptr;
                                cur.count = 0;
                                mode = Mode::PossRepeat1Loop;
                                break;
                            }
                            OP_ATOMIC_GROUP => {
                                // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
                                self.st.ptr = ptr;
                                do_jump!(Jump::AtomicGroup, pattern + 1, false);
                                break;
                            }
                            OP_GROUPREF
                            | OP_GROUPREF_IGNORE
                            | OP_GROUPREF_UNI_IGNORE
                            | OP_GROUPREF_LOC_IGNORE => {
                                let Some((mut p, e)) = self.groupref(self.c(pattern)) else {
                                    break;
                                };
                                let mut ok = true;
                                while p < e {
                                    if ptr >= end {
                                        ok = false;
                                        break;
                                    }
                                    let (a, b) = (self.ch(ptr), self.ch(p));
                                    let same = match op {
                                        OP_GROUPREF => a == b,
                                        OP_GROUPREF_IGNORE => lower_ascii(a) == lower_ascii(b),
                                        OP_GROUPREF_UNI_IGNORE => {
                                            lower_unicode(a) == lower_unicode(b)
                                        }
                                        _ => lower_locale(a) == lower_locale(b),
                                    };
                                    if !same {
                                        ok = false;
                                        break;
                                    }
                                    p += 1;
                                    ptr += 1;
                                }
                                if !ok {
                                    break;
                                }
                                pattern += 1;
                            }
                            OP_GROUPREF_EXISTS => {
                                // <GROUPREF_EXISTS> <group> <skip> codeyes <JUMP> codeno
                                if self.groupref(self.c(pattern)).is_none() {
                                    pattern += self.c(pattern + 1) as usize;
                                } else {
                                    pattern += 2;
                                }
                            }
                            OP_ASSERT => {
                                // <ASSERT> <skip> <back> <pattern>
                                let back = self.c(pattern + 1) as isize;
                                if ptr < back {
                                    break;
                                }
                                self.st.ptr = ptr - back;
                                do_jump!(Jump::Assert, pattern + 2, false);
                                break;
                            }
                            OP_ASSERT_NOT => {
                                let back = self.c(pattern + 1) as isize;
                                if ptr >= back {
                                    self.st.ptr = ptr - back;
                                    cur.lastmark = self.st.lastmark;
                                    cur.lastindex = self.st.lastindex;
                                    if self.st.repeat >= 0 {
                                        self.mark_push(cur.lastmark)?;
                                    }
                                    do_jump!(Jump::AssertNot, pattern + 2, false);
                                    break;
                                }
                                pattern += self.c(pattern) as usize;
                            }
                            OP_FAILURE => break,
                            _ => return Err(SreError::Illegal),
                        }
                    }
                    // A `break` without a new mode is a failure.
                    if matches!(mode, Mode::Dispatch) {
                        ret = false;
                        mode = Mode::Exit;
                    }
                }
                Mode::BranchLoop => {
                    // <BRANCH> <0=skip> code <JUMP> ... <NULL>; `pattern`
                    // is at the skip of the next alternative to try.
                    let mut jumped = false;
                    while self.c(pattern) != 0 {
                        let op1 = self.c(pattern + 1);
                        if op1 == OP_LITERAL && (ptr >= end || self.ch(ptr) != self.c(pattern + 2))
                        {
                            pattern += self.c(pattern) as usize;
                            continue;
                        }
                        if op1 == OP_IN && (ptr >= end || !self.charset(pattern + 3, self.ch(ptr)))
                        {
                            pattern += self.c(pattern) as usize;
                            continue;
                        }
                        self.st.ptr = ptr;
                        do_jump!(Jump::Branch, pattern + 1, cur.toplevel);
                        jumped = true;
                        break;
                    }
                    if !jumped {
                        if self.st.repeat >= 0 {
                            self.mark_pop_discard(cur.lastmark);
                        }
                        ret = false;
                        mode = Mode::Exit;
                    }
                }
                Mode::RepeatOne1Loop => {
                    let min = self.c(pattern + 1) as isize;
                    let chr = cur.u as u32;
                    while cur.count >= min && (ptr >= end || self.ch(ptr) != chr) {
                        ptr -= 1;
                        cur.count -= 1;
                    }
                    if cur.count < min {
                        if self.st.repeat >= 0 {
                            self.mark_pop_discard(cur.lastmark);
                        }
                        ret = false;
                        mode = Mode::Exit;
                    } else {
                        self.st.ptr = ptr;
                        let tail = pattern + self.c(pattern) as usize;
                        do_jump!(Jump::RepeatOne1, tail, cur.toplevel);
                    }
                }
                Mode::RepeatOne2Loop => {
                    let min = self.c(pattern + 1) as isize;
                    if cur.count >= min {
                        self.st.ptr = ptr;
                        let tail = pattern + self.c(pattern) as usize;
                        do_jump!(Jump::RepeatOne2, tail, cur.toplevel);
                    } else {
                        if self.st.repeat >= 0 {
                            self.mark_pop_discard(cur.lastmark);
                        }
                        ret = false;
                        mode = Mode::Exit;
                    }
                }
                Mode::MinRepeatOneLoop => {
                    let max = self.c(pattern + 2);
                    if max == MAXREPEAT || cur.count <= max as isize {
                        self.st.ptr = ptr;
                        let tail = pattern + self.c(pattern) as usize;
                        do_jump!(Jump::MinRepeatOne, tail, cur.toplevel);
                    } else {
                        if self.st.repeat >= 0 {
                            self.mark_pop_discard(cur.lastmark);
                        }
                        ret = false;
                        mode = Mode::Exit;
                    }
                }
                Mode::PossRepeat1Loop => {
                    let min = self.c(pattern + 1) as isize;
                    if cur.count < min {
                        do_jump!(Jump::PossRepeat1, pattern + 3, false);
                    } else {
                        ptr = -1;
                        mode = Mode::PossRepeat2Loop;
                    }
                }
                Mode::PossRepeat2Loop => {
                    let max = self.c(pattern + 2);
                    if (cur.count < max as isize || max == MAXREPEAT) && self.st.ptr != ptr {
                        cur.lastmark = self.st.lastmark;
                        cur.lastindex = self.st.lastindex;
                        self.mark_push(cur.lastmark)?;
                        ptr = self.st.ptr;
                        do_jump!(Jump::PossRepeat2, pattern + 3, false);
                    } else {
                        mode = Mode::PossRepeatTail;
                    }
                }
                Mode::PossRepeatTail => {
                    pattern += self.c(pattern) as usize + 1;
                    ptr = self.st.ptr;
                    mode = Mode::Dispatch;
                }
                Mode::MaxUntilTail => {
                    // Cannot match more repeated items here: the tail must match.
                    let ri = cur.u;
                    let prev = self.rep(ri)?.prev;
                    self.st.repeat = prev;
                    do_jump!(Jump::MaxUntil3, pattern, cur.toplevel);
                }
                Mode::Exit => {
                    let jump = cur.jump;
                    if ctxs.len() <= base {
                        return Ok(ret);
                    }
                    let Some(parent) = ctxs.pop() else {
                        return Ok(ret);
                    };
                    cur = parent;
                    pattern = cur.pattern;
                    ptr = cur.ptr;
                    match jump {
                        Jump::None => return Ok(ret),
                        Jump::Branch => {
                            if ret {
                                if self.st.repeat >= 0 {
                                    self.mark_pop_discard(cur.lastmark);
                                }
                                continue; // Exit with success
                            }
                            if self.st.repeat >= 0 {
                                self.mark_pop(cur.lastmark, true)?;
                            }
                            self.st.lastmark = cur.lastmark;
                            self.st.lastindex = cur.lastindex;
                            pattern += self.c(pattern) as usize;
                            mode = Mode::BranchLoop;
                        }
                        Jump::RepeatOne1 | Jump::RepeatOne2 => {
                            if ret {
                                if self.st.repeat >= 0 {
                                    self.mark_pop_discard(cur.lastmark);
                                }
                                continue;
                            }
                            if self.st.repeat >= 0 {
                                self.mark_pop(cur.lastmark, true)?;
                            }
                            self.st.lastmark = cur.lastmark;
                            self.st.lastindex = cur.lastindex;
                            ptr -= 1;
                            cur.count -= 1;
                            mode = if jump == Jump::RepeatOne1 {
                                Mode::RepeatOne1Loop
                            } else {
                                Mode::RepeatOne2Loop
                            };
                        }
                        Jump::MinRepeatOne => {
                            if ret {
                                if self.st.repeat >= 0 {
                                    self.mark_pop_discard(cur.lastmark);
                                }
                                continue;
                            }
                            if self.st.repeat >= 0 {
                                self.mark_pop(cur.lastmark, true)?;
                            }
                            self.st.lastmark = cur.lastmark;
                            self.st.lastindex = cur.lastindex;
                            self.st.ptr = ptr;
                            let n = self.count(pattern + 3, 1)?;
                            if n == 0 {
                                if self.st.repeat >= 0 {
                                    self.mark_pop_discard(cur.lastmark);
                                }
                                ret = false;
                                continue;
                            }
                            ptr += 1;
                            cur.count += 1;
                            mode = Mode::MinRepeatOneLoop;
                        }
                        Jump::Repeat => {
                            let ri = cur.u;
                            let prev = self.rep(ri)?.prev;
                            self.st.repeat = prev;
                            self.st.repeats.truncate(ri);
                            continue;
                        }
                        Jump::MaxUntil1 => {
                            if ret {
                                continue;
                            }
                            let c = cur.count;
                            self.rep(cur.u)?.count = c - 1;
                            self.st.ptr = ptr;
                            continue;
                        }
                        Jump::MaxUntil2 => {
                            let lp = self.st.data.pop().ok_or(SreError::State)?;
                            self.rep(cur.u)?.last_ptr = lp;
                            if ret {
                                self.mark_pop_discard(cur.lastmark);
                                continue;
                            }
                            self.mark_pop(cur.lastmark, false)?;
                            self.st.lastmark = cur.lastmark;
                            self.st.lastindex = cur.lastindex;
                            let c = cur.count;
                            self.rep(cur.u)?.count = c - 1;
                            self.st.ptr = ptr;
                            mode = Mode::MaxUntilTail;
                        }
                        Jump::MaxUntil3 => {
                            self.st.repeat = cur.u as isize;
                            if ret {
                                continue;
                            }
                            self.st.ptr = ptr;
                            continue;
                        }
                        Jump::MinUntil1 => {
                            if ret {
                                continue;
                            }
                            let c = cur.count;
                            self.rep(cur.u)?.count = c - 1;
                            self.st.ptr = ptr;
                            continue;
                        }
                        Jump::MinUntil2 => {
                            let repeat_of_tail = self.st.repeat;
                            self.st.repeat = cur.u as isize;
                            if ret {
                                if repeat_of_tail >= 0 {
                                    self.mark_pop_discard(cur.lastmark);
                                }
                                continue;
                            }
                            if repeat_of_tail >= 0 {
                                self.mark_pop(cur.lastmark, false)?;
                            }
                            self.st.lastmark = cur.lastmark;
                            self.st.lastindex = cur.lastindex;
                            self.st.ptr = ptr;
                            let rep = *self.rep(cur.u)?;
                            let max = self.c(rep.pattern + 2);
                            if (cur.count >= max as isize && max != MAXREPEAT)
                                || self.st.ptr == rep.last_ptr
                            {
                                ret = false;
                                continue;
                            }
                            let sp = self.st.ptr;
                            {
                                let r = self.rep(cur.u)?;
                                r.count = cur.count;
                                r.last_ptr = sp;
                            }
                            self.st.data.push(rep.last_ptr);
                            do_jump!(Jump::MinUntil3, rep.pattern + 3, cur.toplevel);
                        }
                        Jump::MinUntil3 => {
                            let lp = self.st.data.pop().ok_or(SreError::State)?;
                            self.rep(cur.u)?.last_ptr = lp;
                            if ret {
                                continue;
                            }
                            let c = cur.count;
                            self.rep(cur.u)?.count = c - 1;
                            self.st.ptr = ptr;
                            continue;
                        }
                        Jump::PossRepeat1 => {
                            if ret {
                                cur.count += 1;
                                mode = Mode::PossRepeat1Loop;
                            } else {
                                self.st.ptr = ptr;
                                continue;
                            }
                        }
                        Jump::PossRepeat2 => {
                            if ret {
                                self.mark_pop_discard(cur.lastmark);
                                cur.count += 1;
                                mode = Mode::PossRepeat2Loop;
                            } else {
                                self.mark_pop(cur.lastmark, false)?;
                                self.st.lastmark = cur.lastmark;
                                self.st.lastindex = cur.lastindex;
                                mode = Mode::PossRepeatTail;
                            }
                        }
                        Jump::AtomicGroup => {
                            if !ret {
                                self.st.ptr = ptr;
                                continue;
                            }
                            pattern += self.c(pattern) as usize;
                            ptr = self.st.ptr;
                            mode = Mode::Dispatch;
                        }
                        Jump::Assert => {
                            if !ret {
                                continue;
                            }
                            pattern += self.c(pattern) as usize;
                            mode = Mode::Dispatch;
                        }
                        Jump::AssertNot => {
                            if ret {
                                if self.st.repeat >= 0 {
                                    self.mark_pop_discard(cur.lastmark);
                                }
                                ret = false;
                                continue;
                            }
                            if self.st.repeat >= 0 {
                                self.mark_pop(cur.lastmark, false)?;
                            }
                            self.st.lastmark = cur.lastmark;
                            self.st.lastindex = cur.lastindex;
                            pattern += self.c(pattern) as usize;
                            mode = Mode::Dispatch;
                        }
                    }
                }
            }
        }
    }

    /// `sre_match`: match at `st.start` (top level).
    pub fn do_match(&mut self) -> SreResult<bool> {
        self.st.ptr = self.st.start;
        self.run(0, true)
    }

    /// `SRE(search)`: the first match at or after `st.start`; on success
    /// `st.start` is where it begins and `st.ptr` where it ends.
    pub fn search(&mut self) -> SreResult<bool> {
        let mut ptr = self.st.start;
        let mut end = self.st.end;
        if ptr > end {
            return Ok(false);
        }
        let mut pattern = 0usize;
        let mut flags = 0u32;
        let mut prefix_len = 0usize;
        let mut prefix_skip = 0usize;
        let mut prefix = 0usize;
        let mut charset: Option<usize> = None;
        if self.c(0) == OP_INFO {
            // <INFO> <1=skip> <2=flags> <3=min> <4=max> <5=prefix info>
            flags = self.c(2);
            let min = self.c(3) as isize;
            if min != 0 && end - ptr < min {
                return Ok(false);
            }
            if min > 1 {
                end -= min - 1;
                if end <= ptr {
                    end = ptr;
                }
            }
            if flags & INFO_PREFIX != 0 {
                prefix_len = self.c(5) as usize;
                prefix_skip = self.c(6) as usize;
                prefix = 7;
            } else if flags & INFO_CHARSET != 0 {
                charset = Some(5);
            }
            pattern = 1 + self.c(1) as usize;
        }
        let _ = end;

        if prefix_len == 1 {
            let c = self.c(prefix);
            let end = self.st.end;
            self.st.must_advance = false;
            while ptr < end {
                while self.ch(ptr) != c {
                    ptr += 1;
                    if ptr >= end {
                        return Ok(false);
                    }
                }
                self.st.start = ptr;
                self.st.ptr = ptr + prefix_skip as isize;
                if flags & INFO_LITERAL != 0 {
                    return Ok(true);
                }
                if self.run(pattern + 2 * prefix_skip, false)? {
                    return Ok(true);
                }
                ptr += 1;
                self.st.lastmark = -1;
                self.st.lastindex = -1;
            }
            return Ok(false);
        }

        if prefix_len > 1 {
            // Knuth-Morris-Pratt over the prefix with its overlap table.
            let end = self.st.end;
            if prefix_len as isize > end - ptr {
                return Ok(false);
            }
            let overlap = prefix + prefix_len - 1;
            let c0 = self.c(prefix);
            while ptr < end {
                loop {
                    let c = self.ch(ptr);
                    ptr += 1;
                    if c == c0 {
                        break;
                    }
                    if ptr >= end {
                        return Ok(false);
                    }
                }
                if ptr >= end {
                    return Ok(false);
                }
                let mut i = 1usize;
                self.st.must_advance = false;
                loop {
                    if self.ch(ptr) == self.c(prefix + i) {
                        i += 1;
                        if i != prefix_len {
                            ptr += 1;
                            if ptr >= end {
                                return Ok(false);
                            }
                            continue;
                        }
                        self.st.start = ptr - (prefix_len as isize - 1);
                        self.st.ptr = ptr - (prefix_len as isize - prefix_skip as isize - 1);
                        if flags & INFO_LITERAL != 0 {
                            return Ok(true);
                        }
                        if self.run(pattern + 2 * prefix_skip, false)? {
                            return Ok(true);
                        }
                        ptr += 1;
                        if ptr >= end {
                            return Ok(false);
                        }
                        self.st.lastmark = -1;
                        self.st.lastindex = -1;
                    }
                    i = self.c(overlap + i) as usize;
                    if i == 0 {
                        break;
                    }
                }
            }
            return Ok(false);
        }

        if let Some(cs) = charset {
            let end = self.st.end;
            self.st.must_advance = false;
            loop {
                while ptr < end && !self.charset(cs, self.ch(ptr)) {
                    ptr += 1;
                }
                if ptr >= end {
                    return Ok(false);
                }
                self.st.start = ptr;
                self.st.ptr = ptr;
                if self.run(pattern, false)? {
                    return Ok(true);
                }
                ptr += 1;
                self.st.lastmark = -1;
                self.st.lastindex = -1;
            }
        }

        // General case.
        self.st.start = ptr;
        self.st.ptr = ptr;
        let mut status = self.run(pattern, true)?;
        self.st.must_advance = false;
        if !status
            && self.c(pattern) == OP_AT
            && (self.c(pattern + 1) == AT_BEGINNING || self.c(pattern + 1) == AT_BEGINNING_STRING)
        {
            self.st.start = end;
            self.st.ptr = end;
            return Ok(false);
        }
        while !status && ptr < end {
            ptr += 1;
            self.st.lastmark = -1;
            self.st.lastindex = -1;
            self.st.start = ptr;
            self.st.ptr = ptr;
            status = self.run(pattern, false)?;
        }
        Ok(status)
    }
}
