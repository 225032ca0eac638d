class Yield:
    def __await__(self):
        yield "y"
async def inner():
    await Yield()
async def outer():
    await inner()
c = outer()
print(c.cr_running, c.cr_await, c.cr_frame is not None, c.cr_code.co_name)
c.send(None)
print(type(c.cr_await).__name__, c.cr_await.cr_code.co_name, c.cr_frame.f_lineno)
try:
    c.send(None)
except StopIteration:
    pass
print(c.cr_frame, c.cr_await)
c2 = outer()
c2.close()
try:
    c2.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
