class Obj:
    def method(self):
        return None
o = Obj()
o.method().attribute.other
