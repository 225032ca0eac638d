async def deep(n):
    if n == 0:
        raise ValueError("deep failure")
    return await deep(n - 1)
async def top():
    try:
        await deep(3)
    except ValueError as e:
        tb, names = e.__traceback__, []
        while tb:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        return names
try:
    top().send(None)
except StopIteration as e:
    print(e.value)
