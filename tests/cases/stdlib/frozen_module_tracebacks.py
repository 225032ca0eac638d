# CPython 3.11 freezes os, posixpath, genericpath, stat, abc, codecs, io,
# _collections_abc, runpy and others: their frames show "<frozen os>" and no
# source line, in printed tracebacks and in the traceback module alike.
import os, traceback, posixpath, codecs, collections.abc

def show(f):
    try:
        f()
    except Exception:
        traceback.print_exc()

show(lambda: os.environ['no such variable, surely'])
show(lambda: os.path.join('a', 3))
show(lambda: codecs.lookup(3))
class M(collections.abc.MutableMapping):
    def __getitem__(self, k): raise KeyError(k)
    def __setitem__(self, k, v): raise TypeError("read-only " + repr(k))
    def __delitem__(self, k): pass
    def __iter__(self): return iter(())
    def __len__(self): return 0
show(lambda: M().update({'a': 1}))
show(lambda: M().pop('x'))
print(os.fspath.__name__, os.walk.__code__.co_filename, posixpath.join.__code__.co_filename)
print(os.__file__.endswith('/os.py'), os.path.__name__)
for entry in traceback.extract_stack()[-1:]:
    print(entry.filename.endswith('frozen_module_tracebacks.py'), entry.name)
os.environ['and this one is not caught']
