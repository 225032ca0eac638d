# SyntaxError attributes (msg, lineno, offset, end_lineno, end_offset, text) for source
# given to compile() in exec and eval mode, and to eval(): the eval start rule, the text's
# trailing newline, compiler errors' end positions.
SNIPS = ['x = (', 'x = ("a"', 'x = [1,\n2', 'f(', '{', '"abc', "'''abc", 'x = 1 +', 'def f(:', 'x = 1 +\n', '"abc\n', 'a b', 'a b\n', 'if x\n  pass', 'if x:\npass', 'def f():\n  x\n y', '\tif x:\n        pass', 'x = $', 'x = 1abc', 'print "hi"', 'f(**x, *y)', 'x := 1', 'del f()', 'for x in 1 2: pass', 'x = )', 'x = ]\n', '(1, 2', 'lambda x: (yield)', 'x = 0777', 'x = 1_', 'x = "\\N{nope}"', 'class', 'import', 'return', 'x\n  y', 'a = 1; b = ', '@\ndef f(): pass', 'x = {1: 2, 3}', 'x = [1 2]', 'try:\n  pass', 'else: pass', 'x = 1 if 2', 'async x', 'nonlocal x']
for src in SNIPS:
    for mode in ("exec", "eval"):
        try:
            compile(src, "<s>", mode)
            print(repr(src), mode, "ok")
        except SyntaxError as e:
            print(repr(src), mode, type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
for s in ['x = 1', '(1,', 'import os', 'a b', '1;2', 'lambda: (yield)', '1\n2', '  1', '1\n', '\n1', 'def f(): pass', 'if x: y', 'x := 1', '*a', 'a, *b', 'yield 1', 'await x']:
    try:
        eval(s)
    except SyntaxError as e:
        print(repr(s), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
    except Exception as e:
        print(repr(s), type(e).__name__, e)
