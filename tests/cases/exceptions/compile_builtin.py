c = compile("a = 1\nprint('exec', a)", "<x>", "exec")
print(c.co_filename, c.co_name)
exec(c)
print(eval(compile("1 + 2", "<y>", "eval")))
exec(compile("print('single')", "<z>", "single"))
exec(compile(b"print('from bytes')", b"bytes-name", "exec"))
for args in [(" 1", "f", "eval"), ("1\0", "f", "exec"), (1, "f", "exec"), ("1", "f", "bad"),
             ("1", "f", "exec", 0x10000000), ("1", "f", "exec", 0, False, 5),
             ("a=1\nb=2\n", "f", "single"), ("1", 3, "exec"), ("1 +", "<b>", "exec"),
             ("def f(:", "<b>", "exec")]:
    try:
        compile(*args)
        print("ok", args)
    except Exception as e:
        print(type(e).__name__, e)
for kw in [{}, {"source": "1", "filename": "f"}, {"foo": 1}]:
    try:
        compile(**kw) if kw.get("foo") is None else compile("1", "f", "exec", **kw)
    except TypeError as e:
        print(e)
print(compile("x", "f", "eval", dont_inherit=True, optimize=2).co_names)
try:
    exec("def g():\n    x = (1,\n  2 +* 3)\n")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
exec(compile("1 +* 2", "<compiled>", "exec"))
