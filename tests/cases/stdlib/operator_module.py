import operator
print(operator.add(1, 2), operator.itemgetter(1)([5, 6]), operator.attrgetter("real")(3), operator.methodcaller("upper")("x"))
print(sorted([(1, "b"), (2, "a")], key=operator.itemgetter(1)), operator.index(5), operator.neg(3))
print(operator.contains([1], 1), operator.concat("a", "b"), operator.truth(0), operator.is_(None, None))
