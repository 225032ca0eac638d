class Stack(list):
    def push(self, v):
        self.append(v)
    def peek(self):
        return self[-1]
s = Stack()
s.push(1); s.push(2)
print(s, s.peek(), s.pop(), len(s), isinstance(s, list), Stack.__mro__)
class CountingDict(dict):
    def __missing__(self, k):
        self[k] = 0
        return 0
cd = CountingDict()
for ch in "hello":
    cd[ch] += 1
print(cd, cd.get("z"), "z" in cd)
class Upper(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
print(Upper("abc"), len(Upper("xy")), Upper("a") + "b")
