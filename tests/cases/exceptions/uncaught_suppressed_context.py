try:
    {}["missing"]
except KeyError:
    raise ValueError("clean message") from None
