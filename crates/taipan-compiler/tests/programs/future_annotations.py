from __future__ import annotations
import typing

def f(a: int, b: list[str] | None = None, *args: tuple[int, ...], **kw: dict[str, "X"]) -> typing.Optional[int]:
    x: int = 1
    return x

class C:
    attr: typing.ClassVar[int] = 3
    other: Callable[[int, str], bool]
