counter = 0
def inc():
    global counter
    counter += 1
for _ in range(3):
    inc()
print(counter)
def read_only():
    return counter * 10
print(read_only())
def bad():
    print(counter)
    counter = 5
try:
    bad()
except UnboundLocalError as e:
    print(type(e).__name__, e)
try:
    undefined_name
except NameError as e:
    print(type(e).__name__, e)
print(__name__, "counter" in globals(), type(__builtins__).__name__)
def make_global():
    global created
    created = "yes"
make_global()
print(created)
