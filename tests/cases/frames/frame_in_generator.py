import sys
def gen():
    fr = sys._getframe()
    yield fr.f_back.f_code.co_name
    yield sys._getframe().f_back.f_code.co_name
def consumer_one(g):
    return next(g)
def consumer_two(g):
    return next(g)
g = gen()
print(consumer_one(g), consumer_two(g))
print(g.gi_frame.f_code.co_name, g.gi_frame.f_back)
