print("abc" == "abc", "a" * 3 == "aaa", hash("abc") == hash("ab" + "c"))
print(sorted(["é", "e", "z", "E", "ñ", "日"]), "ä" > "z", "Z" < "a")
print("abc".__eq__(1), "abc".__lt__("abd"), "x".__hash__() == hash("x"))
print(str.lower is str.lower, "".join([]) == "", len(""), "" in "abc")
