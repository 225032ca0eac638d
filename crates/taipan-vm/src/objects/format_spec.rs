//! The format-spec mini-language (CPython's `Python/formatter_unicode.c`
//! `parse_internal_render_format_spec`, and the float text of
//! `Python/pystrtod.c` `PyOS_double_to_string`).
//!
//! `FormatSpec::parse(spec, default_align)` reads
//! `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]`
//! with CPython's errors; [`FormatSpec::pad`] applies fill, alignment and
//! width to a formatted body; [`format_str`] is `str.__format__`;
//! [`format_float`] writes a float in one of the `e f g E F G %` / repr forms
//! so that `%`-formatting and `float.__format__` can share it.

use crate::object::*;

/// A parsed format specification.
#[derive(Clone, Debug, PartialEq)]
pub struct FormatSpec {
    pub fill: char,
    /// `<`, `>`, `^` or `=`; `None` when not given (use the type's default).
    pub align: Option<char>,
    /// `+`, `-` or ` `.
    pub sign: Option<char>,
    /// `z`: coerce negative zero to positive (floats).
    pub no_neg_zero: bool,
    /// `#`.
    pub alternate: bool,
    /// A leading `0` before the width (sets fill `0`, and align `=` for numbers).
    pub zero_pad: bool,
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// The presentation type.
    pub ty: Option<char>,
    /// Was a fill character given explicitly?
    pub fill_given: bool,
}

fn parse_int(chars: &[char], pos: &mut usize) -> PyResult<Option<usize>> {
    let start = *pos;
    let mut v: usize = 0;
    while *pos < chars.len() && chars[*pos].is_ascii_digit() {
        v = v
            .checked_mul(10)
            .and_then(|v| v.checked_add(chars[*pos] as usize - '0' as usize))
            .ok_or_else(|| PyErr::value_error("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    Ok(if *pos == start { None } else { Some(v) })
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '^' | '=')
}

impl FormatSpec {
    /// Parses `spec` for an object of type `type_name`; `default_align` is
    /// `<` for str and `>` for numbers (it decides what a leading `0` means).
    pub fn parse_for(spec: &str, default_align: char, type_name: &str) -> PyResult<FormatSpec> {
        let chars: Vec<char> = spec.chars().collect();
        let n = chars.len();
        let mut f = FormatSpec {
            fill: ' ',
            align: None,
            sign: None,
            no_neg_zero: false,
            alternate: false,
            zero_pad: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
            fill_given: false,
        };
        let mut pos = 0;
        if n >= 2 && is_align(chars[1]) {
            f.fill = chars[0];
            f.fill_given = true;
            f.align = Some(chars[1]);
            pos = 2;
        } else if n >= 1 && is_align(chars[0]) {
            f.align = Some(chars[0]);
            pos = 1;
        }
        if pos < n && matches!(chars[pos], '+' | '-' | ' ') {
            f.sign = Some(chars[pos]);
            pos += 1;
        }
        if pos < n && chars[pos] == 'z' {
            f.no_neg_zero = true;
            pos += 1;
        }
        if pos < n && chars[pos] == '#' {
            f.alternate = true;
            pos += 1;
        }
        if !f.fill_given && pos < n && chars[pos] == '0' {
            f.fill = '0';
            f.zero_pad = true;
            if f.align.is_none() && default_align == '>' {
                f.align = Some('=');
            }
            pos += 1;
        }
        f.width = parse_int(&chars, &mut pos)?;
        if pos < n && chars[pos] == ',' {
            f.grouping = Some(',');
            pos += 1;
        }
        if pos < n && chars[pos] == '_' {
            if f.grouping.is_some() {
                return Err(PyErr::value_error("Cannot specify both ',' and '_'."));
            }
            f.grouping = Some('_');
            pos += 1;
        }
        if pos < n && chars[pos] == ',' {
            if f.grouping == Some('_') {
                return Err(PyErr::value_error("Cannot specify both ',' and '_'."));
            }
            return Err(PyErr::value_error("Cannot specify ',' with ','."));
        }
        if pos < n && chars[pos] == '.' {
            pos += 1;
            f.precision = parse_int(&chars, &mut pos)?;
            if f.precision.is_none() {
                return Err(PyErr::value_error("Format specifier missing precision"));
            }
        }
        if n - pos > 1 {
            return Err(PyErr::value_error(format!(
                "Invalid format specifier '{spec}' for object of type '{type_name}'"
            )));
        }
        if pos < n {
            f.ty = Some(chars[pos]);
        }
        if let Some(g) = f.grouping {
            let ok = match f.ty {
                None => true,
                Some(t) => {
                    matches!(t, 'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F')
                        || (g == '_' && matches!(t, 'b' | 'o' | 'x' | 'X'))
                }
            };
            if !ok {
                return Err(PyErr::value_error(format!(
                    "Cannot specify '{}' with '{}'.",
                    g,
                    f.ty.unwrap_or(' ')
                )));
            }
        }
        Ok(f)
    }

    /// Parses a spec with `>` as default alignment (numbers).
    pub fn parse(spec: &str) -> PyResult<FormatSpec> {
        Self::parse_for(spec, '>', "object")
    }

    /// Pads `body` (with an optional `sign_prefix`: sign and `0x`-style
    /// prefix, kept left of `=` padding) to the width with the fill and
    /// alignment (`default_align` when none was given).
    /// `MemoryError` when the width cannot be allocated.
    pub fn pad(&self, sign_prefix: &str, body: &str, default_align: char) -> PyResult<String> {
        let len = sign_prefix.chars().count() + body.chars().count();
        let width = self.width.unwrap_or(0);
        let mut out = String::new();
        out.try_reserve(width.max(len) * self.fill.len_utf8())
            .map_err(|_| PyErr::no_memory())?;
        if len >= width {
            out.push_str(sign_prefix);
            out.push_str(body);
            return Ok(out);
        }
        let padn = width - len;
        let push_fill = |out: &mut String, k: usize| {
            for _ in 0..k {
                out.push(self.fill);
            }
        };
        match self.align.unwrap_or(default_align) {
            '<' => {
                out.push_str(sign_prefix);
                out.push_str(body);
                push_fill(&mut out, padn);
            }
            '^' => {
                let left = padn / 2;
                push_fill(&mut out, left);
                out.push_str(sign_prefix);
                out.push_str(body);
                push_fill(&mut out, padn - left);
            }
            '=' => {
                out.push_str(sign_prefix);
                push_fill(&mut out, padn);
                out.push_str(body);
            }
            _ => {
                push_fill(&mut out, padn);
                out.push_str(sign_prefix);
                out.push_str(body);
            }
        }
        Ok(out)
    }
}

/// `str.__format__(spec)` on the text `s`.
pub fn format_str(s: &str, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(s.to_owned());
    }
    let f = FormatSpec::parse_for(spec, '<', "str")?;
    match f.ty {
        None | Some('s') => {}
        Some(t) => {
            return Err(PyErr::value_error(format!(
                "Unknown format code '{t}' for object of type 'str'"
            )))
        }
    }
    if let Some(g) = f.grouping {
        return Err(PyErr::value_error(format!(
            "Cannot specify '{g}' with 's'."
        )));
    }
    if f.sign == Some(' ') {
        return Err(PyErr::value_error(
            "Space not allowed in string format specifier",
        ));
    }
    if f.sign.is_some() {
        return Err(PyErr::value_error(
            "Sign not allowed in string format specifier",
        ));
    }
    if f.no_neg_zero {
        return Err(PyErr::value_error(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if f.alternate {
        return Err(PyErr::value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if f.align == Some('=') {
        return Err(PyErr::value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let body: String = match f.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_owned(),
    };
    f.pad("", &body, '<')
}

/// Inserts a thousands separator every three digits into a run of digits.
pub fn group_digits(digits: &str, sep: char, every: usize) -> String {
    let n = digits.chars().count();
    let mut out = String::with_capacity(n + n / every);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Fixed-point text of `v` with `precision` digits after the point
/// (`format!("{:.*}")`, whose precision is limited to `u16`): a double's
/// exact expansion ends within 1074 fractional digits, so a longer
/// precision only appends zeros.
pub fn fixed_digits(v: f64, precision: usize) -> String {
    const EXACT: usize = 1100;
    if precision <= EXACT {
        return format!("{:.*}", precision, v);
    }
    let mut s = format!("{:.*}", EXACT, v);
    s.extend(std::iter::repeat_n('0', precision - EXACT));
    s
}

/// Rust's exponent text of `v` (`d.ddde-X`) with `precision` mantissa
/// digits after the point (`format!("{:.*e}")`), for any precision: a
/// double has at most 767 significant decimal digits.
pub fn exp_digits(v: f64, precision: usize) -> String {
    const EXACT: usize = 800;
    if precision <= EXACT {
        return format!("{:.*e}", precision, v);
    }
    let s = format!("{:.*e}", EXACT, v);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let mut out = String::with_capacity(precision + 8);
    out.push_str(mant);
    out.extend(std::iter::repeat_n('0', precision - EXACT));
    out.push('e');
    out.push_str(exp);
    out
}

/// Exact powers of ten up to 1e15.
const POW10: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// `v` with `prec` digits after the point, correctly rounded (`'%.*f'`;
/// a `-` for negative values, -0.0 included), as `format!("{:.*}")` gives.
///
/// Fast path: when `frac(|v|) * 10**prec` comes out an integer in f64
/// (values with few binary fraction digits, like 0.5 or 12.25), that
/// integer is the correctly rounded digit string: the product is exact up
/// to half a unit below 2**52, so its true value is within 0.5 of that
/// integer and rounds to it. Everything else takes Rust's exact formatter.
pub fn fixed(v: f64, prec: usize) -> String {
    let x = v.abs();
    if prec < POW10.len() && x < 4503599627370496.0 {
        let ip = x.trunc();
        let p10 = POW10[prec];
        let t = (x - ip) * p10;
        if t == t.trunc() {
            let (mut i, mut f) = (ip as u64, t as u64);
            if f >= p10 as u64 {
                i += 1;
                f -= p10 as u64;
            }
            let mut s = String::with_capacity(24 + prec);
            if v.is_sign_negative() {
                s.push('-');
            }
            push_decimal(&mut s, i, 1);
            if prec > 0 {
                s.push('.');
                push_decimal(&mut s, f, prec);
            }
            return s;
        }
    }
    fixed_digits(v, prec)
}

/// Writes the decimal digits of `m` at the end of `buf` (20 bytes hold
/// any u64); returns the index of the first.
pub(crate) fn decimal_digits(mut m: u64, buf: &mut [u8; 20]) -> usize {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    i
}

/// Appends the decimal digits of `m`, zero-padded to at least `width`.
fn push_decimal(s: &mut String, m: u64, width: usize) {
    let mut buf = [b'0'; 20];
    let i = decimal_digits(m, &mut buf);
    for _ in buf.len() - i..width {
        s.push('0');
    }
    // The digits are ASCII.
    s.push_str(std::str::from_utf8(&buf[i..]).unwrap_or(""));
}

/// Formats a finite or non-finite float without sign handling of the
/// caller: `ty` is one of `e E f F g G %`, or `r` (repr, `precision` ignored)
/// or `n`-less `None` handled by callers. Returns the text including a
/// leading `-` for negative values.
pub fn format_float(v: f64, ty: char, precision: usize, alternate: bool) -> String {
    let upper = ty.is_ascii_uppercase();
    if v.is_nan() {
        return if upper { "NAN".into() } else { "nan".into() };
    }
    if v.is_infinite() {
        let s = if upper { "INF" } else { "inf" };
        return if v < 0.0 { format!("-{s}") } else { s.into() };
    }
    let mut out = match ty.to_ascii_lowercase() {
        'f' => {
            let mut s = fixed(v, precision);
            if alternate && precision == 0 {
                s.push('.');
            }
            s
        }
        '%' => {
            let mut s = fixed_digits(v * 100.0, precision);
            if alternate && precision == 0 {
                s.push('.');
            }
            s.push('%');
            s
        }
        'e' => exp_form(v, precision, alternate),
        'g' => {
            let p = if precision == 0 { 1 } else { precision };
            let e = exp_digits(v, p - 1);
            let exp: i32 = e
                .rsplit_once('e')
                .and_then(|(_, x)| x.parse().ok())
                .unwrap_or(0);
            let mut s = if exp >= -4 && exp < p as i32 {
                fixed_digits(v, (p as i64 - 1 - exp as i64).max(0) as usize)
            } else {
                exp_form(v, p - 1, alternate)
            };
            if !alternate {
                s = strip_zeros(&s);
            } else if !s.contains('.') && !s.contains('e') {
                s.push('.');
            }
            s
        }
        _ => {
            let mut s = String::new();
            taipan_parser::pyrepr::write_float(&mut s, v);
            s
        }
    };
    if upper {
        out = out.to_ascii_uppercase();
    }
    out
}

/// `d.ddde+XX` with `precision` digits after the point.
fn exp_form(v: f64, precision: usize, alternate: bool) -> String {
    let s = exp_digits(v, precision);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut m = mant.to_owned();
    if alternate && precision == 0 {
        m.push('.');
    }
    format!(
        "{}e{}{:02}",
        m,
        if exp < 0 { '-' } else { '+' },
        exp.unsigned_abs()
    )
}

/// Removes trailing zeros (and a trailing point) from the mantissa.
fn strip_zeros(s: &str) -> String {
    let (mant, exp) = match s.find('e') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    let mant = if mant.contains('.') {
        mant.trim_end_matches('0').trim_end_matches('.')
    } else {
        mant
    };
    format!("{mant}{exp}")
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];
