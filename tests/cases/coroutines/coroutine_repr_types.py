import sys
async def f():
    pass
c = f()
print(type(c).__name__, type(f).__name__, f.__code__.co_flags & 0x80 != 0)
print(repr(c).startswith("<coroutine object f at "))
c.close()
async def ag():
    yield
print(type(ag()).__name__, ag.__code__.co_flags & 0x200 != 0)
def plain_gen():
    yield
print(plain_gen.__code__.co_flags & 0x20 != 0, f.__code__.co_flags & 0x20)
