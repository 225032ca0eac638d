class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return type(self).__name__
class Dog(Animal):
    sound = "woof"
class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + "!"
print(Animal("a").speak(), Dog("d").speak(), Puppy("p").speak(), Puppy("p").kind())
print(issubclass(Puppy, Animal), issubclass(Animal, Dog), isinstance(Puppy("x"), Dog), Puppy.__mro__)
print(Dog.__bases__, Puppy.__base__, Animal.__subclasses__())
class A: pass
class B: pass
class C(A, B): pass
print(C.__bases__, [k.__name__ for k in C.__mro__])
print(issubclass(C, (B, int)), isinstance(C(), (int, A)))
