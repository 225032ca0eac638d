counter = 1
def show():
    print(countr)
show()
