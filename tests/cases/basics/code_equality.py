# code objects compare and hash by content, as CPython's code_richcompare/code_hash.
def make(src):
    return compile(src, "f", "exec")


a, b = make("x = 1\ndef f(a, b=2): return a + b\n"), make("x = 1\ndef f(a, b=2): return a + b\n")
print(a == b, hash(a) == hash(b), a != b, a is b)
print(make("x = 1") == make("x = 2"), make("x = 1") == make("x = 1.0"), make("x = 1") == make("x = True"))
print(make("x = 0.0") == make("x = -0.0"), make("x = 0j") == make("x = -0j"), make("x = (1, 2)") == make("x = (1, 2.0)"))
print(make("x = 1") == make("y = 1"), make("x = 1") == compile("x = 1", "other", "exec"))
print(make("x = 1") == make("\nx = 1"), make("x = 1") == 1, make("x = 1").__eq__(1))
print(len({make("pass"), make("pass"), make("pass\n"), make("None")}))
print(a.co_consts[1] == b.co_consts[1], a.co_consts[1] is b.co_consts[1])
print(make("x = b'a'") == make("x = 'a'"), make("x = frozenset({1})") == make("x = frozenset({1})"))
try:
    make("x = 1") < make("x = 1")
except TypeError as e:
    print("TypeError", e)
