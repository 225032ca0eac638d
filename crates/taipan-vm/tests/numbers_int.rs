//! int behaviour compared with values recorded from /usr/bin/python3.11.

mod numbers_common;

use numbers_common::*;
use taipan_vm::object::protocol::{
    self, ADD, AND, DIVMOD, FLOORDIV, LSHIFT, MOD, MUL, OR, RSHIFT, SUB, TRUEDIV,
};
use taipan_vm::object::CompareOp;
use taipan_vm::objects::int::{PyInt, INT_TYPE};
use taipan_vm::objects::none::none;

#[test]
fn arithmetic() {
    let _g = init();
    let big = p2(62);
    assert_eq!(bin(&big, &big, ADD), "9223372036854775808");
    assert_eq!(
        bin(&i("-9223372036854775808"), &i("1"), SUB),
        "-9223372036854775809"
    );
    assert_eq!(
        bin(&i("3037000500"), &i("3037000500"), MUL),
        "9223372037000250000"
    );
    assert_eq!(
        bin(&p2(64), &p2(64), MUL),
        "340282366920938463463374607431768211456"
    );
    assert_eq!(bin(&i("-7"), &i("2"), FLOORDIV), "-4");
    assert_eq!(bin(&i("7"), &i("-2"), FLOORDIV), "-4");
    assert_eq!(
        bin(&i("-9223372036854775808"), &i("-1"), FLOORDIV),
        "9223372036854775808"
    );
    assert_eq!(bin(&i("-7"), &i("3"), MOD), "2");
    assert_eq!(bin(&i("7"), &i("-3"), MOD), "-2");
    assert_eq!(bin(&p2(64), &i("-3"), FLOORDIV), "-6148914691236517206");
    assert_eq!(bin(&i("-18446744073709551616"), &i("7"), MOD), "5");
    assert_eq!(
        bin(&i("-18446744073709551616"), &i("-7"), DIVMOD),
        "(2635249153387078802, -2)"
    );
    assert_eq!(bin(&i("-7"), &i("2"), DIVMOD), "(-4, 1)");
    assert_eq!(
        bin(&i("1"), &i("0"), FLOORDIV),
        "ZeroDivisionError: integer division or modulo by zero"
    );
    assert_eq!(
        bin(&i("1"), &i("0"), MOD),
        "ZeroDivisionError: integer modulo by zero"
    );
    assert_eq!(
        bin(&i("1"), &i("0"), DIVMOD),
        "ZeroDivisionError: integer division or modulo by zero"
    );
    assert_eq!(
        bin(&i("1"), &i("0"), TRUEDIV),
        "ZeroDivisionError: division by zero"
    );
}

#[test]
fn true_division() {
    let _g = init();
    assert_eq!(bin(&i("1"), &i("3"), TRUEDIV), "0.3333333333333333");
    let a = bin(&p2(1000), &i("0"), ADD);
    assert!(a.starts_with("10715086071862673"));
    let x = protocol::binary_op(&p2(1000), &i("1"), ADD).unwrap();
    assert_eq!(bin(&x, &p2(999), TRUEDIV), "2.0");
    assert_eq!(bin(&i("3"), &p2(1075), TRUEDIV), "1e-323");
    assert_eq!(bin(&i("1"), &p2(1074), TRUEDIV), "5e-324");
    let t30 = protocol::power(&i("10"), &i("30"), &none()).unwrap();
    assert_eq!(bin(&t30, &i("7"), TRUEDIV), "1.4285714285714285e+29");
    assert_eq!(
        bin(&p2(1024), &i("1"), TRUEDIV),
        "OverflowError: integer division result too large for a float"
    );
    let t400 = protocol::power(&i("10"), &i("400"), &none()).unwrap();
    let t399 = protocol::power(&i("10"), &i("399"), &none()).unwrap();
    assert_eq!(bin(&t400, &t399, TRUEDIV), "10.0");
}

#[test]
fn powers_and_bits() {
    let _g = init();
    assert_eq!(pow2(&i("2"), &i("100")), "1267650600228229401496703205376");
    assert_eq!(pow2(&i("2"), &i("-2")), "0.25");
    assert_eq!(pow2(&i("-2"), &i("63")), "-9223372036854775808");
    assert_eq!(pow3(&i("3"), &i("4"), &i("5")), "1");
    assert_eq!(pow3(&i("3"), &i("-1"), &i("7")), "5");
    assert_eq!(pow3(&i("-3"), &i("3"), &i("-7")), "-6");
    assert_eq!(
        pow3(&i("2"), &i("-1"), &i("4")),
        "ValueError: base is not invertible for the given modulus"
    );
    assert_eq!(
        pow3(&i("2"), &i("3"), &i("0")),
        "ValueError: pow() 3rd argument cannot be 0"
    );
    assert_eq!(
        pow2(&i("0"), &i("-1")),
        "ZeroDivisionError: 0.0 cannot be raised to a negative power"
    );
    assert_eq!(
        bin(&i("1"), &i("100"), LSHIFT),
        "1267650600228229401496703205376"
    );
    assert_eq!(bin(&i("-1"), &i("100"), RSHIFT), "-1");
    assert_eq!(bin(&i("-5"), &i("1"), RSHIFT), "-3");
    assert_eq!(
        bin(&i("1"), &i("-1"), LSHIFT),
        "ValueError: negative shift count"
    );
    let n70 = protocol::unary_op(&p2(70), |n| &n.nb_negative, "unary -").unwrap();
    assert_eq!(bin(&n70, &i("65535"), AND), "0");
    assert_eq!(bin(&n70, &i("5"), OR), "-1180591620717411303419");
    assert_eq!(
        show(protocol::unary_op(&p2(70), |n| &n.nb_invert, "unary ~")),
        "-1180591620717411303425"
    );
    assert_eq!(meth(&i("12345678901234567890"), "bit_length", &[]), "64");
    let x = protocol::binary_op(&n70, &i("1"), ADD).unwrap();
    assert_eq!(meth(&x, "bit_count", &[]), "70");
    assert_eq!(meth(&i("7"), "as_integer_ratio", &[]), "(7, 1)");
    assert_eq!(meth(&i("0"), "__sizeof__", &[]), "28");
    assert_eq!(meth(&i("1"), "__sizeof__", &[]), "28");
    assert_eq!(meth(&p2(30), "__sizeof__", &[]), "32");
    assert_eq!(meth(&p2(60), "__sizeof__", &[]), "36");
    assert_eq!(meth(&i("-1250"), "__round__", &[i("-2")]), "-1200");
    assert_eq!(meth(&i("1350"), "__round__", &[i("-2")]), "1400");
    assert_eq!(attr(&i("5"), "denominator"), "1");
    assert_eq!(attr(&i("5"), "imag"), "0");
}

#[test]
fn hashes_and_compare() {
    let _g = init();
    assert_eq!(hash(&p2(61)), 1);
    let m64 = protocol::unary_op(&p2(64), |n| &n.nb_negative, "unary -").unwrap();
    assert_eq!(hash(&m64), -8);
    assert_eq!(hash(&i("-1")), -2);
    assert_eq!(hash(&p2(100)), 549755813888);
    let p3 = protocol::power(&i("3"), &i("200"), &none()).unwrap();
    assert_eq!(hash(&p3), 424410663027747676);
    let p7 = protocol::power(&i("7"), &i("150"), &none()).unwrap();
    let n7 = protocol::unary_op(&p7, |n| &n.nb_negative, "unary -").unwrap();
    assert_eq!(hash(&n7), -2137843758741391727);
    let x5 = protocol::binary_op(&p2(64), &i("5"), ADD).unwrap();
    assert_eq!(hash(&x5), 13);
    let x = protocol::binary_op(&p2(61), &i("1"), SUB).unwrap();
    assert_eq!(hash(&x), 0);
    let m61 = protocol::unary_op(&p2(61), |n| &n.nb_negative, "unary -").unwrap();
    assert_eq!(hash(&m61), -2);
    let y = protocol::binary_op(&p2(53), &i("1"), ADD).unwrap();
    assert_eq!(cmp(&y, &f(2f64.powi(53)), CompareOp::Gt), "True");
    assert_eq!(cmp(&y, &f(2f64.powi(53)), CompareOp::Eq), "False");
    let t400 = protocol::power(&i("10"), &i("400"), &none()).unwrap();
    assert_eq!(cmp(&t400, &f(f64::INFINITY), CompareOp::Gt), "False");
    assert_eq!(cmp(&i("1"), &f(f64::NAN), CompareOp::Lt), "False");
    assert_eq!(cmp(&i("1"), &f(f64::NAN), CompareOp::Ne), "True");
    assert_eq!(cmp(&i("3"), &i("4"), CompareOp::Le), "True");
}

#[test]
fn conversions() {
    let _g = init();
    let t = &INT_TYPE;
    assert_eq!(call_type(t, &[s("  -0x_1f "), i("0")]), "-31");
    assert_eq!(call_type(t, &[s("z"), i("36")]), "35");
    assert_eq!(call_type(t, &[s("1_000")]), "1000");
    assert_eq!(
        call_type(t, &[s("1__0")]),
        "ValueError: invalid literal for int() with base 10: '1__0'"
    );
    assert_eq!(
        call_type(t, &[s("010"), i("0")]),
        "ValueError: invalid literal for int() with base 0: '010'"
    );
    assert_eq!(call_type(t, &[s("000"), i("0")]), "0");
    assert_eq!(
        call_type(t, &[s("x")]),
        "ValueError: invalid literal for int() with base 10: 'x'"
    );
    assert_eq!(
        call_type(t, &[s("1"), i("37")]),
        "ValueError: int() base must be >= 2 and <= 36, or 0"
    );
    assert_eq!(
        call_type(t, &[i("1"), i("10")]),
        "TypeError: int() can't convert non-string with explicit base"
    );
    assert_eq!(call_type(t, &[f(1e20)]), "100000000000000000000");
    assert_eq!(call_type(t, &[f(-3.9)]), "-3");
    assert_eq!(
        call_type(t, &[f(f64::INFINITY)]),
        "OverflowError: cannot convert float infinity to integer"
    );
    assert_eq!(
        call_type(t, &[f(f64::NAN)]),
        "ValueError: cannot convert float NaN to integer"
    );
    assert_eq!(call_type(t, &[]), "0");
    let digits = "1".repeat(5000);
    assert_eq!(
        call_type(t, &[s(&digits)]),
        "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit"
    );
    let big = protocol::power(&i("10"), &i("5000"), &none()).unwrap();
    assert_eq!(
        show(protocol::repr(&big)),
        "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
    );
    let ok = protocol::power(&i("10"), &i("4299"), &none()).unwrap();
    assert_eq!(protocol::repr_string(&ok).unwrap().len(), 4300);
    assert_eq!(
        show(protocol::binary_op(&f(1.0), &p2(70), ADD)),
        "1.1805916207174113e+21"
    );
    assert_eq!(
        show(protocol::binary_op(&p2(70), &f(1.5), MUL)),
        "1.770887431076117e+21"
    );
    let huge = protocol::power(&i("2"), &i("1024"), &none()).unwrap();
    assert_eq!(
        show(protocol::binary_op(&huge, &f(1.0), ADD)),
        "OverflowError: int too large to convert to float"
    );
    assert_eq!(
        PyInt::new(5).unwrap().downcast::<PyInt>().unwrap().as_i64(),
        Some(5)
    );
}

#[test]
fn formatting() {
    let _g = init();
    let fmt = |v: &taipan_vm::object::PyRef, spec: &str| meth(v, "__format__", &[s(spec)]);
    assert_eq!(fmt(&i("1234"), "010,"), "'00,001,234'");
    assert_eq!(fmt(&i("1234"), "08,"), "'0,001,234'");
    assert_eq!(fmt(&i("255"), "#010x"), "'0x000000ff'");
    assert_eq!(fmt(&i("-255"), "_b"), "'-1111_1111'");
    assert_eq!(fmt(&i("65"), "c"), "'A'");
    assert_eq!(fmt(&i("1234567"), ","), "'1,234,567'");
    assert_eq!(fmt(&i("12"), "e"), "'1.200000e+01'");
    assert_eq!(fmt(&i("42"), "^7"), "'  42   '");
    assert_eq!(fmt(&i("42"), "+d"), "'+42'");
    assert_eq!(fmt(&i("42"), "X"), "'2A'");
    assert_eq!(
        fmt(&i("42"), ".2"),
        "ValueError: Precision not allowed in integer format specifier"
    );
    assert_eq!(
        fmt(&i("42"), "q"),
        "ValueError: Unknown format code 'q' for object of type 'int'"
    );
}

#[test]
fn bases_and_subclass_free_helpers() {
    let _g = init();
    use taipan_vm::objects::float::as_f64;
    use taipan_vm::objects::int::to_base;
    assert_eq!(show(to_base(&i("-255"), 16)), "'-0xff'");
    assert_eq!(show(to_base(&i("5"), 2)), "'0b101'");
    assert_eq!(show(to_base(&p2(64), 8)), "'0o2000000000000000000000'");
    assert_eq!(as_f64(&i("3")).unwrap(), 3.0);
    assert!(as_f64(&s("3")).is_err());
    assert_eq!(call_type(&INT_TYPE, &[s("١٢٣")]), "123");
    assert_eq!(call_type(&INT_TYPE, &[s("\u{3000}42\u{3000}")]), "42");
}

#[test]
fn argument_errors() {
    let _g = init();
    let kw = taipan_vm::objects::tuple::PyTuple::new(vec![s("x")]).unwrap();
    let r = protocol::call(&INT_TYPE.as_pyref(), &[s("1"), i("2"), i("3")], Some(&kw));
    assert_eq!(
        show(r),
        "TypeError: int() takes at most 2 arguments (3 given)"
    );
    let kw = taipan_vm::objects::tuple::PyTuple::new(vec![s("base")]).unwrap();
    let r = protocol::call(&INT_TYPE.as_pyref(), &[s("ff"), i("16")], Some(&kw));
    assert_eq!(show(r), "255");
    let r = protocol::call(&INT_TYPE.as_pyref(), &[i("16")], Some(&kw));
    assert_eq!(show(r), "TypeError: int() missing string argument");
    assert_eq!(
        meth(&i("5"), "__format__", &[s("z")]),
        "ValueError: Negative zero coercion (z) not allowed in integer format specifier"
    );
    let it = INT_TYPE.as_pyref();
    assert_eq!(
        meth(&it, "from_bytes", &[i("5"), s("big")]),
        "TypeError: cannot convert 'int' object to bytes"
    );
    let l = taipan_vm::objects::list::PyList::new(vec![i("1"), i("0")]).unwrap();
    assert_eq!(meth(&it, "from_bytes", &[l, s("little")]), "1");
}

#[test]
fn huge_requests_raise_instead_of_aborting() {
    let _g = init();
    let n63 = protocol::power(&i("2"), &i("63"), &none()).unwrap();
    assert_eq!(bin(&i("1"), &n63, LSHIFT), "MemoryError: ");
    assert_eq!(bin(&i("1"), &p2(64), LSHIFT), "MemoryError: ");
    assert_eq!(
        bin(&i("1"), &p2(100), LSHIFT),
        "OverflowError: too many digits in integer"
    );
    assert_eq!(bin(&i("1"), &p2(40), LSHIFT), "MemoryError: ");
    assert_eq!(bin(&i("0"), &n63, LSHIFT), "0");
    assert_eq!(bin(&i("-1"), &n63, RSHIFT), "-1");
    assert_eq!(pow2(&i("3"), &p2(40)), "MemoryError: ");
    assert_eq!(
        meth(&i("1"), "to_bytes", &[p2(50), s("big")]),
        "MemoryError: "
    );
    assert_eq!(
        meth(&i("1"), "__format__", &[s("999999999999")]),
        "MemoryError: "
    );
    assert_eq!(
        meth(&f(1.0), "__format__", &[s(".3000000000f")]),
        "ValueError: precision too big"
    );
    assert_eq!(
        meth(&f(1.0), "__format__", &[s("99999999999999999999999")]),
        "ValueError: Too many decimal digits in format string"
    );
}
