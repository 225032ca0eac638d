data = [("b", 2), ("a", 2), ("c", 1), ("d", 3), ("e", 1)]
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
print(sorted(data))
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f"V({self.v})"
print(sorted([V(3), V(1), V(2)]), max([V(3), V(5)]) if hasattr(V, "__gt__") else "")
l = list(range(20, 0, -1))
l.sort(key=lambda x: x % 5)
print(l)
