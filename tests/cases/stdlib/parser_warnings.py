# The tokenizer's and string parser's warnings: DeprecationWarning for invalid escapes,
# SyntaxWarning for a number running into a keyword; SyntaxError when they are errors.
import ast
import warnings


def run(src, mode="exec", action="always", how=compile):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter(action)
        try:
            if how is compile:
                compile(src, "<src>", mode)
            else:
                how(src)
            res = "ok"
        except SyntaxError as e:
            res = f"{type(e).__name__}: {e.msg} at {e.lineno}:{e.offset}-{e.end_lineno}:{e.end_offset} {e.text!r}"
    print(repr(src), action, res)
    for x in w:
        print("   ", x.category.__name__, str(x.message), x.filename, x.lineno)


CASES = [
    r'"\d"',
    r'b"\q"',
    r'"\777"',
    r'b"\400"',
    r'"\400\d"',
    r'f"{1}\w"',
    r'f"\d{2}\e"',
    r'rb"\d" + r"\q"',
    "1if 1 else 2",
    "[0x1for x in y]",
    "1or 2",
    "0b1and 1",
    '"\\d" + "\\e"',
    'x = "\\d"\ny = "\\d"\n',
    '"\\é"',
    r'"\N{EM DASH}"',
    "'''\n\\d\n'''",
    'f"{x!r:\\d}"',
]
for c in CASES:
    run(c)
    run(c, action="error")
run(r'"\d"', mode="eval")
run(r'"\d"', action="error", how=eval)
run(r'x = "\d"', action="error", how=exec)
run(r'x = "\d"', how=ast.parse)
run(r'x = "\d"', action="error", how=ast.parse)
run(r'x = "\d"', action="ignore")
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("default")
    for _ in range(3):
        compile(r'"\d"', "<same>", "exec")
    print(len(w), "with the default action")
