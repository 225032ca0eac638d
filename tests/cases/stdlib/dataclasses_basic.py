from dataclasses import dataclass, field, asdict, replace, fields
@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)
i = Item("pen", 1.5)
print(i, i == Item("pen", 1.5), asdict(i), replace(i, price=2), [f.name for f in fields(i)])
@dataclass(frozen=True, order=True)
class Pt:
    x: int
    y: int = 0
p = Pt(1, 2)
print(p < Pt(1, 3), sorted([Pt(2), Pt(1, 5)]), hash(p) == hash(Pt(1, 2)))
try:
    p.x = 5
except Exception as e:
    print(type(e).__name__, e)
try:
    Item()
except TypeError as e:
    print(type(e).__name__, e)
