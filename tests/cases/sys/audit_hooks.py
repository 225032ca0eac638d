import sys
seen = []
def hook(event, args):
    if event.startswith("my."):
        seen.append((event, args))
sys.audit("my.none")
sys.addaudithook(hook)
sys.audit("my.event", 1, "two")
sys.audit("other")
print(seen)
try:
    sys.audit(5)
except TypeError as e:
    print(e)
try:
    sys.audit()
except TypeError as e:
    print(e)
def refuse(event, args):
    if event == "my.refuse":
        raise ValueError("refused")
sys.addaudithook(refuse)
try:
    sys.audit("my.refuse")
except ValueError as e:
    print("ValueError", e)
