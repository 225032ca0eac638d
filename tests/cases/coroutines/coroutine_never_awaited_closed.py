async def work():
    print("never runs")
c = work()
print(c.cr_frame is not None, c.cr_running)
c.close()
print(c.cr_frame)
try:
    c.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
