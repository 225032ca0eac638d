def load(name):
    try:
        return {"a": 1}[name]
    except KeyError as e:
        raise LookupError(f"cannot load {name}") from e
load("b")
