m = __import__('os')
print(m.__name__)
m = __import__('os.path')
print(m.__name__)
m = __import__('os.path', fromlist=['join'])
print(m.__name__)
m = __import__('collections.abc', globals(), None, ['Mapping'], 0)
print(m.__name__)
try:
    __import__('no_such_mod_xyz')
except ModuleNotFoundError as e:
    print(e, e.name)
try:
    __import__()
except TypeError as e:
    print(e)
try:
    __import__(1)
except TypeError as e:
    print(e)
try:
    __import__('')
except ValueError as e:
    print(e)
try:
    __import__('os', level=-1)
except ValueError as e:
    print(e)
try:
    __import__('x', level=1)
except ImportError as e:
    print(type(e).__name__, e)
import builtins
print(builtins.__import__ is __import__)
print(type(__build_class__).__name__)
try:
    __build_class__()
except TypeError as e:
    print(e)
try:
    __build_class__(1, 'X')
except TypeError as e:
    print(e)
try:
    __build_class__(lambda: None, 1)
except TypeError as e:
    print(e)
def body():
    y = 2
C = __build_class__(body, 'C')
print(C, C.__qualname__, hasattr(C, "y"))
D = __build_class__(body, 'D', C, metaclass=type)
print(D.__mro__)
