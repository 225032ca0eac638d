from typing import NamedTuple, Optional, List
class Emp(NamedTuple):
    name: str
    id: int = 3
e = Emp("guido")
print(e, e.id, e._fields, Emp.__annotations__)
def f(x: Optional[List[int]] = None) -> int:
    return len(x or [])
print(f(), f([1, 2]), f.__annotations__["x"])
