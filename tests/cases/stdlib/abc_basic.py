from abc import ABC, abstractmethod
class Base(ABC):
    @abstractmethod
    def run(self): ...
class Impl(Base):
    def run(self):
        return "ran"
print(Impl().run(), isinstance(Impl(), Base))
try:
    Base()
except TypeError as e:
    print(type(e).__name__, e)
class Partial(Base):
    pass
try:
    Partial()
except TypeError as e:
    print(type(e).__name__, e)
