import sys
print("sys" in sys.modules, "builtins" in sys.modules, sys.modules["sys"] is sys)
import builtins
print(builtins.len is len, builtins.__name__)
fake = type(sys)("fake_module")
fake.attr = "injected"
sys.modules["fake_module"] = fake
import fake_module
print(fake_module.attr, fake_module is fake, repr(fake))
del sys.modules["fake_module"]
try:
    import fake_module_missing
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
sys.modules["blocked"] = None
try:
    import blocked
except ImportError as e:
    print(type(e).__name__, e)
