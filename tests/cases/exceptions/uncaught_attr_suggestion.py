class Config:
    def __init__(self):
        self.verbose = True
        self.version = 3
c = Config()
print(c.verbose)
print(c.verbos)
