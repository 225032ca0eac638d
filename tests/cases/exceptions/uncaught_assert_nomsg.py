def check(v):
    assert isinstance(v, str)
check("ok")
check(5)
