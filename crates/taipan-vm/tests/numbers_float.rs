//! float, complex and bool behaviour compared with values recorded from
//! /usr/bin/python3.11.

mod numbers_common;

use numbers_common::*;
use taipan_vm::object::protocol::{self, ADD, AND, DIVMOD, FLOORDIV, MOD, MUL, OR, TRUEDIV, XOR};
use taipan_vm::object::CompareOp;
use taipan_vm::objects::bool_::{py_bool, BOOL_TYPE};
use taipan_vm::objects::complex::COMPLEX_TYPE;
use taipan_vm::objects::float::FLOAT_TYPE;

#[test]
fn float_repr_and_hash() {
    let _g = init();
    assert_eq!(bin(&f(0.1), &f(0.2), ADD), "0.30000000000000004");
    assert_eq!(show(Ok(f(1e16))), "1e+16");
    assert_eq!(show(Ok(f(1e22))), "1e+22");
    assert_eq!(show(Ok(f(1e-5))), "1e-05");
    assert_eq!(show(Ok(f(5e-324))), "5e-324");
    assert_eq!(show(Ok(f(-0.0))), "-0.0");
    assert_eq!(show(Ok(f(f64::NAN))), "nan");
    assert_eq!(hash(&f(1.5)), 1152921504606846977);
    assert_eq!(hash(&f(1e100)), 1822893315824342674);
    assert_eq!(hash(&f(-1.0)), -2);
    assert_eq!(hash(&f(1e-300)), 482449582752280463);
    assert_eq!(hash(&f(0.5)), 1152921504606846976);
    assert_eq!(hash(&f(-0.0)), 0);
    assert_eq!(hash(&f(f64::INFINITY)), 314159);
    assert_eq!(hash(&f(2f64.powi(70))), hash(&p2(70)));
}

#[test]
fn float_arithmetic() {
    let _g = init();
    assert_eq!(bin(&f(-7.5), &i("2"), DIVMOD), "(-4.0, 0.5)");
    assert_eq!(bin(&f(-7.5), &i("2"), MOD), "0.5");
    assert_eq!(bin(&f(7.5), &i("-2"), FLOORDIV), "-4.0");
    assert_eq!(
        bin(&f(1.0), &f(0.0), MOD),
        "ZeroDivisionError: float modulo"
    );
    assert_eq!(
        bin(&f(1.0), &f(0.0), TRUEDIV),
        "ZeroDivisionError: float division by zero"
    );
    assert_eq!(
        bin(&f(1.0), &i("0"), FLOORDIV),
        "ZeroDivisionError: float floor division by zero"
    );
    assert_eq!(
        bin(&f(1.0), &f(0.0), DIVMOD),
        "ZeroDivisionError: float divmod()"
    );
    assert_eq!(
        pow2(&f(-8.0), &f(1.0 / 3.0)),
        "(1.0000000000000002+1.7320508075688772j)"
    );
    assert_eq!(
        pow2(&f(0.0), &i("-1")),
        "ZeroDivisionError: 0.0 cannot be raised to a negative power"
    );
    assert_eq!(
        pow2(&f(2.0), &i("1024")),
        "OverflowError: 34, Numerical result out of range"
    );
    assert_eq!(pow2(&f(-2.0), &i("3")), "-8.0");
    assert_eq!(
        pow3(&f(2.0), &i("3"), &i("5")),
        "TypeError: pow() 3rd argument not allowed unless all arguments are integers"
    );
    assert_eq!(
        cmp(&f(2f64.powi(53)), &i("9007199254740993"), CompareOp::Lt),
        "True"
    );
    assert_eq!(cmp(&f(0.5), &i("0"), CompareOp::Gt), "True");
    assert_eq!(cmp(&f(-0.5), &i("0"), CompareOp::Lt), "True");
    assert_eq!(cmp(&f(f64::NAN), &f(f64::NAN), CompareOp::Eq), "False");
}

#[test]
fn float_methods() {
    let _g = init();
    let t = &FLOAT_TYPE;
    assert_eq!(call_type(t, &[s(" 1_0.5e3 ")]), "10500.0");
    assert_eq!(call_type(t, &[s("-Infinity")]), "-inf");
    assert_eq!(call_type(t, &[s("nan")]), "nan");
    assert_eq!(
        call_type(t, &[s("x")]),
        "ValueError: could not convert string to float: 'x'"
    );
    assert_eq!(
        call_type(t, &[s("1__0")]),
        "ValueError: could not convert string to float: '1__0'"
    );
    assert_eq!(
        call_type(t, &[s("_1")]),
        "ValueError: could not convert string to float: '_1'"
    );
    assert_eq!(
        call_type(t, &[s(".")]),
        "ValueError: could not convert string to float: '.'"
    );
    assert_eq!(call_type(t, &[i("7")]), "7.0");
    assert_eq!(call_type(t, &[]), "0.0");
    assert_eq!(meth(&f(2.675), "__round__", &[i("2")]), "2.67");
    assert_eq!(meth(&f(1234.5678), "__round__", &[i("-2")]), "1200.0");
    assert_eq!(meth(&f(1e300), "__round__", &[i("-300")]), "1e+300");
    assert_eq!(meth(&f(2.5), "__round__", &[]), "2");
    assert_eq!(meth(&f(3.5), "__round__", &[]), "4");
    assert_eq!(meth(&f(1.5), "hex", &[]), "'0x1.8000000000000p+0'");
    assert_eq!(meth(&f(5e-324), "hex", &[]), "'0x0.0000000000001p-1022'");
    assert_eq!(meth(&f(-0.0), "hex", &[]), "'-0x0.0p+0'");
    let ft = FLOAT_TYPE.as_pyref();
    assert_eq!(meth(&ft, "fromhex", &[s("0x1p-1075")]), "0.0");
    assert_eq!(meth(&ft, "fromhex", &[s("0x3p-1076")]), "5e-324");
    assert_eq!(meth(&ft, "fromhex", &[s("0x1.8p1")]), "3.0");
    assert_eq!(
        meth(&f(0.1), "as_integer_ratio", &[]),
        "(3602879701896397, 36028797018963968)"
    );
    assert_eq!(meth(&f(3.0), "is_integer", &[]), "True");
    assert_eq!(meth(&f(-3.5), "__floor__", &[]), "-4");
    assert_eq!(meth(&f(-3.5), "__ceil__", &[]), "-3");
    assert_eq!(attr(&f(2.5), "imag"), "0.0");
    let fmt = |v: f64, spec: &str| meth(&f(v), "__format__", &[s(spec)]);
    assert_eq!(fmt(1234567.891, ",.2f"), "'1,234,567.89'");
    assert_eq!(fmt(1.0, ".3"), "'1.0'");
    assert_eq!(fmt(1000.0, ".3"), "'1e+03'");
    assert_eq!(fmt(-0.0, "+.1f"), "'-0.0'");
    assert_eq!(fmt(-0.0001, "z.1f"), "'0.0'");
    assert_eq!(fmt(0.000123456, "g"), "'0.000123456'");
    assert_eq!(fmt(123456789.0, "g"), "'1.23457e+08'");
    assert_eq!(fmt(1e16, "10"), "'     1e+16'");
    assert_eq!(fmt(0.25, "%"), "'25.000000%'");
    assert_eq!(fmt(3.0, "#g"), "'3.00000'");
    assert_eq!(fmt(1.5, "^10.2f"), "'   1.50   '");
    assert_eq!(fmt(-1234.5, "010.1f"), "'-0001234.5'");
    assert_eq!(fmt(1234.5, "=+12,.1f"), "'+    1,234.5'");
}

#[test]
fn complex_numbers() {
    let _g = init();
    let t = &COMPLEX_TYPE;
    assert_eq!(show(Ok(c(1.0, 2.0))), "(1+2j)");
    assert_eq!(show(Ok(c(0.0, 1.0))), "1j");
    assert_eq!(show(Ok(c(-0.0, 1.0))), "(-0+1j)");
    assert_eq!(bin(&c(1.0, 2.0), &c(3.0, -4.0), TRUEDIV), "(-0.2+0.4j)");
    assert_eq!(bin(&c(1.0, 2.0), &c(3.0, -4.0), MUL), "(11+2j)");
    assert_eq!(pow2(&c(0.0, 1.0), &i("2")), "(-1+0j)");
    assert_eq!(
        pow2(&c(1.0, 2.0), &f(0.5)),
        "(1.272019649514069+0.7861513777574233j)"
    );
    assert_eq!(
        bin(&c(1.0, 2.0), &i("0"), TRUEDIV),
        "ZeroDivisionError: complex division by zero"
    );
    assert_eq!(call_type(t, &[s(" (3-4J) ")]), "(3-4j)");
    assert_eq!(call_type(t, &[s("-j")]), "-1j");
    assert_eq!(call_type(t, &[c(0.0, 1.0), c(3.0, 4.0)]), "(-4+4j)");
    assert_eq!(call_type(t, &[s("1e3+2.5e-1j")]), "(1000+0.25j)");
    assert_eq!(
        call_type(t, &[s("x")]),
        "ValueError: complex() arg is a malformed string"
    );
    assert_eq!(call_type(t, &[i("1"), i("2")]), "(1+2j)");
    assert_eq!(call_type(t, &[c(1.0, 2.0), c(3.0, 4.0)]), "(-3+5j)");
    assert_eq!(hash(&c(1.0, 2.0)), 2000007);
    assert_eq!(hash(&c(0.5, -1.0)), 1152921504604846970);
    assert_eq!(cmp(&c(1.0, 0.0), &i("1"), CompareOp::Eq), "True");
    assert_eq!(
        cmp(&c(1.0, 0.0), &i("1"), CompareOp::Lt),
        "TypeError: '<' not supported between instances of 'complex' and 'int'"
    );
    assert_eq!(
        show(protocol::unary_op(
            &c(3.0, 4.0),
            |n| &n.nb_absolute,
            "abs()"
        )),
        "5.0"
    );
    assert_eq!(meth(&c(3.0, 4.0), "conjugate", &[]), "(3-4j)");
    assert_eq!(attr(&c(3.0, 4.0), "imag"), "4.0");
}

#[test]
fn bools() {
    let _g = init();
    let t = py_bool(true);
    let fl = py_bool(false);
    assert_eq!(show(Ok(t.clone())), "True");
    assert_eq!(bin(&t, &t, AND), "True");
    assert_eq!(bin(&t, &fl, OR), "True");
    assert_eq!(bin(&t, &t, XOR), "False");
    assert_eq!(bin(&t, &i("3"), AND), "1");
    assert_eq!(bin(&t, &t, ADD), "2");
    assert_eq!(call_type(&BOOL_TYPE, &[i("0")]), "False");
    assert_eq!(call_type(&BOOL_TYPE, &[s("x")]), "True");
    assert_eq!(call_type(&BOOL_TYPE, &[]), "False");
    assert_eq!(hash(&t), 1);
}

#[test]
fn more_formats() {
    let _g = init();
    let cases: &[(f64, &str, &str)] = &[
        (f64::INFINITY, "010", "0000000inf"),
        (f64::NAN, "+", "+nan"),
        (123.456, "n", "123.456"),
        (0.5, ".0f", "0"),
        (2.5, ".0f", "2"),
        (1.5, ".0e", "2e+00"),
        (12345.0, "_", "12_345.0"),
        (1e20, ",", "1e+20"),
        (-1.5, "=10", "-      1.5"),
        (1.0, "#", "1.0"),
        (1e-7, "", "1e-07"),
        (1e-7, ".2", "1e-07"),
        (123.0, "#.0f", "123."),
        (0.1, ".20", "0.10000000000000000555"),
        (1234.5, "012,.2f", "0,001,234.50"),
        (5e-324, ".3e", "4.941e-324"),
        (1.0, "#.3g", "1.00"),
        (0.0001, ".3g", "0.0001"),
        (100.0, "g", "100"),
        (1e16, ".17g", "10000000000000000"),
        (-0.0, "", "-0.0"),
        (-0.0, "z", "0.0"),
        (1.5, "e", "1.500000e+00"),
    ];
    for (v, spec, want) in cases {
        assert_eq!(
            meth(&f(*v), "__format__", &[s(spec)]),
            format!("'{want}'"),
            "format({v}, {spec:?})"
        );
    }
    let icases: &[(&str, &str, &str)] = &[
        ("42", "n", "42"),
        ("-42", "=+8", "-     42"),
        ("0", "#b", "0b0"),
        ("-10", "#o", "-0o12"),
        ("100000000000000000000", "_", "100_000_000_000_000_000_000"),
    ];
    for (v, spec, want) in icases {
        assert_eq!(
            meth(&i(v), "__format__", &[s(spec)]),
            format!("'{want}'"),
            "format({v}, {spec:?})"
        );
    }
    assert_eq!(meth(&py_bool(true), "__format__", &[s("d")]), "'1'");
    assert_eq!(meth(&f(0.125), "__round__", &[i("2")]), "0.12");
    assert_eq!(meth(&f(0.375), "__round__", &[i("2")]), "0.38");
    assert_eq!(meth(&f(5e-324), "__round__", &[i("330")]), "5e-324");
    assert_eq!(
        meth(&f(1.7976931348623157e308), "__round__", &[i("-308")]),
        "OverflowError: rounded value too large to represent"
    );
}

#[test]
fn complex_constructor_and_leaks() {
    let _g = init();
    let t = &COMPLEX_TYPE;
    assert_eq!(call_type(t, &[c(0.0, 1.0), i("2")]), "3j");
    assert_eq!(call_type(t, &[c(1.0, 2.0), c(0.0, 1.0)]), "2j");
    assert_eq!(call_type(t, &[i("2"), c(0.0, 1.0)]), "(1+0j)");
    assert_eq!(pow2(&c(f64::INFINITY, 0.0), &i("2")), "(nan+nanj)");
    assert_eq!(
        pow2(&c(f64::INFINITY, 0.0), &f(2.5)),
        "OverflowError: complex exponentiation"
    );
    // Numbers made and dropped leave no blocks behind.
    let work = || {
        for k in 0..200i64 {
            let a = p2(k);
            let b = f(k as f64 + 0.5);
            let _ = bin(&a, &b, ADD);
            let _ = bin(&a, &i("7"), DIVMOD);
            let _ = bin(&a, &i("0"), MOD);
            let _ = pow3(&a, &i("-1"), &i("97"));
            let _ = call_type(&FLOAT_TYPE, &[s("1_0.5e3")]);
            let _ = call_type(t, &[s("1+2j")]);
            let _ = meth(&b, "__format__", &[s(",.3f")]);
            let _ = meth(&a, "to_bytes", &[]);
        }
    };
    work();
    let before = taipan_vm::object::allocated_blocks();
    work();
    assert_eq!(taipan_vm::object::allocated_blocks(), before);
}

#[test]
fn float_parsing_forms() {
    let _g = init();
    let ok: &[(&str, &str)] = &[
        ("1.e5", "100000.0"),
        (".5", "0.5"),
        ("5.", "5.0"),
        ("+.5e-3", "0.0005"),
        ("1E5", "100000.0"),
        ("\t 1 \n", "1.0"),
        ("1e500", "inf"),
        ("-1e-500", "-0.0"),
        ("iNfInItY", "inf"),
        ("-nan", "nan"),
        ("1_2.3_4e1_0", "123400000000.0"),
        ("0.1e-1", "0.01"),
    ];
    for (text, want) in ok {
        assert_eq!(call_type(&FLOAT_TYPE, &[s(text)]), *want, "float({text:?})");
    }
    for bad in [
        "0x10", "1e", "e5", "1_", "1._5", "--1", "in f", "", "1.5j", "1e5.0",
    ] {
        assert_eq!(
            call_type(&FLOAT_TYPE, &[s(bad)]),
            format!("ValueError: could not convert string to float: '{bad}'"),
            "float({bad:?})"
        );
    }
}

#[test]
fn complex_format() {
    let _g = init();
    let cases: &[((f64, f64), &str, &str)] = &[
        ((1.0, 2.0), ".2f", "'1.00+2.00j'"),
        ((1.0, 2.0), "10", "'    (1+2j)'"),
        ((0.0, 1.0), ".1", "'1j'"),
        ((-1.5, -2.5), "g", "'-1.5-2.5j'"),
        ((0.0, 1.0), "+", "'+1j'"),
        ((1.5, 2.0), "^14", "'   (1.5+2j)   '"),
        ((1e20, 1e-20), "", "'(1e+20+1e-20j)'"),
        (
            (1.0, 2.0),
            "010",
            "ValueError: Zero padding is not allowed in complex format specifier",
        ),
        (
            (1.0, 2.0),
            "d",
            "ValueError: Unknown format code 'd' for object of type 'complex'",
        ),
    ];
    for ((re, im), spec, want) in cases {
        assert_eq!(
            meth(&c(*re, *im), "__format__", &[s(spec)]),
            *want,
            "{spec:?}"
        );
    }
}

#[test]
fn format_errors_and_odd_specs() {
    let _g = init();
    let icases: &[(&str, &str, &str)] = &[
        ("65", "=5c", "'    A'"),
        ("65", ",c", "ValueError: Cannot specify ',' with 'c'."),
        ("5", "_n", "ValueError: Cannot specify '_' with 'n'."),
        ("5", ",o", "ValueError: Cannot specify ',' with 'o'."),
        (
            "5",
            "s",
            "ValueError: Unknown format code 's' for object of type 'int'",
        ),
        ("5", ".0%", "'500%'"),
        (
            "5",
            "=+^5",
            "ValueError: Invalid format specifier '=+^5' for object of type 'int'",
        ),
        ("5", "x<+#10_x", "'+0x5xxxxxx'"),
        ("5", "é>5", "'éééé5'"),
        ("5", "05c", "'0000\u{5}'"),
        ("123456789", "_e", "'1.234568e+08'"),
        ("5", "#", "'5'"),
    ];
    for (v, spec, want) in icases {
        assert_eq!(meth(&i(v), "__format__", &[s(spec)]), *want, "{v} {spec:?}");
    }
    let fcases: &[(f64, &str, &str)] = &[
        (1.5, ",n", "ValueError: Cannot specify ',' with 'n'."),
        (
            1.5,
            "s",
            "ValueError: Unknown format code 's' for object of type 'float'",
        ),
        (1.5, "#", "'1.5'"),
        (12.0, "0=+10,", "'+000,012.0'"),
        (1e6, "_g", "'1e+06'"),
    ];
    for (v, spec, want) in fcases {
        assert_eq!(
            meth(&f(*v), "__format__", &[s(spec)]),
            *want,
            "{v} {spec:?}"
        );
    }
}

#[test]
fn zero_padding_with_grouping() {
    let _g = init();
    let r = meth(&i("5"), "__format__", &[s("0100000,")]);
    assert_eq!(r.len(), 100003);
    assert_eq!(meth(&i("1"), "__format__", &[s("01,")]), "'1'");
    assert_eq!(meth(&i("1"), "__format__", &[s("02,")]), "'01'");
    assert_eq!(meth(&i("12"), "__format__", &[s("05_x")]), "'0_000c'");
    assert_eq!(meth(&f(-1.5), "__format__", &[s("09,.2f")]), "'-0,001.50'");
}
