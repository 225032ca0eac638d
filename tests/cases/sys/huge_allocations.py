# Requests far beyond the machine's memory end in MemoryError, never a crash.
for src in ["[0] * 10**12", "list(range(10**12))", "bytes(10**12)", "'ab' * 10**12",
            "(1).to_bytes(10**12, 'big')", "'%*d' % (10**12, 1)", "bytearray(10**13)"]:
    try:
        eval(src)
        print(src, "ok")
    except MemoryError as e:
        print(src, "MemoryError", e)
    except OverflowError as e:
        print(src, "OverflowError", e)
