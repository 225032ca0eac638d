//! Marshal format version 4: reader and writer over plain data.
//!
//! Follows `Python/marshal.c` of CPython 3.11 (`r_object`, `w_object`,
//! `w_ref`) and the 3.11 code object layout of `TYPE_CODE`. Values are
//! [`MarshalValue`]s and code objects [`CodeData`]s: this crate knows nothing
//! of the VM's objects, which build themselves from these.
//!
//! Every object after a singleton (`None`, `True`, ...) starts with a type
//! byte; bit 7 of it (`FLAG_REF`) puts the object into the reader's
//! reference list, in the order the type bytes occur (pre-order: a tuple
//! gets its index before its items), and `TYPE_REF n` later stands for the
//! n-th such object. CPython's writer sets `FLAG_REF` on every object whose
//! refcount is above one (and on every interned string), which plain data
//! cannot know. So the reader also returns a [`RefPlan`]: for each object in
//! stream order, whether it was plain, flagged, or a back-reference. Writing
//! the same value with its plan gives back CPython's bytes exactly. Without a
//! plan, [`dumps`] flags interned strings and shares equal ones through
//! `TYPE_REF` (as CPython always does for interned strings) and writes
//! everything else plainly: bytes CPython reads back to an equal value.
//!
//! Back-references are resolved by copying the referenced value. The reader
//! bounds the work that copying may cost, so crafted input with references
//! to references cannot make it allocate exponentially; a reference to an
//! object still being read (a list that contains itself) is an error, since
//! a tree of plain data cannot hold a cycle.
//!
//! Malformed input gives a [`MarshalError`] carrying CPython's exception type
//! and message; nothing in here panics on input, nests deeper than
//! `MAX_MARSHAL_STACK_DEPTH`, or allocates more than the input can justify.

use std::collections::HashMap;
use std::fmt;

/// Format version that CPython 3.11 writes (`marshal.version`).
pub const VERSION: u8 = 4;
/// The magic number that starts a CPython 3.11 `.pyc` file (3495).
pub const PYC_MAGIC: [u8; 4] = [0xa7, 0x0d, 0x0d, 0x0a];
/// Nesting limit of reader and writer (`MAX_MARSHAL_STACK_DEPTH` off Windows).
pub const MAX_DEPTH: usize = 2000;

/// Type codes (`TYPE_*` in `marshal.c`).
pub mod type_code {
    pub const NULL: u8 = b'0';
    pub const NONE: u8 = b'N';
    pub const FALSE: u8 = b'F';
    pub const TRUE: u8 = b'T';
    pub const STOPITER: u8 = b'S';
    pub const ELLIPSIS: u8 = b'.';
    pub const INT: u8 = b'i';
    pub const INT64: u8 = b'I';
    pub const FLOAT: u8 = b'f';
    pub const BINARY_FLOAT: u8 = b'g';
    pub const COMPLEX: u8 = b'x';
    pub const BINARY_COMPLEX: u8 = b'y';
    pub const LONG: u8 = b'l';
    pub const STRING: u8 = b's';
    pub const INTERNED: u8 = b't';
    pub const REF: u8 = b'r';
    pub const TUPLE: u8 = b'(';
    pub const LIST: u8 = b'[';
    pub const DICT: u8 = b'{';
    pub const CODE: u8 = b'c';
    pub const UNICODE: u8 = b'u';
    pub const UNKNOWN: u8 = b'?';
    pub const SET: u8 = b'<';
    pub const FROZENSET: u8 = b'>';
    pub const ASCII: u8 = b'a';
    pub const ASCII_INTERNED: u8 = b'A';
    pub const SMALL_TUPLE: u8 = b')';
    pub const SHORT_ASCII: u8 = b'z';
    pub const SHORT_ASCII_INTERNED: u8 = b'Z';
    /// Bit 7 of a type byte: add the object to the reference list.
    pub const FLAG_REF: u8 = 0x80;
}
use type_code as tc;

/// A Python `str` as marshal carries it: UTF-8, where lone surrogates are
/// encoded as `surrogatepass` does (so `data` need not be valid Rust UTF-8).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct MarshalStr {
    pub data: Vec<u8>,
    /// Written with an `*_INTERNED` type code.
    pub interned: bool,
}

impl MarshalStr {
    /// A string, interned or not.
    pub fn new(text: &str, interned: bool) -> MarshalStr {
        MarshalStr {
            data: text.as_bytes().to_vec(),
            interned,
        }
    }

    /// The text, unless it holds lone surrogates.
    pub fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.data).ok()
    }

    /// The text with lone surrogates shown as U+FFFD.
    pub fn to_string_lossy(&self) -> String {
        String::from_utf8_lossy(&self.data).into_owned()
    }
}

/// An integer too large for `TYPE_INT`: sign and magnitude in 15-bit digits,
/// least significant first, top digit nonzero (`TYPE_LONG`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MarshalLong {
    pub negative: bool,
    pub digits: Vec<u16>,
}

impl MarshalLong {
    /// From a machine integer.
    pub fn from_i128(v: i128) -> MarshalLong {
        let mut mag = v.unsigned_abs();
        let mut digits = Vec::new();
        while mag != 0 {
            digits.push((mag & 0x7fff) as u16);
            mag >>= 15;
        }
        MarshalLong {
            negative: v < 0,
            digits,
        }
    }

    /// As a machine integer, if it fits.
    pub fn to_i128(&self) -> Option<i128> {
        let mut mag: u128 = 0;
        for &d in self.digits.iter().rev() {
            if mag >> (128 - 15) != 0 {
                return None;
            }
            mag = (mag << 15) | d as u128;
        }
        if self.negative {
            0i128.checked_sub_unsigned(mag)
        } else {
            i128::try_from(mag).ok()
        }
    }
}

/// A value marshal can carry.
#[derive(Clone, Debug, PartialEq)]
pub enum MarshalValue {
    None,
    False,
    True,
    /// The `StopIteration` class.
    StopIteration,
    Ellipsis,
    /// An int that fits in 32 bits (`TYPE_INT`).
    Int(i32),
    /// Any other int (`TYPE_LONG`).
    Long(MarshalLong),
    Float(f64),
    Complex(f64, f64),
    Bytes(Vec<u8>),
    Str(MarshalStr),
    Tuple(Vec<MarshalValue>),
    List(Vec<MarshalValue>),
    /// Items in stream order.
    Dict(Vec<(MarshalValue, MarshalValue)>),
    /// Items in stream order (CPython writes them sorted by their own dumps).
    Set(Vec<MarshalValue>),
    /// Items in stream order, as for `Set`.
    FrozenSet(Vec<MarshalValue>),
    Code(Box<CodeData>),
}

impl MarshalValue {
    /// An int in the form CPython writes it.
    pub fn int(v: i128) -> MarshalValue {
        match i32::try_from(v) {
            Ok(small) => MarshalValue::Int(small),
            Err(_) => MarshalValue::Long(MarshalLong::from_i128(v)),
        }
    }

    /// A non-interned str.
    pub fn str(text: &str) -> MarshalValue {
        MarshalValue::Str(MarshalStr::new(text, false))
    }
}

/// A 3.11 code object as marshal carries it, in `TYPE_CODE` field order.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeData {
    pub argcount: i32,
    pub posonlyargcount: i32,
    pub kwonlyargcount: i32,
    pub stacksize: i32,
    pub flags: i32,
    /// `co_code`: the code units, caches zeroed.
    pub code: Vec<u8>,
    pub consts: Vec<MarshalValue>,
    pub names: Vec<MarshalStr>,
    /// Locals, then cells, then free variables.
    pub localsplusnames: Vec<MarshalStr>,
    /// One `CO_FAST_*` byte per `localsplusnames` entry.
    pub localspluskinds: Vec<u8>,
    pub filename: MarshalStr,
    pub name: MarshalStr,
    pub qualname: MarshalStr,
    pub firstlineno: i32,
    pub linetable: Vec<u8>,
    pub exceptiontable: Vec<u8>,
}

impl CodeData {
    fn names_of_kind(&self, kind: u8) -> Vec<&MarshalStr> {
        self.localsplusnames
            .iter()
            .zip(&self.localspluskinds)
            .filter(|(_, &k)| k & kind != 0)
            .map(|(name, _)| name)
            .collect()
    }

    /// `co_varnames`: the fast locals (arguments first).
    pub fn varnames(&self) -> Vec<&MarshalStr> {
        self.names_of_kind(fast_kind::LOCAL)
    }

    /// `co_cellvars`.
    pub fn cellvars(&self) -> Vec<&MarshalStr> {
        self.names_of_kind(fast_kind::CELL)
    }

    /// `co_freevars`.
    pub fn freevars(&self) -> Vec<&MarshalStr> {
        self.names_of_kind(fast_kind::FREE)
    }
}

/// `CO_FAST_LOCAL`, `CO_FAST_CELL`, `CO_FAST_FREE`: the kinds in `localspluskinds`.
pub mod fast_kind {
    pub const LOCAL: u8 = 0x20;
    pub const CELL: u8 = 0x40;
    pub const FREE: u8 = 0x80;
}

/// How one object appeared in the stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefEvent {
    /// Written in full, not added to the reference list.
    Plain,
    /// Written in full with `FLAG_REF`.
    Flagged,
    /// Written as `TYPE_REF` to this index.
    Ref(u32),
}

/// For each non-singleton object in stream order, how it was written: what
/// the writer needs to reproduce CPython's `FLAG_REF`/`TYPE_REF` choices.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RefPlan {
    pub events: Vec<RefEvent>,
}

/// The Python exception a marshal failure raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarshalErrorKind {
    EOFError,
    ValueError,
    TypeError,
}

/// A marshal failure: CPython's exception type and message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarshalError {
    pub kind: MarshalErrorKind,
    pub message: String,
}

impl MarshalError {
    #[cold]
    #[inline(never)]
    fn value(message: impl Into<String>) -> MarshalError {
        MarshalError {
            kind: MarshalErrorKind::ValueError,
            message: message.into(),
        }
    }

    #[cold]
    #[inline(never)]
    fn eof(message: &str) -> MarshalError {
        MarshalError {
            kind: MarshalErrorKind::EOFError,
            message: message.into(),
        }
    }
}

impl fmt::Display for MarshalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.message)
    }
}

impl std::error::Error for MarshalError {}

type Result<T> = std::result::Result<T, MarshalError>;

// ---------------------------------------------------------------- reading

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    depth: usize,
    /// The reference list, as the offset of each flagged object's type byte
    /// and whether it has been read to its end.
    refs: Vec<(usize, bool)>,
    plan: Vec<RefEvent>,
    /// Re-reading a flagged object for a back-reference: the reference list
    /// and plan are complete for it already.
    replay: bool,
    /// Work done so far (nodes plus payload bytes / 8), including copies
    /// made for back-references, and its bound.
    work: usize,
    work_limit: usize,
}

/// Read one value from the start of `data` (trailing bytes are ignored, as
/// `marshal.loads` does).
pub fn loads(data: &[u8]) -> Result<MarshalValue> {
    loads_with_plan(data).map(|(value, _)| value)
}

/// Read one value and the plan that writes it back byte for byte.
pub fn loads_with_plan(data: &[u8]) -> Result<(MarshalValue, RefPlan)> {
    let mut r = Reader {
        data,
        pos: 0,
        depth: 0,
        refs: Vec::new(),
        plan: Vec::new(),
        replay: false,
        work: 0,
        work_limit: data.len().saturating_mul(64).saturating_add(1 << 20),
    };
    let value = r.object()?.ok_or_else(|| MarshalError {
        kind: MarshalErrorKind::TypeError,
        message: "NULL object in marshal data for object".into(),
    })?;
    Ok((value, RefPlan { events: r.plan }))
}

/// Read a `.pyc` file: check the 16-byte header's magic and load the code.
pub fn load_pyc(data: &[u8]) -> Result<MarshalValue> {
    if data.len() < 16 || data[..4] != PYC_MAGIC {
        return Err(MarshalError::value("bad magic number in .pyc data"));
    }
    loads(&data[16..])
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8]> {
        if self.data.len() - self.pos < n {
            return Err(MarshalError::eof("marshal data too short"));
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn byte(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }

    fn long(&mut self) -> Result<i32> {
        let b = self.take(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn f64(&mut self) -> Result<f64> {
        let b = self.take(8)?;
        Ok(f64::from_le_bytes(b.try_into().expect("8 bytes")))
    }

    /// A length that must be covered by at least `min_bytes_each` bytes of
    /// input per item, so that no allocation outgrows the input.
    #[inline(never)]
    fn size(&mut self, min_bytes_each: usize, what: &str) -> Result<usize> {
        let n = self.long()?;
        if n < 0 {
            return Err(MarshalError::value(format!(
                "bad marshal data ({what} size out of range)"
            )));
        }
        let n = n as usize;
        if n.saturating_mul(min_bytes_each) > self.data.len() - self.pos {
            return Err(MarshalError::eof("marshal data too short"));
        }
        Ok(n)
    }

    #[inline(never)]
    fn charge(&mut self, amount: usize) -> Result<()> {
        self.work = self.work.saturating_add(amount);
        if self.work > self.work_limit {
            return Err(MarshalError::value(
                "bad marshal data (back-references expand beyond the size limit)",
            ));
        }
        Ok(())
    }

    fn float_str(&mut self) -> Result<f64> {
        let n = self.byte()? as usize;
        let text = self.take(n)?;
        std::str::from_utf8(text)
            .ok()
            .and_then(|t| t.trim().parse::<f64>().ok())
            .ok_or_else(|| MarshalError::value("could not convert string to float"))
    }

    fn long_digits(&mut self) -> Result<MarshalLong> {
        let n = self.long()?;
        let count = n.unsigned_abs() as usize;
        if n == i32::MIN {
            return Err(MarshalError::value(
                "bad marshal data (long size out of range)",
            ));
        }
        if count.saturating_mul(2) > self.data.len() - self.pos {
            return Err(MarshalError::eof("marshal data too short"));
        }
        let mut digits = Vec::with_capacity(count);
        for i in 0..count {
            let b = self.take(2)?;
            let d = i16::from_le_bytes([b[0], b[1]]);
            // `md < 0 || md > PyLong_MARSHAL_BASE` in r_PyLong.
            if !(0..=0x7fff).contains(&d) && d as u16 != 0x8000 {
                return Err(MarshalError::value(
                    "bad marshal data (digit out of range in long)",
                ));
            }
            if d == 0 && i == count - 1 {
                return Err(MarshalError::value(
                    "bad marshal data (unnormalized long data)",
                ));
            }
            digits.push(d as u16);
        }
        Ok(MarshalLong {
            negative: n < 0,
            digits,
        })
    }

    fn str_utf8(&mut self, n: usize, interned: bool) -> Result<MarshalStr> {
        let data = self.take(n)?;
        if !is_utf8_surrogatepass(data) {
            return Err(MarshalError::value(
                "'utf-8' codec can't decode bytes: invalid UTF-8 in marshal data",
            ));
        }
        Ok(MarshalStr {
            data: data.to_vec(),
            interned,
        })
    }

    /// `TYPE_ASCII` data are read as Latin-1, as `PyUnicode_FromKindAndData`
    /// with a 1-byte kind does.
    fn str_latin1(&mut self, n: usize, interned: bool) -> Result<MarshalStr> {
        let raw = self.take(n)?;
        let data = if raw.is_ascii() {
            raw.to_vec()
        } else {
            raw.iter()
                .map(|&b| b as char)
                .collect::<String>()
                .into_bytes()
        };
        Ok(MarshalStr { data, interned })
    }

    fn items(&mut self, n: usize) -> Result<Vec<MarshalValue>> {
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(self.required()?);
        }
        Ok(items)
    }

    fn required(&mut self) -> Result<MarshalValue> {
        self.object()?
            .ok_or_else(|| MarshalError::value("bad marshal data (NULL object in container)"))
    }

    /// One object, or `None` for `TYPE_NULL` (the dict terminator).
    fn object(&mut self) -> Result<Option<MarshalValue>> {
        let Some(&code) = self.data.get(self.pos) else {
            return Err(MarshalError::eof("EOF read where object expected"));
        };
        self.pos += 1;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(MarshalError::value("recursion limit exceeded"));
        }
        let result = self.object_body(code);
        self.depth -= 1;
        result
    }

    fn object_body(&mut self, code: u8) -> Result<Option<MarshalValue>> {
        let flag = code & tc::FLAG_REF != 0;
        let ty = code & !tc::FLAG_REF;
        let singleton = match ty {
            tc::NULL => return Ok(None),
            tc::NONE => Some(MarshalValue::None),
            tc::FALSE => Some(MarshalValue::False),
            tc::TRUE => Some(MarshalValue::True),
            tc::STOPITER => Some(MarshalValue::StopIteration),
            tc::ELLIPSIS => Some(MarshalValue::Ellipsis),
            _ => None,
        };
        if let Some(v) = singleton {
            self.charge(1)?;
            return Ok(Some(v));
        }
        if ty == tc::REF {
            return self.back_reference().map(Some);
        }
        // Reserve the reference slot before the contents, as r_ref_reserve
        // and R_REF do: indices follow type bytes in pre-order.
        let slot = if flag && !self.replay {
            if self.refs.len() >= 0x7fff_fffe {
                return Err(MarshalError::value(
                    "bad marshal data (index list too large)",
                ));
            }
            self.refs.push((self.pos - 1, false));
            Some(self.refs.len() - 1)
        } else {
            None
        };
        if !self.replay {
            self.plan.push(if flag {
                RefEvent::Flagged
            } else {
                RefEvent::Plain
            });
        }
        self.charge(1)?;
        let value = self.complex_object(ty)?;
        if let Some(slot) = slot {
            self.refs[slot].1 = true;
        }
        Ok(Some(value))
    }

    /// `TYPE_REF`: read the referenced object again from its own bytes.
    /// Every reference inside it resolves to the same slots as the first
    /// time, and the work charged bounds what the copies can cost.
    #[inline(never)]
    fn back_reference(&mut self) -> Result<MarshalValue> {
        let n = self.long()?;
        let entry = usize::try_from(n).ok().and_then(|i| self.refs.get(i));
        let Some(&(start, true)) = entry else {
            return Err(MarshalError::value("bad marshal data (invalid reference)"));
        };
        if !self.replay {
            self.plan.push(RefEvent::Ref(n as u32));
        }
        let (resume, was_replay) = (self.pos, self.replay);
        self.pos = start;
        self.replay = true;
        let value = self.required();
        self.pos = resume;
        self.replay = was_replay;
        value
    }

    /// Containers recurse through here: it is kept small, and the leaves,
    /// back-references and code objects have frames of their own, so that
    /// nesting `MAX_DEPTH` deep fits in a thread's default 2 MiB stack
    /// (measured: about 620 bytes a level in the dev profile, 1.3 MB in all).
    fn complex_object(&mut self, ty: u8) -> Result<MarshalValue> {
        Ok(match ty {
            tc::SMALL_TUPLE => {
                let n = self.byte()? as usize;
                MarshalValue::Tuple(self.items(n)?)
            }
            tc::TUPLE => {
                let n = self.size(1, "tuple")?;
                MarshalValue::Tuple(self.items(n)?)
            }
            tc::LIST => {
                let n = self.size(1, "list")?;
                MarshalValue::List(self.items(n)?)
            }
            tc::SET | tc::FROZENSET => {
                let n = self.size(1, "set")?;
                let items = self.items(n)?;
                if ty == tc::SET {
                    MarshalValue::Set(items)
                } else {
                    MarshalValue::FrozenSet(items)
                }
            }
            tc::DICT => {
                let mut pairs = Vec::new();
                // Key, value, ... up to a TYPE_NULL in either place.
                while let Some(key) = self.object()? {
                    let Some(value) = self.object()? else { break };
                    pairs.push((key, value));
                }
                MarshalValue::Dict(pairs)
            }
            tc::CODE => MarshalValue::Code(self.code()?),
            _ => self.leaf(ty)?,
        })
    }

    #[inline(never)]
    fn leaf(&mut self, ty: u8) -> Result<MarshalValue> {
        Ok(match ty {
            tc::INT => MarshalValue::Int(self.long()?),
            tc::INT64 => {
                let b = self.take(8)?;
                MarshalValue::int(i64::from_le_bytes(b.try_into().expect("8 bytes")) as i128)
            }
            tc::LONG => {
                let long = self.long_digits()?;
                self.charge(long.digits.len() / 4)?;
                MarshalValue::Long(long)
            }
            tc::FLOAT => MarshalValue::Float(self.float_str()?),
            tc::BINARY_FLOAT => MarshalValue::Float(self.f64()?),
            tc::COMPLEX => {
                let re = self.float_str()?;
                MarshalValue::Complex(re, self.float_str()?)
            }
            tc::BINARY_COMPLEX => {
                let re = self.f64()?;
                MarshalValue::Complex(re, self.f64()?)
            }
            tc::STRING => {
                let n = self.size(1, "bytes object")?;
                self.charge(n / 8)?;
                MarshalValue::Bytes(self.take(n)?.to_vec())
            }
            tc::UNICODE | tc::INTERNED => {
                let n = self.size(1, "string")?;
                self.charge(n / 8)?;
                MarshalValue::Str(self.str_utf8(n, ty == tc::INTERNED)?)
            }
            tc::ASCII | tc::ASCII_INTERNED => {
                let n = self.size(1, "string")?;
                self.charge(n / 8)?;
                MarshalValue::Str(self.str_latin1(n, ty == tc::ASCII_INTERNED)?)
            }
            tc::SHORT_ASCII | tc::SHORT_ASCII_INTERNED => {
                let n = self.byte()? as usize;
                self.charge(n / 8)?;
                MarshalValue::Str(self.str_latin1(n, ty == tc::SHORT_ASCII_INTERNED)?)
            }
            _ => return Err(MarshalError::value("bad marshal data (unknown type code)")),
        })
    }

    #[inline(never)]
    fn code(&mut self) -> Result<Box<CodeData>> {
        let argcount = self.long()?;
        let posonlyargcount = self.long()?;
        let kwonlyargcount = self.long()?;
        let stacksize = self.long()?;
        let flags = self.long()?;
        let code = self.bytes_field()?;
        let consts = self.tuple_field()?;
        let names = self.str_tuple_field()?;
        let localsplusnames = self.str_tuple_field()?;
        let localspluskinds = self.bytes_field()?;
        let filename = self.str_field()?;
        let name = self.str_field()?;
        let qualname = self.str_field()?;
        let firstlineno = self.long()?;
        let linetable = self.bytes_field()?;
        let exceptiontable = self.bytes_field()?;
        if argcount < posonlyargcount || posonlyargcount < 0 || kwonlyargcount < 0 {
            return Err(MarshalError::value("code: argcount must not be negative"));
        }
        if code.len() % 2 != 0 {
            return Err(MarshalError::value("code: co_code is malformed"));
        }
        if localsplusnames.len() != localspluskinds.len() {
            return Err(MarshalError::value(
                "code: localsplusnames and localspluskinds differ in size",
            ));
        }
        Ok(Box::new(CodeData {
            argcount,
            posonlyargcount,
            kwonlyargcount,
            stacksize,
            flags,
            code,
            consts,
            names,
            localsplusnames,
            localspluskinds,
            filename,
            name,
            qualname,
            firstlineno,
            linetable,
            exceptiontable,
        }))
    }

    fn bad_code() -> MarshalError {
        MarshalError {
            kind: MarshalErrorKind::TypeError,
            message: "bad marshal data (code object field of the wrong type)".into(),
        }
    }

    fn bytes_field(&mut self) -> Result<Vec<u8>> {
        match self.required()? {
            MarshalValue::Bytes(b) => Ok(b),
            _ => Err(Self::bad_code()),
        }
    }

    fn str_field(&mut self) -> Result<MarshalStr> {
        match self.required()? {
            MarshalValue::Str(s) => Ok(s),
            _ => Err(Self::bad_code()),
        }
    }

    fn tuple_field(&mut self) -> Result<Vec<MarshalValue>> {
        match self.required()? {
            MarshalValue::Tuple(items) => Ok(items),
            _ => Err(Self::bad_code()),
        }
    }

    fn str_tuple_field(&mut self) -> Result<Vec<MarshalStr>> {
        self.tuple_field()?
            .into_iter()
            .map(|item| match item {
                MarshalValue::Str(s) => Ok(s),
                _ => Err(MarshalError::value("non-string found in code slot")),
            })
            .collect()
    }
}

/// UTF-8 as Python's `surrogatepass` decoder accepts it: well-formed
/// sequences, plus encoded U+D800..U+DFFF.
fn is_utf8_surrogatepass(data: &[u8]) -> bool {
    let mut rest = data;
    loop {
        match std::str::from_utf8(rest) {
            Ok(_) => return true,
            Err(e) => {
                let at = e.valid_up_to();
                let tail = &rest[at..];
                // A surrogate: ED A0..BF 80..BF.
                if tail.len() >= 3
                    && tail[0] == 0xED
                    && (0xA0..=0xBF).contains(&tail[1])
                    && (0x80..=0xBF).contains(&tail[2])
                {
                    rest = &tail[3..];
                } else {
                    return false;
                }
            }
        }
    }
}

// ---------------------------------------------------------------- writing

struct Writer<'p> {
    out: Vec<u8>,
    depth: usize,
    /// Replaying a plan read from CPython's bytes.
    plan: Option<&'p [RefEvent]>,
    next_event: usize,
    /// Number of flagged objects so far (the next reference index).
    flagged: u32,
    /// Without a plan: interned strings already written, by content.
    interned: HashMap<Vec<u8>, u32>,
}

/// Write a value in format 4, flagging and sharing interned strings as
/// CPython does and everything else plainly.
pub fn dumps(value: &MarshalValue) -> Result<Vec<u8>> {
    let mut w = Writer::new(None);
    w.object(value)?;
    Ok(w.out)
}

/// Write a value in format 4 following `plan` (from [`loads_with_plan`] on
/// the bytes the value came from): gives back those bytes exactly.
pub fn dumps_with_plan(value: &MarshalValue, plan: &RefPlan) -> Result<Vec<u8>> {
    let mut w = Writer::new(Some(&plan.events));
    w.object(value)?;
    if w.next_event != plan.events.len() {
        return Err(MarshalError::value(
            "reference plan does not match the value (too long)",
        ));
    }
    Ok(w.out)
}

/// Write a code object as the body of a `.pyc` file with CPython 3.11's
/// header (magic, flags 0, source mtime and size).
pub fn dump_pyc(code: &MarshalValue, source_mtime: u32, source_size: u32) -> Result<Vec<u8>> {
    let mut out = PYC_MAGIC.to_vec();
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&source_mtime.to_le_bytes());
    out.extend_from_slice(&source_size.to_le_bytes());
    out.extend(dumps(code)?);
    Ok(out)
}

impl<'p> Writer<'p> {
    fn new(plan: Option<&'p [RefEvent]>) -> Writer<'p> {
        Writer {
            out: Vec::new(),
            depth: 0,
            plan,
            next_event: 0,
            flagged: 0,
            interned: HashMap::new(),
        }
    }

    fn long(&mut self, v: i32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    fn size(&mut self, n: usize) -> Result<()> {
        let n = i32::try_from(n).map_err(|_| MarshalError::value("unmarshallable object"))?;
        self.long(n);
        Ok(())
    }

    /// Write the type byte of a non-singleton object, or a `TYPE_REF` in its
    /// place; returns whether the contents must follow.
    fn begin(&mut self, ty: u8, interned_key: Option<&[u8]>) -> Result<bool> {
        let event = match self.plan {
            Some(plan) => {
                let event = *plan.get(self.next_event).ok_or_else(|| {
                    MarshalError::value("reference plan does not match the value (too short)")
                })?;
                self.next_event += 1;
                event
            }
            None => match interned_key {
                Some(key) => match self.interned.get(key) {
                    Some(&index) => RefEvent::Ref(index),
                    None => {
                        self.interned.insert(key.to_vec(), self.flagged);
                        RefEvent::Flagged
                    }
                },
                None => RefEvent::Plain,
            },
        };
        match event {
            RefEvent::Plain => self.out.push(ty),
            RefEvent::Flagged => {
                self.out.push(ty | tc::FLAG_REF);
                self.flagged += 1;
            }
            RefEvent::Ref(index) => {
                if index >= self.flagged {
                    return Err(MarshalError::value(
                        "reference plan refers past the objects written",
                    ));
                }
                self.out.push(tc::REF);
                self.long(index as i32);
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn object(&mut self, v: &MarshalValue) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(MarshalError::value("object too deeply nested to marshal"));
        }
        let result = self.object_body(v);
        self.depth -= 1;
        result
    }

    fn object_body(&mut self, v: &MarshalValue) -> Result<()> {
        match v {
            MarshalValue::None => self.out.push(tc::NONE),
            MarshalValue::False => self.out.push(tc::FALSE),
            MarshalValue::True => self.out.push(tc::TRUE),
            MarshalValue::StopIteration => self.out.push(tc::STOPITER),
            MarshalValue::Ellipsis => self.out.push(tc::ELLIPSIS),
            MarshalValue::Int(i) => {
                if self.begin(tc::INT, None)? {
                    self.long(*i);
                }
            }
            MarshalValue::Long(l) => {
                if self.begin(tc::LONG, None)? {
                    let n = i32::try_from(l.digits.len())
                        .map_err(|_| MarshalError::value("unmarshallable object"))?;
                    self.long(if l.negative { -n } else { n });
                    for d in &l.digits {
                        self.out.extend_from_slice(&d.to_le_bytes());
                    }
                }
            }
            MarshalValue::Float(f) => {
                if self.begin(tc::BINARY_FLOAT, None)? {
                    self.out.extend_from_slice(&f.to_le_bytes());
                }
            }
            MarshalValue::Complex(re, im) => {
                if self.begin(tc::BINARY_COMPLEX, None)? {
                    self.out.extend_from_slice(&re.to_le_bytes());
                    self.out.extend_from_slice(&im.to_le_bytes());
                }
            }
            MarshalValue::Bytes(b) => self.bytes(b)?,
            MarshalValue::Str(s) => self.str(s)?,
            MarshalValue::Tuple(items) => self.tuple(items, |w, item| w.object(item))?,
            MarshalValue::List(items) => self.sequence(tc::LIST, items)?,
            MarshalValue::Set(items) => self.sequence(tc::SET, items)?,
            MarshalValue::FrozenSet(items) => self.sequence(tc::FROZENSET, items)?,
            MarshalValue::Dict(pairs) => {
                if self.begin(tc::DICT, None)? {
                    for (k, v) in pairs {
                        self.object(k)?;
                        self.object(v)?;
                    }
                    self.out.push(tc::NULL);
                }
            }
            MarshalValue::Code(code) => {
                if self.begin(tc::CODE, None)? {
                    self.code(code)?;
                }
            }
        }
        Ok(())
    }

    fn bytes(&mut self, b: &[u8]) -> Result<()> {
        if self.begin(tc::STRING, None)? {
            self.size(b.len())?;
            self.out.extend_from_slice(b);
        }
        Ok(())
    }

    fn str(&mut self, s: &MarshalStr) -> Result<()> {
        let key = s.interned.then_some(&s.data[..]);
        if s.data.is_ascii() {
            if s.data.len() < 256 {
                let ty = if s.interned {
                    tc::SHORT_ASCII_INTERNED
                } else {
                    tc::SHORT_ASCII
                };
                if self.begin(ty, key)? {
                    self.out.push(s.data.len() as u8);
                    self.out.extend_from_slice(&s.data);
                }
            } else {
                let ty = if s.interned {
                    tc::ASCII_INTERNED
                } else {
                    tc::ASCII
                };
                if self.begin(ty, key)? {
                    self.size(s.data.len())?;
                    self.out.extend_from_slice(&s.data);
                }
            }
        } else {
            let ty = if s.interned {
                tc::INTERNED
            } else {
                tc::UNICODE
            };
            if self.begin(ty, key)? {
                self.size(s.data.len())?;
                self.out.extend_from_slice(&s.data);
            }
        }
        Ok(())
    }

    fn tuple<T>(
        &mut self,
        items: &[T],
        mut each: impl FnMut(&mut Self, &T) -> Result<()>,
    ) -> Result<()> {
        let small = items.len() < 256;
        if self.begin(if small { tc::SMALL_TUPLE } else { tc::TUPLE }, None)? {
            if small {
                self.out.push(items.len() as u8);
            } else {
                self.size(items.len())?;
            }
            for item in items {
                each(self, item)?;
            }
        }
        Ok(())
    }

    fn sequence(&mut self, ty: u8, items: &[MarshalValue]) -> Result<()> {
        if self.begin(ty, None)? {
            self.size(items.len())?;
            for item in items {
                self.object(item)?;
            }
        }
        Ok(())
    }

    fn code(&mut self, c: &CodeData) -> Result<()> {
        for v in [
            c.argcount,
            c.posonlyargcount,
            c.kwonlyargcount,
            c.stacksize,
            c.flags,
        ] {
            self.long(v);
        }
        self.bytes(&c.code)?;
        self.tuple(&c.consts, |w, item| w.object(item))?;
        self.tuple(&c.names, |w, s| w.str(s))?;
        self.tuple(&c.localsplusnames, |w, s| w.str(s))?;
        self.bytes(&c.localspluskinds)?;
        self.str(&c.filename)?;
        self.str(&c.name)?;
        self.str(&c.qualname)?;
        self.long(c.firstlineno);
        self.bytes(&c.linetable)?;
        self.bytes(&c.exceptiontable)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len() / 2)
            .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
            .collect()
    }

    /// `marshal.dumps((1,'a','a',2**40,-2**31,2**31-1,2**31,frozenset({1,2}),1.5,2j))`
    #[test]
    fn cpython_tuple_round_trips() {
        let bytes = hex(
            "290ae901000000da01617201000000ec03000000000000000004e900000080e9ffffff7fec030000\
             000000000002003e020000007200000000e902000000e7000000000000f83ff9000000000000000000\
             00000000000040",
        );
        let (value, plan) = loads_with_plan(&bytes).unwrap();
        let MarshalValue::Tuple(items) = &value else {
            panic!()
        };
        assert_eq!(items[0], MarshalValue::Int(1));
        assert_eq!(items[1], MarshalValue::Str(MarshalStr::new("a", true)));
        assert_eq!(items[2], items[1]);
        let MarshalValue::Long(l) = &items[3] else {
            panic!()
        };
        assert_eq!(l.to_i128(), Some(1 << 40));
        assert_eq!(items[4], MarshalValue::Int(i32::MIN));
        assert_eq!(items[6], MarshalValue::int(1 << 31));
        assert_eq!(
            items[7],
            MarshalValue::FrozenSet(vec![MarshalValue::Int(1), MarshalValue::Int(2)])
        );
        assert_eq!(items[9], MarshalValue::Complex(0.0, 2.0));
        assert_eq!(dumps_with_plan(&value, &plan).unwrap(), bytes);
        // Without the plan the value still survives a round trip.
        assert_eq!(loads(&dumps(&value).unwrap()).unwrap(), value);
    }

    #[test]
    fn longs() {
        for v in [
            0i128,
            1 << 31,
            -(1 << 31) - 1,
            1 << 45,
            -(1 << 100),
            i128::MAX,
            i128::MIN + 1,
        ] {
            assert_eq!(MarshalLong::from_i128(v).to_i128(), Some(v));
            let value = MarshalValue::int(v);
            assert_eq!(loads(&dumps(&value).unwrap()).unwrap(), value);
        }
    }

    #[test]
    fn strings_in_all_forms() {
        let long_ascii = "x".repeat(300);
        for (text, interned) in [
            ("", false),
            ("abc", true),
            (long_ascii.as_str(), true),
            ("é€", false),
            ("😀", true),
        ] {
            let value = MarshalValue::Str(MarshalStr::new(text, interned));
            assert_eq!(loads(&dumps(&value).unwrap()).unwrap(), value);
        }
        // A lone surrogate, as surrogatepass writes it.
        let bytes = [b'u', 3, 0, 0, 0, 0xED, 0xB2, 0x80];
        let MarshalValue::Str(s) = loads(&bytes).unwrap() else {
            panic!()
        };
        assert_eq!(s.as_str(), None);
        assert_eq!(dumps(&MarshalValue::Str(s)).unwrap(), bytes);
        // TYPE_ASCII bytes above 0x7f read as Latin-1.
        assert_eq!(loads(&[b'z', 1, 0xE9]).unwrap(), MarshalValue::str("é"));
    }
}
