//! The `array` module (CPython's `Modules/arraymodule.c`): typed arrays of
//! numbers and characters (typecodes `b B u h H i I l L q Q f d`).
//!
//! Taipan deviation: written in Python (the prelude below, run in the
//! module's namespace at import) over a list of checked values, with the
//! byte conversions done by `_struct`; the values, errors and reprs are
//! CPython's, but there is no buffer protocol and no C-speed storage yet.

use crate::object::*;
use crate::objects::dict::PyDict;
use crate::objects::module::PyModule;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

const PRELUDE: &str = r#"
import _struct

typecodes = 'bBuhHiIlLqQfd'
_SIZES = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8,
          'q': 8, 'Q': 8, 'f': 4, 'd': 8}
_RANGES = {
    'b': (-128, 127, 'signed char'),
    'B': (0, 255, 'unsigned byte integer'),
    'h': (-32768, 32767, 'signed short integer'),
    'H': (0, 65535, 'unsigned short'),
    'i': (-2**31, 2**31 - 1, 'signed integer'),
    'I': (0, 2**32 - 1, 'unsigned int'),
}
_LONG_MIN = -2**63
_LONG_MAX = 2**63 - 1

def _index(v):
    if isinstance(v, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    try:
        i = v.__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__) from None
    return i()

def _check(tc, v):
    if tc in 'fd':
        if isinstance(v, float):
            f = v
        elif isinstance(v, int) or hasattr(type(v), '__float__') or hasattr(type(v), '__index__'):
            f = float(v)
        else:
            raise TypeError("must be real number, not %s" % type(v).__name__)
        if tc == 'f':
            f = _struct.unpack('f', _struct.pack('f', f))[0]
        return f
    if tc == 'u':
        if not isinstance(v, str) or len(v) != 1:
            raise TypeError("array item must be unicode character")
        return v
    n = _index(v)
    r = _RANGES.get(tc)
    if r is not None:
        if tc == 'I':
            if n < 0:
                raise OverflowError("can't convert negative value to unsigned int")
            if n > 2**64 - 1:
                raise OverflowError("Python int too large to convert to C unsigned long")
        elif n < _LONG_MIN or n > _LONG_MAX:
            raise OverflowError("Python int too large to convert to C long")
        pre = {'b': 'h', 'H': 'i'}.get(tc)
        if pre is not None:
            lo, hi, name = _RANGES[pre]
            if n < lo:
                raise OverflowError("%s is less than minimum" % name)
            if n > hi:
                raise OverflowError("%s is greater than maximum" % name)
        lo, hi, name = r
        if n < lo:
            raise OverflowError("%s is less than minimum" % name)
        if n > hi:
            raise OverflowError("%s is greater than maximum" % name)
        return n
    if tc == 'l':
        if n < _LONG_MIN or n > _LONG_MAX:
            raise OverflowError("Python int too large to convert to C long")
    elif tc == 'L':
        if n < 0:
            raise OverflowError("can't convert negative value to unsigned int")
        if n > 2**64 - 1:
            raise OverflowError("Python int too large to convert to C unsigned long")
    elif tc == 'q':
        if n < _LONG_MIN or n > _LONG_MAX:
            raise OverflowError("int too big to convert")
    elif tc == 'Q':
        if n < 0:
            raise OverflowError("can't convert negative int to unsigned")
        if n > 2**64 - 1:
            raise OverflowError("int too big to convert")
    return n

class array:
    __slots__ = ('_tc', '_v')

    def __new__(cls, typecode, initializer=None, /):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError("array() argument 1 must be a unicode character, not %s" % type(typecode).__name__)
        if typecode not in typecodes:
            raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        self = object.__new__(cls)
        self._tc = typecode
        self._v = []
        if initializer is not None:
            if isinstance(initializer, str):
                if typecode != 'u':
                    raise TypeError("cannot use a str to initialize an array with typecode '%s'" % typecode)
                self.fromunicode(initializer)
            elif isinstance(initializer, (bytes, bytearray)):
                self.frombytes(initializer)
            elif isinstance(initializer, array):
                if initializer._tc == 'u' and typecode != 'u':
                    raise TypeError("cannot use a unicode array to initialize an array with typecode '%s'" % typecode)
                self._v = [_check(typecode, x) for x in initializer._v]
            else:
                self.extend(initializer)
        return self

    @property
    def typecode(self):
        return self._tc

    @property
    def itemsize(self):
        return _SIZES[self._tc]

    def _new(self, values):
        a = array.__new__(type(self), self._tc)
        a._v = values
        return a

    def __len__(self):
        return len(self._v)

    def __iter__(self):
        return iter(self._v)

    def __reversed__(self):
        return reversed(self._v)

    def __contains__(self, x):
        return x in self._v

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._new(self._v[i])
        try:
            return self._v[i]
        except IndexError as e:
            if str(e) != "list index out of range":
                raise
            raise IndexError("array index out of range") from None

    def __setitem__(self, i, x):
        if isinstance(i, slice):
            if not isinstance(x, array):
                raise TypeError("can only assign array (not \"%s\") to array slice" % type(x).__name__)
            if x._tc != self._tc:
                raise TypeError("bad argument type for built-in operation")
            self._v[i] = list(x._v)
            return
        x = _check(self._tc, x)
        try:
            self._v[i] = x
        except IndexError as e:
            if str(e) != "list assignment index out of range":
                raise
            raise IndexError("array assignment index out of range") from None

    def __delitem__(self, i):
        try:
            del self._v[i]
        except IndexError as e:
            if str(e) != "list assignment index out of range":
                raise
            raise IndexError("array assignment index out of range") from None

    def append(self, x):
        self._v.append(_check(self._tc, x))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable._tc != self._tc:
                raise TypeError("can only extend with array of same kind")
            self._v.extend(iterable._v)
            return
        tc = self._tc
        self._v.extend([_check(tc, x) for x in iterable])

    def insert(self, i, x):
        self._v.insert(i, _check(self._tc, x))

    def pop(self, i=-1):
        if not self._v:
            raise IndexError("pop from empty array")
        try:
            return self._v.pop(i)
        except IndexError:
            raise IndexError("pop index out of range") from None

    def remove(self, x):
        try:
            self._v.remove(x)
        except ValueError:
            raise ValueError("array.remove(x): x not in array") from None

    def index(self, x, start=0, stop=9223372036854775807):
        try:
            return self._v.index(x, start, stop)
        except ValueError:
            raise ValueError("array.index(x): x not in array") from None

    def count(self, x):
        return self._v.count(x)

    def reverse(self):
        self._v.reverse()

    def tolist(self):
        return list(self._v)

    def fromlist(self, lst):
        if not isinstance(lst, list):
            raise TypeError("arg must be list")
        tc = self._tc
        self._v.extend([_check(tc, x) for x in lst])

    def tounicode(self):
        if self._tc != 'u':
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return ''.join(self._v)

    def fromunicode(self, s):
        if self._tc != 'u':
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        self._v.extend(s)

    def _fmt(self, n):
        return '@%d%s' % (n, 'I' if self._tc == 'u' else self._tc)

    def tobytes(self):
        if self._tc == 'u':
            return _struct.pack(self._fmt(len(self._v)), *[ord(c) for c in self._v])
        return _struct.pack(self._fmt(len(self._v)), *self._v)

    def frombytes(self, b):
        b = bytes(b)
        size = _SIZES[self._tc]
        if len(b) % size:
            raise ValueError("bytes length not a multiple of item size")
        vals = _struct.unpack(self._fmt(len(b) // size), b)
        if self._tc == 'u':
            vals = [chr(c) for c in vals]
        self._v.extend(vals)

    def byteswap(self):
        size = _SIZES[self._tc]
        b = self.tobytes()
        out = b''.join(b[i:i + size][::-1] for i in range(0, len(b), size))
        self._v = []
        self.frombytes(out)

    def buffer_info(self):
        return (id(self._v), len(self._v))

    def __copy__(self):
        return self._new(list(self._v))

    def __deepcopy__(self, memo):
        return self._new(list(self._v))

    def __reduce_ex__(self, protocol):
        return (type(self), (self._tc, list(self._v) if self._tc != 'u' else ''.join(self._v)))

    def __repr__(self):
        name = type(self).__name__
        if not self._v:
            return "%s('%s')" % (name, self._tc)
        if self._tc == 'u':
            return "%s('%s', %r)" % (name, self._tc, ''.join(self._v))
        return "%s('%s', %r)" % (name, self._tc, self._v)

    def _cmp_ok(self, other):
        return isinstance(other, array)

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._v == other._v

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._v != other._v

    def __lt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._v < other._v

    def __le__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._v <= other._v

    def __gt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._v > other._v

    def __ge__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._v >= other._v

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        if other._tc != self._tc:
            raise TypeError("bad argument type for built-in operation")
        return self._new(self._v + other._v)

    def __iadd__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        if other._tc != self._tc:
            raise TypeError("bad argument type for built-in operation")
        self._v.extend(other._v)
        return self

    def __mul__(self, n):
        return self._new(self._v * _index(n))

    __rmul__ = __mul__

    def __imul__(self, n):
        self._v *= _index(n)
        return self

    def __class_getitem__(cls, item):
        return cls

array.__module__ = 'array'
ArrayType = array
"#;

/// Creates the `array` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("array")?;
    let d = m
        .downcast::<PyModule>()
        .map(|p| p.dict())
        .ok_or_else(|| PyErr::system_error("array: no module dict"))?;
    if let (Some(dd), Some(b)) = (d.downcast::<PyDict>(), &crate::interp::interp().builtins) {
        dd.set_str("__builtins__", b.clone())?;
    }
    let code = crate::run::compile_source(PRELUDE.as_bytes(), "<array>")?;
    crate::run::exec_code(&code, &d, None)?;
    Ok(m)
}
