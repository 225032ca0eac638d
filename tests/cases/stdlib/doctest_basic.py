# doctest runs (it saves and restores the trace function with
# sys.gettrace/settrace(None)): passing and failing examples, exceptions.
import doctest, sys

def square(x):
    """
    >>> square(2)
    4
    >>> square(3)
    7
    >>> square('a')
    Traceback (most recent call last):
        ...
    TypeError: can't multiply sequence by non-int of type 'str'
    >>> [square(i) for i in range(4)]
    [0, 1, 4, 9]
    """
    return x * x

class Box:
    """
    >>> b = Box(5)
    >>> b.value
    5
    >>> b
    Box(5)
    """
    def __init__(self, v):
        self.value = v
    def __repr__(self):
        return "Box(%d)" % self.value

print(sys.gettrace(), sys.getprofile(), sys.settrace(None), sys.setprofile(None))
print(doctest.testmod(verbose=False))
print(doctest.run_docstring_examples(square, {'square': square}, name='sq') is None)
