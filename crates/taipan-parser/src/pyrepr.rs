//! Python's `repr()` of the constant values an AST holds, byte for byte as CPython 3.11 prints
//! them: `unicode_repr` (`Objects/unicodeobject.c`), `PyBytes_Repr` (`Objects/bytesobject.c`),
//! `float_repr` and `complex_repr` (`Objects/floatobject.c`, `Objects/complexobject.c`, through
//! `PyOS_double_to_string` with the `'r'` format code of `Python/pystrtod.c`).
//!
//! Every function appends to a caller's `String`, so that [`crate::dump`] can write a whole
//! tree into one buffer without an allocation per node.

use std::fmt::Write as _;

use crate::ast::{Constant, IntValue, StrValue};
use crate::unicode_printable::is_printable;

/// `repr(value)` exactly as CPython 3.11 prints it.
pub fn repr_constant(value: &Constant) -> String {
    let mut out = String::new();
    write_constant(&mut out, value);
    out
}

/// Appends `repr(value)` to `out`.
pub fn write_constant(out: &mut String, value: &Constant) {
    match value {
        Constant::None => out.push_str("None"),
        Constant::Bool(true) => out.push_str("True"),
        Constant::Bool(false) => out.push_str("False"),
        Constant::Ellipsis => out.push_str("Ellipsis"),
        Constant::Int(IntValue::Small(v)) => {
            let _ = write!(out, "{v}");
        }
        Constant::Int(IntValue::Big(digits)) => out.push_str(digits),
        Constant::Float(v) => write_float(out, *v),
        Constant::Complex { real, imag } => write_complex(out, *real, *imag),
        Constant::Str(StrValue::Utf8(s)) => write_str_repr(out, s.chars().map(u32::from)),
        Constant::Str(StrValue::CodePoints(cps)) => write_str_repr(out, cps.iter().copied()),
        Constant::Bytes(b) => write_bytes_repr(out, b),
        Constant::Tuple(items) => {
            out.push('(');
            for (i, c) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_constant(out, c);
            }
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        Constant::FrozenSet(items) => {
            out.push_str("frozenset(");
            if !items.is_empty() {
                out.push('{');
                for (i, c) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write_constant(out, c);
                }
                out.push('}');
            }
            out.push(')');
        }
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn push_hex(out: &mut String, cp: u32, digits: u32) {
    for i in (0..digits).rev() {
        out.push(HEX[((cp >> (4 * i)) & 0xF) as usize] as char);
    }
}

/// `unicode_repr`: single quotes unless the string holds `'` and no `"`; `\\`, the quote,
/// `\t \n \r` escaped by name; other non-printable code points as `\xNN`, `\uNNNN` or
/// `\UNNNNNNNN` (lone surrogates included).
pub fn write_str_repr<I>(out: &mut String, cps: I)
where
    I: Iterator<Item = u32> + Clone,
{
    let mut has_single = false;
    let mut has_double = false;
    for cp in cps.clone() {
        if cp == u32::from(b'\'') {
            has_single = true;
        } else if cp == u32::from(b'"') {
            has_double = true;
        }
    }
    let quote = if has_single && !has_double { '"' } else { '\'' };
    out.push(quote);
    for cp in cps {
        match cp {
            0x5C => out.push_str("\\\\"),
            0x09 => out.push_str("\\t"),
            0x0A => out.push_str("\\n"),
            0x0D => out.push_str("\\r"),
            _ if cp == quote as u32 => {
                out.push('\\');
                out.push(quote);
            }
            _ if cp < 0x20 || cp == 0x7F => {
                out.push_str("\\x");
                push_hex(out, cp, 2);
            }
            _ if cp < 0x7F => out.push(cp as u8 as char),
            _ if is_printable(cp) => match char::from_u32(cp) {
                Some(c) => out.push(c),
                None => {
                    out.push_str("\\U");
                    push_hex(out, cp, 8);
                }
            },
            _ if cp <= 0xFF => {
                out.push_str("\\x");
                push_hex(out, cp, 2);
            }
            _ if cp <= 0xFFFF => {
                out.push_str("\\u");
                push_hex(out, cp, 4);
            }
            _ => {
                out.push_str("\\U");
                push_hex(out, cp, 8);
            }
        }
    }
    out.push(quote);
}

/// `PyBytes_Repr` with `smartquotes`: `b'...'`, `"` quotes when the bytes hold `'` and no `"`.
pub fn write_bytes_repr(out: &mut String, bytes: &[u8]) {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    out.push('b');
    out.push(quote as char);
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if b == quote => {
                out.push('\\');
                out.push(quote as char);
            }
            _ if !(0x20..0x7F).contains(&b) => {
                out.push_str("\\x");
                push_hex(out, u32::from(b), 2);
            }
            _ => out.push(b as char),
        }
    }
    out.push(quote as char);
}

/// A tiny fixed buffer for `{:e}` formatting of an f64 (at most ~25 bytes), so that formatting
/// a float allocates nothing.
struct StackBuf {
    buf: [u8; 40],
    len: usize,
}

impl std::fmt::Write for StackBuf {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        if end > self.buf.len() {
            return Err(std::fmt::Error);
        }
        self.buf[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// `PyOS_double_to_string(v, 'r', 0, flags)`: the shortest digits that round-trip, in
/// positional form when the decimal point position `decpt` is in `-4 < decpt <= 16`, else as
/// `d.ddde+XX`. `add_dot_0` (`Py_DTSF_ADD_DOT_0`) appends `.0` to an integral positional
/// result; `always_sign` (`Py_DTSF_SIGN`) prefixes `+` to non-negative values.
fn write_double(out: &mut String, v: f64, add_dot_0: bool, always_sign: bool) {
    if v.is_nan() {
        // CPython prints nan without its sign bit, but `+` under Py_DTSF_SIGN.
        out.push_str(if always_sign { "+nan" } else { "nan" });
        return;
    }
    if v.is_sign_negative() {
        out.push('-');
    } else if always_sign {
        out.push('+');
    }
    if v.is_infinite() {
        out.push_str("inf");
        return;
    }
    let mut sb = StackBuf {
        buf: [0; 40],
        len: 0,
    };
    // Rust's `{:e}` without precision gives the shortest round-tripping digits (the same
    // digits as David Gay's dtoa mode 0, which CPython uses): `d[.ddd]e[-]x`.
    if write!(sb, "{:e}", v.abs()).is_err() {
        out.push_str("nan"); // unreachable: an f64's `{:e}` is at most 24 bytes
        return;
    }
    // Rust's shortest digits can differ from dtoa's mode 0 on an exact decimal tie between two
    // equally short candidates that both round-trip: dtoa then rounds half to even
    // (2**-25: ...312e-08, where Rust gives ...313). The correctly rounded string of the same
    // length (Rust's exact mode rounds half to even too) is that choice when it round-trips;
    // when it does not (2**-24: the tie's lower side falls outside a power of two's narrower
    // lower half-gap), Rust's shortest is the only candidate, as for dtoa.
    let shortest_len = sb.buf[..sb.len]
        .iter()
        .take_while(|&&c| c != b'e')
        .filter(|&&c| c != b'.')
        .count();
    if shortest_len > 1 {
        let mut exact = StackBuf {
            buf: [0; 40],
            len: 0,
        };
        if write!(exact, "{:.*e}", shortest_len - 1, v.abs()).is_ok() {
            let round_trips = std::str::from_utf8(&exact.buf[..exact.len])
                .ok()
                .and_then(|t| t.parse::<f64>().ok())
                == Some(v.abs());
            if round_trips {
                sb = exact;
            }
        }
    }
    let text = &sb.buf[..sb.len];
    let e_pos = text.iter().position(|&c| c == b'e').unwrap_or(text.len());
    let mantissa = &text[..e_pos];
    let exp: i32 = std::str::from_utf8(&text[(e_pos + 1).min(text.len())..])
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    // The digits without the point: "1.5" -> "15".
    let mut digits = [0u8; 24];
    let mut nd = 0;
    for &c in mantissa {
        if c != b'.' && nd < digits.len() {
            digits[nd] = c;
            nd += 1;
        }
    }
    let digits = &digits[..nd];
    // Value = 0.d1d2d3... * 10**decpt.
    let decpt = exp + 1;
    let push_digits = |out: &mut String, ds: &[u8]| {
        for &d in ds {
            out.push(d as char);
        }
    };
    if decpt <= -4 || decpt > 16 {
        push_digits(out, &digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            push_digits(out, &digits[1..]);
        }
        let e = decpt - 1;
        out.push('e');
        out.push(if e < 0 { '-' } else { '+' });
        let a = e.unsigned_abs();
        if a < 10 {
            out.push('0');
        }
        let _ = write!(out, "{a}");
    } else if decpt <= 0 {
        out.push_str("0.");
        for _ in 0..(-decpt) {
            out.push('0');
        }
        push_digits(out, digits);
    } else {
        let dp = decpt as usize;
        if digits.len() <= dp {
            push_digits(out, digits);
            for _ in digits.len()..dp {
                out.push('0');
            }
            if add_dot_0 {
                out.push_str(".0");
            }
        } else {
            push_digits(out, &digits[..dp]);
            out.push('.');
            push_digits(out, &digits[dp..]);
        }
    }
}

/// `float_repr`.
pub fn write_float(out: &mut String, v: f64) {
    write_double(out, v, true, false);
}

/// `complex_repr`: `<imag>j` when the real part is +0.0, else `(<real><+imag>j)`, neither part
/// getting a `.0`.
pub fn write_complex(out: &mut String, real: f64, imag: f64) {
    if real == 0.0 && real.is_sign_positive() {
        write_double(out, imag, false, false);
        out.push('j');
    } else {
        out.push('(');
        write_double(out, real, false, false);
        write_double(out, imag, false, true);
        out.push_str("j)");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    /// Runs `code` in python3.11 (given on stdin: it can be longer than an argument may be).
    fn python(code: &str) -> String {
        use std::io::Write;
        let mut child = Command::new("/usr/bin/python3.11")
            .arg("-")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("python3.11 runs");
        child
            .stdin
            .take()
            .expect("stdin is piped")
            .write_all(code.as_bytes())
            .expect("writing to python3.11");
        let out = child.wait_with_output().expect("python3.11 runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    }

    #[test]
    fn simple_values() {
        assert_eq!(repr_constant(&Constant::None), "None");
        assert_eq!(repr_constant(&Constant::Bool(true)), "True");
        assert_eq!(repr_constant(&Constant::Ellipsis), "Ellipsis");
        assert_eq!(repr_constant(&Constant::Int(IntValue::Small(42))), "42");
        assert_eq!(repr_constant(&Constant::Float(1e16)), "1e+16");
        // An exact decimal tie at 17 digits: `repr(2**-25)` in python3.11.
        assert_eq!(
            repr_constant(&Constant::Float(2f64.powi(-25))),
            "2.9802322387695312e-08"
        );
        assert_eq!(repr_constant(&Constant::Float(1e-5)), "1e-05");
        assert_eq!(repr_constant(&Constant::Float(0.0001)), "0.0001");
        assert_eq!(repr_constant(&Constant::Float(1e15)), "1000000000000000.0");
        assert_eq!(repr_constant(&Constant::Float(0.0)), "0.0");
        assert_eq!(repr_constant(&Constant::Float(f64::INFINITY)), "inf");
        assert_eq!(
            repr_constant(&Constant::Complex {
                real: 0.0,
                imag: 1.0
            }),
            "1j"
        );
        assert_eq!(
            repr_constant(&Constant::Complex {
                real: 0.0,
                imag: 1e16
            }),
            "1e+16j"
        );
        assert_eq!(
            repr_constant(&Constant::Complex {
                real: 0.0,
                imag: f64::INFINITY
            }),
            "infj"
        );
        assert_eq!(
            repr_constant(&Constant::Complex {
                real: 1.0,
                imag: -2.5
            }),
            "(1-2.5j)"
        );
        assert_eq!(
            repr_constant(&Constant::Complex {
                real: -0.0,
                imag: 1.0
            }),
            "(-0+1j)"
        );
        assert_eq!(
            repr_constant(&Constant::Complex {
                real: 1.0,
                imag: f64::NAN
            }),
            "(1+nanj)"
        );
    }

    /// Thousands of floats, printed by python3.11 from their bit patterns.
    #[test]
    fn floats_match_python() {
        let mut vals: Vec<f64> = Vec::new();
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for i in 0..3000u32 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = match i % 4 {
                0 => f64::from_bits(x),
                1 => (x % 1_000_000) as f64 / 10f64.powi((x % 25) as i32),
                2 => (x % 100_000) as f64 * 10f64.powi((x % 30) as i32 - 8),
                _ => 10f64.powi((x % 40) as i32 - 20),
            };
            if v.is_finite() {
                vals.push(v);
            }
        }
        // Where decimal ties happen: every power of two (whose lower neighbour is nearer than
        // its upper one) and small odd multiples of them, over the whole exponent range.
        for e in -1074..=1023 {
            let p = 2f64.powi(e);
            vals.push(p);
            for k in [3.0, 5.0, 7.0, 9.0, 25.0, 125.0] {
                let v = p * k;
                if v.is_finite() && v != 0.0 {
                    vals.push(v);
                }
            }
        }
        let bits: Vec<String> = vals.iter().map(|v| v.to_bits().to_string()).collect();
        let code = format!(
            "import struct\nfor b in [{}]:\n v=struct.unpack('<d',struct.pack('<Q',b))[0]\n print(repr(v), repr(complex(0,v)) if v>=0 else '', repr(complex(1.5,v)))",
            bits.join(",")
        );
        let expected = python(&code);
        assert_eq!(expected.lines().count(), vals.len());
        for (v, line) in vals.iter().zip(expected.lines()) {
            let mut got = repr_constant(&Constant::Float(*v));
            got.push(' ');
            if *v >= 0.0 {
                write_complex(&mut got, 0.0, *v);
            }
            got.push(' ');
            write_complex(&mut got, 1.5, *v);
            assert_eq!(got, line, "bits {}", v.to_bits());
        }
    }

    /// Every code point (in chunks) and the quote rules, against python3.11.
    #[test]
    fn strings_match_python() {
        let expected = python(
            "import sys\nfor s in range(0, 0x110000, 0x400): print(repr(''.join(map(chr, range(s, s+0x400)))).encode('utf-8','surrogatepass').hex())\nfor s in [\"a'b\", 'a\"b', 'a\\'\"b', '\\\\']: print(repr(s).encode().hex())",
        );
        let mut lines = expected.lines();
        for s in (0..0x110000u32).step_by(0x400) {
            let mut got = String::new();
            write_str_repr(&mut got, s..s + 0x400);
            let want = lines.next().expect("line");
            // Python's output is UTF-8 (surrogatepass) hex; ours has no surrogates (escaped).
            let got_hex: String = got.bytes().map(|b| format!("{b:02x}")).collect();
            assert_eq!(got_hex, want, "chunk {s:#x}");
        }
        for s in ["a'b", "a\"b", "a'\"b", "\\"] {
            let got = repr_constant(&Constant::Str(StrValue::Utf8(s.to_string())));
            let got_hex: String = got.bytes().map(|b| format!("{b:02x}")).collect();
            assert_eq!(got_hex, lines.next().expect("line"));
        }
    }

    #[test]
    fn bytes_match_python() {
        let expected =
            python("print(repr(bytes(range(256))))\nprint(repr(b\"'\"))\nprint(repr(b'\\'\"'))");
        let mut lines = expected.lines();
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(repr_constant(&Constant::Bytes(all)), lines.next().unwrap());
        assert_eq!(
            repr_constant(&Constant::Bytes(b"'".to_vec())),
            lines.next().unwrap()
        );
        assert_eq!(
            repr_constant(&Constant::Bytes(b"'\"".to_vec())),
            lines.next().unwrap()
        );
    }
}
