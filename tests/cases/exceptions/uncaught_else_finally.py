def f():
    try:
        return 1
    finally:
        print("cleanup")
        raise RuntimeError("raised in finally")
f()
