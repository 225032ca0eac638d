class Loop:
    def __getattr__(self, name):
        return getattr(self, "_" + name)
try:
    Loop().x
except RecursionError as e:
    print(type(e).__name__, e)
class Prop:
    @property
    def p(self):
        return self.p
try:
    Prop().p
except RecursionError as e:
    print(type(e).__name__, e)
print("recovered")
