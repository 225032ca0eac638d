# Very long operator chains: CPython parses them and fails while compiling (or building
# `ast` objects) with RecursionError; short ones compile.
import ast

for n in (100, 1000, 3000, 20000):
    src = "x = " + " + ".join(["1"] * n)
    try:
        ns = {}
        exec(compile(src, "s", "exec"), ns)
        print(n, ns["x"])
    except RecursionError as e:
        print(n, "RecursionError", e)
    try:
        t = ast.parse(src)
        print(n, "parsed", type(t.body[0].value).__name__)
    except RecursionError as e:
        print(n, "RecursionError", e)
src = "x = a" + ".b" * 5000
try:
    compile(src, "s", "exec")
except RecursionError as e:
    print("attributes", e)
