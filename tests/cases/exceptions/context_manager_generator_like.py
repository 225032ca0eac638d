class Transaction:
    def __init__(self):
        self.log = []
    def __enter__(self):
        self.log.append("begin")
        return self
    def __exit__(self, et, ev, tb):
        self.log.append("rollback" if et else "commit")
        return False
t = Transaction()
with t:
    t.log.append("work")
try:
    with t:
        t.log.append("fail")
        raise IOError("disk")
except OSError as e:
    print(type(e).__name__, e, IOError is OSError)
print(t.log)
