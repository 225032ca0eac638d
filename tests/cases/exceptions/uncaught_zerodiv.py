def compute(a, b):
    return a / b
def run():
    values = [1, 2, 0]
    return [compute(10, v) for v in values]
run()
