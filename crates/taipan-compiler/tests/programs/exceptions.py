try:
    f()
except ValueError:
    g()
except (TypeError, KeyError) as e:
    h(e)
except:
    raise
else:
    ok()
finally:
    cleanup()

def func():
    try:
        return 1
    finally:
        print("x")

try:
    pass
except Exception as exc:
    raise RuntimeError("x") from exc
