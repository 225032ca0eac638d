def memoize(f):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    w.cache = cache
    w.__name__ = f.__name__
    return w
@memoize
def slow_square(n):
    print("computing", n)
    return n * n
print(slow_square(4), slow_square(4), slow_square(5), sorted(slow_square.cache.items()), slow_square.__name__)
def class_decorator(cls):
    cls.decorated = True
    return cls
@class_decorator
class K:
    pass
print(K.decorated)
