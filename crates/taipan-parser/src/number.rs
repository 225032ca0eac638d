//! The value of a NUMBER token, after CPython 3.11's `parsenumber`/`parsenumber_raw` in
//! `Parser/pegen.c` (with `PyLong_FromString` of `Objects/longobject.c` for big integers).
//!
//! The tokenizer has already checked the literal's shape, so this only computes values:
//! underscores are dropped; `0x`/`0o`/`0b` integers and decimal integers become
//! [`IntValue::Small`] when they fit an `i64`, else [`IntValue::Big`] decimal digits (binary
//! bases converted with a schoolbook base conversion, linear per output limb); floats use
//! Rust's correctly rounded `str::parse::<f64>` (as CPython's `_Py_dg_strtod` is; overflow
//! gives `inf`); a trailing `j`/`J` makes a pure imaginary. A decimal integer of more than 4300
//! digits is refused as 3.11 refuses it (`sys.int_max_str_digits`).

use crate::ast::{Constant, IntValue};

/// CPython 3.11's default `sys.int_max_str_digits`.
const INT_MAX_STR_DIGITS: usize = 4300;

/// The value of a NUMBER token's text (already validated by the tokenizer): int, float or
/// imaginary. `Err` carries the message of the `SyntaxError` CPython raises; 3.11 places that
/// error on the token's lines with no columns (`RAISE_ERROR_KNOWN_LOCATION(p, ..., t->lineno,
/// -1, t->end_lineno, -1, ...)`, so offset and end_offset are 0).
pub fn parse_number(text: &str) -> Result<Constant, String> {
    if text.contains('_') {
        let clean: String = text.chars().filter(|&c| c != '_').collect();
        parse_number_raw(&clean)
    } else {
        parse_number_raw(text)
    }
}

fn parse_number_raw(s: &str) -> Result<Constant, String> {
    let b = s.as_bytes();
    if b.len() >= 2 && b[0] == b'0' {
        let radix = match b[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            b'b' | b'B' => 2,
            _ => 0,
        };
        if radix != 0 {
            return Ok(Constant::Int(int_from_radix(&b[2..], radix)));
        }
    }
    if b.iter().all(u8::is_ascii_digit) {
        return int_from_decimal(s).map(Constant::Int);
    }
    if let Some(imag) = s.strip_suffix(['j', 'J']) {
        return Ok(Constant::Complex {
            real: 0.0,
            imag: parse_float(imag),
        });
    }
    Ok(Constant::Float(parse_float(s)))
}

fn parse_float(s: &str) -> f64 {
    // The tokenizer only hands over valid float literals, which Rust's grammar accepts too.
    s.parse::<f64>().unwrap_or(f64::NAN)
}

fn int_from_decimal(s: &str) -> Result<IntValue, String> {
    let digits = s.trim_start_matches('0');
    if digits.is_empty() {
        return Ok(IntValue::Small(0));
    }
    if digits.len() <= 18 {
        return Ok(IntValue::Small(digits.parse::<i64>().unwrap_or(0)));
    }
    if let Ok(v) = digits.parse::<i64>() {
        return Ok(IntValue::Small(v));
    }
    // A literal starting with `0` never reaches PyLong_FromString's limit check (pegen's
    // `strtoul` path reads it; only `0...0` is a valid such decimal literal anyway).
    if s.len() > INT_MAX_STR_DIGITS && !s.starts_with('0') {
        return Err(format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: \
             value has {} digits; use sys.set_int_max_str_digits() to increase the limit - \
             Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
            s.len()
        ));
    }
    Ok(IntValue::Big(digits.to_string()))
}

/// An integer written in base 2, 8 or 16 (digits only, no prefix or underscores).
fn int_from_radix(digits: &[u8], radix: u32) -> IntValue {
    let digits = {
        let start = digits
            .iter()
            .position(|&d| d != b'0')
            .unwrap_or(digits.len());
        &digits[start..]
    };
    let bits_per_digit = match radix {
        16 => 4,
        8 => 3,
        _ => 1,
    };
    let value = |d: u8| (d as char).to_digit(radix).unwrap_or(0);
    if digits.len() * bits_per_digit <= 63 {
        let v = digits.iter().fold(0i64, |acc, &d| {
            (acc << bits_per_digit) | i64::from(value(d))
        });
        return IntValue::Small(v);
    }
    // Little-endian u32 limbs of the binary value, filled bit by bit from the last digit.
    let nbits = digits.len() * bits_per_digit;
    let mut limbs = vec![0u32; nbits.div_ceil(32)];
    for (i, &d) in digits.iter().rev().enumerate() {
        let v = u64::from(value(d));
        let bit = i * bits_per_digit;
        let (li, off) = (bit / 32, bit % 32);
        let wide = v << off;
        limbs[li] |= wide as u32;
        if li + 1 < limbs.len() {
            limbs[li + 1] |= (wide >> 32) as u32;
        }
    }
    while limbs.last() == Some(&0) {
        limbs.pop();
    }
    if limbs.len() <= 2 {
        let v = limbs
            .iter()
            .rev()
            .fold(0u64, |acc, &l| (acc << 32) | u64::from(l));
        if let Ok(v) = i64::try_from(v) {
            return IntValue::Small(v);
        }
    }
    IntValue::Big(limbs_to_decimal(limbs))
}

/// Decimal digits of a non-zero little-endian u32-limb number: repeated division by 10**9.
fn limbs_to_decimal(mut limbs: Vec<u32>) -> String {
    const CHUNK: u64 = 1_000_000_000;
    let mut chunks: Vec<u32> = Vec::with_capacity(limbs.len() * 32 / 29 + 1);
    while !limbs.is_empty() {
        let mut rem: u64 = 0;
        for limb in limbs.iter_mut().rev() {
            let cur = (rem << 32) | u64::from(*limb);
            *limb = (cur / CHUNK) as u32;
            rem = cur % CHUNK;
        }
        chunks.push(rem as u32);
        while limbs.last() == Some(&0) {
            limbs.pop();
        }
    }
    let mut out = String::with_capacity(chunks.len() * 9);
    let mut iter = chunks.iter().rev();
    if let Some(first) = iter.next() {
        out.push_str(&first.to_string());
    }
    for c in iter {
        let s = c.to_string();
        for _ in s.len()..9 {
            out.push('0');
        }
        out.push_str(&s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pyrepr::repr_constant;

    /// Literals of every form, and their values as python3.11 prints them.
    #[test]
    fn literals_match_python() {
        let mut lits: Vec<String> = [
            "0",
            "00",
            "0_0",
            "7",
            "1_000",
            "9223372036854775807",
            "9223372036854775808",
            "18446744073709551616",
            "0x7fffffffffffffff",
            "0x8000000000000000",
            "0XFF_FF",
            "0o777",
            "0O1",
            "0b1010",
            "0B1_1",
            "1.",
            ".5",
            "1e5",
            "1E-5",
            "1_0.0_1e+1_0",
            "1e400",
            "1e-400",
            "0.1",
            "3.14159",
            "1j",
            "1.5J",
            "1e3j",
            "0j",
            "00.5",
            "09.5",
            "0_9e1j",
            ".0001j",
            "123456789012345678901234567890",
            "1e16",
            "1e15",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        lits.push(format!("0x{}", "f".repeat(2000)));
        lits.push(format!("0o{}", "7".repeat(700)));
        lits.push(format!("0b1{}", "0".repeat(900)));
        lits.push(format!("1{}", "0".repeat(4299)));
        lits.push(format!("0x1{}", "0_0".repeat(30)));
        let code = format!(
            "import ast\nfor s in {:?}: print(repr(ast.literal_eval(s)))",
            lits
        );
        let out = std::process::Command::new("/usr/bin/python3.11")
            .args(["-X", "int_max_str_digits=0", "-c", &code])
            .output()
            .expect("python3.11 runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let expected = String::from_utf8(out.stdout).unwrap();
        assert_eq!(expected.lines().count(), lits.len());
        for (lit, want) in lits.iter().zip(expected.lines()) {
            let got = parse_number(lit).map(|c| repr_constant(&c));
            assert_eq!(got.as_deref(), Ok(want), "literal {lit}");
        }
    }

    #[test]
    fn small_and_big_kinds() {
        assert_eq!(
            parse_number("9223372036854775807"),
            Ok(Constant::Int(IntValue::Small(i64::MAX)))
        );
        assert_eq!(
            parse_number("0x8000000000000000"),
            Ok(Constant::Int(IntValue::Big("9223372036854775808".into())))
        );
        assert_eq!(
            parse_number("0x0000000000000000001"),
            Ok(Constant::Int(IntValue::Small(1)))
        );
    }

    #[test]
    fn max_str_digits() {
        let err = parse_number("1_".repeat(4300).trim_end_matches('_'));
        assert!(err.is_ok());
        let err = parse_number(&"1".repeat(5000)).unwrap_err();
        assert_eq!(
            err,
            "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 \
             digits; use sys.set_int_max_str_digits() to increase the limit - Consider \
             hexadecimal for huge integer literals to avoid decimal conversion limits."
        );
        assert!(parse_number(&"0".repeat(5000)).is_ok());
        let t = std::time::Instant::now();
        assert!(matches!(
            parse_number(&format!("0x{}", "f".repeat(10_000))),
            Ok(Constant::Int(IntValue::Big(_)))
        ));
        assert!(t.elapsed().as_millis() < 500);
    }
}
