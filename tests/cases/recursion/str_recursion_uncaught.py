class R:
    def __str__(self):
        return str(self)
print("before")
str(R())
