//! The `zlib` module (CPython's `Modules/zlibmodule.c`): `compress`,
//! `decompress`, `compressobj`, `decompressobj` (with `flush`, `copy`,
//! `unused_data`, `unconsumed_tail`, `eof`), `crc32`, `adler32`, the
//! constants and `zlib.error`, for the raw (`wbits` -9..-15), zlib (9..15),
//! gzip (25..31) and automatic (40..47, decompression) formats.
//!
//! Taipan deviation: the DEFLATE coder is the `miniz_oxide` crate, not the
//! zlib C library. Its compressed bytes are valid DEFLATE streams that any
//! inflater reads, but not byte for byte the ones zlib would write; the zlib
//! and gzip wrappers (header, Adler-32/CRC-32 trailer) are written here as
//! zlib writes them. Preset dictionaries (`zdict`) are not supported.
//! Corrupt data raises "invalid input data" where zlib names the fault, and a
//! raw stream whose match reaches before its start decodes as zeros where zlib
//! raises "invalid distance too far back"; `unconsumed_tail` can be shorter
//! than zlib's (miniz takes input ahead of the output it holds back).

use std::cell::{Cell, UnsafeCell};

use miniz_oxide::deflate::core::{create_comp_flags_from_zip_params, CompressorOxide};
use miniz_oxide::inflate::stream::InflateState;
use miniz_oxide::{DataFormat, MZError, MZFlush, MZStatus};

use crate::gil::GilCell;
use crate::modules::binascii::{buffer, crc32_update, exec_prelude};
use crate::modules::builtins::parse;
use crate::object::protocol;
use crate::object::*;
use crate::objects::bytes::PyBytes;
use crate::objects::dict::PyDict;
use crate::objects::int::PyInt;
use crate::objects::module::PyModule;
use crate::objects::str::PyStr;

const MAX_WBITS: i64 = 15;
const DEF_BUF_SIZE: i64 = 16384;
const Z_FINISH: i64 = 4;

static ERROR: GilCell<Option<PyRef>> = GilCell::new(None);

/// `zlib.error(msg)`.
fn error(msg: &str) -> PyErr {
    // SAFETY: GIL held; short read.
    let cls = unsafe { (*ERROR.as_ptr()).clone() };
    match cls {
        Some(c) => match PyStr::new(msg).and_then(|m| protocol::call1(&c, &[m])) {
            Ok(e) => PyErr::from_value(e),
            Err(e) => e,
        },
        None => PyErr::value_error(msg),
    }
}

/// `zlib_error`: "Error N while ...: reason".
fn zerr(code: i32, during: &str, reason: &str) -> PyErr {
    error(&format!("Error {code} {during}: {reason}"))
}

/// Adler-32 of `data` continuing from `adler`.
pub fn adler32_update(adler: u32, data: &[u8]) -> u32 {
    let mut a = adler & 0xffff;
    let mut b = adler >> 16;
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += x as u32;
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    (b << 16) | a
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Wrap {
    Raw,
    Zlib,
    Gzip,
    Auto,
}

/// The container a `wbits` value asks for (`None`: invalid).
fn wrap_of(wbits: i64, decompress: bool) -> Option<Wrap> {
    match wbits {
        0 if decompress => Some(Wrap::Zlib),
        8..=15 => Some(Wrap::Zlib),
        -15..=-9 => Some(Wrap::Raw),
        -8 if decompress => Some(Wrap::Raw),
        24..=31 => Some(Wrap::Gzip),
        40..=47 if decompress => Some(Wrap::Auto),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Decompression.

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Header,
    Body,
    Trailer,
    Done,
}

#[derive(Clone)]
struct Inflater {
    wrap: Wrap,
    phase: Phase,
    /// Header or trailer bytes gathered so far.
    pending: Vec<u8>,
    state: Box<InflateState>,
    check: u32,
    total_out: u64,
    wbits: i64,
}

enum HeaderScan {
    More,
    Done,
    Bad(&'static str),
}

impl Inflater {
    fn new(wrap: Wrap, wbits: i64) -> Inflater {
        Inflater {
            wrap,
            phase: if wrap == Wrap::Raw {
                Phase::Body
            } else {
                Phase::Header
            },
            pending: Vec::new(),
            state: InflateState::new_boxed(DataFormat::Raw),
            check: if wrap == Wrap::Zlib { 1 } else { 0 },
            total_out: 0,
            wbits,
        }
    }

    fn scan_header(&mut self) -> HeaderScan {
        let h = &self.pending;
        if self.wrap == Wrap::Auto {
            if h.len() < 2 {
                return HeaderScan::More;
            }
            if h[0] == 0x1f && h[1] == 0x8b {
                self.wrap = Wrap::Gzip;
                self.check = 0;
            } else {
                self.wrap = Wrap::Zlib;
                self.check = 1;
            }
        }
        if self.wrap == Wrap::Zlib {
            if h.len() < 2 {
                return HeaderScan::More;
            }
            let (cmf, flg) = (h[0] as u32, h[1] as u32);
            if (cmf * 256 + flg) % 31 != 0 {
                return HeaderScan::Bad("incorrect header check");
            }
            if cmf & 0xf != 8 {
                return HeaderScan::Bad("unknown compression method");
            }
            let wb = (cmf >> 4) + 8;
            let limit = if self.wbits == 0 { 15 } else { self.wbits & 15 };
            if wb > 15 || (wb as i64) > limit.max(8) {
                return HeaderScan::Bad("invalid window size");
            }
            if flg & 0x20 != 0 {
                return HeaderScan::Bad("need dictionary");
            }
            return HeaderScan::Done;
        }
        // gzip (RFC 1952)
        if h.len() < 10 {
            if h.len() >= 2 && (h[0] != 0x1f || h[1] != 0x8b) {
                return HeaderScan::Bad("incorrect header check");
            }
            return HeaderScan::More;
        }
        if h[0] != 0x1f || h[1] != 0x8b {
            return HeaderScan::Bad("incorrect header check");
        }
        if h[2] != 8 {
            return HeaderScan::Bad("unknown compression method");
        }
        let flags = h[3];
        if flags & 0xe0 != 0 {
            return HeaderScan::Bad("unknown header flags set");
        }
        let mut pos = 10;
        if flags & 4 != 0 {
            if h.len() < pos + 2 {
                return HeaderScan::More;
            }
            let xlen = h[pos] as usize | (h[pos + 1] as usize) << 8;
            pos += 2 + xlen;
            if h.len() < pos {
                return HeaderScan::More;
            }
        }
        for bit in [8u8, 16] {
            if flags & bit != 0 {
                match h[pos.min(h.len())..].iter().position(|&c| c == 0) {
                    Some(i) => pos += i + 1,
                    None => return HeaderScan::More,
                }
            }
        }
        if flags & 2 != 0 {
            if h.len() < pos + 2 {
                return HeaderScan::More;
            }
            let crc = crc32_update(0, &h[..pos]) & 0xffff;
            if crc != (h[pos] as u32 | (h[pos + 1] as u32) << 8) {
                return HeaderScan::Bad("header crc mismatch");
            }
            pos += 2;
        }
        if h.len() < pos {
            return HeaderScan::More;
        }
        HeaderScan::Done
    }

    fn trailer_len(&self) -> usize {
        match self.wrap {
            Wrap::Zlib => 4,
            Wrap::Gzip => 8,
            _ => 0,
        }
    }

    fn check_trailer(&self) -> Result<(), &'static str> {
        let t = &self.pending;
        match self.wrap {
            Wrap::Zlib => {
                let want = u32::from_be_bytes([t[0], t[1], t[2], t[3]]);
                if want != self.check {
                    return Err("incorrect data check");
                }
            }
            Wrap::Gzip => {
                let crc = u32::from_le_bytes([t[0], t[1], t[2], t[3]]);
                let len = u32::from_le_bytes([t[4], t[5], t[6], t[7]]);
                if crc != self.check {
                    return Err("incorrect data check");
                }
                if len != self.total_out as u32 {
                    return Err("incorrect length check");
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Feeds `input`, appending at most `max_out` bytes (None: no limit) to
    /// `out`. Returns the bytes of `input` consumed; `Err` is zlib's code and
    /// reason.
    fn feed(
        &mut self,
        input: &[u8],
        out: &mut Vec<u8>,
        max_out: Option<usize>,
    ) -> Result<usize, (i32, &'static str)> {
        let mut used = 0;
        loop {
            match self.phase {
                Phase::Done => return Ok(used),
                Phase::Header => {
                    if used >= input.len() {
                        return Ok(used);
                    }
                    self.pending.push(input[used]);
                    used += 1;
                    match self.scan_header() {
                        HeaderScan::More => {}
                        HeaderScan::Done => {
                            self.pending.clear();
                            self.phase = Phase::Body;
                        }
                        HeaderScan::Bad(m) => {
                            return Err((if m == "need dictionary" { 2 } else { -3 }, m))
                        }
                    }
                }
                Phase::Trailer => {
                    let need = self.trailer_len();
                    while self.pending.len() < need && used < input.len() {
                        self.pending.push(input[used]);
                        used += 1;
                    }
                    if self.pending.len() < need {
                        return Ok(used);
                    }
                    self.check_trailer().map_err(|m| (-3, m))?;
                    self.pending.clear();
                    self.phase = Phase::Done;
                }
                Phase::Body => {
                    let room = match max_out {
                        Some(m) => m.saturating_sub(out.len()),
                        None => 65536,
                    };
                    if room == 0 {
                        return Ok(used);
                    }
                    let chunk = room.min(65536);
                    let start = out.len();
                    out.resize(start + chunk, 0);
                    let r = miniz_oxide::inflate::stream::inflate(
                        &mut self.state,
                        &input[used..],
                        &mut out[start..],
                        MZFlush::None,
                    );
                    out.truncate(start + r.bytes_written);
                    used += r.bytes_consumed;
                    let produced = &out[start..];
                    match self.wrap {
                        Wrap::Zlib => self.check = adler32_update(self.check, produced),
                        Wrap::Gzip => self.check = crc32_update(self.check, produced),
                        _ => {}
                    }
                    self.total_out += r.bytes_written as u64;
                    match r.status {
                        Ok(MZStatus::StreamEnd) => {
                            self.phase = if self.trailer_len() > 0 {
                                Phase::Trailer
                            } else {
                                Phase::Done
                            };
                        }
                        Ok(_) => {
                            if r.bytes_consumed == 0 && r.bytes_written == 0 {
                                return Ok(used);
                            }
                        }
                        Err(MZError::Buf) => return Ok(used),
                        Err(_) => return Err((-3, "invalid input data")),
                    }
                }
            }
        }
    }

    fn done(&self) -> bool {
        self.phase == Phase::Done
    }
}

fn wbits_arg(o: Option<&PyRef>) -> PyResult<i64> {
    match o {
        Some(v) => crate::objects::int::as_i64(v),
        None => Ok(MAX_WBITS),
    }
}

fn z_decompress(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse(
        "decompress",
        args,
        kwnames,
        &["data", "wbits", "bufsize"],
        1,
    )?;
    let data = buffer(a[0].as_ref().ok_or_else(|| PyErr::type_error("data"))?)?;
    let wbits = wbits_arg(a[1].as_ref())?;
    if let Some(b) = &a[2] {
        if crate::objects::int::as_i64(b)? < 0 {
            return Err(PyErr::value_error("bufsize must be non-negative"));
        }
    }
    let wrap = wrap_of(wbits, true).ok_or_else(|| {
        zerr(
            -2,
            "while preparing to decompress data",
            "inconsistent stream state",
        )
    })?;
    let mut inf = Inflater::new(wrap, wbits);
    let mut out = Vec::new();
    inf.feed(&data, &mut out, None)
        .map_err(|(c, m)| zerr(c, "while decompressing data", m))?;
    if !inf.done() {
        return Err(zerr(
            -5,
            "while decompressing data",
            "incomplete or truncated stream",
        ));
    }
    PyBytes::new(&out)
}

// ---------------------------------------------------------------------------
// Compression.

#[derive(Clone)]
struct Deflater {
    wrap: Wrap,
    comp: Box<CompressorOxide>,
    level: i64,
    strategy: i64,
    wbits: i64,
    started: bool,
    finished: bool,
    check: u32,
    total_in: u64,
}

impl Deflater {
    fn new(level: i64, wbits: i64, strategy: i64) -> Option<Deflater> {
        let wrap = wrap_of(wbits, false)?;
        let flags = create_comp_flags_from_zip_params(level as i32, -15, strategy as i32);
        Some(Deflater {
            wrap,
            comp: Box::new(CompressorOxide::new(flags)),
            level: if level < 0 { 6 } else { level },
            strategy,
            wbits: if wbits & 15 == 8 { 9 } else { wbits & 15 },
            started: false,
            finished: false,
            check: if wrap == Wrap::Zlib { 1 } else { 0 },
            total_in: 0,
        })
    }

    fn header(&self, out: &mut Vec<u8>) {
        match self.wrap {
            Wrap::Zlib => {
                let cmf = (((self.wbits - 8) as u32) << 4) | 8;
                let flevel: u32 = if self.strategy >= 2 || self.level < 2 {
                    0
                } else if self.level < 6 {
                    1
                } else if self.level == 6 {
                    2
                } else {
                    3
                };
                let mut hdr = (cmf << 8) | (flevel << 6);
                hdr += 31 - hdr % 31;
                out.push((hdr >> 8) as u8);
                out.push(hdr as u8);
            }
            Wrap::Gzip => {
                let xfl = if self.level == 9 {
                    2
                } else if self.strategy >= 2 || self.level < 2 {
                    4
                } else {
                    0
                };
                out.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3]);
            }
            _ => {}
        }
    }

    fn run(&mut self, data: &[u8], flush: MZFlush) -> Result<Vec<u8>, (i32, &'static str)> {
        if self.finished {
            return Err((-2, "inconsistent stream state"));
        }
        let mut out = Vec::new();
        if !self.started {
            self.header(&mut out);
            self.started = true;
        }
        match self.wrap {
            Wrap::Zlib => self.check = adler32_update(self.check, data),
            Wrap::Gzip => self.check = crc32_update(self.check, data),
            _ => {}
        }
        self.total_in += data.len() as u64;
        let mut input = data;
        let mut buf = vec![0u8; 32768];
        loop {
            let r = miniz_oxide::deflate::stream::deflate(&mut self.comp, input, &mut buf, flush);
            input = &input[r.bytes_consumed..];
            out.extend_from_slice(&buf[..r.bytes_written]);
            match r.status {
                Ok(MZStatus::StreamEnd) => break,
                Ok(_) => {
                    if input.is_empty() && r.bytes_written < buf.len() && flush != MZFlush::Finish {
                        break;
                    }
                    if r.bytes_consumed == 0 && r.bytes_written == 0 {
                        break;
                    }
                }
                Err(MZError::Buf) => break,
                Err(_) => return Err((-2, "inconsistent stream state")),
            }
        }
        if flush == MZFlush::Finish {
            match self.wrap {
                Wrap::Zlib => out.extend_from_slice(&self.check.to_be_bytes()),
                Wrap::Gzip => {
                    out.extend_from_slice(&self.check.to_le_bytes());
                    out.extend_from_slice(&(self.total_in as u32).to_le_bytes());
                }
                _ => {}
            }
            self.finished = true;
        }
        Ok(out)
    }
}

fn level_arg(o: Option<&PyRef>) -> PyResult<i64> {
    let level = match o {
        Some(v) => crate::objects::int::as_i64(v)?,
        None => -1,
    };
    if !(-1..=9).contains(&level) {
        return Err(error("Bad compression level"));
    }
    Ok(level)
}

fn z_compress(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("compress", args, kwnames, &["data", "level", "wbits"], 1)?;
    let data = buffer(a[0].as_ref().ok_or_else(|| PyErr::type_error("data"))?)?;
    let level = level_arg(a[1].as_ref())?;
    let wbits = wbits_arg(a[2].as_ref())?;
    let mut d = Deflater::new(level, wbits, 0)
        .ok_or_else(|| zerr(-2, "while compressing data", "inconsistent stream state"))?;
    let out = d
        .run(&data, MZFlush::Finish)
        .map_err(|(c, m)| zerr(c, "while compressing data", m))?;
    PyBytes::new(&out)
}

// ---------------------------------------------------------------------------
// The stream objects.

#[repr(C)]
pub struct PyZStream {
    pub ob_base: PyObject,
    deflater: UnsafeCell<Option<Deflater>>,
    inflater: UnsafeCell<Option<Inflater>>,
    unused_data: ObjCell,
    unconsumed_tail: ObjCell,
    eof: Cell<bool>,
}

// SAFETY: repr(C), header first; both stream types have this layout.
unsafe impl PyPayload for PyZStream {
    fn type_object() -> &'static PyType {
        &COMPRESS_TYPE
    }
}

unsafe fn drop_zstream(obj: *mut PyObject) {
    // SAFETY: obj is a dead stream object; each field is dropped once.
    unsafe {
        let z = obj as *mut PyZStream;
        std::ptr::drop_in_place((*z).deflater.get());
        std::ptr::drop_in_place((*z).inflater.get());
        drop((*z).unused_data.take());
        drop((*z).unconsumed_tail.take());
    }
}

pub static COMPRESS_TYPE: PyType = PyType {
    tp_name: "zlib.Compress",
    tp_basicsize: Cell::new(std::mem::size_of::<PyZStream>()),
    tp_flags: Cell::new(TypeFlags::DISALLOW_INSTANTIATION),
    tp_drop: Some(drop_zstream),
    tp_methods: &[
        MethodDef::new("compress", Meth::O(c_compress)),
        MethodDef::new("flush", Meth::Fast(c_flush)),
        MethodDef::new("copy", Meth::NoArgs(c_copy)),
        MethodDef::new("__copy__", Meth::NoArgs(c_copy)),
        MethodDef::new("__deepcopy__", Meth::O(c_deepcopy)),
    ],
    ..PyType::BASE
};

pub static DECOMPRESS_TYPE: PyType = PyType {
    tp_name: "zlib.Decompress",
    tp_basicsize: Cell::new(std::mem::size_of::<PyZStream>()),
    tp_flags: Cell::new(TypeFlags::DISALLOW_INSTANTIATION),
    tp_drop: Some(drop_zstream),
    tp_methods: &[
        MethodDef::new("decompress", Meth::FastKw(d_decompress)),
        MethodDef::new("flush", Meth::Fast(d_flush)),
        MethodDef::new("copy", Meth::NoArgs(d_copy)),
        MethodDef::new("__copy__", Meth::NoArgs(d_copy)),
        MethodDef::new("__deepcopy__", Meth::O(d_deepcopy)),
    ],
    tp_getset: &[
        GetSetDef::getter("unused_data", |o| match zs(o).unused_data.get_owned() {
            Some(v) => Ok(v),
            None => PyBytes::new(b""),
        }),
        GetSetDef::getter("unconsumed_tail", |o| {
            match zs(o).unconsumed_tail.get_owned() {
                Some(v) => Ok(v),
                None => PyBytes::new(b""),
            }
        }),
        GetSetDef::getter("eof", |o| {
            Ok(crate::objects::bool_::py_bool(zs(o).eof.get()))
        }),
    ],
    ..PyType::BASE
};

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&COMPRESS_TYPE, &DECOMPRESS_TYPE];

fn zs(o: &PyRef) -> &PyZStream {
    // SAFETY: the methods and getters of the two stream types get stream objects (descriptors check the type).
    unsafe { o.payload_unchecked::<PyZStream>() }
}

#[allow(clippy::mut_from_ref)]
fn deflater(o: &PyRef) -> PyResult<&mut Deflater> {
    // SAFETY: borrowed only inside one method, which runs no Python code while it holds the borrow.
    unsafe { (*zs(o).deflater.get()).as_mut() }
        .ok_or_else(|| PyErr::value_error("Inconsistent stream state"))
}

#[allow(clippy::mut_from_ref)]
fn inflater(o: &PyRef) -> PyResult<&mut Inflater> {
    // SAFETY: as in `deflater`.
    unsafe { (*zs(o).inflater.get()).as_mut() }
        .ok_or_else(|| PyErr::value_error("Inconsistent stream state"))
}

fn new_stream(ty: &'static PyType, d: Option<Deflater>, i: Option<Inflater>) -> PyResult<PyRef> {
    alloc_object(
        ty,
        PyZStream {
            ob_base: PyObject::NEW,
            deflater: UnsafeCell::new(d),
            inflater: UnsafeCell::new(i),
            unused_data: ObjCell::empty(),
            unconsumed_tail: ObjCell::empty(),
            eof: Cell::new(false),
        },
    )
}

fn z_compressobj(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse(
        "compressobj",
        args,
        kwnames,
        &["level", "method", "wbits", "memLevel", "strategy", "zdict"],
        0,
    )?;
    let level = match &a[0] {
        Some(v) => crate::objects::int::as_i64(v)?,
        None => -1,
    };
    let method = match &a[1] {
        Some(v) => crate::objects::int::as_i64(v)?,
        None => 8,
    };
    let wbits = wbits_arg(a[2].as_ref())?;
    let memlevel = match &a[3] {
        Some(v) => crate::objects::int::as_i64(v)?,
        None => 8,
    };
    let strategy = match &a[4] {
        Some(v) => crate::objects::int::as_i64(v)?,
        None => 0,
    };
    if let Some(z) = &a[5] {
        if !z.is(&crate::objects::none::none()) {
            return Err(PyErr::not_implemented_error(
                "zlib: preset dictionaries (zdict) are not supported",
            ));
        }
    }
    if !(-1..=9).contains(&level)
        || method != 8
        || !(1..=9).contains(&memlevel)
        || !(0..=4).contains(&strategy)
    {
        return Err(PyErr::value_error("Invalid initialization option"));
    }
    let d = Deflater::new(level, wbits, strategy)
        .ok_or_else(|| PyErr::value_error("Invalid initialization option"))?;
    new_stream(&COMPRESS_TYPE, Some(d), None)
}

fn z_decompressobj(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("decompressobj", args, kwnames, &["wbits", "zdict"], 0)?;
    let wbits = wbits_arg(a[0].as_ref())?;
    // An empty dictionary is the default; others are not supported.
    if let Some(z) = &a[1] {
        if !buffer(z)?.is_empty() {
            return Err(PyErr::not_implemented_error(
                "zlib: preset dictionaries (zdict) are not supported",
            ));
        }
    }
    let wrap =
        wrap_of(wbits, true).ok_or_else(|| PyErr::value_error("Invalid initialization option"))?;
    new_stream(&DECOMPRESS_TYPE, None, Some(Inflater::new(wrap, wbits)))
}

fn c_compress(o: &PyRef, data: &PyRef) -> PyResult<PyRef> {
    let d = buffer(data)?;
    let out = deflater(o)?
        .run(&d, MZFlush::None)
        .map_err(|(c, m)| zerr(c, "while compressing data", m))?;
    PyBytes::new(&out)
}

fn c_flush(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    crate::modules::builtins::check_nargs("flush", args.len(), 0, 1)?;
    let mode = match args.first() {
        Some(v) => crate::objects::int::as_i64(v)?,
        None => Z_FINISH,
    };
    if mode == 0 {
        return PyBytes::new(b"");
    }
    let flush = match mode {
        1 | 2 => MZFlush::Sync,
        3 => MZFlush::Full,
        4 => MZFlush::Finish,
        _ => MZFlush::Sync,
    };
    let d = deflater(o)?;
    if d.finished && flush == MZFlush::Finish {
        return PyBytes::new(b"");
    }
    let out = d
        .run(&[], flush)
        .map_err(|(c, m)| zerr(c, "while flushing", m))?;
    PyBytes::new(&out)
}

fn c_copy(o: &PyRef) -> PyResult<PyRef> {
    let d = deflater(o)?.clone();
    new_stream(&COMPRESS_TYPE, Some(d), None)
}

fn c_deepcopy(o: &PyRef, _memo: &PyRef) -> PyResult<PyRef> {
    c_copy(o)
}

/// Runs the inflater over `data`, keeping CPython's bookkeeping of
/// `unused_data`, `unconsumed_tail` and `eof`.
fn inflate_into(o: &PyRef, data: &[u8], max_out: Option<usize>) -> PyResult<Vec<u8>> {
    let z = zs(o);
    let inf = inflater(o)?;
    let mut out = Vec::new();
    let used = inf
        .feed(data, &mut out, max_out)
        .map_err(|(c, m)| zerr(c, "while decompressing data", m))?;
    let rest = data.get(used..).unwrap_or(&[]);
    // `save_unconsumed_input`: what follows the end of the stream goes to
    // unused_data; the tail is rewritten when input is left or it was not
    // empty (so after the end it keeps the leftover, as CPython's does).
    let mut left = rest.len();
    if inf.done() {
        z.eof.set(true);
        if !rest.is_empty() {
            let mut u = match z.unused_data.get() {
                Some(b) => crate::objects::bytes::bytes_data(b).unwrap_or(&[]).to_vec(),
                None => Vec::new(),
            };
            u.extend_from_slice(rest);
            drop(z.unused_data.set(Some(PyBytes::new(&u)?)));
        }
        left = 0;
    }
    let old_tail = z
        .unconsumed_tail
        .get()
        .and_then(crate::objects::bytes::bytes_data)
        .is_some_and(|b| !b.is_empty());
    if left > 0 || old_tail {
        drop(z.unconsumed_tail.set(Some(PyBytes::new(rest)?)));
    }
    Ok(out)
}

fn d_decompress(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let mut kw = crate::modules::builtins::KwArgs::new(args, kwnames);
    let ml = kw.take("max_length");
    kw.finish("decompress")?;
    let (data, ml) = match (kw.pos.len(), ml) {
        (1, m) => (&kw.pos[0], m),
        (2, None) => (&kw.pos[0], Some(&kw.pos[1])),
        (0, _) => {
            return Err(PyErr::type_error(
                "decompress() missing required argument 'data' (pos 1)",
            ))
        }
        (n, _) => {
            return Err(PyErr::type_error(format!(
                "decompress() takes at most 2 arguments ({n} given)"
            )))
        }
    };
    let data = buffer(data)?;
    let max = match ml {
        Some(v) => crate::objects::int::as_i64(v)?,
        None => 0,
    };
    if max < 0 {
        return Err(PyErr::value_error("max_length must be non-negative"));
    }
    let out = inflate_into(o, &data, if max == 0 { None } else { Some(max as usize) })?;
    PyBytes::new(&out)
}

fn d_flush(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    crate::modules::builtins::check_nargs("flush", args.len(), 0, 1)?;
    let length = match args.first() {
        Some(v) => crate::objects::int::as_i64(v)?,
        None => DEF_BUF_SIZE,
    };
    if length <= 0 {
        return Err(PyErr::value_error("length must be greater than zero"));
    }
    let tail = match zs(o).unconsumed_tail.get() {
        Some(b) => crate::objects::bytes::bytes_data(b).unwrap_or(&[]).to_vec(),
        None => Vec::new(),
    };
    let out = inflate_into(o, &tail, None)?;
    PyBytes::new(&out)
}

fn d_copy(o: &PyRef) -> PyResult<PyRef> {
    let i = inflater(o)?.clone();
    let z = zs(o);
    let n = new_stream(&DECOMPRESS_TYPE, None, Some(i))?;
    let nz = zs(&n);
    nz.unused_data.set(z.unused_data.get_owned());
    nz.unconsumed_tail.set(z.unconsumed_tail.get_owned());
    nz.eof.set(z.eof.get());
    Ok(n)
}

fn d_deepcopy(o: &PyRef, _memo: &PyRef) -> PyResult<PyRef> {
    d_copy(o)
}

// ---------------------------------------------------------------------------
// Checksums and the module.

fn u32_arg(o: Option<&PyRef>, default: u32) -> PyResult<u32> {
    match o {
        None => Ok(default),
        Some(v) => {
            if v.is_instance_of::<crate::objects::float::PyFloat>() {
                return Err(PyErr::type_error(
                    "'float' object cannot be interpreted as an integer",
                ));
            }
            let i = protocol::index(v)?;
            let big = i
                .downcast::<PyInt>()
                .map(|i| i.to_bigint())
                .unwrap_or_default();
            let m: num_bigint::BigInt = big & num_bigint::BigInt::from(0xffff_ffffu32);
            Ok(u32::try_from(m).unwrap_or(0))
        }
    }
}

fn z_crc32(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    crate::modules::builtins::check_nargs("crc32", args.len(), 1, 2)?;
    let data = buffer(&args[0])?;
    let v = u32_arg(args.get(1), 0)?;
    PyInt::new(crc32_update(v, &data) as i64)
}

fn z_adler32(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    crate::modules::builtins::check_nargs("adler32", args.len(), 1, 2)?;
    let data = buffer(&args[0])?;
    let v = u32_arg(args.get(1), 1)?;
    PyInt::new(adler32_update(v, &data) as i64)
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("adler32", Meth::Fast(z_adler32)),
    MethodDef::new("compress", Meth::FastKw(z_compress)),
    MethodDef::new("compressobj", Meth::FastKw(z_compressobj)),
    MethodDef::new("crc32", Meth::Fast(z_crc32)),
    MethodDef::new("decompress", Meth::FastKw(z_decompress)),
    MethodDef::new("decompressobj", Meth::FastKw(z_decompressobj)),
];

const PRELUDE: &str = r#"
class error(Exception):
    pass
error.__module__ = 'zlib'
"#;

/// Creates the `zlib` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("zlib")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    let d = exec_prelude(&m, "zlib", PRELUDE)?;
    if let Some(dd) = d.downcast::<PyDict>() {
        let ints: &[(&str, i64)] = &[
            ("MAX_WBITS", MAX_WBITS),
            ("DEFLATED", 8),
            ("DEF_MEM_LEVEL", 8),
            ("DEF_BUF_SIZE", DEF_BUF_SIZE),
            ("Z_NO_COMPRESSION", 0),
            ("Z_BEST_SPEED", 1),
            ("Z_BEST_COMPRESSION", 9),
            ("Z_DEFAULT_COMPRESSION", -1),
            ("Z_FILTERED", 1),
            ("Z_HUFFMAN_ONLY", 2),
            ("Z_RLE", 3),
            ("Z_FIXED", 4),
            ("Z_DEFAULT_STRATEGY", 0),
            ("Z_NO_FLUSH", 0),
            ("Z_PARTIAL_FLUSH", 1),
            ("Z_SYNC_FLUSH", 2),
            ("Z_FULL_FLUSH", 3),
            ("Z_FINISH", Z_FINISH),
            ("Z_BLOCK", 5),
            ("Z_TREES", 6),
        ];
        for (n, v) in ints {
            dd.set_str(n, PyInt::new(*v)?)?;
        }
        dd.set_str("ZLIB_VERSION", PyStr::new("1.2.13")?)?;
        dd.set_str("ZLIB_RUNTIME_VERSION", PyStr::new("1.2.13")?)?;
        if let Some(e) = dd.get_str("error")? {
            // SAFETY: GIL held; no borrow of the cell is alive.
            unsafe { *ERROR.get_mut() = Some(e) };
        }
    }
    Ok(m)
}
