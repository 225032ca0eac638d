try:
    try:
        raise KeyError("root")
    except KeyError as k:
        raise ValueError("middle") from k
except ValueError:
    raise RuntimeError("top")
