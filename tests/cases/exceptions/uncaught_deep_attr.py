class A:
    def __init__(self):
        self.child = None
a = A()
value = a.child.grandchild.name
