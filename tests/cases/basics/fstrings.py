x, y, name = 42, 3.14159, "taipan"
print(f"{x} {y} {name}")
print(f"{x:5d}|{x:<5}|{x:^5}|{x:>5}|{x:05}|{x:+d}|{x:x}|{x:X}|{x:o}|{x:b}|{x:#x}|{x:#b}")
print(f"{y:.2f}|{y:10.4f}|{y:e}|{y:.3E}|{y:g}|{y:%}|{y:.1%}|{1234567.891:,.2f}|{1234567:_}")
print(f"{name!r}|{name!s}|{name!a}|{name:>10}|{name:*^12}|{name:.3}")
print(f"{x=}", f"{y = :.2f}", f"{name=!r}", f"{x + 1 = }")
width, prec = 10, 3
print(f"{y:{width}.{prec}f}|", f"{'nested':{width}}|")
print(f"{{literal}}", f"{'a' 'b'}", f"{[1, 2][0]}", f"{ {'k': 1}['k'] }", f"{(lambda: 5)()}")
print(f"{3 if x > 1 else 4}", f"{x!r:>6}", f"{-0.0:+.1f}", f"{True}", f"{None!r}")
print(f"""multi
{x}
line""")
print(f"{'é':^5}|{12:c}|{65:c}|{1e10:.3g}|{0.00001234:.2e}")
class P:
    def __format__(self, spec):
        return f"P<{spec}>"
print(f"{P()}", f"{P():xyz}", format(P(), "abc"))
try:
    f"{x:z}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{'s':d}"
except ValueError as e:
    print(type(e).__name__, e)
