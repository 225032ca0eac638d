class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"
class NotFound(AppError):
    pass
try:
    raise NotFound(404, "missing")
except AppError as e:
    print(type(e).__name__, e, e.code, e.args, repr(e))
class NoInit(Exception):
    pass
print(repr(NoInit(1, 2)), str(NoInit(1, 2)), str(NoInit("one")))
class WithRepr(Exception):
    def __repr__(self):
        return "custom repr"
print(repr(WithRepr()), str(WithRepr("s")))
class Weird(Exception):
    def __init__(self):
        pass
w = Weird()
print(w.args, str(w), repr(w))
try:
    raise Weird
except Weird as e:
    print("raised class", type(e).__name__)
try:
    raise object
except TypeError as e:
    print(type(e).__name__, e)
