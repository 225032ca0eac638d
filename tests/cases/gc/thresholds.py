# get_threshold / set_threshold and their argument errors.
import gc

print(gc.get_threshold())
gc.set_threshold(100, 5, 3)
print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(400, 7)
print(gc.get_threshold())
for args in [(), (1, 2, 3, 4), ("x",), (1.5,)]:
    try:
        gc.set_threshold(*args)
    except TypeError as e:
        print("TypeError:", e)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
