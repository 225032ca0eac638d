print("%d %i %s %r %%" % (5, 6, "s", "r"))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%.3f|%10.2f|%-10.1e|%g|%G" % (3.14159, 2.5, 12345.678, 0.00001, 1e20))
print("%x|%X|%o|%#x|%#o|%c|%c" % (255, 255, 8, 255, 8, 65, "z"))
print("%(a)s-%(b)d" % {"a": "A", "b": 2}, "%s" % [1, 2], "%s" % (1,), "%*d|" % (6, 7))
print(b"%s %d" % (b"x", 3), "%a" % "é")
for fmt, args in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(k)s", 5)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
