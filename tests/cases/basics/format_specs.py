for spec in ["", "10", "<10", ">10", "^10", "=+10", "010", "+", "-", " ", ",", "_", "x", "#o", "08.3f", ".0f", "e", ".2%", "g", "n"]:
    for v in [1234, -56]:
        try:
            print(repr(spec), v, repr(format(v, spec)))
        except ValueError as e:
            print(repr(spec), v, type(e).__name__, e)
for spec in ["", ".3", "10.2f", "<12.4e", "+.1f", ",.2f", "g", ".10g", "%", "E", "=010.2f"]:
    print(repr(spec), repr(format(-1234.5678, spec)), repr(format(float("inf"), spec)))
print(repr(format("text", ">8")), repr(format("text", "x<8")), repr(format("text", ".2")))
try:
    format("text", "d")
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(1.5, "d")
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(12, ",s")
except ValueError as e:
    print(type(e).__name__, e)
