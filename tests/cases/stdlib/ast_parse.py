import ast
t = ast.parse("x = 1 + 2\nif x:\n    print(f'{x!r:>4}', *a, k=1)\n")
print(ast.dump(t))
print(ast.dump(t, include_attributes=True)[:300])
print(ast.literal_eval("{'a': [1, 2.5, (3, -4j)], 'b': None}"))
print(ast.unparse(t))
print(ast.Name.__module__, ast.Name._fields, ast.Name.__match_args__, ast.FunctionDef().returns, ast.Constant.__doc__)
n = ast.Name('x', ast.Load(), lineno=1)
print(n.id, n.lineno, n.__reduce__()[0], sorted(n.__reduce__()[2]))
try:
    ast.Name(1, 2, 3)
except TypeError as e:
    print(e)
e = ast.parse("a if b else c", mode="eval")
print(type(e).__name__, ast.dump(e))
print(ast.dump(ast.parse("1", mode="single")))
try:
    ast.parse("1\n2", mode="single")
except SyntaxError as e:
    print(e.msg)
for node in ast.walk(ast.parse("def f(a, *, b=2): return a")):
    print(type(node).__name__, end=' ')
print()
print(isinstance(ast.parse('x').body[0], ast.stmt), ast.get_docstring(ast.parse('"doc"\nx')))
try:
    ast.parse("x = (")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno)
import sys
if "re" in sys.modules or True:
    pass
