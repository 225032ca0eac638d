class Pause:
    def __await__(self):
        yield
async def careful():
    try:
        await Pause()
    except ValueError as e:
        print("coro caught", e)
        return "recovered"
c = careful()
c.send(None)
try:
    c.throw(ValueError("injected"))
except StopIteration as e:
    print("result", e.value)
async def cleanup():
    try:
        await Pause()
    finally:
        print("coro finally")
c2 = cleanup()
c2.send(None)
c2.close()
c3 = cleanup()
c3.send(None)
try:
    c3.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
