//! Built-in functions, exceptions, sys, math and the import system, driven
//! from Python source (compiled and run by the evaluation loop). Each case
//! leaves its answer in the global `r`, compared with what CPython 3.11
//! gives.

use taipan_vm::object::protocol;
use taipan_vm::object::*;
use taipan_vm::objects::dict::PyDict;
use taipan_vm::objects::module::PyModule;

static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn run(src: &str) -> Result<String, String> {
    let _g = {
        taipan_vm::gil::ensure_held();
        LOCK.lock()
    }
    .unwrap_or_else(|e| e.into_inner());
    taipan_vm::interp::initialize().map_err(|_| "init".to_string())?;
    let show = |e: PyErr| {
        format!(
            "{}: {}",
            e.value().ty().name(),
            protocol::str_string(e.value()).unwrap_or_default()
        )
    };
    let code = taipan_vm::run::compile_source(src.as_bytes(), "<test>").map_err(show)?;
    let m = PyModule::new("__test__").map_err(show)?;
    let globals = m.downcast::<PyModule>().unwrap().dict();
    let gd = globals.downcast::<PyDict>().unwrap();
    let b = taipan_vm::interp::interp().builtins.clone().unwrap();
    gd.set_str("__builtins__", b).map_err(show)?;
    taipan_vm::run::exec_code(&code, &globals, None).map_err(show)?;
    let r = gd.get_str("r").map_err(show)?.ok_or("no r")?;
    protocol::str_string(&r).map_err(show)
}

fn check(src: &str, expected: &str) {
    assert_eq!(run(src).as_deref(), Ok(expected), "source: {src}");
}

#[test]
fn exception_str_and_repr() {
    check(
        "r = str(KeyError('k')) + '|' + repr(ValueError('x')) + '|' + str(ValueError(1, 2))",
        "'k'|ValueError('x')|(1, 2)",
    );
    check(
        "r = repr(OSError(2, 'No such file or directory', 'x'))",
        "FileNotFoundError(2, 'No such file or directory')",
    );
    check(
        "r = str(OSError(2, 'No such file or directory', 'x'))",
        "[Errno 2] No such file or directory: 'x'",
    );
    check(
        "r = str(SyntaxError('invalid syntax', ('/a/x.py', 3, 4, 'bad')))",
        "invalid syntax (x.py, line 3)",
    );
    check(
        "r = str(UnicodeEncodeError('ascii', '\\xe9', 0, 1, 'ordinal not in range(128)'))",
        "'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)",
    );
    check(
        "r = str(StopIteration(5).value) + str(SystemExit(3).code)",
        "53",
    );
    check("r = ImportError('m', name='n').name", "n");
    check(
        "try:\n    ImportError(x=1)\nexcept TypeError as e:\n    r = str(e)",
        "'x' is an invalid keyword argument for ImportError()",
    );
    check(
        "try:\n    ValueError(x=1)\nexcept TypeError as e:\n    r = str(e)",
        "ValueError() takes no keyword arguments",
    );
}

#[test]
fn exception_chaining_attributes() {
    check(
        "x = ValueError()\nx.__cause__ = TypeError()\nr = str(x.__suppress_context__)",
        "True",
    );
    check(
        "x = ValueError()\ntry:\n    x.__cause__ = 1\nexcept TypeError as e:\n    r = str(e)",
        "exception cause must be None or derive from BaseException",
    );
    check(
        "x = ValueError()\nx.add_note('n1')\nx.add_note('n2')\nr = ','.join(x.__notes__)",
        "n1,n2",
    );
    check("try:\n    raise ValueError('v')\nexcept ValueError as e:\n    r = type(e.__traceback__).__name__", "traceback");
}

#[test]
fn exception_groups() {
    check(
        "eg = ExceptionGroup('m', [ValueError(1), TypeError(2)])\nr = repr(eg) + ' ' + str(eg)",
        "ExceptionGroup('m', [ValueError(1), TypeError(2)]) m (2 sub-exceptions)",
    );
    check(
        "r = ' '.join(t.__name__ for t in ExceptionGroup.__mro__)",
        "ExceptionGroup BaseExceptionGroup Exception BaseException object",
    );
    check(
        "r = type(BaseExceptionGroup('m', [ValueError()])).__name__",
        "ExceptionGroup",
    );
    check(
        "r = type(BaseExceptionGroup('m', [KeyboardInterrupt()])).__name__",
        "BaseExceptionGroup",
    );
    check("try:\n    ExceptionGroup('m', [KeyboardInterrupt()])\nexcept TypeError as e:\n    r = str(e)", "Cannot nest BaseExceptions in an ExceptionGroup");
    check(
        "try:\n    ExceptionGroup('m', [])\nexcept ValueError as e:\n    r = str(e)",
        "second argument (exceptions) must be a non-empty sequence",
    );
    check("eg = ExceptionGroup('m', [ValueError(1), ExceptionGroup('n', [TypeError(2), ValueError(3)])])\nm, rest = eg.split(ValueError)\nr = repr(m) + ' ' + repr(rest)",
        "ExceptionGroup('m', [ValueError(1), ExceptionGroup('n', [ValueError(3)])]) ExceptionGroup('m', [ExceptionGroup('n', [TypeError(2)])])");
    check(
        "eg = ExceptionGroup('m', [ValueError(1)])\nr = str(eg.subgroup(TypeError))",
        "None",
    );
}

#[test]
fn builtin_functions() {
    check(
        "r = str([len('abc'), min(3, 1, 2), max([4, 9, 2]), sum([1, 2, 3]), abs(-3)])",
        "[3, 1, 9, 6, 3]",
    );
    check("r = str(sum([0.5, 1, 2]))", "3.5");
    check(
        "r = str(max([], default=7)) + str(min([3, 1], key=lambda x: -x))",
        "73",
    );
    check(
        "try:\n    min(1, 2, default=3)\nexcept TypeError as e:\n    r = str(e)",
        "Cannot specify a default for min() with multiple positional arguments",
    );
    check(
        "try:\n    sum([], '')\nexcept TypeError as e:\n    r = str(e)",
        "sum() can't sum strings [use ''.join(seq) instead]",
    );
    check(
        "r = bin(-5) + oct(8) + hex(255) + chr(65) + str(ord('a'))",
        "-0b1010o100xffA97",
    );
    check("r = ascii('\\xe9\\u1234')", "'\\xe9\\u1234'");
    check(
        "r = str(divmod(7, 2)) + str(pow(2, 10, 1000)) + str(round(2.5)) + str(round(3.14159, 2))",
        "(3, 1)2423.14",
    );
    check(
        "r = str(getattr(1, 'x', 'd')) + str(hasattr(1, 'real')) + str(callable(len))",
        "dTrueTrue",
    );
    check(
        "try:\n    getattr(1)\nexcept TypeError as e:\n    r = str(e)",
        "getattr expected at least 2 arguments, got 1",
    );
    check(
        "try:\n    print(x=1)\nexcept TypeError as e:\n    r = str(e)",
        "'x' is an invalid keyword argument for print()",
    );
    check(
        "try:\n    print(sep=1)\nexcept TypeError as e:\n    r = str(e)",
        "sep must be None or a string, not int",
    );
    check(
        "r = str(next(iter([]), 'd')) + str(sorted([3, 1, 2], reverse=True))",
        "d[3, 2, 1]",
    );
    check("class W:\n    def __init__(self): self.parts = []\n    def write(self, s): self.parts.append(s)\nw = W()\nprint(1, 2, sep='-', end='.', file=w)\nr = ''.join(w.parts)", "1-2.");
    check("r = format(255, 'x') + format('a', '>3')", "ff  a");
    check(
        "r = str(isinstance(True, (str, int))) + str(issubclass(bool, int))",
        "TrueTrue",
    );
}

#[test]
fn instancecheck_dispatch() {
    check(
        "class Meta(type):\n    def __instancecheck__(cls, inst):\n        return inst == 42\n    def __subclasscheck__(cls, sub):\n        return sub is int\nclass C(metaclass=Meta):\n    pass\nr = str([isinstance(42, C), isinstance(1, C), issubclass(int, C), issubclass(str, C)])",
        "[True, False, True, False]",
    );
    check(
        "try:\n    issubclass(1, int)\nexcept TypeError as e:\n    r = str(e)",
        "issubclass() arg 1 must be a class",
    );
}

#[test]
fn builtin_function_attributes() {
    check(
        "import sys\nx = []\nr = ' '.join(str(v) for v in [len.__name__, len.__qualname__, len.__module__, str.upper.__qualname__, 'a'.upper.__qualname__, sys.exit.__module__, x.append == x.append, [].append == [].append])",
        "len len builtins str.upper str.upper sys True False",
    );
}

#[test]
fn sys_module() {
    check(
        "import sys\nr = str(sys.version_info[:2]) + str(sys.version_info.major)",
        "(3, 11)3",
    );
    check(
        "import sys\nr = repr(sys.version_info)",
        "sys.version_info(major=3, minor=11, micro=2, releaselevel='final', serial=0)",
    );
    check(
        "import sys\nr = str(sys.maxsize) + sys.byteorder",
        "9223372036854775807little",
    );
    check(
        "import sys\nr = str(sys.getsizeof(1)) + ' ' + str(sys.getsizeof(()))",
        "28 40",
    );
    check("import sys\ntry:\n    raise KeyError(1)\nexcept KeyError:\n    r = repr(sys.exc_info()[1])", "KeyError(1)");
    check("import sys\nr = str(sys.exc_info())", "(None, None, None)");
    check("import sys\nold = sys.getrecursionlimit()\nsys.setrecursionlimit(50)\nr = str(sys.getrecursionlimit())\nsys.setrecursionlimit(old)", "50");
    check(
        "import sys\ntry:\n    sys.exit(4)\nexcept SystemExit as e:\n    r = str(e.code)",
        "4",
    );
}

#[test]
fn math_and_time() {
    check("import math\nr = str([math.sqrt(16), math.floor(2.7), math.factorial(5), math.gcd(12, 18)])", "[4.0, 2, 120, 6]");
    check(
        "import math\ntry:\n    math.sqrt(-1)\nexcept ValueError as e:\n    r = str(e)",
        "math domain error",
    );
    check(
        "import math\ntry:\n    math.exp(1000)\nexcept OverflowError as e:\n    r = str(e)",
        "math range error",
    );
    check(
        "import math\nr = str(math.fsum([0.1] * 10)) + ' ' + str(math.isclose(1.0, 1.0 + 1e-10))",
        "1.0 True",
    );
    check("import time\na = time.perf_counter()\nb = time.perf_counter()\nr = str(b >= a) + type(time.time_ns()).__name__", "Trueint");
}

#[test]
fn import_errors() {
    check("try:\n    import no_such_mod\nexcept ModuleNotFoundError as e:\n    r = str(e) + '|' + e.name", "No module named 'no_such_mod'|no_such_mod");
    check(
        "try:\n    from . import x\nexcept ImportError as e:\n    r = str(e)",
        "attempted relative import with no known parent package",
    );
    check(
        "import math as m1\nimport math as m2\nr = str(m1 is m2)",
        "True",
    );
}

#[test]
fn import_py_package() {
    let dir = std::env::temp_dir().join(format!("taipan_builtins_imp_{}", std::process::id()));
    let pkg = dir.join("tbpkg");
    std::fs::create_dir_all(pkg.join("sub")).unwrap();
    std::fs::write(
        pkg.join("__init__.py"),
        "from . import a\nfrom .sub import b\nX = 1\n",
    )
    .unwrap();
    std::fs::write(
        pkg.join("a.py"),
        "import tbpkg\nSEEN = hasattr(tbpkg, 'X')\ndef f(): return 'af'\n",
    )
    .unwrap();
    std::fs::write(pkg.join("sub").join("__init__.py"), "").unwrap();
    std::fs::write(
        pkg.join("sub").join("b.py"),
        "from ..a import f\nV = f() + '!'\n",
    )
    .unwrap();
    let d = dir.to_string_lossy().replace('\\', "\\\\");
    check(
        &format!("import sys\nsys.path.insert(0, '{d}')\nimport tbpkg.sub.b\nr = ' '.join([str(tbpkg.X), str(tbpkg.a.SEEN), tbpkg.sub.b.V, tbpkg.sub.b.__package__, tbpkg.sub.b.__name__])"),
        "1 False af! tbpkg.sub tbpkg.sub.b",
    );
    check(
        "try:\n    from tbpkg import nothere\nexcept ImportError as e:\n    r = str(e).split(' (')[0]",
        "cannot import name 'nothere' from 'tbpkg'",
    );
    let _ = std::fs::remove_dir_all(&dir);
}
