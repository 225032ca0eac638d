x = 3
assert x > 0, "positive"
assert x < 2, f"x too big: {x}"
